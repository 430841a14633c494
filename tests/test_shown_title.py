"""An article with no title (every line is furniture) reads the same in every view: NO_TITLE,
where the text export printed 'B:   [page.txt]' and the HTML/Markdown headings ended in '↔ '."""

from __future__ import annotations

import pytest

from rafahdiff.core import SourceText, compare, read_source
from rafahdiff.core.export_html import render_html
from rafahdiff.core.export_markdown import render_markdown
from rafahdiff.core.export_text import render_text
from rafahdiff.core.headline import NO_TITLE, shown_title

FURNITURE = ("Home\nNews\nSports\nSubscribe\nSign in\nShare this article\nFollow us on Twitter\n"
             "Advertisement\nRelated Articles\n© 2024 Example Media. All rights reserved.\n"
             "Privacy Policy\nTerms of Use\n")


@pytest.fixture(scope="module")
def untitled():
    al = compare(read_source("001"), SourceText("menu.txt", "menu.txt", FURNITURE))
    assert al.b is not None and al.b.title.strip() == ""  # the premise: no title was found
    return al


def test_shown_title():
    assert shown_title("") == shown_title("   ") == NO_TITLE
    assert shown_title("Rafah talks back on ") == "Rafah talks back on"


def test_text_header_names_the_missing_title(untitled):
    lines = render_text(untitled, width=120).splitlines()
    assert lines[1] == f"B: {NO_TITLE}  [menu.txt]"


def test_markdown_and_html_headings_name_the_missing_title(untitled):
    md = render_markdown(untitled).splitlines()
    assert md[0].endswith(f"↔ {NO_TITLE}")
    assert any(line.startswith(f"- **B**: {NO_TITLE} — ") for line in md)
    page = render_html(untitled)
    assert f"↔ {NO_TITLE}</title>" in page and f"↔ <bdi>{NO_TITLE}</bdi></h1>" in page
    assert "<bdi></bdi>" not in page


def test_app_head_names_the_missing_title(untitled):
    from rafahdiff.tui.app import _head_text
    assert _head_text("B", untitled.b, False).plain.endswith(NO_TITLE)
