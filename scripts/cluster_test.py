#!/usr/bin/env python
"""Two app instances behind nginx on loopback; one is killed under load. Nothing may be lost.

    .venv/bin/python scripts/cluster_test.py [--seconds 30] [--members 12] [--cache both]

Uses PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379 (started here with
redis-server where none answers). Builds a fresh database with the demo content, then
for each cache topology (the embedded default: one cache folder shared by both
instances; and Redis) starts two gunicorn instances and nginx as load balancer, lets
members post comments in the demo's open round while readers load public pages and an
anonymous reader keeps reloading one page. Halfway through, instance A is killed
(SIGKILL) and restarted, and that page is unpublished by a management command.
Afterwards every comment that got a success response must be in the database exactly
once, the error rate must stay within what the balancer's retry allows, and no answer
asked for after the unpublishing may still carry the page. Prints its figures; exits
non-zero when anything was lost or served stale.
"""

import argparse
import http.cookiejar
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
MAX_ERROR_RATE = 0.05
NGINX_CONF = """
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log warn;
events {{ worker_connections 512; }}
http {{
  access_log off;
  client_body_temp_path {work}/body;
  proxy_temp_path {work}/proxy;
  fastcgi_temp_path {work}/fastcgi;
  uwsgi_temp_path {work}/uwsgi;
  scgi_temp_path {work}/scgi;
  upstream portal {{
    server 127.0.0.1:{port_a} max_fails=1 fail_timeout=2s;
    server 127.0.0.1:{port_b} max_fails=1 fail_timeout=2s;
  }}
  server {{
    listen 127.0.0.1:{port};
    location / {{
      proxy_pass http://portal;
      proxy_set_header Host $host;
      proxy_set_header X-Request-ID $request_id;
      # GETs are retried on the other instance; POSTs are not (no double comments).
      proxy_next_upstream error timeout http_502 http_503;
      proxy_next_upstream_tries 2;
      proxy_connect_timeout 1s;
      proxy_read_timeout 20s;
    }}
  }}
}}
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def answers(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def run(env: dict, *args: str) -> str:
    result = subprocess.run(args, cwd=PROJECT, env=env, capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"{' '.join(args)} ist fehlgeschlagen:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"{url} antwortet nicht.")


class App:
    """One gunicorn instance of the portal."""

    def __init__(self, env: dict, port: int):
        self.env, self.port, self.process = env, port, None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                str(Path(PYTHON).parent / "gunicorn"),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "2",
                "--log-level",
                "warning",
            ],
            cwd=PROJECT,
            env=self.env,
        )
        wait_for(f"http://127.0.0.1:{self.port}/healthz")

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()
        # The workers die with their master only on SIGTERM; reap them by port.
        subprocess.run(["pkill", "-9", "-f", f"127.0.0.1:{self.port}"], check=False)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


def member_sessions(env: dict, count: int) -> list[str]:
    """Session keys of ``count`` members, created directly in the shared session store."""
    code = f"""
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from importlib import import_module
from django.conf import settings
SessionStore = import_module(settings.SESSION_ENGINE).SessionStore
from members.choices import MembershipSource
from members.models import Organisation
from members.services import grant_membership
organisation = Organisation.objects.get(name="Stadt Musterhausen")
for n in range({count}):
    email = f"last{{n}}@musterhausen.example"
    users = get_user_model().objects
    user = users.filter(email=email).first() or users.create_user(email, email, None)
    grant_membership(user, organisation, MembershipSource.STAFF)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    print("SESSION", session.session_key)
"""
    output = run(env, PYTHON, "manage.py", "shell", "--no-imports", "-c", code)
    return re.findall(r"SESSION (\w+)", output)


def open_round_url(env: dict) -> str:
    code = (
        "from rounds.models import CommentRound; "
        "print('URL', CommentRound.objects.open().first().get_url())"
    )
    return re.search(
        r"URL (\S+)", run(env, PYTHON, "manage.py", "shell", "--no-imports", "-c", code)
    ).group(1)


class Commenter(threading.Thread):
    def __init__(
        self, base: str, round_url: str, session_key: str, name: str, stop: threading.Event
    ):
        super().__init__(daemon=True)
        self.base, self.round_url, self.name_, self.stop = base, round_url, name, stop
        self.jar = http.cookiejar.CookieJar()
        self.jar.set_cookie(
            http.cookiejar.Cookie(
                0,
                "sessionid",
                session_key,
                None,
                False,
                "127.0.0.1",
                False,
                False,
                "/",
                True,
                False,
                None,
                False,
                None,
                None,
                {},
            )
        )
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect()
        )
        self.succeeded, self.failed = [], 0
        self.reasons: Counter[str] = Counter()  # what went wrong, for the report

    def run(self) -> None:
        number = 0
        # The portal takes 10 comments a minute from one member (PORTAL_RATE_LIMITS): keep
        # to that pace, and when told to wait (429, Retry-After), wait; that is no failure.
        pause = 6.0
        while not self.stop.is_set():
            number += 1
            text = f"Lastkommentar {self.name_}-{number}"
            try:
                page = self.opener.open(self.base + self.round_url, timeout=20).read().decode()
                token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
                # The form's own token: sent twice, the comment is still stored once.
                form = re.search(r'name="submission_token" value="([^"]+)"', page).group(1)
                data = urllib.parse.urlencode(
                    {
                        "csrfmiddlewaretoken": token,
                        "submission_token": form,
                        "block_id": "",
                        "text": text,
                    }
                )
                request = urllib.request.Request(
                    self.base + self.round_url,
                    data=data.encode(),
                    headers={"Referer": self.base + self.round_url},
                )
                if self.send(request, text):
                    self.succeeded.append(text)
                else:
                    self.failed += 1
            except urllib.error.HTTPError as error:
                if error.code == 429:
                    self.stop.wait(float(error.headers.get("Retry-After") or pause))
                    continue
                self.failed += 1
                self.reasons[str(error.code)] += 1
                time.sleep(0.2)
            except (OSError, AttributeError) as error:
                self.failed += 1
                self.reasons[type(error).__name__] += 1
                time.sleep(0.2)
            self.stop.wait(pause)

    def send(self, request, text: str) -> bool:
        """Send the comment form; when the answer is lost (an instance dies mid-request,
        the balancer answers 502/503), send the same form once more, as a person would.
        The form's token makes the second sending store nothing new."""
        for attempt in range(2):
            try:
                response = self.opener.open(request, timeout=20)
                if response.status == 302:
                    return True
                self.reasons[str(response.status)] += 1
                return False
            except urllib.error.HTTPError as error:
                if error.code not in (502, 503) or attempt:
                    raise
                self.reasons[f"{error.code}, erneut gesendet"] += 1
            except OSError as error:
                if attempt:
                    raise
                self.reasons[f"{type(error).__name__}, erneut gesendet"] += 1
            self.stop.wait(1.0)
        return False


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def http_error_302(self, req, fp, code, msg, headers):
        return fp


def new_page(env: dict) -> tuple[str, str]:
    """A published Leitbild page with a unique phrase; its URL and the phrase."""
    phrase = f"Rueckzug-{os.urandom(5).hex()}"
    code = (
        "from strands.models import MissionIndexPage\n"
        "from tests import factories\n"
        f"page = factories.mission_page(MissionIndexPage.objects.get(), title='{phrase}',"
        f" body=factories.body(prefix='{phrase}'))\n"
        "print('URL', page.url)\n"
    )
    output = run(env, PYTHON, "manage.py", "shell", "--no-imports", "-c", code)
    return re.search(r"URL (\S+)", output).group(1), phrase


def unpublish(env: dict, path: str) -> None:
    code = (
        "from wagtail.models import Page; "
        f"Page.objects.get(url_path__endswith='{path}').specific.unpublish()"
    )
    run(env, PYTHON, "manage.py", "shell", "--no-imports", "-c", code)


class Watcher(threading.Thread):
    """An anonymous reader of one page: notes when each answer was asked for and
    whether it still carried the page's text."""

    def __init__(self, url: str, phrase: str, stop: threading.Event):
        super().__init__(daemon=True)
        self.url, self.phrase, self.stop = url, phrase, stop
        self.answers: list[tuple[float, bool]] = []

    def run(self) -> None:
        while not self.stop.is_set():
            asked = time.monotonic()
            try:
                body = urllib.request.urlopen(self.url, timeout=10).read().decode()
            except urllib.error.HTTPError as error:
                body = error.read().decode()
            except OSError:
                continue
            self.answers.append((asked, self.phrase in body))
            time.sleep(0.05)


def run_topology(name: str, env: dict, work: Path, options) -> bool:
    """Load, kill and unpublish against two instances sharing ``env``'s cache. True if all held."""
    print(f"\n--- Cache: {name} ---", flush=True)
    sessions = member_sessions(env, options.members)
    round_url = open_round_url(env)
    page_path, phrase = new_page(env)
    apps, nginx = [App(env, free_port()), App(env, free_port())], None
    try:
        for app in apps:
            app.start()
        port = free_port()
        conf = work / name
        for folder in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (conf / folder).mkdir(parents=True)
        (conf / "nginx.conf").write_text(
            NGINX_CONF.format(work=conf, port=port, port_a=apps[0].port, port_b=apps[1].port)
        )
        nginx = subprocess.Popen(["nginx", "-c", str(conf / "nginx.conf"), "-g", "daemon off;"])
        base = f"http://127.0.0.1:{port}"
        wait_for(base + "/healthz")

        print(
            f"Last: {options.members} Mitglieder kommentieren, Leser laden Seiten, "
            f"{options.seconds} s; Instanz A fällt zur Hälfte aus, danach wird eine "
            "gelesene Seite zurückgezogen.",
            flush=True,
        )
        stop = threading.Event()
        commenters = [
            Commenter(base, round_url, key, f"{name}-{n}", stop) for n, key in enumerate(sessions)
        ]
        watcher = Watcher(base + page_path, phrase, stop)
        for thread in [*commenters, watcher]:
            thread.start()
        readers = subprocess.Popen(
            ["wrk", "-t2", "-c8", f"-d{options.seconds}s", base + "/leitbild/"],
            stdout=subprocess.PIPE,
            text=True,
        )
        time.sleep(options.seconds / 2)
        apps[0].kill()
        print("Instanz A beendet (SIGKILL).", flush=True)
        time.sleep(2)
        apps[0].start()
        print("Instanz A läuft wieder.", flush=True)
        unpublish(env, page_path)
        unpublished_at = time.monotonic()
        print("Seite zurückgezogen (manage.py in einem eigenen Prozess).", flush=True)
        time.sleep(max(options.seconds / 2 - 4, 2))
        stop.set()
        for thread in [*commenters, watcher]:
            thread.join(timeout=30)
        reader_output = readers.communicate(timeout=60)[0]
    finally:
        if nginx:
            nginx.terminate()
        for app in apps:
            app.stop()

    succeeded = [text for commenter in commenters for text in commenter.succeeded]
    failed = sum(commenter.failed for commenter in commenters)
    reasons = sum((commenter.reasons for commenter in commenters), Counter())
    code = (
        "from rounds.models import Comment; import collections, json; "
        f"texts = Comment.objects.filter(text__startswith='Lastkommentar {name}-')"
        ".values_list('text', flat=True); "
        "print('COUNTS', json.dumps(collections.Counter(texts)))"
    )
    counts = json.loads(
        re.search(
            r"COUNTS (.*)", run(env, PYTHON, "manage.py", "shell", "--no-imports", "-c", code)
        ).group(1)
    )
    lost = [text for text in succeeded if counts.get(text, 0) != 1]
    attempts = len(succeeded) + failed
    error_rate = failed / attempts if attempts else 1.0
    before = [carried for asked, carried in watcher.answers if asked < unpublished_at]
    after = [carried for asked, carried in watcher.answers if asked >= unpublished_at]
    stale = sum(after)
    reader_rps = re.search(r"Requests/sec:\s+([\d.]+)", reader_output)
    reader_errors = re.search(r"Non-2xx or 3xx responses: (\d+)", reader_output)
    socket_errors = re.search(r"Socket errors: (.*)", reader_output)

    print(
        f"Kommentare bestätigt: {len(succeeded)}, fehlgeschlagen: {failed} "
        f"(Fehlerquote {error_rate:.1%}, erlaubt {MAX_ERROR_RATE:.0%})"
        + (f"; Gründe: {dict(sorted(reasons.items()))}" if reasons else "")
    )
    print(f"Davon nicht genau einmal gespeichert: {len(lost)}")
    print(
        f"Zurückgezogene Seite: {sum(before)} von {len(before)} Antworten davor mit Text, "
        f"{stale} von {len(after)} Antworten danach noch mit Text (erlaubt 0)"
    )
    print(
        f"Leser: {reader_rps.group(1) if reader_rps else '?'} Anfragen/s, "
        f"Fehlerantworten: {reader_errors.group(1) if reader_errors else 0}"
        + (f", Socket-Fehler: {socket_errors.group(1)}" if socket_errors else "")
    )
    return bool(
        succeeded
        and not lost
        and error_rate <= MAX_ERROR_RATE
        and any(before)
        and after
        and not stale
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--members", type=int, default=12)
    parser.add_argument(
        "--cache",
        choices=["embedded", "redis", "both"],
        default="both",
        help="shared files (the embedded default), Redis, or one run with each",
    )
    options = parser.parse_args()
    for tool in ("nginx", "psql", "wrk"):
        if not shutil.which(tool) and not Path(f"/usr/sbin/{tool}").exists():
            sys.exit(f"{tool} fehlt (Debian-Pakete nginx-light, postgresql-client, wrk).")

    work = Path(tempfile.mkdtemp(prefix="cluster-"))
    database = f"cluster_{os.getpid()}"
    redis = None
    if not answers(6379):
        redis = subprocess.Popen(
            ["redis-server", "--port", "6379", "--save", "", "--bind", "127.0.0.1"]
        )
        time.sleep(1)
    run(os.environ.copy(), "createdb", "-h", "127.0.0.1", "-U", "postgres", database)
    env = {
        **{key: value for key, value in os.environ.items() if key != "REDIS_URL"},
        "DJANGO_ENV": "dev",
        "DEBUG": "false",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{database}",
        "MEDIA_ROOT": str(work / "media"),
        "STATIC_ROOT": str(work / "static"),
        "LOG_LEVEL": "WARNING",
    }
    topologies = {
        # Both instances run on this machine and share one cache folder, as the
        # workers of one installation do.
        "embedded": {"CACHE_DIR": str(work / "cache")},
        "redis": {"REDIS_URL": "redis://127.0.0.1:6379/9", "CACHE_DIR": str(work / "unused")},
    }
    chosen = list(topologies) if options.cache == "both" else [options.cache]
    try:
        print("Datenbank und Demo-Inhalte …", flush=True)
        run(env, PYTHON, "manage.py", "migrate", "--no-input")
        run(env, PYTHON, "manage.py", "collectstatic", "--no-input")
        run(env, PYTHON, "manage.py", "load_demo")
        results = {
            name: run_topology(name, {**env, **topologies[name]}, work, options) for name in chosen
        }
        if not all(results.values()):
            failed = ", ".join(name for name, held in results.items() if not held)
            sys.exit(
                f"FEHLER ({failed}): Kommentare verloren, zu viele Fehler "
                "oder eine zurückgezogene Seite noch ausgeliefert."
            )
        print("\nOK: nichts verloren, nichts Zurückgezogenes ausgeliefert.")
    finally:
        if redis:
            redis.terminate()
        subprocess.run(
            ["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", database], check=False
        )
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
