"""A real SMTP server for the tests: aiosmtpd in a process of its own, started as

    python -m aiosmtpd -n -l 127.0.0.1:PORT -c tests.background.smtp_server.Inbox ARGS

with ARGS: FOLDER [DELAY [REFUSE]]. Each accepted message is written to FOLDER as one
file, the bytes as received, before the server answers "250 OK". DELAY seconds pass
before that: a client that is gone by then (killed, or hung up) has not had its
message accepted, as with any server. REFUSE names addresses (comma-separated) that
are refused for good with 550.
"""

import asyncio
import os
import uuid
from pathlib import Path


class Inbox:
    def __init__(self, folder: str, delay: float = 0.0, refuse: tuple[str, ...] = ()):
        self.folder = Path(folder)
        self.delay = delay
        self.refuse = {address.lower() for address in refuse}
        self.folder.mkdir(parents=True, exist_ok=True)

    @classmethod
    def from_cli(cls, parser, folder, delay="0", refuse=""):
        return cls(folder, float(delay), tuple(filter(None, refuse.split(","))))

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.refuse:
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            # Cancelled by aiosmtpd when the client's connection is lost meanwhile.
            await asyncio.sleep(self.delay)
        name = f"{asyncio.get_running_loop().time():020.6f}-{uuid.uuid4().hex}"
        partial = self.folder / f".{name}"
        partial.write_bytes(envelope.original_content)
        os.replace(partial, self.folder / f"{name}.eml")  # readers never see half a file
        return "250 OK"
