"""Demo discussion area (``manage.py load_demo``): rooms, threads and lively replies.

Runs after ``members.py`` (the voices and memberships). Rooms that exist are kept,
threads are created only when their room has none of that title: loading twice
changes nothing. Times are relative to the first load, spread over recent weeks.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from discussions import services
from discussions.models import DiscussionIndexPage, DiscussionRoomPage, Thread
from portal.page_tree import ensure_child
from strands.models import GuidancePage, MissionPage

MEMBER = "s.neumann@musterhausen.example"
MODERATOR = "moderation@kgst.example"
KREIS = "j.ott@beispielkreis.example"
GEMEINDE = "m.weber@modellingen.example"
STADT = "s.krause@beispielstadt.example"
MODELLSTADT = "t.lange@modellstadt.example"
VERBAND = "d.aydin@musterregion.example"


@dataclass(frozen=True)
class RoomSpec:
    slug: str
    title: str
    description: str
    text: tuple[type, str] | None = None  # (page model, slug) of a Leitbild or guidance text


@dataclass(frozen=True)
class ThreadSpec:
    room: str
    title: str
    days_ago: float
    posts: list[tuple[str, str]]  # (author e-mail, text); the first opens the thread
    locked: bool = False
    hidden: tuple[int, ...] = ()  # posts the moderators hid
    reported: tuple[int, ...] = ()  # posts with an open report
    followers: tuple[str, ...] = field(default=())


ROOMS = [
    RoomSpec(
        "leitbild-entwurf",
        "Austausch zum Leitbild-Entwurf",
        "Was fehlt im Entwurf, was geht zu weit? Hier sammeln Mitglieder Eindrücke, bevor "
        "sie in der Kommentierungsrunde konkrete Änderungen vorschlagen.",
        (MissionPage, "grundsaetze"),
    ),
    RoomSpec(
        "open-source-praxis",
        "Open Source in der Praxis",
        "Erfahrungen mit freier Software im Verwaltungsalltag: Bürosoftware, Fachverfahren, "
        "Betrieb und Support.",
        (MissionPage, "open-source-zuerst"),
    ),
    RoomSpec(
        "beschaffung",
        "Beschaffung und Vergabe",
        "Leistungsbeschreibungen, Vergabeverfahren, Verträge: Wie kauft eine Kommune souverän ein?",
        (GuidancePage, "vergabe-open-source"),
    ),
    RoomSpec(
        "personal",
        "Personal und Kompetenzen",
        "Wie finden, halten und qualifizieren wir die Menschen, die digitale Souveränität "
        "im Alltag umsetzen?",
        (GuidancePage, "kompetenzaufbau"),
    ),
]

THREADS = [
    ThreadSpec(
        "open-source-praxis",
        "Umstieg auf freie Bürosoftware: Wie habt ihr die Fachverfahren angebunden?",
        days_ago=12,
        followers=(KREIS, STADT),
        posts=[
            (
                MEMBER,
                "In Musterhausen stellen wir bis zum Jahresende 1.200 Arbeitsplätze auf eine "
                "freie Bürosoftware um. Die größte Hürde sind nicht die Beschäftigten, sondern "
                "die Fachverfahren, die Vorlagen per Makro in das alte Textprogramm schreiben.\n\n"
                "Wie habt ihr das gelöst? Über Schnittstellen der Hersteller, über eigene "
                "Vorlagen oder mit einer Übergangslösung?",
            ),
            (
                KREIS,
                "Im Beispielkreis hatten wir dasselbe Problem bei der Kfz-Zulassung und im "
                "Sozialamt. Zwei Hersteller konnten ODF-Vorlagen liefern, einer nicht. Für den "
                "haben wir eine Übergangslösung mit zentral bereitgestellten Arbeitsplätzen.\n\n"
                "Wichtig war, die Anforderung „Ausgabe im ODF-Format“ in die nächste "
                "Vertragsverlängerung zu schreiben. Seitdem bewegt sich etwas.",
            ),
            (
                STADT,
                "Wir haben eine Liste aller Vorlagen gemacht, bevor wir angefangen haben: über "
                "3.000 Stück, davon wurden nur 400 im letzten Jahr genutzt. Aufräumen spart "
                "viel Migrationsaufwand!",
            ),
            (
                MEMBER,
                "Stadt Beispielstadt schrieb:\n> davon wurden nur 400 im letzten Jahr genutzt\n\n"
                "Das deckt sich mit unserer Erfahrung. Habt ihr die Auswertung automatisch "
                "gemacht oder die Fachämter befragt?",
            ),
            (
                STADT,
                "Beides: Die Zugriffszahlen kamen aus dem Dokumentenmanagement, danach haben "
                "die Fachämter jede Vorlage mit „brauchen wir“ oder „kann weg“ markiert. Die "
                "Checkliste dazu steht in unserem Wiki: https://wiki.beispielstadt.example/vorlagen",
            ),
            (
                MODERATOR,
                "Danke für den Austausch! Die KGSt sammelt gerade solche Checklisten für die "
                "Handlungshilfe zur Open-Source-Strategie. Wer seine teilen mag, gern hier "
                "verlinken.",
            ),
        ],
    ),
    ThreadSpec(
        "open-source-praxis",
        "Support-Verträge für Open-Source-Software: Erfahrungen mit Dienstleistern?",
        days_ago=6,
        posts=[
            (
                GEMEINDE,
                "Als kleine Gemeinde können wir keinen eigenen Betrieb aufbauen. Wer hat "
                "Erfahrung mit Support-Verträgen für freie Software? Worauf muss man bei den "
                "Reaktionszeiten achten?",
            ),
            (
                VERBAND,
                "Der Zweckverband hat einen Rahmenvertrag mit zwei Dienstleistern, den auch "
                "Mitgliedsgemeinden nutzen können. Entscheidend war für uns, dass Fehlerbehebungen "
                "in das Projekt zurückfließen, statt nur lokal gepatcht zu werden.",
            ),
            (
                MODELLSTADT,
                "Achtet auf die Exit-Regelung: Was passiert mit Konfiguration und Daten, wenn "
                "der Dienstleister wechselt? Das Leitbild hat dazu ein eigenes Kapitel.",
            ),
            (
                GEMEINDE,
                "Danke, das hilft sehr. Ich melde mich beim Zweckverband wegen des Rahmenvertrags.",
            ),
        ],
    ),
    ThreadSpec(
        "beschaffung",
        "Produktneutrale Ausschreibung: Dürfen wir „offene Standards“ verlangen?",
        days_ago=9,
        followers=(MODELLSTADT,),
        reported=(3,),
        posts=[
            (
                MODELLSTADT,
                "Unsere Vergabestelle ist unsicher, ob die Forderung nach offenen Standards "
                "und offenen Schnittstellen mit dem Gebot der Produktneutralität vereinbar ist. "
                "Gibt es dazu Erfahrungen oder eine Einschätzung?",
            ),
            (
                MEMBER,
                "Ja, das ist zulässig, solange der Standard sachlich begründet ist und von "
                "mehreren Anbietern erfüllt werden kann. Wir haben in der Leistungsbeschreibung "
                "begründet, warum wir Daten in offenen Formaten zurückbekommen müssen "
                "(Archivierung, Anbieterwechsel).",
            ),
            (
                KREIS,
                "Eine Markterkundung vorab hat bei uns geholfen: Sie hat gezeigt, dass mehrere "
                "Anbieter die Anforderungen erfüllen. Damit war das Argument der "
                "Produktbindung vom Tisch.",
            ),
            (
                VERBAND,
                "Wer Unterstützung bei der Ausschreibung braucht: Unser Beratungsbüro macht "
                "das zum Sonderpreis, einfach melden unter 0151 23456789!",
            ),
            (
                MODELLSTADT,
                "Danke euch beiden. Die Begründung mit Archivierung und Anbieterwechsel "
                "übernehme ich für unseren Vergabevermerk.",
            ),
        ],
    ),
    ThreadSpec(
        "beschaffung",
        "Bewertung über die Gesamtkosten: Wie rechnet ihr einen späteren Wechsel ein?",
        days_ago=3,
        posts=[
            (
                STADT,
                "In der Handlungshilfe steht, die Wertung soll die Kosten über die gesamte "
                "Nutzungsdauer einschließlich eines Wechsels berücksichtigen. Wie beziffert ihr "
                "die Wechselkosten konkret?",
            ),
            (
                MODELLSTADT,
                "Wir haben drei Posten angesetzt: Datenmigration, Schulung und Parallelbetrieb. "
                "Die Anbieter mussten für die Migration einen Festpreis nennen. Das war "
                "aufschlussreich.",
            ),
        ],
    ),
    ThreadSpec(
        "leitbild-entwurf",
        "Grundsatz 3: Ist „Open Source zuerst“ für kleine Gemeinden realistisch?",
        days_ago=2,
        followers=(GEMEINDE, VERBAND),
        posts=[
            (
                GEMEINDE,
                "Im Entwurf steht, dass Kommunen bei jeder Neubeschaffung zuerst Open-Source-"
                "Lösungen prüfen. Für eine Gemeinde mit sechs Beschäftigten in der Verwaltung "
                "ist das ohne Unterstützung kaum zu leisten.\n\n"
                "Sollte der Grundsatz nicht ausdrücklich die Zusammenarbeit mit Nachbarn und "
                "kommunalen IT-Dienstleistern nennen?",
            ),
            (
                VERBAND,
                "Das sehen wir genauso. Ein Satz wie „Kleinere Kommunen prüfen gemeinsam oder "
                "über ihren IT-Dienstleister“ würde viel Druck herausnehmen.",
            ),
            (
                MEMBER,
                "Als größere Stadt unterstütze ich das. Wir teilen unsere Prüfberichte gern. "
                "Vielleicht kann die Plattform dafür einen eigenen Bereich bekommen?",
            ),
            (
                MODERATOR,
                "Guter Punkt für die Kommentierungsrunde zu diesem Kapitel: Bitte schreibt den "
                "Formulierungsvorschlag dort als Kommentar zum Absatz, dann sieht ihn die "
                "Redaktion in der Abwägung.",
            ),
            (
                KREIS,
                "Ergänzung aus Kreissicht: Auch die Kreise könnten hier eine Rolle übernehmen, "
                "etwa mit einem Kompetenzzentrum für ihre Gemeinden.",
            ),
        ],
    ),
    ThreadSpec(
        "leitbild-entwurf",
        "Begriffsklärung: Souveränität heißt nicht Autarkie",
        days_ago=20,
        locked=True,
        hidden=(2,),
        posts=[
            (
                KREIS,
                "Im Rat wurde der Entwurf so verstanden, als wolle die Stadt alles selbst "
                "entwickeln. Wie erklärt ihr vor Ort, dass es um Wahlfreiheit geht, nicht um "
                "Eigenbau?",
            ),
            (
                STADT,
                "Wir nutzen das Bild vom Schlüsselbund: Souverän ist, wer die Schlüssel zu "
                "seinen Daten und Verträgen selbst in der Hand hat, nicht, wer das Schloss "
                "selbst baut.",
            ),
            (
                MODELLSTADT,
                "Diese ganze Debatte ist doch Zeitverschwendung, die Verwaltung kann sowieso "
                "nichts.",
            ),
            (
                MODERATOR,
                "Wir haben einen Beitrag ausgeblendet, der gegen die Regeln verstieß, und "
                "schließen das Thema, weil die Frage beantwortet ist. Die Begriffsklärung "
                "fließt in das erste Kapitel des Leitbilds ein.",
            ),
        ],
    ),
    ThreadSpec(
        "personal",
        "Linux-Administration lernen: Welche Schulungen habt ihr genutzt?",
        days_ago=4,
        posts=[
            (
                VERBAND,
                "Für unser Kompetenzzentrum suchen wir Schulungen für Administratorinnen und "
                "Administratoren, die bisher nur Windows-Umgebungen betreut haben. Was hat sich "
                "bei euch bewährt?",
            ),
            (
                KREIS,
                "Gute Erfahrungen haben wir mit Lerntandems gemacht: je eine Person aus dem "
                "Betrieb und eine aus einem Projekt, das schon umgestellt hat. Dazu zwei "
                "Wochen externe Schulung.",
            ),
            (
                MEMBER,
                "Wir bilden inzwischen selbst aus: Fachinformatikerinnen und Fachinformatiker "
                "lernen bei uns von Anfang an mit freier Software. Das hat auch bei der "
                "Gewinnung von Nachwuchs geholfen.",
            ),
        ],
    ),
]


def ensure_rooms() -> dict[str, DiscussionRoomPage]:
    area = DiscussionIndexPage.objects.get()
    rooms = {}
    for spec in ROOMS:
        related = None
        if spec.text:
            model, slug = spec.text
            related = model.objects.filter(slug=slug).first()
        rooms[spec.slug] = ensure_child(
            area,
            DiscussionRoomPage,
            spec.slug,
            title=spec.title,
            description=spec.description,
            related_page=related,
        )
    return rooms


def ensure_thread(spec: ThreadSpec, room: DiscussionRoomPage, people: dict) -> bool:
    if Thread.objects.filter(room=room, title=spec.title).exists():
        return False
    start = timezone.now() - timedelta(days=spec.days_ago)
    (opener_email, opening), *replies = spec.posts
    followers = {opener_email, *spec.followers}
    thread = services.create_thread(room, people[opener_email], spec.title, opening, at=start)
    posts = [thread.posts.get()]
    for number, (email, text) in enumerate(replies, start=1):
        # Replies come hours apart, the way a discussion grows over a few days. Written
        # as history: nobody is told by e-mail.
        at = start + timedelta(hours=number * 7 + number**2)
        posts.append(
            services.reply(
                thread, people[email], text, follow=email in followers, at=at, notify=False
            )
        )
    moderator = people[MODERATOR]
    for number, post in enumerate(posts):
        if number in spec.hidden:
            services.hide_post(post, moderator, at=post.created_at + timedelta(hours=1))
        if number in spec.reported:
            services.report_post(
                post,
                people[opener_email],
                reason="werbung",
                details="Werbung für ein privates Beratungsbüro mit Telefonnummer.",
                at=post.created_at + timedelta(hours=2),
            )
    for email in spec.followers:
        services.follow_thread(people[email], thread)
    if spec.locked:
        services.set_locked(thread, True, moderator)
    return True


def load_demo_discussions(report: Callable[[str], None]) -> None:
    rooms = ensure_rooms()
    emails = {email for spec in THREADS for email, _text in spec.posts} | {MODERATOR}
    people = {
        user.email.lower(): user
        for user in get_user_model().objects.filter(email__in=sorted(emails))
    }
    missing = emails - set(people)
    if missing:
        raise RuntimeError(f"Demo-Konten fehlen: {', '.join(sorted(missing))}")
    created = sum(ensure_thread(spec, rooms[spec.room], people) for spec in THREADS)
    report(f"Diskussion: {len(ROOMS)} Räume, {len(THREADS)} Themen, davon {created} neu angelegt.")
