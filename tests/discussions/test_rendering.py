"""Plain text to safe HTML: paragraphs, line breaks, quotes, links; nothing else."""

import pytest

from discussions.rendering import excerpt, quote_text, render_post


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("Eins.\n\nZwei.", "<p>Eins.</p>\n<p>Zwei.</p>"),
        ("Zeile 1\nZeile 2", "<p>Zeile 1<br>\nZeile 2</p>"),
        ("> Zitat\nAntwort", "<blockquote><p>Zitat</p></blockquote>\n<p>Antwort</p>"),
        (
            "> > alt\n> neu\n\nIch",
            "<blockquote><blockquote><p>alt</p></blockquote><p>neu</p></blockquote>\n<p>Ich</p>",
        ),
        ("<b>fett</b> & Co.", "<p>&lt;b&gt;fett&lt;/b&gt; &amp; Co.</p>"),
        (
            "https://example.org/?a=1&b=<2>",
            '<p><a href="https://example.org/?a=1&amp;b=" rel="nofollow ugc">'
            "https://example.org/?a=1&amp;b=</a>&lt;2&gt;</p>",
        ),
        ("javascript:alert(1)", "<p>javascript:alert(1)</p>"),
        ('"><script>x</script>', "<p>&quot;&gt;&lt;script&gt;x&lt;/script&gt;</p>"),
        ("\n\n  \n", ""),
    ],
)
def test_render_post(text, html):
    assert render_post(text) == html


def test_deeply_nested_quotes_stop_nesting():
    html = render_post("> > > > > tief")
    assert html.count("<blockquote>") == 3
    assert "&gt; &gt; tief" in html


def test_quote_text_prefixes_every_line():
    assert quote_text("Jana Ott (Landkreis Beispielkreis)", "Eins\n\nZwei") == (
        "Jana Ott (Landkreis Beispielkreis) schrieb:\n> Eins\n>\n> Zwei\n\n"
    )


def test_excerpt_leaves_out_quotes_and_shortens():
    assert excerpt("> alt\nNeu " + "Wort " * 100, words=5) == "Neu Wort Wort Wort Wort …"


def test_excerpt_leaves_out_the_attribution_together_with_its_quote():
    reply = quote_text("Sabine Neumann (Stadt Musterhausen)", "Wir nutzen Nextcloud.")
    reply += "Wir auch, seit 2021."
    assert excerpt(reply) == "Wir auch, seit 2021."


def test_excerpt_keeps_own_lines_that_merely_end_like_an_attribution():
    assert excerpt("Die Kollegin schrieb:\nkein Zitat folgt") == (
        "Die Kollegin schrieb: kein Zitat folgt"
    )
