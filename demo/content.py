"""The demo texts: German content on the initiative's topics, as plain data.

Everything here is fictional demo content built from the topics of the initiative's
announcement of 9 September 2020. The municipalities in the practice examples are
invented ("Stadt Musterhausen" …) so that no real city is credited with a project
it never ran. Body blocks are raw StreamField data (``{"type", "value"}``), which
Wagtail turns into blocks with fresh, stable ids when a page is first saved.
"""

from dataclasses import dataclass
from typing import Any

from django.utils.html import escape

from strands.choices import InfoBoxKind, ListStyle, PopulationClass

Block = dict[str, Any]

# --- small builders, so the texts below read like texts ------------------------------


def heading(text: str) -> Block:
    return {"type": "heading", "value": text}


def para(text: str) -> Block:
    return {"type": "paragraph", "value": p(text)}


def bullets(*items: str) -> Block:
    return {"type": "list", "value": {"style": ListStyle.BULLETS, "items": list(items)}}


def steps(*items: str) -> Block:
    return {"type": "list", "value": {"style": ListStyle.NUMBERED, "items": list(items)}}


def quote(text: str, source: str) -> Block:
    return {"type": "quote", "value": {"text": text, "source": source}}


def info(title: str, text: str, kind: InfoBoxKind = InfoBoxKind.NOTE) -> Block:
    return {"type": "info_box", "value": {"kind": kind, "title": title, "text": p(text)}}


def p(text: str) -> str:
    return f"<p>{escape(text)}</p>"


def h2(text: str) -> str:
    return f"<h2>{escape(text)}</h2>"


def ul(*items: str) -> str:
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


def ol(*items: str) -> str:
    return "<ol>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ol>"


@dataclass(frozen=True)
class TextSpec:
    """A Leitbild chapter or a Handlungshilfe."""

    slug: str
    title: str
    summary: str
    body: list[Block]
    tags: tuple[str, ...] = ()
    principles: tuple[str, ...] = ()  # slugs of the Leitbild chapters it implements


@dataclass(frozen=True)
class ExampleSpec:
    """A good example (gutes Beispiel) of a fictional municipality."""

    slug: str
    title: str
    municipality: str
    population_class: str
    summary: str
    what_was_done: str
    lessons_learned: str
    contact: str
    tags: tuple[str, ...]


DEMO_NOTE = (
    "Alle Inhalte dieser Installation sind Demo-Texte: Sie zeigen, wie die Plattform "
    "arbeitet, und sind kein beschlossenes Leitbild und keine verbindliche Handlungshilfe."
)

DEDY = "Helmut Dedy, Hauptgeschäftsführer des Deutschen Städtetages, 9. September 2020"
EFFING = "Klaus Effing, Vorstand der KGSt, 9. September 2020"
DEDY_EFFING = "Helmut Dedy und Klaus Effing, 9. September 2020"

# --- home page and strand entry pages ------------------------------------------------

HOME_INTRO = (
    "<p>Auf dieser Plattform erarbeiten der <b>Deutsche Städtetag</b> und die "
    "<b>KGSt</b> gemeinsam mit den Kommunen ein politisches Leitbild und praktische "
    "Handlungshilfen für mehr digitale Souveränität. Lesen Sie die aktuellen Fassungen, "
    "vergleichen Sie Versionen und bringen Sie sich als Mitgliedskommune in die "
    "Kommentierung ein.</p>" + p(DEMO_NOTE)
)

HOME_EASY_LANGUAGE = "".join(
    [
        p("Auf dieser Seite geht es um Computer und Programme in Städten und Gemeinden."),
        p("Städte brauchen viele Programme für ihre Arbeit."),
        p("Oft kommen diese Programme nur von einer Firma."),
        p("Dann ist die Stadt von dieser Firma abhängig."),
        p("Das wollen die Städte ändern."),
        p("Sie wollen selbst bestimmen, welche Programme sie nutzen."),
        p("Das nennt man: digitale Souveränität."),
        p("Hier können Sie lesen:"),
        ul(
            "Was die Städte wollen. Das steht im Leitbild.",
            "Wie die Städte das machen können. Das steht in den Handlungshilfen.",
            "Was andere Städte schon gemacht haben. Das steht bei den guten Beispielen.",
        ),
        p("Mitarbeiter von Städten können hier ihre Meinung zu den Texten schreiben."),
    ]
)

MISSION_INTRO = (
    "<p>Das Leitbild übersetzt digitale Souveränität in politische Grundsätze für die "
    "Städte: Was verstehen wir darunter, und welche Haltung folgt daraus für "
    "selbstbestimmtes kommunales Handeln? Die Kapitel entstehen in der Redaktion des "
    "Deutschen Städtetages und werden in offenen Runden kommentiert.</p>"
)

GUIDANCE_INTRO = (
    "<p>Die Handlungshilfen unterstützen das kommunale Management ganz praktisch: "
    "von der Open-Source-Strategie über die Vergabe bis zum Aufbau eigener Kompetenzen. "
    "Jede Handlungshilfe nennt die Grundsätze des Leitbilds, die sie umsetzt. "
    "Die Texte erarbeitet die KGSt gemeinsam mit ihren Mitgliedern.</p>"
)

EXAMPLES_INTRO = (
    "<p>Gute kommunale Beispiele zeigen, dass mehr digitale Souveränität machbar ist, "
    "in der kleinen Gemeinde ebenso wie im Landkreis. Die Beispiele in dieser "
    "Demo-Installation stammen aus erfundenen Kommunen.</p>"
)

# --- Leitbild ------------------------------------------------------------------------

GRUNDSAETZE = TextSpec(
    slug="grundsaetze",
    title="Digitale Souveränität: Begriff und Grundsätze",
    summary=(
        "Was verstehen die Städte unter digitaler Souveränität, und welche Grundsätze "
        "folgen daraus für ihr selbstbestimmtes Handeln? Dieses Kapitel legt den Begriff "
        "fest und fasst die Leitsätze zusammen, die die folgenden Kapitel ausführen."
    ),
    body=[
        heading("Ausgangslage"),
        para(
            "Kommunen erbringen ihre Leistungen heute zum großen Teil digital: vom "
            "Bürgerservice über das Finanzwesen bis zur Schulverwaltung. Damit hängt die "
            "Handlungsfähigkeit einer Stadt unmittelbar davon ab, ob sie über ihre "
            "Software, ihre Daten und ihre IT-Infrastruktur selbst bestimmen kann."
        ),
        para(
            "Eine Umfrage der KGSt zum Thema Open Source hat gezeigt, wie groß die "
            "Abhängigkeiten bereits sind. Die große Mehrheit der befragten Städte und "
            "Gemeinden sieht sich ganz oder teilweise abhängig von einzelnen Cloud- oder "
            "Software-Anbietern."
        ),
        info(
            "87 Prozent",
            "87 Prozent der befragten Städte und Gemeinden sehen sich als ganz oder "
            "teilweise abhängig von einzelnen Cloud- oder Software-Anbietern "
            "(Umfrage der KGSt zum Thema Open Source, 2020).",
        ),
        para(
            "Abhängigkeit entsteht auf verschiedenen Wegen: weil Software nicht flexibel "
            "an kommunale Abläufe angepasst werden kann, weil sie nur von einem "
            "bestimmten Hersteller bereitgestellt wird oder weil Daten in Formaten "
            "gespeichert sind, die nur ein einziges Produkt lesen kann."
        ),
        para(
            "Solche Abhängigkeiten haben Folgen, die weit über die IT-Abteilung "
            "hinausreichen. Sie bestimmen, welche Preise eine Stadt zahlt, wie schnell sie "
            "neue Angebote für ihre Bürgerinnen und Bürger einführen kann und ob sie "
            "rechtliche Vorgaben, etwa zum Datenschutz, selbst durchsetzen kann."
        ),
        para(
            "Die öffentliche Verwaltung von einzelnen Herstellern und Systemen "
            "unabhängiger zu machen, ist erklärtes Ziel der Bundesregierung, auch im "
            "Rahmen der deutschen Ratspräsidentschaft in der Europäischen Union. Die "
            "Städte wollen diesen Weg aktiv mitgestalten und ihre eigene Perspektive "
            "einbringen."
        ),
        heading("Was wir unter digitaler Souveränität verstehen"),
        para(
            "Digitale Souveränität bedeutet für eine Kommune die Fähigkeit, ihre Rolle in "
            "der digitalen Welt selbstständig, selbstbestimmt und sicher auszuüben. Sie "
            "ist kein Zustand, den man einmal erreicht, sondern eine Fähigkeit, die eine "
            "Stadt dauerhaft pflegen muss."
        ),
        para(
            "Souverän ist eine Kommune nicht dann, wenn sie alles selbst entwickelt und "
            "betreibt. Souverän ist sie, wenn sie echte Wahlmöglichkeiten hat und diese "
            "Wahl aus eigener Kompetenz heraus treffen kann."
        ),
        para("Wir unterscheiden drei Dimensionen digitaler Souveränität:"),
        bullets(
            "Wechselmöglichkeit: Die Kommune kann Anbieter, Produkte und Betriebsmodelle "
            "wechseln, ohne ihre Daten oder ihre Handlungsfähigkeit zu verlieren.",
            "Gestaltungsfähigkeit: Die Kommune kann Software an ihre Aufgaben anpassen "
            "oder anpassen lassen und versteht, was die eingesetzte Technik tut.",
            "Einfluss: Die Kommune kann gegenüber Anbietern und Standardisierungsgremien "
            "ihre Anforderungen wirksam vertreten, allein oder gemeinsam mit anderen.",
        ),
        para(
            "Digitale Souveränität bedeutet nicht Abschottung. Kommunen arbeiten auch "
            "künftig mit privaten Anbietern zusammen, auch mit großen. Entscheidend ist, "
            "dass sie diese Zusammenarbeit zu eigenen Bedingungen gestalten können."
        ),
        para(
            "Alle drei Dimensionen setzen voraus, dass Kommunen über eigenes Wissen "
            "verfügen. Wer Technik nicht beurteilen kann, kann auch nicht souverän über "
            "sie entscheiden."
        ),
        heading("Warum digitale Souveränität eine kommunale Aufgabe ist"),
        para(
            "Digitalisierung wird oft technisch und häufig nur in Fachkreisen "
            "diskutiert. Dabei berührt sie den Kern der kommunalen Selbstverwaltung: die "
            "Fähigkeit, die Angelegenheiten der örtlichen Gemeinschaft in eigener "
            "Verantwortung zu regeln."
        ),
        para(
            "Wenn zentrale Verfahren einer Stadt nur noch mit einem einzigen Produkt "
            "eines einzigen Anbieters laufen, verschiebt sich Gestaltungsmacht vom Rat und "
            "von der Verwaltung zum Hersteller. Digitale Souveränität ist deshalb eine "
            "Frage der kommunalen Selbstverwaltung und gehört auf die Tagesordnung der "
            "Räte und der Verwaltungsspitzen."
        ),
        para(
            "Die digitale Infrastruktur einer Stadt ist heute so grundlegend wie Straßen, "
            "Leitungen und Gebäude. Über sie zu entscheiden, ist Teil der kommunalen "
            "Daseinsvorsorge."
        ),
        quote(
            "Digitalisierung betrifft uns alle. Aber sie wird oft technisch diskutiert und "
            "häufig auch ausschließlich in Fachkreisen. Uns ist wichtig, den Begriff "
            "digitale Souveränität politisch zu übersetzen.",
            DEDY,
        ),
        para(
            "Kommunen sind zugleich Nutzer, Auftraggeber und Betreiber digitaler "
            "Infrastruktur. Sie verwalten sensible Daten ihrer Bürgerinnen und Bürger "
            "und tragen Verantwortung dafür, dass diese Daten geschützt bleiben und "
            "dauerhaft verfügbar sind."
        ),
        para(
            "Gemeinsam verfügen die Städte, Kreise und Gemeinden über eine erhebliche "
            "Nachfragemacht. Diese Macht wirkt allerdings nur, wenn die Kommunen ihre "
            "Anforderungen abstimmen und gemeinsam auftreten."
        ),
        heading("Leitsätze der Städte"),
        para(
            "Aus diesem Verständnis leiten die Städte sechs Leitsätze ab. Jeder Leitsatz "
            "wird in einem eigenen Kapitel dieses Leitbilds ausgeführt; die "
            "Handlungshilfen der KGSt zeigen, wie er sich in der Praxis umsetzen lässt."
        ),
        steps(
            "Wir setzen auf offene Standards, damit Daten und Verfahren nicht an einen "
            "Hersteller gebunden sind.",
            "Wir geben Open-Source-Software Vorrang, wo sie die fachlichen Anforderungen erfüllt.",
            "Wir planen den Ausstieg mit, bevor wir uns an ein Produkt binden.",
            "Wir behalten die Hoheit über die Daten der Stadt und ihrer Bürgerinnen und Bürger.",
            "Wir verlangen offene Schnittstellen, damit Systeme zusammenarbeiten können.",
            "Wir bündeln die kommunalen Kräfte, statt jede Aufgabe allein zu lösen.",
        ),
        para(
            "Die Leitsätze richten sich zuerst an die Städte selbst. Sie richten sich aber "
            "auch an Bund und Länder, deren Vorgaben und Förderprogramme die kommunale "
            "IT prägen, und an die Anbieter, mit denen die Kommunen zusammenarbeiten."
        ),
        para(
            "Digitale Souveränität ist kein Selbstzweck. Sie dient einer Verwaltung, die "
            "verlässlich, wirtschaftlich und bürgernah arbeitet und die die Grundrechte "
            "der Menschen in ihrer Stadt achtet."
        ),
        heading("Wie dieses Leitbild entsteht"),
        para(
            "Das Leitbild entsteht in einem offenen Verfahren. Die Redaktion des "
            "Deutschen Städtetages legt Entwürfe vor, die Mitgliedsstädte kommentieren "
            "sie Absatz für Absatz, und die Redaktion beantwortet jeden Kommentar mit "
            "einer nachvollziehbaren Entscheidung."
        ),
        para(
            "Jede veröffentlichte Fassung bleibt dauerhaft abrufbar. So lässt sich "
            "nachvollziehen, wie sich das Leitbild entwickelt hat und welche Hinweise aus "
            "den Kommunen zu welcher Änderung geführt haben."
        ),
        para(
            "Kommentieren können die Beschäftigten der Mitgliedskommunen während einer "
            "offenen Kommentierungsrunde. Die Abwägung aller Kommentare wird nach dem "
            "Ende der Runde veröffentlicht, die Kommentierenden werden dabei mit ihrer "
            "Kommune genannt."
        ),
        info(
            "Demo-Inhalt",
            "Dieser Text ist ein Beispieltext der Demo-Installation. Er greift die Themen "
            "der Initiative auf, ist aber kein beschlossenes Leitbild.",
            InfoBoxKind.WARNING,
        ),
    ],
)

OFFENE_STANDARDS = TextSpec(
    slug="offene-standards",
    title="Offene Standards als Grundlage",
    summary=(
        "Offene Standards sichern, dass Daten lesbar und Verfahren austauschbar bleiben, "
        "unabhängig davon, welches Produkt eine Kommune heute einsetzt."
    ),
    body=[
        heading("Warum offene Standards"),
        para(
            "Ein offener Standard ist öffentlich dokumentiert, kann von allen ohne "
            "Lizenzgebühren umgesetzt werden und wird in einem transparenten Verfahren "
            "weiterentwickelt. Er ist die Voraussetzung dafür, dass mehrere Anbieter "
            "kompatible Produkte anbieten können."
        ),
        para(
            "Wer Dokumente, Geodaten oder Fachdaten in offenen Formaten speichert, kann "
            "sie auch in zwanzig Jahren noch lesen, selbst wenn das Programm, mit dem sie "
            "erstellt wurden, längst vom Markt verschwunden ist."
        ),
        para(
            "Offene Standards senken zudem die Kosten eines Wechsels. Sie sind damit das "
            "wirksamste Mittel gegen eine schleichende Bindung an einen einzelnen "
            "Hersteller."
        ),
        heading("Was das für die Städte heißt"),
        para(
            "Die Städte verpflichten sich, bei neuen Verfahren offene Standards zu "
            "verlangen, wo es sie gibt, und ihre Verwendung in Ausschreibungen zum "
            "Kriterium zu machen."
        ),
        bullets(
            "Dokumente werden im Open Document Format oder als PDF/A ausgetauscht und archiviert.",
            "Für den Datenaustausch zwischen Behörden gelten die XÖV-Standards.",
            "Geodaten werden über standardisierte Dienste bereitgestellt.",
            "Offene Daten werden in maschinenlesbaren, offenen Formaten veröffentlicht.",
        ),
        para(
            "Wo ein Standard fehlt, bringen sich die Kommunen über ihre Verbände in die "
            "Standardisierung ein, statt proprietäre Einzellösungen hinzunehmen."
        ),
        info(
            "Offener Standard oder verbreitetes Format?",
            "Ein Format ist nicht schon deshalb offen, weil es weit verbreitet ist. "
            "Entscheidend ist, ob die Spezifikation frei verfügbar ist und ob ihre "
            "Weiterentwicklung nicht von einem einzigen Unternehmen abhängt.",
        ),
        heading("Grenzen und Übergänge"),
        para(
            "Nicht jedes Verfahren lässt sich sofort umstellen. Bestehende Systeme "
            "bleiben oft über Jahre im Einsatz. Die Städte nutzen deshalb jede "
            "Neubeschaffung und jede größere Änderung, um offene Standards schrittweise "
            "einzuführen."
        ),
    ],
)

OPEN_SOURCE = TextSpec(
    slug="open-source-zuerst",
    title="Open Source zuerst",
    summary=(
        "Software, die mit öffentlichem Geld entwickelt wird, soll der Allgemeinheit "
        "zur Verfügung stehen. Die Städte geben Open-Source-Software Vorrang, wo sie die "
        "fachlichen Anforderungen erfüllt."
    ),
    body=[
        heading("Öffentliches Geld, öffentlicher Code"),
        para(
            "Open-Source-Software darf von allen genutzt, untersucht, verändert und "
            "weitergegeben werden. Für Kommunen bedeutet das: Sie können prüfen, was eine "
            "Software tut, sie an ihre Bedürfnisse anpassen lassen und sie mit anderen "
            "Kommunen teilen."
        ),
        para(
            "Wenn eine Stadt Software mit Steuergeld entwickeln lässt, sollen auch andere "
            "Städte davon profitieren können. Im Sinne des Grundsatzes „Public Money, "
            "Public Code“ veröffentlichen die Städte Eigenentwicklungen unter einer "
            "freien Lizenz, sofern keine Sicherheitsgründe dagegen sprechen."
        ),
        quote(
            "Der zunehmende Einsatz von Open Source ist ein wichtiger Baustein für mehr "
            "digitale Souveränität der Kommunen.",
            EFFING,
        ),
        heading("Vorrang mit Augenmaß"),
        para(
            "Open Source zuerst heißt nicht Open Source um jeden Preis. Bei jeder "
            "Beschaffung prüfen die Städte, ob eine Open-Source-Lösung die fachlichen, "
            "rechtlichen und wirtschaftlichen Anforderungen erfüllt. Wenn ja, erhält sie "
            "Vorrang; wenn nein, wird die Abweichung begründet."
        ),
        para(
            "Zu einer fairen Wirtschaftlichkeitsbetrachtung gehören auch Kosten, die "
            "beim Kauf nicht sichtbar sind: Lizenzbindungen, Kosten eines späteren "
            "Wechsels und der Verlust an Gestaltungsmöglichkeiten."
        ),
        bullets(
            "Open Source ist nicht kostenlos: Betrieb, Support und Weiterentwicklung "
            "müssen finanziert werden.",
            "Open Source braucht Pflege: Kommunen beteiligen sich an den Gemeinschaften, "
            "deren Software sie nutzen.",
            "Open Source braucht Wissen: Ohne eigene Kompetenz bleibt auch freie Software "
            "eine Blackbox.",
        ),
        heading("Gemeinsam entwickeln"),
        para(
            "Die größte Stärke von Open Source entfaltet sich, wenn Kommunen gemeinsam "
            "entwickeln. Eine Lösung, die eine Stadt finanziert hat, kann eine andere "
            "übernehmen und verbessern; die Verbesserung steht wiederum allen zur "
            "Verfügung."
        ),
        para(
            "Die Städte unterstützen deshalb gemeinsame Plattformen, auf denen "
            "kommunale Open-Source-Software gefunden, geprüft und weiterentwickelt "
            "werden kann."
        ),
        info(
            "Beispiel",
            "Mehrere Kommunen finanzieren gemeinsam die Weiterentwicklung eines "
            "Ratsinformationssystems und teilen sich die Kosten für Wartung und "
            "Sicherheitsupdates.",
            InfoBoxKind.EXAMPLE,
        ),
    ],
)

EXIT = TextSpec(
    slug="exit-strategien",
    title="Exit-Strategien gegen Herstellerabhängigkeit",
    summary=(
        "Wer sich an ein Produkt bindet, muss wissen, wie er wieder herauskommt. Die "
        "Städte planen den Ausstieg mit, bevor sie sich für eine Lösung entscheiden."
    ),
    body=[
        heading("Abhängigkeit beginnt bei der Beschaffung"),
        para(
            "Viele Abhängigkeiten entstehen nicht durch eine bewusste Entscheidung, "
            "sondern schleichend: durch proprietäre Datenformate, durch Zusatzmodule, die "
            "nur mit einem Produkt funktionieren, oder durch Verträge, die einen Wechsel "
            "unwirtschaftlich machen."
        ),
        para(
            "Ein Anbieterwechsel, der nicht vorbereitet ist, kostet ein Vielfaches "
            "dessen, was eine frühe Planung gekostet hätte. Deshalb gehört die "
            "Exit-Strategie an den Anfang jeder Beschaffung, nicht an ihr Ende."
        ),
        heading("Bestandteile einer Exit-Strategie"),
        para("Eine Exit-Strategie beantwortet mindestens die folgenden Fragen:"),
        steps(
            "In welchem Format erhält die Kommune ihre Daten, und wie schnell?",
            "Welche Schnittstellen und Dokumentationen braucht ein Nachfolgesystem?",
            "Welche Kündigungsfristen und Übergangsleistungen sind vereinbart?",
            "Welche Kompetenzen braucht die Kommune selbst, um den Wechsel zu steuern?",
            "Was kostet der Ausstieg, und ist dieser Betrag in der Planung berücksichtigt?",
        ),
        info(
            "Achtung bei Cloud-Diensten",
            "Bei Cloud-Diensten liegen Daten und Konfiguration oft ausschließlich beim "
            "Anbieter. Eine vertraglich zugesicherte, vollständige Datenrückgabe in einem "
            "offenen Format ist hier unverzichtbar.",
            InfoBoxKind.WARNING,
        ),
        heading("Ausstieg regelmäßig prüfen"),
        para(
            "Eine Exit-Strategie ist nur so viel wert wie ihre letzte Überprüfung. Die "
            "Städte prüfen für ihre wichtigsten Verfahren regelmäßig, ob ein Ausstieg "
            "technisch und vertraglich noch möglich wäre."
        ),
        para(
            "Ein Probeexport der Daten in ein offenes Format zeigt schnell, ob die "
            "Zusagen eines Anbieters tragen."
        ),
    ],
)

DATEN = TextSpec(
    slug="datensouveraenitaet",
    title="Datensouveränität: Die Daten der Stadt",
    summary=(
        "Kommunen verwalten Daten im Auftrag ihrer Bürgerinnen und Bürger. Sie müssen "
        "jederzeit wissen, wo diese Daten liegen, wer darauf zugreifen kann und wie sie "
        "zurückzuholen sind."
    ),
    body=[
        heading("Verantwortung für kommunale Daten"),
        para(
            "Melderegister, Sozialleistungen, Bauakten, Schülerdaten: Kommunen verwalten "
            "einige der sensibelsten Daten, die es über Menschen gibt. Diese "
            "Verantwortung lässt sich nicht an einen Dienstleister abgeben, auch wenn der "
            "Betrieb ausgelagert wird."
        ),
        para(
            "Datensouveränität bedeutet, dass die Kommune jederzeit weiß, wo ihre Daten "
            "gespeichert sind, welchem Recht sie unterliegen und wer darauf zugreifen "
            "kann."
        ),
        heading("Grundsätze für den Umgang mit Daten"),
        bullets(
            "Daten der Kommune werden in Rechenzentren gespeichert, die europäischem "
            "Datenschutzrecht unterliegen.",
            "Die Kommune kann ihre Daten jederzeit vollständig und in offenen Formaten "
            "exportieren.",
            "Zugriffe durch Anbieter sind vertraglich begrenzt und werden protokolliert.",
            "Daten, die keine Personen betreffen, werden als offene Daten bereitgestellt, "
            "wo das der Allgemeinheit nützt.",
        ),
        para(
            "Offene Daten und Datenschutz sind dabei keine Gegensätze. Beide folgen "
            "demselben Gedanken: Die Kommune entscheidet selbst und nachvollziehbar, "
            "welche Daten sie schützt und welche sie teilt."
        ),
        heading("Daten als Gemeingut der Stadt"),
        para(
            "Daten, die in der Stadt entstehen, etwa über Verkehr, Energie oder Umwelt, "
            "sind eine wichtige Grundlage für die Stadtentwicklung. Die Städte achten "
            "darauf, dass solche Daten nicht exklusiv bei privaten Anbietern landen, "
            "sondern der Stadtgesellschaft zur Verfügung stehen."
        ),
        info(
            "Hinweis für Verträge",
            "Verträge über digitale Dienste sollten ausdrücklich regeln, dass die "
            "entstehenden Daten der Kommune gehören und ihr auf Anforderung übergeben "
            "werden.",
        ),
    ],
)

INTEROP = TextSpec(
    slug="interoperabilitaet",
    title="Interoperabilität und offene Schnittstellen",
    summary=(
        "Verwaltungsverfahren sind nur so gut wie das Zusammenspiel ihrer Systeme. "
        "Offene, dokumentierte Schnittstellen machen Kommunen unabhängig von "
        "Komplettlösungen eines Anbieters."
    ),
    body=[
        heading("Systeme, die zusammenarbeiten"),
        para(
            "Eine moderne Verwaltung arbeitet mit vielen Fachverfahren, die Daten "
            "austauschen müssen: das Onlineportal mit dem Fachverfahren, das Fachverfahren "
            "mit der E-Akte, die E-Akte mit dem Archiv."
        ),
        para(
            "Fehlen offene Schnittstellen, bleibt oft nur die Komplettlösung eines "
            "einzigen Anbieters, oder Daten werden von Hand übertragen. Beides kostet "
            "Geld, Zeit und Souveränität."
        ),
        heading("Anforderungen der Städte"),
        bullets(
            "Schnittstellen sind öffentlich dokumentiert und ohne zusätzliche "
            "Lizenzkosten nutzbar.",
            "Schnittstellen folgen etablierten Standards, etwa den XÖV-Standards oder "
            "verbreiteten Web-Standards.",
            "Änderungen an Schnittstellen werden rechtzeitig angekündigt.",
            "Die Kommune darf Schnittstellen selbst oder durch Dritte ansprechen lassen.",
        ),
        para(
            "Interoperabilität ist damit die praktische Seite offener Standards: Sie "
            "erlaubt es, einzelne Bausteine auszutauschen, ohne das Ganze zu gefährden."
        ),
        heading("Interoperabilität über Verwaltungsebenen hinweg"),
        para(
            "Kommunen arbeiten eng mit Ländern und Bund zusammen. Die Städte erwarten, "
            "dass gemeinsam genutzte Plattformen offene Schnittstellen bieten, damit "
            "Kommunen sie mit eigenen Verfahren verbinden können, ohne an einen "
            "bestimmten Hersteller gebunden zu sein."
        ),
    ],
)

KRAEFTE = TextSpec(
    slug="kommunale-kraefte-buendeln",
    title="Kommunale Kräfte bündeln",
    summary=(
        "Zu mehr digitaler Souveränität kommen die Kommunen nur gemeinsam. Sie teilen "
        "Wissen, Software und Personal und treten gegenüber Anbietern geschlossen auf."
    ),
    body=[
        heading("Gemeinsam statt allein"),
        para(
            "Keine Kommune kann alle Verfahren allein auf offene Standards und Open Source "
            "umstellen. Gerade kleine Gemeinden haben dafür weder das Personal noch das "
            "Budget. Gemeinsam aber können die Kommunen viel bewegen."
        ),
        quote(
            "Auf diese Weise bringen wir beide Stränge zusammen: das politische Leitbild "
            "und die operative Umsetzung.",
            DEDY_EFFING,
        ),
        para(
            "Die Initiative von Deutschem Städtetag und KGSt verbindet deshalb das "
            "politische Leitbild mit praktischen Handlungshilfen und guten kommunalen "
            "Beispielen."
        ),
        heading("Formen der Zusammenarbeit"),
        bullets(
            "Interkommunale Entwicklungsgemeinschaften für Open-Source-Software",
            "Gemeinsame Ausschreibungen und Rahmenverträge",
            "Geteilte Kompetenzzentren und Fachnetzwerke",
            "Gemeinsame Positionen gegenüber Anbietern, Bund und Ländern",
        ),
        para(
            "Kommunale IT-Dienstleister spielen dabei eine besondere Rolle. Sie können "
            "Lösungen für viele Kommunen betreiben und Wissen bündeln, das einzelne "
            "Verwaltungen nicht vorhalten können."
        ),
        heading("Wissen teilen"),
        para(
            "Die Städte verpflichten sich, ihre Erfahrungen offen zu teilen, auch die "
            "Misserfolge. Nur so lernen andere Kommunen aus ihnen, statt dieselben Fehler "
            "zu wiederholen."
        ),
        info(
            "Mitmachen",
            "Mitgliedskommunen der KGSt können die Entwürfe dieser Plattform in offenen "
            "Runden kommentieren und im Mitgliederbereich diskutieren.",
        ),
    ],
)

MISSION_PAGES: list[TextSpec] = [
    GRUNDSAETZE,
    OFFENE_STANDARDS,
    OPEN_SOURCE,
    EXIT,
    DATEN,
    INTEROP,
    KRAEFTE,
]

# --- Handlungshilfen -----------------------------------------------------------------

GUIDANCE_PAGES: list[TextSpec] = [
    TextSpec(
        slug="open-source-strategie",
        title="Schritt für Schritt zur Open-Source-Strategie",
        summary=(
            "Wie eine Kommune eine Open-Source-Strategie erarbeitet, politisch "
            "absichert und schrittweise umsetzt: ein Vorgehensmodell in fünf Schritten."
        ),
        tags=("Open Source", "Organisation"),
        principles=("grundsaetze", "open-source-zuerst", "kommunale-kraefte-buendeln"),
        body=[
            heading("Ziel und Auftrag klären"),
            para(
                "Eine Open-Source-Strategie braucht einen klaren politischen Auftrag. "
                "Ein Beschluss des Rates oder der Verwaltungsspitze gibt den "
                "Beschäftigten Rückhalt und macht deutlich, dass es um eine "
                "strategische Entscheidung geht und nicht um ein IT-Projekt."
            ),
            para(
                "Der Auftrag sollte benennen, welche Ziele die Kommune verfolgt: "
                "weniger Abhängigkeit, mehr Gestaltungsfreiheit, Zusammenarbeit mit "
                "anderen Kommunen oder alles zugleich."
            ),
            heading("Vorgehen in fünf Schritten"),
            steps(
                "Bestand erheben: Welche Software ist im Einsatz, welche Verträge laufen wann aus?",
                "Abhängigkeiten bewerten: Wo wäre ein Wechsel besonders schwer oder "
                "besonders teuer?",
                "Handlungsfelder festlegen: Wo lohnt sich der Einstieg, wo gibt es "
                "bereits bewährte Open-Source-Lösungen?",
                "Pilotprojekte durchführen: Klein anfangen, Erfahrungen sammeln, "
                "Beschäftigte früh einbeziehen.",
                "Verstetigen: Open Source in Beschaffungsregeln, Architekturvorgaben und "
                "Qualifizierung verankern.",
            ),
            para(
                "Die Schritte bauen aufeinander auf, müssen aber nicht streng "
                "nacheinander ablaufen. Ein Pilotprojekt kann schon beginnen, während "
                "die Bestandsaufnahme noch läuft."
            ),
            info(
                "Tipp",
                "Auslaufende Verträge sind der beste Zeitpunkt für einen Wechsel. Eine "
                "Übersicht der Vertragslaufzeiten gehört deshalb an den Anfang jeder "
                "Strategie.",
            ),
            heading("Beschäftigte mitnehmen"),
            para(
                "Ein Wechsel der Software verändert die tägliche Arbeit. Die Akzeptanz "
                "hängt davon ab, ob die Beschäftigten früh informiert, gut geschult und "
                "bei Problemen schnell unterstützt werden."
            ),
            para(
                "Bewährt haben sich Ansprechpersonen in den Fachbereichen, die neue "
                "Lösungen als Erste nutzen und ihre Kolleginnen und Kollegen begleiten."
            ),
            heading("Erfolg messen"),
            para(
                "Die Strategie sollte überprüfbare Ziele enthalten, etwa den Anteil offener "
                "Dokumentformate, die Zahl der Verfahren mit dokumentierter "
                "Exit-Strategie oder die Beteiligung an interkommunalen "
                "Entwicklungsgemeinschaften."
            ),
        ],
    ),
    TextSpec(
        slug="vergabe-open-source",
        title="Open-Source-Software beschaffen: Hinweise zur Vergabe",
        summary=(
            "Open-Source-Software lässt sich vergaberechtskonform beschaffen. Die "
            "Handlungshilfe zeigt, wie Leistungsbeschreibung, Zuschlagskriterien und "
            "Verträge offene Lösungen ermöglichen."
        ),
        tags=("Beschaffung", "Open Source"),
        principles=("open-source-zuerst", "exit-strategien", "offene-standards"),
        body=[
            heading("Was beschafft wird"),
            para(
                "Open-Source-Software selbst ist lizenzkostenfrei. Beschafft werden "
                "deshalb in der Regel Dienstleistungen: Einführung, Anpassung, Betrieb, "
                "Support und Weiterentwicklung. Diese Leistungen unterliegen dem "
                "Vergaberecht wie jede andere Dienstleistung."
            ),
            para(
                "Eine Ausschreibung darf nicht auf ein bestimmtes Produkt zugeschnitten "
                "sein. Sie darf aber Eigenschaften verlangen, die sich aus den Zielen der "
                "Kommune ergeben, etwa offene Standards, offene Schnittstellen oder das "
                "Recht, den Quellcode zu nutzen und weiterzugeben."
            ),
            heading("Leistungsbeschreibung"),
            para("Folgende Anforderungen haben sich in Leistungsbeschreibungen bewährt:"),
            bullets(
                "Daten werden in offenen, dokumentierten Formaten gespeichert und exportiert.",
                "Schnittstellen sind offen dokumentiert und ohne Zusatzlizenz nutzbar.",
                "Im Auftrag entwickelter Code wird unter einer freien Lizenz übergeben.",
                "Der Betrieb ist auch durch einen anderen Dienstleister möglich.",
            ),
            info(
                "Vorsicht bei Produktnamen",
                "Die Nennung eines bestimmten Produkts ist nur ausnahmsweise zulässig und "
                "muss mit dem Zusatz „oder gleichwertig“ versehen werden. Besser ist es, "
                "die benötigten Eigenschaften zu beschreiben.",
                InfoBoxKind.WARNING,
            ),
            heading("Zuschlagskriterien und Wirtschaftlichkeit"),
            para(
                "Der Zuschlag geht an das wirtschaftlichste Angebot, nicht an das "
                "billigste. In die Bewertung können Kosten über den gesamten "
                "Lebenszyklus einfließen, einschließlich der Kosten eines späteren "
                "Wechsels."
            ),
            para(
                "Wer Wechselkosten und Lizenzbindungen ehrlich einrechnet, stellt oft "
                "fest, dass offene Lösungen auf lange Sicht günstiger sind."
            ),
            heading("Verträge"),
            para(
                "Die EVB-IT bieten eine gute Grundlage. Ergänzend sollten Regelungen zur "
                "Datenrückgabe, zur Übergabe des Quellcodes und zur Unterstützung bei "
                "einem Anbieterwechsel aufgenommen werden."
            ),
            para(
                "Gemeinsame Beschaffungen mehrerer Kommunen senken den Aufwand und "
                "stärken die Verhandlungsposition. Kommunale Einkaufsgemeinschaften und "
                "IT-Dienstleister können hier unterstützen."
            ),
        ],
    ),
    TextSpec(
        slug="abhaengigkeitsanalyse",
        title="Abhängigkeiten erkennen: Analyse von Cloud- und Softwareabhängigkeiten",
        summary=(
            "Bevor eine Kommune Abhängigkeiten abbauen kann, muss sie sie kennen. Die "
            "Abhängigkeitsanalyse macht sichtbar, wo Wechsel schwer sind und was sie "
            "kosten würden."
        ),
        tags=("Cloud", "Daten"),
        principles=("exit-strategien", "datensouveraenitaet", "interoperabilitaet"),
        body=[
            heading("Warum eine Abhängigkeitsanalyse"),
            para(
                "Die meisten Kommunen sehen sich als abhängig von einzelnen Cloud- oder "
                "Software-Anbietern. Wie groß diese Abhängigkeit im Einzelfall ist und "
                "wo sie am meisten schmerzt, wissen aber nur wenige genau."
            ),
            para(
                "Eine Abhängigkeitsanalyse schafft diese Übersicht. Sie ist die "
                "Grundlage für Prioritäten: Nicht jede Abhängigkeit ist gleich kritisch, "
                "und nicht jede lässt sich sofort abbauen."
            ),
            heading("Vorgehen"),
            steps(
                "Anwendungen erfassen: Liste aller Verfahren mit Anbieter, "
                "Vertragslaufzeit, Betriebsmodell und Fachverantwortung.",
                "Kritikalität bewerten: Welche Verfahren sind für die Aufgabenerfüllung "
                "unverzichtbar?",
                "Wechselhürden bewerten: Datenformate, Schnittstellen, Verträge, Know-how.",
                "Ergebnisse in einer Matrix zusammenführen: hohe Kritikalität und hohe "
                "Wechselhürde zuerst angehen.",
            ),
            para(
                "Für die Bewertung genügt zu Beginn eine einfache Skala von eins bis "
                "drei. Wichtiger als Genauigkeit ist, dass alle Fachbereiche beteiligt "
                "sind."
            ),
            heading("Besonderheiten bei Cloud-Diensten"),
            para(
                "Cloud-Dienste sind bequem und oft schnell verfügbar. Sie verlagern aber "
                "Daten, Konfiguration und Betrieb zum Anbieter. Die Analyse sollte daher "
                "besonders prüfen, wo die Daten liegen, welchem Recht der Anbieter "
                "unterliegt und wie eine vollständige Datenrückgabe aussieht."
            ),
            bullets(
                "Standort der Rechenzentren und anwendbares Recht",
                "Exportmöglichkeiten für Daten und Konfiguration",
                "Abhängigkeit von proprietären Zusatzdiensten des Anbieters",
                "Kündigungsfristen und Preisänderungsklauseln",
            ),
            info(
                "Beispiel",
                "Ein Landkreis stellte bei seiner Analyse fest, dass drei Viertel seiner "
                "Fachverfahren Daten nur über ein kostenpflichtiges Zusatzmodul "
                "exportieren konnten. Dieses Kriterium ist seither Teil jeder "
                "Ausschreibung.",
                InfoBoxKind.EXAMPLE,
            ),
            heading("Von der Analyse zum Handeln"),
            para(
                "Die Ergebnisse fließen in die Open-Source-Strategie, in die "
                "Beschaffungsplanung und in die Exit-Strategien der einzelnen Verfahren "
                "ein. Die Analyse sollte alle zwei bis drei Jahre wiederholt werden."
            ),
        ],
    ),
    TextSpec(
        slug="kompetenzaufbau",
        title="Kompetenzen aufbauen: Personal und Qualifizierung",
        summary=(
            "Digitale Souveränität setzt eigenes Wissen voraus. Die Handlungshilfe zeigt, "
            "welche Kompetenzen Kommunen brauchen und wie sie sie gewinnen, halten und "
            "teilen."
        ),
        tags=("Personal", "Organisation"),
        principles=("grundsaetze", "kommunale-kraefte-buendeln"),
        body=[
            heading("Welche Kompetenzen gebraucht werden"),
            para(
                "Wer Software souverän auswählen, steuern und wechseln will, muss sie "
                "beurteilen können. Dafür braucht die Kommune nicht für alles eigene "
                "Entwicklerinnen und Entwickler, wohl aber eigenes Urteilsvermögen."
            ),
            bullets(
                "IT-Architektur: Systeme und ihre Abhängigkeiten überblicken",
                "Vergabe und Vertragsgestaltung für IT-Leistungen",
                "Open-Source-Lizenzen und Zusammenarbeit in Entwicklergemeinschaften",
                "Datenschutz und Informationssicherheit",
                "Produktverantwortung in den Fachbereichen",
            ),
            heading("Personal gewinnen und halten"),
            para(
                "Der Wettbewerb um IT-Fachkräfte ist groß. Kommunen können mit sinnvollen "
                "Aufgaben, sicheren Arbeitsplätzen und flexiblen Arbeitsmodellen "
                "punkten. Die Mitarbeit an Open-Source-Projekten ist für viele "
                "Fachkräfte zusätzlich attraktiv."
            ),
            para(
                "Ebenso wichtig ist die Qualifizierung der vorhandenen Beschäftigten. "
                "Viele Verwaltungsfachleute bringen genau das Prozesswissen mit, das für "
                "gute Digitalisierung fehlt."
            ),
            heading("Wissen teilen"),
            para(
                "Nicht jede Kommune muss jede Kompetenz selbst vorhalten. Interkommunale "
                "Kompetenzzentren, gemeinsame Stellen und Fachnetzwerke machen Wissen "
                "für viele nutzbar."
            ),
            info(
                "Hinweis",
                "Die KGSt bietet ihren Mitgliedern Netzwerke und Seminare zu Fragen der "
                "Digitalisierung an. Im Mitgliederbereich dieser Plattform können "
                "Erfahrungen ausgetauscht werden.",
            ),
        ],
    ),
    TextSpec(
        slug="schnittstellen-und-formate",
        title="Offene Schnittstellen und Datenformate festlegen",
        summary=(
            "Eine kommunale Standardliste legt fest, welche Formate und Schnittstellen "
            "die Kommune verlangt. Sie macht Ausschreibungen einfacher und Wechsel "
            "günstiger."
        ),
        tags=("Standards", "Daten"),
        principles=("offene-standards", "interoperabilitaet", "datensouveraenitaet"),
        body=[
            heading("Eine Standardliste für die Kommune"),
            para(
                "Viele Entscheidungen über Formate und Schnittstellen fallen nebenbei, in "
                "einzelnen Projekten. Eine kommunale Standardliste bündelt sie: Sie legt "
                "fest, welche offenen Standards die Kommune grundsätzlich verlangt."
            ),
            para(
                "Die Liste wird von der IT-Steuerung gepflegt und vom Verwaltungsvorstand "
                "beschlossen. Abweichungen sind möglich, müssen aber begründet werden."
            ),
            heading("Inhalt der Standardliste"),
            bullets(
                "Dokumente: Open Document Format, PDF/A für die Archivierung",
                "Datenaustausch mit anderen Behörden: XÖV-Standards",
                "Offene Daten: CSV, JSON und GeoJSON mit Metadaten nach DCAT-AP.de",
                "Schnittstellen: dokumentierte Web-Schnittstellen mit öffentlicher Spezifikation",
            ),
            info(
                "Tipp",
                "Beginnen Sie mit wenigen, gut begründeten Einträgen. Eine kurze Liste, "
                "die eingehalten wird, wirkt mehr als eine lange, die niemand kennt.",
            ),
            heading("Die Liste in der Praxis nutzen"),
            para(
                "Die Standardliste wird Bestandteil jeder Leistungsbeschreibung. "
                "Projektleitungen prüfen zu Projektbeginn, ob die geplante Lösung die "
                "Liste einhält."
            ),
            para(
                "Kommunen, die ihre Listen veröffentlichen und abstimmen, senden ein "
                "deutliches Signal an den Markt: Anbieter richten ihre Produkte an den "
                "Anforderungen vieler Kommunen aus."
            ),
        ],
    ),
]

# --- Gute Beispiele (fictional municipalities) ---------------------------------------

EXAMPLES: list[ExampleSpec] = [
    ExampleSpec(
        slug="musterhausen-freie-buerosoftware",
        title="Freie Bürosoftware in drei Pilotämtern",
        municipality="Stadt Musterhausen (fiktiv)",
        population_class=PopulationClass.UP_TO_400K,
        summary=(
            "Die Stadt Musterhausen hat in drei Ämtern freie Bürosoftware eingeführt und "
            "dabei offene Dokumentformate zum Standard gemacht."
        ),
        what_was_done="".join(
            [
                p(
                    "Auslöser war eine deutliche Preiserhöhung bei der bisherigen "
                    "Bürosoftware. Der Verwaltungsvorstand beauftragte die IT, eine "
                    "offene Alternative zu erproben."
                ),
                ol(
                    "Auswahl von drei Pilotämtern mit unterschiedlichen Anforderungen",
                    "Umstellung aller Vorlagen auf das Open Document Format",
                    "Schulungen in kleinen Gruppen und eine interne Hotline",
                    "Auswertung nach zwölf Monaten",
                ),
                p(
                    "Nach der Pilotphase nutzen rund 400 Arbeitsplätze freie "
                    "Bürosoftware. Die Ausweitung auf weitere Ämter ist beschlossen."
                ),
            ]
        ),
        lessons_learned="".join(
            [
                p(
                    "Der größte Aufwand lag nicht in der Technik, sondern in den Vorlagen "
                    "und Makros, die über Jahre gewachsen waren."
                ),
                ul(
                    "Vorlagen früh erfassen und bereinigen",
                    "Ansprechpersonen in jedem Amt benennen",
                    "Erfolge sichtbar machen, etwa im Intranet",
                ),
            ]
        ),
        contact=(
            "Stadt Musterhausen, Amt für Digitalisierung und IT\n"
            "digitalisierung@musterhausen.example"
        ),
        tags=("Open Source", "Personal"),
    ),
    ExampleSpec(
        slug="beispielkreis-abhaengigkeitsanalyse",
        title="Abhängigkeitsanalyse für 180 Fachverfahren",
        municipality="Landkreis Beispielkreis (fiktiv)",
        population_class=PopulationClass.UP_TO_400K,
        summary=(
            "Der Landkreis Beispielkreis hat alle Fachverfahren nach Kritikalität und "
            "Wechselhürden bewertet und daraus eine Prioritätenliste abgeleitet."
        ),
        what_was_done="".join(
            [
                p(
                    "Ein kleines Team aus IT, Organisation und Vergabestelle erfasste in "
                    "sechs Monaten alle 180 Fachverfahren des Kreises mit Anbieter, "
                    "Vertragslaufzeit, Datenformaten und Exportmöglichkeiten."
                ),
                p(
                    "Jedes Verfahren wurde in Workshops mit den Fachämtern nach "
                    "Kritikalität und Wechselhürde bewertet. Das Ergebnis ist eine Matrix, "
                    "die der Kreistag zur Kenntnis genommen hat."
                ),
                p(
                    "Für die zwölf kritischsten Verfahren gibt es inzwischen dokumentierte "
                    "Exit-Strategien."
                ),
            ]
        ),
        lessons_learned="".join(
            [
                p(
                    "Viele Verträge waren nicht zentral auffindbar. Ein einfaches "
                    "Vertragsregister hätte die Erhebung deutlich verkürzt."
                ),
                p(
                    "Die Bewertung in Workshops hat das Bewusstsein in den Fachämtern "
                    "stärker verändert als jeder Bericht."
                ),
            ]
        ),
        contact=(
            "Landkreis Beispielkreis, Stabsstelle Digitalisierung\n"
            "it-steuerung@beispielkreis.example"
        ),
        tags=("Cloud", "Daten"),
    ),
    ExampleSpec(
        slug="modellingen-gemeinsamer-betrieb",
        title="Kleine Gemeinde, gemeinsamer Betrieb",
        municipality="Gemeinde Modellingen (fiktiv)",
        population_class=PopulationClass.UP_TO_10K,
        summary=(
            "Die Gemeinde Modellingen betreibt ihre Open-Source-Anwendungen nicht "
            "selbst, sondern gemeinsam mit elf Nachbargemeinden beim kommunalen "
            "IT-Dienstleister."
        ),
        what_was_done="".join(
            [
                p(
                    "Mit sechs Beschäftigten in der Verwaltung kann Modellingen keine "
                    "eigene IT-Abteilung vorhalten. Die Gemeinde hat sich deshalb mit "
                    "elf Nachbargemeinden zusammengetan."
                ),
                p(
                    "Gemeinsam haben die Gemeinden beim kommunalen IT-Dienstleister eine "
                    "Plattform für Dateiablage, Terminplanung und Videokonferenzen auf "
                    "Open-Source-Basis beauftragt. Die Kosten werden nach Einwohnerzahl "
                    "geteilt."
                ),
            ]
        ),
        lessons_learned="".join(
            [
                p(
                    "Auch kleine Gemeinden können digital souverän handeln, wenn sie sich "
                    "zusammenschließen. Entscheidend war eine klare Vereinbarung über "
                    "Kosten, Zuständigkeiten und Ausstiegsmöglichkeiten."
                ),
            ]
        ),
        contact="Gemeinde Modellingen, Hauptamt\nhauptamt@modellingen.example",
        tags=("Open Source", "Beschaffung"),
    ),
    ExampleSpec(
        slug="beispielstadt-offene-daten",
        title="Offene Daten auf offenen Standards",
        municipality="Stadt Beispielstadt (fiktiv)",
        population_class=PopulationClass.UP_TO_100K,
        summary=(
            "Die Stadt Beispielstadt veröffentlicht ihre offenen Daten auf einer "
            "Open-Source-Plattform in offenen Formaten mit einheitlichen Metadaten."
        ),
        what_was_done="".join(
            [
                p(
                    "Die Stadt hat eine Open-Source-Datenplattform eingerichtet und "
                    "verbindlich festgelegt, in welchen Formaten Daten veröffentlicht "
                    "werden."
                ),
                ul(
                    "Tabellen als CSV, Geodaten als GeoJSON",
                    "Metadaten nach DCAT-AP.de, damit die Daten auch im Bundesportal erscheinen",
                    "Freie Lizenz für alle veröffentlichten Datensätze",
                ),
                p("Inzwischen sind über 150 Datensätze veröffentlicht."),
            ]
        ),
        lessons_learned="".join(
            [
                p(
                    "Die Fachämter geben Daten bereitwilliger heraus, seit klar geregelt "
                    "ist, was veröffentlicht wird und was nicht."
                ),
            ]
        ),
        contact="Stadt Beispielstadt, Geschäftsstelle Open Data\nopendata@beispielstadt.example",
        tags=("Daten", "Standards"),
    ),
    ExampleSpec(
        slug="modellstadt-ausschreibung-ratsinformationssystem",
        title="Ausschreibung eines Ratsinformationssystems mit offenen Schnittstellen",
        municipality="Stadt Modellstadt (fiktiv)",
        population_class=PopulationClass.UP_TO_50K,
        summary=(
            "Bei der Neuausschreibung ihres Ratsinformationssystems hat die Stadt "
            "Modellstadt offene Schnittstellen, Datenrückgabe und eine Exit-Regelung "
            "zur Bedingung gemacht."
        ),
        what_was_done="".join(
            [
                p(
                    "Die Leistungsbeschreibung verlangte offene Schnittstellen nach einem "
                    "verbreiteten offenen Standard für parlamentarische Informationen, "
                    "den Export aller Daten in offenen Formaten und Unterstützung bei "
                    "einem späteren Anbieterwechsel."
                ),
                p(
                    "In die Wertung flossen die Kosten über acht Jahre einschließlich "
                    "eines angenommenen Wechsels ein. Den Zuschlag erhielt ein Anbieter "
                    "mit einer Open-Source-Lösung."
                ),
            ]
        ),
        lessons_learned="".join(
            [
                p(
                    "Eine Markterkundung vor der Ausschreibung hat gezeigt, dass mehrere "
                    "Anbieter die Anforderungen erfüllen können. Das hat Bedenken in der "
                    "Vergabestelle ausgeräumt."
                ),
            ]
        ),
        contact="Stadt Modellstadt, Vergabestelle\nvergabe@modellstadt.example",
        tags=("Beschaffung", "Standards"),
    ),
    ExampleSpec(
        slug="musterregion-kompetenzzentrum",
        title="Ein gemeinsames Kompetenzzentrum für Open Source",
        municipality="Zweckverband Digitale Musterregion (fiktiv)",
        population_class="",
        summary=(
            "Vier Städte und zwei Landkreise haben ein gemeinsames Kompetenzzentrum "
            "gegründet, das Open-Source-Projekte berät und Wissen bündelt."
        ),
        what_was_done="".join(
            [
                p(
                    "Das Kompetenzzentrum hat fünf Stellen, die von den Mitgliedern "
                    "gemeinsam finanziert werden. Es berät bei Auswahl und Vergabe, "
                    "begleitet Pilotprojekte und organisiert Schulungen."
                ),
                p(
                    "Eigenentwicklungen der Mitglieder werden auf einer gemeinsamen "
                    "Plattform unter freier Lizenz veröffentlicht."
                ),
            ]
        ),
        lessons_learned="".join(
            [
                p(
                    "Gemeinsame Stellen sind für Fachkräfte attraktiv, weil sie an "
                    "Lösungen für viele Kommunen arbeiten. Wichtig ist eine klare "
                    "Steuerung durch die Mitglieder, damit das Zentrum nicht an ihrem "
                    "Bedarf vorbei arbeitet."
                ),
            ]
        ),
        contact="Zweckverband Digitale Musterregion, Geschäftsstelle\nkontakt@musterregion.example",
        tags=("Personal", "Open Source"),
    ),
]

# --- Pflichtseiten ---------------------------------------------------------------------

LEGAL_DEMO = p(
    "Hinweis: Dies ist ein Demo-Text. Vor dem Betrieb ersetzt die verantwortliche "
    "Stelle ihn durch einen geprüften Text."
)

LEGAL_BODIES: dict[str, str] = {
    "impressum": "".join(
        [
            LEGAL_DEMO,
            h2("Angaben gemäß § 5 DDG"),
            p("Musterverband für digitale Souveränität e. V. (fiktiv)"),
            p("Musterstraße 1, 12345 Musterstadt"),
            h2("Kontakt"),
            p("E-Mail: redaktion@kommunal-souveraen.example"),
            h2("Verantwortlich für den Inhalt"),
            p(
                "Für die Inhalte des Leitbilds ist die Redaktion Leitbild verantwortlich, "
                "für die Handlungshilfen und guten Beispiele die Redaktion "
                "Handlungshilfen."
            ),
            h2("Lizenz"),
            p(
                "Die Texte dieser Plattform stehen, soweit nicht anders angegeben, unter "
                "der Lizenz Creative Commons Namensnennung 4.0 International. Die "
                "Software der Plattform ist freie Software unter der EUPL 1.2."
            ),
        ]
    ),
    "datenschutz": "".join(
        [
            LEGAL_DEMO,
            h2("Verantwortliche Stelle"),
            p(
                "Verantwortlich für die Verarbeitung personenbezogener Daten auf dieser "
                "Plattform ist der im Impressum genannte Betreiber."
            ),
            h2("Aufruf der Seiten"),
            p(
                "Beim Aufruf einer Seite verarbeitet der Server technisch notwendige "
                "Daten wie die IP-Adresse und den Zeitpunkt des Zugriffs, um die Seite "
                "auszuliefern und Angriffe abzuwehren. Diese Protokolle werden nach "
                "sieben Tagen gelöscht."
            ),
            p(
                "Die Plattform bindet keine Inhalte Dritter ein: keine Webschriften, "
                "keine Karten- oder Videodienste und keine Analyse- oder "
                "Werbewerkzeuge. Alle Dateien werden vom eigenen Server ausgeliefert."
            ),
            h2("Cookies"),
            p(
                "Die Plattform setzt nur technisch notwendige Cookies: ein Cookie für die "
                "Anmeldung und ein Cookie zum Schutz von Formularen vor Missbrauch."
            ),
            h2("Benutzerkonto und Kommentare"),
            p(
                "Für ein Benutzerkonto speichern wir Ihre E-Mail-Adresse, Ihren Namen und "
                "Ihre Organisation. Kommentare werden mit Ihrer Organisation angezeigt, "
                "mit Ihrem Namen nur, wenn Sie dem zugestimmt haben."
            ),
            h2("Ihre Rechte"),
            ul(
                "Auskunft über Ihre gespeicherten Daten (Art. 15 DSGVO)",
                "Berichtigung und Löschung (Art. 16 und 17 DSGVO)",
                "Einschränkung der Verarbeitung und Widerspruch (Art. 18 und 21 DSGVO)",
                "Datenübertragbarkeit (Art. 20 DSGVO)",
                "Beschwerde bei einer Datenschutzaufsichtsbehörde (Art. 77 DSGVO)",
            ),
        ]
    ),
    "leichte-sprache": "".join(
        [
            p("Hier erklären wir diese Internet-Seite in Leichter Sprache."),
            p("Dieser Text ist ein Beispiel-Text."),
            h2("Worum geht es?"),
            p("Städte und Gemeinden arbeiten mit Computern."),
            p("Dafür brauchen sie Programme."),
            p("Viele Programme kommen nur von einer einzigen Firma."),
            p("Dann kann die Stadt nicht einfach zu einer anderen Firma wechseln."),
            p("Die Stadt ist dann abhängig."),
            h2("Was wollen die Städte?"),
            p("Die Städte wollen selbst bestimmen."),
            p("Sie wollen Programme nutzen, die jeder ansehen und verbessern darf."),
            p("Solche Programme heißen: Open Source."),
            p("Das spricht man so: Open Sohrs."),
            h2("Wer macht diese Seite?"),
            p("Der Deutsche Städtetag und die KGSt machen diese Seite."),
            p("Der Deutsche Städtetag ist ein Verband von Städten."),
            p("Die KGSt hilft Städten, gut zu arbeiten."),
            h2("Was finden Sie auf dieser Seite?"),
            ul(
                "Das Leitbild. Darin steht, was die Städte wollen.",
                "Die Handlungshilfen. Darin steht, wie die Städte das schaffen.",
                "Gute Beispiele. Darin steht, was Städte schon geschafft haben.",
            ),
            h2("Wie können Sie mitmachen?"),
            p("Arbeiten Sie bei einer Stadt oder Gemeinde?"),
            p("Dann können Sie sich hier anmelden."),
            p("Dann können Sie Ihre Meinung zu den Texten schreiben."),
        ]
    ),
}

ACCESSIBILITY_BODY = "".join(
    [
        LEGAL_DEMO,
        p(
            "Der Betreiber ist bemüht, diese Plattform im Einklang mit den Vorschriften "
            "zur Barrierefreiheit barrierefrei zugänglich zu machen, insbesondere mit "
            "der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) und der "
            "Richtlinie (EU) 2016/2102."
        ),
        p("Diese Erklärung gilt für die Plattform „Kommunal souverän“."),
        h2("Stand der Vereinbarkeit mit den Anforderungen"),
        p(
            "Diese Website ist mit der BITV 2.0 teilweise vereinbar. Die Prüfung beruht "
            "auf einer Selbstbewertung mit automatischen Tests und Tests mit Tastatur "
            "und Bildschirmleser."
        ),
        h2("Nicht barrierefreie Inhalte"),
        p("Die folgenden Inhalte sind nach derzeitigem Stand nicht vollständig barrierefrei:"),
        ul(
            "Ältere PDF-Dokumente sind teilweise nicht barrierefrei aufbereitet.",
            "Der Vergleich zweier Fassungen ist für Bildschirmleser noch umständlich.",
        ),
        p(
            "Wir arbeiten daran, diese Barrieren zu beseitigen. Auf Anfrage stellen wir "
            "die Inhalte in einer zugänglichen Form bereit."
        ),
        h2("Erstellung dieser Erklärung"),
        p(
            "Diese Erklärung ist ein Demo-Text. Im Betrieb nennt sie das Datum ihrer "
            "Erstellung und der letzten Überprüfung."
        ),
        h2("Feedback und Kontaktangaben"),
        p(
            "Sind Ihnen Mängel beim barrierefreien Zugang aufgefallen? Dann schreiben Sie "
            "uns über das Formular auf dieser Seite oder per E-Mail an "
            "barrierefreiheit@kommunal-souveraen.example."
        ),
        h2("Schlichtungsverfahren"),
        p(
            "Wenn auf Ihre Rückmeldung nicht innerhalb von sechs Wochen eine "
            "zufriedenstellende Antwort erfolgt ist, können Sie ein kostenloses "
            "Schlichtungsverfahren einleiten. Zuständig ist die Schlichtungsstelle nach "
            "dem Behindertengleichstellungsgesetz oder die nach Landesrecht zuständige "
            "Stelle Ihres Bundeslandes."
        ),
    ]
)

ACCESSIBILITY_THANK_YOU = p(
    "Vielen Dank für Ihre Rückmeldung. Wir melden uns innerhalb von sechs Wochen bei "
    "Ihnen, sofern Sie eine E-Mail-Adresse angegeben haben."
)

ACCESSIBILITY_MAIL = {
    "to_address": "barrierefreiheit@kommunal-souveraen.example",
    "from_address": "noreply@kommunal-souveraen.example",
    "subject": "Rückmeldung zur Barrierefreiheit",
}
