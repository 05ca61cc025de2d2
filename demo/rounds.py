"""Demo comment rounds: one open round with comments from several organisations, and
one closed round whose released decisions explain the changes of a later version."""

from collections.abc import Callable
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from members.choices import MembershipSource
from members.models import Membership, Organisation
from members.services import grant_membership
from rounds.choices import Decision, Visibility
from rounds.forms import plain_text
from rounds.models import Comment, CommentRound
from strands.models import MissionPage

OPEN_ROUND_PAGE = "grundsaetze"
CLOSED_ROUND_PAGE = "open-source-zuerst"

# The demo members of demo/members.py who comment (created there if loaded first).
VOICES = [
    ("Stadt Musterhausen", "stadt", "s.neumann@musterhausen.example"),
    ("Landkreis Beispielkreis", "kreis", "j.ott@beispielkreis.example"),
    ("Gemeinde Modellingen", "gemeinde", "m.weber@modellingen.example"),
    ("Stadt Beispielstadt", "stadt", "s.krause@beispielstadt.example"),
]

OPEN_COMMENTS = [
    # (organisation, paragraph contains, quote, text)
    (
        "Stadt Musterhausen",
        "Umfrage der KGSt",
        "große Mehrheit",
        "Bitte die Zahl aus der Umfrage (87 Prozent) auch hier nennen; „große Mehrheit“ "
        "bleibt zu vage für den Ratsbeschluss.",
    ),
    (
        "Landkreis Beispielkreis",
        "Souverän ist eine Kommune nicht dann",
        "",
        "Für Kreise ist wichtig, dass auch gemeinsame Rechenzentren als Weg zur Souveränität "
        "gelten. Das sollte ausdrücklich im Text stehen.",
    ),
    (
        "Gemeinde Modellingen",
        "",
        "",
        "Kleine Gemeinden können vieles nicht selbst. Das Leitbild sollte sagen, wie sie "
        "über Zweckverbände und Dienstleister trotzdem souverän handeln.",
    ),
]

CLOSED_COMMENTS = [
    # (organisation, paragraph contains, text, decision, answer)
    (
        "Stadt Beispielstadt",
        "gemeinsame Plattformen",
        "Wer bezahlt die Pflege gemeinsamer Lösungen, wenn das Projekt ausläuft? Ohne "
        "Finanzierung bleibt der Grundsatz ein Appell.",
        Decision.ACCEPTED,
        "Aufgenommen: Der neue Absatz 3.3 verlangt feste Mittel für Wartung und Weiterentwicklung.",
    ),
    (
        "Landkreis Beispielkreis",
        "Ratsinformationssystems und teilen sich die Kosten",
        "Der Beispielkasten wirkt wie Werbung für ein Projekt. Besser auf die guten "
        "Beispiele der Handlungshilfen verweisen.",
        Decision.PARTLY_ACCEPTED,
        "Der Kasten entfällt; die Beispiele stehen jetzt bei den Handlungshilfen.",
    ),
    (
        "Stadt Musterhausen",
        "Open Source ist nicht kostenlos",
        "Die Voraussetzungen sollten vor den Zielen stehen, sonst wirkt der Text naiv.",
        Decision.ACCEPTED,
        "Die Liste steht jetzt am Anfang von Abschnitt 2.",
    ),
    (
        "Gemeinde Modellingen",
        "",
        "Bitte eine Übergangsfrist für laufende Verträge nennen.",
        Decision.REJECTED,
        "Fristen legen die Kommunen selbst fest; das Leitbild nennt nur den Grundsatz.",
    ),
]


def _organisations() -> dict[str, Organisation]:
    return {
        name: Organisation.objects.get_or_create(name=name, defaults={"kind": kind})[0]
        for name, kind, _email in VOICES
    }


def _author(email: str, organisation: Organisation):
    users = get_user_model().objects
    user = users.filter(email__iexact=email).first()
    if user is None:
        user = users.create_user(email, email, password=None)
    if not Membership.objects.filter(user=user).exists():
        grant_membership(user, organisation, MembershipSource.STAFF)
    return user


def _block_id(comment_round: CommentRound, contains: str) -> str:
    if not contains:
        return ""
    return next(
        item.block.id for item in comment_round.numbered_body if contains in plain_text(item.block)
    )


def _ensure_open_round(organisations, authors) -> bool:
    page = MissionPage.objects.filter(slug=OPEN_ROUND_PAGE).first()
    if page is None or CommentRound.objects.filter(page=page).exists():
        return False
    now = timezone.now()
    comment_round = CommentRound.freeze(
        page,
        opens_at=now - timedelta(days=5),
        closes_at=now + timedelta(days=16),
        instructions=(
            "Bitte kommentieren Sie vor allem Abschnitt 3 und 4. Kommentare zu "
            "Formulierungen helfen uns ebenso wie grundsätzliche Einwände."
        ),
        visibility=Visibility.OPEN,
        opening_notice_sent_at=now - timedelta(days=5),
    )
    comment_round.save()
    for organisation, contains, quote, text in OPEN_COMMENTS:
        Comment.objects.create(
            round=comment_round,
            block_id=_block_id(comment_round, contains),
            quote=quote,
            text=text,
            author=authors[organisation],
            organisation=organisations[organisation],
        )
    return True


def _ensure_closed_round(organisations, authors) -> bool:
    """A released round on the version before the last one of ``CLOSED_ROUND_PAGE``."""
    from versions.models import Version

    page = MissionPage.objects.filter(slug=CLOSED_ROUND_PAGE).first()
    if page is None or CommentRound.objects.filter(page=page).exists():
        return False
    versions = list(Version.objects.of_page(page).order_by("published_at"))
    if len(versions) < 2:
        return False
    commented, revised = versions[-2], versions[-1]
    # The demo publishes all versions at once; the round is dated into the past.
    now = timezone.now()
    comment_round = CommentRound.freeze(
        page,
        commented.revision,
        opens_at=now - timedelta(days=40),
        closes_at=now - timedelta(days=12),
        instructions=f"Kommentierung der Fassung {commented.label}.",
        opening_notice_sent_at=now - timedelta(days=40),
        reminder_sent_at=now - timedelta(days=14),
    )
    comment_round.released_at = revised.published_at
    comment_round.evaluated_at = revised.published_at
    comment_round.save()
    for organisation, contains, text, decision, answer in CLOSED_COMMENTS:
        Comment.objects.create(
            round=comment_round,
            block_id=_block_id(comment_round, contains),
            text=text,
            author=authors[organisation],
            organisation=organisations[organisation],
            decision=decision,
            answer=answer,
            answered_at=revised.published_at,
        )
    return True


def load_demo_rounds(report: Callable[[str], None]) -> None:
    organisations = _organisations()
    authors = {name: _author(email, organisations[name]) for name, _kind, email in VOICES}
    opened = _ensure_open_round(organisations, authors)
    closed = _ensure_closed_round(organisations, authors)
    running = "laufende Runde angelegt" if opened else "laufende Runde unverändert"
    evaluated = "ausgewertete Runde angelegt" if closed else "ausgewertete Runde unverändert"
    report(f"Kommentierungsrunden: {running}, {evaluated}.")
