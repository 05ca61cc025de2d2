#!/usr/bin/env python
"""Throughput of the portal's public pages, measured with wrk against gunicorn.

    .venv/bin/python bench/run_bench.py [--scale 10] [--duration 10] [--database-url URL]

Builds a fresh database (demo content, scaled up), starts gunicorn twice — with and
without the page cache — and lets wrk load each page and a static file served by
the same server in the same run. Prints requests per second and p50/p99 latency,
throughput also as a ratio to the static file. Throughput is measured with
``--connections`` parallel clients, latency with one client (no queueing).
Needs `wrk` (Debian package wrk).
"""

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
STATIC = "/static/css/portal.css"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env: dict, *args: str) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=PROJECT, env=env, capture_output=True, text=True
    )
    if result.returncode:
        sys.exit(f"manage.py {' '.join(args)} ist fehlgeschlagen:\n{result.stderr}")
    return result.stdout


def shell(env: dict, code: str) -> str:
    return manage(env, "shell", "--no-imports", "-c", code).strip()


def discover_urls(env: dict) -> dict[str, str]:
    """The pages to load, found in the database (their slugs may differ per run)."""
    code = r"""
from strands.models import MissionPage, GuidancePage
from rounds.models import CommentRound
from versions.models import Version
mission = MissionPage.objects.live().get(slug="grundsaetze")
guidance = GuidancePage.objects.live().get(slug="open-source-strategie")
versions = list(Version.objects.filter(page__slug="open-source-zuerst").order_by("published_at"))
diff = f"{versions[0].page.url}fassungen/{versions[-2].label}/vergleich/{versions[-1].label}/"
released = CommentRound.objects.released().first()
print(mission.url, guidance.url, diff, released.get_url() if released else "", sep="\n")
"""
    mission, guidance, diff, round_url = shell(env, code).splitlines()[-4:]
    urls = {
        "Statische Datei": STATIC,
        "Startseite": "/",
        "Leitbild-Kapitel": mission,
        "Handlungshilfe": guidance,
        "Fassungsvergleich": diff,
        "Suche": "/suche/?q=Open+Source",
    }
    if round_url:
        urls["Abwägungstabelle (Runde)"] = round_url
    return urls


def start_server(env: dict, port: int, workers: int) -> subprocess.Popen:
    process = subprocess.Popen(
        [
            str(Path(PYTHON).parent / "gunicorn"),
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=PROJECT,
        env=env,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    sys.exit("gunicorn ist nicht gestartet.")


def wrk(url: str, duration: int, connections: int) -> tuple[float, float, float]:
    """Requests per second, p50 and p99 latency in milliseconds."""
    output = subprocess.run(
        ["wrk", f"-t{min(2, connections)}", f"-c{connections}", f"-d{duration}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    if "Non-2xx or 3xx responses" in output:
        print(f"  Achtung: Fehlerantworten bei {url}", file=sys.stderr)

    def percentile(name: str) -> float:
        value, unit = re.search(rf"{name}%\s+([\d.]+)(us|ms|s)", output).groups()
        return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

    return rps, percentile("50"), percentile("99")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=10, help="Demo-Daten vervielfachen (1 = aus)")
    parser.add_argument("--duration", type=int, default=10, help="Sekunden je Messung")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 2) * 2 + 1)
    parser.add_argument("--database-url", help="leere PostgreSQL-Datenbank statt SQLite")
    options = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk fehlt (Debian: apt-get install wrk).")

    workdir = Path(tempfile.mkdtemp(prefix="bench-"))
    env = {
        **os.environ,
        "DJANGO_ENV": "dev",
        "DEBUG": "false",
        # No worker runs beside the benchmark: index the demo for search in the process.
        "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "DATABASE_URL": options.database_url or f"sqlite:///{workdir / 'bench.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "LOG_LEVEL": "WARNING",
    }
    print(f"Datenbank vorbereiten ({env['DATABASE_URL'].split('@')[-1]}) …", file=sys.stderr)
    manage(env, "migrate", "--no-input")
    manage(env, "load_demo")
    if options.scale > 1:
        manage(env, "scale_demo", "--factor", str(options.scale))
    manage(env, "collectstatic", "--no-input")
    urls = discover_urls(env)

    results = {}
    for label, cache in [("mit Seiten-Cache", "true"), ("ohne Seiten-Cache", "false")]:
        port = free_port()
        server = start_server(env | {"PAGE_CACHE": cache}, port, options.workers)
        try:
            for name, path in urls.items():
                url = f"http://127.0.0.1:{port}{path}"
                urllib.request.urlopen(url, timeout=10)
                rps = wrk(url, options.duration, options.connections)[0]
                # Latency of single requests, without queueing behind other clients.
                _, p50, p99 = wrk(url, max(2, options.duration // 2), 1)
                results[(label, name)] = (rps, p50, p99)
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)

    print(
        f"\nDaten: Demo ×{options.scale}, {options.workers} gunicorn-Worker, "
        f"wrk {options.connections} Verbindungen × {options.duration} s\n"
    )
    print("| Seite | Modus | Anfragen/s | × statisch | p50 ms (einzeln) | p99 ms (einzeln) |")
    print("|---|---|---:|---:|---:|---:|")
    for label in ("mit Seiten-Cache", "ohne Seiten-Cache"):
        static_rps = results[(label, "Statische Datei")][0]
        for name in urls:
            rps, p50, p99 = results[(label, name)]
            print(
                f"| {name} | {label} | {rps:.0f} | {rps / static_rps:.2f} | {p50:.1f} | {p99:.1f} |"
            )
    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
