"""Benchmark: compare two versions with hundreds of paragraphs.

    .venv/bin/python bench/diff_versions.py [--paragraphs 600] [--repeat 7]

Builds two synthetic bodies (German sentences, sections of ten paragraphs), changes
about every tenth paragraph word by word, inserts, deletes and moves a few, then
times the comparison alone and the comparison plus rendering of every row with the
page's row template. Prints the figures; it is not part of the test suite.
"""

import argparse
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django  # noqa: E402

django.setup()

from django.template.loader import render_to_string  # noqa: E402

from versions.diff import diff_bodies  # noqa: E402

WORDS = [
    *("Kommunen", "Städte", "Daten", "Software", "Verwaltung", "offene", "Standards"),
    *("Schnittstellen", "Vergabe", "Betrieb", "Abhängigkeit", "Souveränität", "Bürger"),
    *("gemeinsam", "prüfen", "entwickeln", "Datenschutzgrundverordnung", "und", "oder"),
    *("Gemeindegrößenklasse", "mit", "für", "über", "der", "die", "das"),
]


def sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def build(paragraphs: int, rng: random.Random) -> list[dict]:
    body = []
    for number in range(paragraphs):
        if number % 10 == 0:
            body.append({"type": "heading", "value": sentence(rng, 4), "id": str(uuid.uuid4())})
        text = " ".join(sentence(rng, rng.randint(8, 18)) for _ in range(rng.randint(3, 6)))
        body.append({"type": "paragraph", "value": f"<p>{text}</p>", "id": str(uuid.uuid4())})
    return body


def revise(body: list[dict], rng: random.Random) -> list[dict]:
    new = [dict(block) for block in body]
    for block in new[::10]:
        if block["type"] == "paragraph":
            words = block["value"][3:-4].split()
            for _ in range(5):
                words[rng.randrange(len(words))] = rng.choice(WORDS)
            block["value"] = "<p>" + " ".join(words) + "</p>"
    for _ in range(len(new) // 50):
        del new[rng.randrange(len(new))]
        position = rng.randrange(len(new))
        new.insert(
            position,
            {"type": "paragraph", "value": f"<p>{sentence(rng, 12)}</p>", "id": str(uuid.uuid4())},
        )
        moved = new.pop(rng.randrange(len(new)))
        new.insert(rng.randrange(len(new)), moved)
    return new


def timed(function, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=600)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    rng = random.Random(2020)  # noqa: S311 - reproducible test data, not cryptography
    old = build(args.paragraphs, rng)
    new = revise(old, rng)
    diff = diff_bodies(old, new)
    context = {"old_version": {"label": "1.0"}, "new_version": {"label": "1.1"}}

    def diff_and_render():
        rows = diff_bodies(old, new).rows
        return "".join(
            render_to_string("versions/components/diff_row.html", context | {"row": row})
            for row in rows
        )

    words = sum(len(block["value"].split()) for block in old)
    print(f"Fassungen mit {len(old)} bzw. {len(new)} Blöcken (~{words} Wörter)")
    print("Änderungen:", ", ".join(f"{label} {count}" for _, label, count in diff.summary()))
    for label, function in [
        ("nur Vergleich", lambda: diff_bodies(old, new)),
        ("Vergleich + alle Zeilen rendern", diff_and_render),
    ]:
        times = timed(function, args.repeat)
        print(
            f"{label:34} Median {statistics.median(times) * 1000:7.1f} ms"
            f"   bestes {min(times) * 1000:7.1f} ms   ({args.repeat} Läufe)"
        )


if __name__ == "__main__":
    main()
