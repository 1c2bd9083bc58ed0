"""Prose is Markdown, safely: what it means comes out, nothing it holds breaks the document."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sessions import prose
from sessions.importing.markdown_tree import text_of
from sessions.prose import MD

pieces = st.one_of(
    st.characters(codec="utf-8", exclude_categories=("Cs",)),
    st.sampled_from(list("\"'\\\n\r\t[]|`<>#*_{}$@😀\x00\x07\x1b\x7f-+=.):!~& 1234567890abc")),
    st.sampled_from(
        [
            "https://x.com/a",
            "- ",
            "1. ",
            "```",
            "    ",
            "\n\n",
            "# ",
            "> ",
            "| a | b |\n|---|---|\n",
            "**",
            "<br>",
            "&amp;",
            "&#65;",
            "\\|",
            "[a](b)",
            "![i](http://x/y.png)",
            "===",
            "---",
        ]
    ),
)
texts = st.lists(pieces, max_size=30).map("".join)
many = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))


@many
@given(texts, st.integers(1, 4))
def test_block_is_idempotent_and_stays_inside_its_section(text, level):
    out = prose.block(text, level)
    assert prose.block(out, level) == out
    for token in MD.parse(out):
        assert not token.type.startswith("html")
        if token.type == "heading_open":
            assert int(token.tag[1]) > level


@many
@given(texts)
def test_inline_is_one_line_and_idempotent(text):
    out = prose.inline(text)
    assert "\n" not in out and prose.inline(out) == out


@many
@given(texts)
def test_a_cell_never_breaks_its_table_and_reads_back_the_same(text):
    out = prose.cell(text)
    tokens = MD.parse(f"| h |\n| --- |\n| {out} |\n")
    assert [t.type for t in tokens].count("td_open") == 1
    content = [t for t in tokens if t.type == "inline"][-1].content
    assert prose.cell("\n".join(content.split("<br>"))) == out


@many
@given(texts)
def test_plain_text_is_never_markup(text):
    """Nothing but text, and links that are web addresses shown as written."""
    children = MD.parseInline(prose.plain(text))[0].children or []
    assert {t.type for t in children} <= {"text", "softbreak", "link_open", "link_close"}
    out = prose.plain(text)
    for index, token in enumerate(children):
        if token.type == "link_open":  # shown exactly as written between < and >
            assert f"<{children[index + 1].content}>" in out


def test_a_web_address_in_a_name_or_evidence_stays_a_link_and_reads_back():
    """Evidence read "https\\://ci.example.com/run/8812" in the export."""
    text = "CI run https://ci.example.com/run/8812, see http://x.io/a_b."
    out = prose.plain(text)
    assert out == "CI run <https://ci.example.com/run/8812>, see <http://x.io/a_b>."
    assert text_of(out) == text
    assert (
        prose.plain("https://x.io/a%20b") == "https\\://x.io/a%20b"
    )  # %20 would read back as a space


def test_what_people_write_comes_out_as_markdown():
    text = "Steps:\n\n1. drain\n2. restart\n\nRun `kill -9`, *carefully*; see https://x.org/a."
    html = MD.render(prose.block(text))
    assert "<ol>\n<li>drain</li>" in html
    assert "<code>kill -9</code>" in html and "<em>carefully</em>" in html
    assert '<a href="https://x.org/a">https://x.org/a</a>.' in html


def test_what_could_break_the_document_is_neutralised():
    out = prose.block("# Top\n<script>x</script>\n\nsetup.py and www.x.com stay text", level=2)
    assert out.startswith("### Top")
    html = MD.render(out)
    assert "<script>" not in html and "<a" not in html
    assert prose.cell("a | b\nc") == "a \\| b<br>c"
    assert prose.plain("*@sre_team* [x]") == "\\*@sre_team\\* \\[x\\]"
