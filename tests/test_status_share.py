"""The status line's whole percentages never round a partial share to 100% or 0%."""

from __future__ import annotations

from rafahdiff.core import SourceText, compare, read_source
from rafahdiff.core.summary import whole_share
from rafahdiff.tui.details import summary_text


def test_whole_share_keeps_partial_shares_off_the_ends():
    assert whole_share(1.0) == "100%" and whole_share(0.0) == "0%"
    assert whole_share(0.998) == ">99%" and whole_share(0.9951) == ">99%"
    assert whole_share(0.004) == "<1%" and whole_share(0.0049) == "<1%" and whole_share(0.007) == "1%"
    assert whole_share(0.994) == "99%" and whole_share(0.5) == "50%" and whole_share(0.011) == "1%"


def test_status_line_with_one_sentence_omitted_does_not_say_all_reused():
    """A long article with one sentence dropped: 'A reused 100% · omitted 1' contradicted itself."""
    long_a = "\n\n".join(read_source(s).text for s in ("001", "000", "003", "004"))
    dropped = long_a.replace("No date for the talks has been set, he said.", "", 1)
    al = compare(SourceText("a.txt", "a.txt", long_a), SourceText("b.txt", "b.txt", dropped))
    s = al.stats
    assert s.omitted_units == 1 and 0.995 <= s.a_reused_share < 1  # the premise: rounds to 100%
    for width in (0, 60):
        status = summary_text(al, hidden=False, diff_only=False, width=width).plain
        assert "A reused >99%" in status and "A reused 100%" not in status


def test_share_text_keeps_partial_shares_off_the_ends():
    from rafahdiff.core.summary import share_text

    assert share_text(1.0) == "100.0%" and share_text(0.0) == "0.0%"
    assert share_text(0.9999) == ">99.9%" and share_text(0.9994) == "99.9%"
    assert share_text(0.0001) == "<0.1%" and share_text(0.0005) == "0.1%" and share_text(0.25) == "25.0%"


def test_stats_never_round_a_partial_share_to_one_or_zero():
    """2 MB with one sentence dropped: 'Reused 100.0%' beside 'Omitted 1 unit · 0.0%'."""
    base = "\n\n".join(read_source(s).text for s in ("001", "000", "003", "004"))
    long_a = "\n\n".join(f"{base} Paragraph marker number {k} keeps these copies apart." for k in range(60))
    dropped = long_a.replace("No date for the talks has been set, he said.", "", 1)
    al = compare(SourceText("a.txt", "a.txt", long_a), SourceText("b.txt", "b.txt", dropped))
    s = al.stats
    assert s.omitted_units == 1
    assert 0 < s.omitted_share < 0.0005 and 0.9995 < s.a_reused_share < 1  # premise: rounds to 0 and 1
    assert s.a_reused_share == 0.9999 and s.omitted_share == 0.0001
    from rafahdiff.core.export_text import render_text

    text = render_text(al, width=120)
    assert ">99.9%" in text and "<0.1%" in text and "A 100.0%" not in text
