"""Start and read the test SMTP server (``smtp_server.py``) from a test."""

import email
import email.policy
import socket
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path

from tests.processes import PROJECT_DIR, free_port


@dataclass
class SmtpServer:
    folder: Path
    delay: float = 0.0
    refuse: tuple[str, ...] = ()
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None

    def start(self) -> "SmtpServer":
        self.folder.mkdir(parents=True, exist_ok=True)
        command = [
            sys.executable,
            "-m",
            "aiosmtpd",
            "-n",
            "-l",
            f"127.0.0.1:{self.port}",
            "-c",
            "tests.background.smtp_server.Inbox",
            str(self.folder),
            str(self.delay),
            ",".join(self.refuse),
        ]
        log = (self.folder.parent / f"smtp-{self.port}.log").open("wb")
        self.process = subprocess.Popen(  # noqa: S603 - our own test server
            command, cwd=PROJECT_DIR, stdout=log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", self.port)) == 0:
                    return self
            if self.process.poll() is not None:
                raise RuntimeError("Der SMTP-Server ist beim Start beendet worden.")
            time.sleep(0.05)
        self.stop()
        raise RuntimeError("Der SMTP-Server antwortet nicht.")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)

    def raw_messages(self) -> list[bytes]:
        return [path.read_bytes() for path in sorted(self.folder.glob("*.eml"))]

    def messages(self) -> list[Message]:
        """As received: header values stay encoded (compat32), as on the wire."""
        return [
            email.message_from_bytes(raw, policy=email.policy.compat32)
            for raw in self.raw_messages()
        ]

    def message_ids(self) -> Counter:
        return Counter(message["Message-ID"] for message in self.messages())

    def wait_for(self, count: int, timeout: float = 60) -> list[Message]:
        deadline = time.monotonic() + timeout
        while len(list(self.folder.glob("*.eml"))) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"{len(self.raw_messages())} statt {count} E-Mails angekommen")
            time.sleep(0.02)
        return self.messages()
