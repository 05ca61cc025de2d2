"""Real processes of one installation: gunicorn with several workers, management commands.

Behaviour that lives between processes (a shared cache, rate limits, slow clients)
cannot be seen with Django's test client, which runs everything in one process.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent
BIN_DIR = Path(sys.executable).parent
# Variables of the test run that must not reach a server process.
UNWANTED = {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_URL", "REDIS_URL"}


def postgres_url() -> str | None:
    """The PostgreSQL server of this test run (its PostgreSQL pass), if any."""
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


def only_in_pass(database: str) -> None:
    """Tests with real processes set up their own database ("sqlite" or "postgresql").
    Each runs in the pass of the suite on that database, so the slow ones run once."""
    if (database == "postgresql") != (postgres_url() is not None):
        name = "PostgreSQL" if database == "postgresql" else "SQLite"
        pytest.skip(f"läuft im {name}-Durchgang der Tests")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def installation_env(folder: Path, **extra: str) -> dict:
    """Environment of a fresh installation in ``folder`` served as ``make run`` does."""
    env = {key: value for key, value in os.environ.items() if key not in UNWANTED}
    env.update(
        DJANGO_ENV="dev",
        DEBUG="false",
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
        CACHE_DIR=str(folder / "cache"),
        STATIC_ROOT=str(folder / "static"),
        MEDIA_ROOT=str(folder / "media"),
        LOG_LEVEL="WARNING",
        PAGE_CACHE="true",
    )
    env.update(extra)
    return env


def manage(env: dict, *args: str, timeout: float = 180) -> str:
    result = subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)}:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def prepare(folder: Path, static: bool = True, **extra: str) -> dict:
    """Set up an installation in ``folder`` as ``make run`` does, without demo content;
    without the static files when no server will run in it."""
    env = installation_env(folder, **extra)
    manage(env, "migrate", "--no-input")
    if static:
        manage(env, "collectstatic", "--no-input", "--verbosity", "0")
    manage(env, "setup_site")
    return env


def shell(env: dict, code: str) -> str:
    """Run ``code`` in a management-command process of the installation."""
    return manage(env, "shell", "--no-imports", "-c", code)


@dataclass
class Server:
    """gunicorn serving the portal on loopback, with its own worker processes."""

    env: dict
    workers: int = 2
    options: tuple[str, ...] = ()
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> "Server":
        command = [
            str(BIN_DIR / "gunicorn"),  # configured by gunicorn.conf.py, as everywhere
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(self.workers),
            *self.options,
        ]
        self.process = subprocess.Popen(command, cwd=PROJECT_DIR, env=self.env)  # noqa: S603
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.base + "/healthz", timeout=1)  # noqa: S310
                return self
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError("gunicorn ist beim Start beendet worden.") from None
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("gunicorn antwortet nicht.")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)

    def get(self, path: str, **headers: str) -> tuple[int, dict, str]:
        """One request on a new connection, so the workers take turns at random."""
        request = urllib.request.Request(self.base + path, headers=headers)  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310
                return response.status, dict(response.headers), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode()
