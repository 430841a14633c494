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
