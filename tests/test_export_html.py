"""Issue 6: the HTML report — structure, escaping, summary = JSON stats, highlights, moved links."""

from __future__ import annotations

import json
from itertools import permutations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rafahdiff.core import SourceText, compare, read_source
from rafahdiff.core.export_html import CSP, render_html
from rafahdiff.core.export_json import to_dict
from rafahdiff.core.rows import build_rows
from rafahdiff.core.sanitize import display_text
from rafahdiff.core.summary import build_summary, figures
from tests.cli_helpers import run_cli
from tests.conftest import SEED_IDS
from tests.html_check import REPORT_TAGS, check_html, squash

HOSTILE_A = (
    'Breaking <script>alert(1)</script> news</td></tr></table><h1>pwned</h1> today.\n\n'
    'Click <a href="javascript:alert(1)">here</a> or javascript:alert(2) now, officials said.\n\n'
    'Name: "><img src=x onerror=alert(1)> injected into the story.\n\n'
    "It's 'quoted' & <!-- comment --> <![CDATA[ x ]]> &amp; &lt;b&gt; entity text.\n\n"
    "Bidi \u202eevil txet\u202c override, \u2066isolate\u2069, \u200b zero width, \x1b[31m red "
    "\x1b]8;;http://x\x07link\x1b]8;;\x07 end.\n\n"
    '<style>body{display:none}</style><meta http-equiv="refresh" content="0;url=http://evil"> styled.\n'
)
HOSTILE_B = (HOSTILE_A.replace("today", "tonight").replace("officials said", "a spokesman said")
             + "\nAn extra <iframe src=//evil></iframe> sentence with <svg onload=alert(1)>.\n")


def _pair(a: str, b: str | None):
    return compare(read_source(a), read_source(b) if b else None)


def _hostile(a_name: str = "a.txt", b_name: str = "b.txt"):
    return compare(SourceText(a_name, f"/tmp/{a_name}", HOSTILE_A), SourceText(b_name, f"/tmp/{b_name}", HOSTILE_B))


def assert_inert(doc: str, rep) -> None:
    assert rep.problems == [], rep.problems[:5]
    assert set(rep.tags) <= REPORT_TAGS, set(rep.tags) - REPORT_TAGS
    low = doc.lower()
    assert "<script" not in low and "<img" not in low and "<iframe" not in low and "<svg" not in low
    assert all(h.startswith("#") for h in rep.hrefs), [h for h in rep.hrefs if not h.startswith("#")]
    csp = [m for m in rep.metas if m.get("http-equiv", "").lower() == "content-security-policy"]
    assert len(csp) == 1 and csp[0]["content"] == CSP
    assert "default-src 'none'" in CSP and "script" not in CSP
    refresh = [m for m in rep.metas if m.get("http-equiv", "").lower() == "refresh"]
    assert refresh == []
    assert doc.count("<h1>") == 1 and low.count("<style>") == 1 and low.count("<table") == 2


def assert_every_unit_present(al, rep) -> None:
    """Every unit of both documents is in the page, once, as its (display-safe) text."""
    for side, doc in (("a", al.a), ("b", al.b)):
        if doc is None:
            continue
        for k, u in enumerate(doc.units):
            uid = f"{side}-{k}"
            assert uid in rep.unit_text, uid
            assert squash(rep.unit_text[uid]) == squash(display_text(doc.text[u.start:u.end])), uid
    expected = len(al.a.units) + (len(al.b.units) if al.b else 0)
    assert len(rep.unit_text) == expected


def assert_links_resolve(al, rep) -> None:
    assert all(h[1:] in rep.ids for h in rep.hrefs)
    for p in al.pairs:
        if p.moved:
            assert f"#b-{p.b[0]}" in rep.hrefs and f"#a-{p.a[0]}" in rep.hrefs
    assert len(rep.hrefs) == 2 * sum(p.moved for p in al.pairs)


def assert_summary_equals_json(al, rep) -> None:
    stats = json.loads(json.dumps(to_dict(al)))["stats"]
    assert rep.stats, "no summary figures"
    for stat, value, shown in rep.stats:
        assert stat in stats
        assert float(value) == pytest.approx(stats[stat], abs=0), stat
        if isinstance(stats[stat], float):
            assert abs(float(shown.rstrip("%")) / 100 - stats[stat]) <= 0.0005 + 1e-9, (stat, shown)
        else:
            assert int(shown.split()[0]) == stats[stat], (stat, shown)
    shown = {s for s, _, _ in rep.stats}
    if al.b is not None:
        required = {"a_reused_share", "b_reused_share", "added_units", "added_share", "omitted_units",
                    "omitted_share", "paraphrase", "moved", "a_boilerplate_units", "b_boilerplate_units",
                    "a_boilerplate_share", "b_boilerplate_share"}
        assert required <= shown, required - shown
    assert [s for s, _, _ in rep.stats] == [f.stat for f in figures(build_summary(al))]


def assert_word_highlights(al, rep) -> None:
    """The <del>/<ins> text of each unit is exactly the changed characters the pair's ops name."""
    for p in al.pairs:
        for side, doc, idx in (("a", al.a, p.a), ("b", al.b, p.b)):
            covered = set()
            for op in p.ops:
                lo, hi = (op.a_start, op.a_end) if side == "a" else (op.b_start, op.b_end)
                if op.tag in (("replace", "delete") if side == "a" else ("replace", "insert")):
                    covered.update(range(lo, hi))
            for k in idx:
                u = doc.units[k]
                want = "".join(doc.text[i] for i in range(u.start, u.end) if i in covered and not doc.text[i].isspace())
                got = "".join("".join(rep.marked.get(f"{side}-{k}", [])).split())
                assert got == "".join(display_text(want).split()), (side, k)
    paired = {f"a-{i}" for p in al.pairs for i in p.a} | {f"b-{j}" for p in al.pairs for j in p.b}
    assert set(rep.marked) <= paired  # no highlight outside a pair


def assert_boilerplate_marked(al, rep) -> None:
    for side, doc in (("a", al.a), ("b", al.b)):
        if doc is None:
            continue
        for k, u in enumerate(doc.units):
            attrs = rep.unit_attrs[f"{side}-{k}"]
            if u.boilerplate:
                assert "bpu" in attrs["class"].split()
                assert u.boilerplate in attrs["title"]
                if (al.pair_of_a(k) if side == "a" else al.pair_of_b(k)) is None:
                    assert "bp" in rep.unit_row_class[f"{side}-{k}"].split()
            else:
                assert "bpu" not in attrs["class"].split()


def full_check(al) -> None:
    doc = render_html(al)
    rep = check_html(doc)
    assert_inert(doc, rep)
    assert_every_unit_present(al, rep)
    assert_links_resolve(al, rep)
    assert_summary_equals_json(al, rep)
    assert_word_highlights(al, rep)
    assert_boilerplate_marked(al, rep)
    assert rep.text.count("\u202e") == 0 and "\x1b" not in doc and "\u2066" not in doc


@pytest.mark.parametrize("a,b", list(permutations(SEED_IDS, 2)))
def test_every_seed_pair(a, b):
    full_check(_pair(a, b))


@pytest.mark.parametrize("seed", SEED_IDS)
def test_single_document(seed):
    al = _pair(seed, None)
    full_check(al)
    html = render_html(al)
    check_html(html)
    assert len(build_rows(al)) == html.count("<tr class=\"s-")


def test_hostile_articles_render_as_inert_text():
    al = _hostile()
    full_check(al)
    doc = render_html(al)
    text = check_html(doc).text
    for needle in ("<script>alert(1)</script>", "</td></tr></table><h1>pwned</h1>",
                   '<a href="javascript:alert(1)">here</a>', '"><img src=x onerror=alert(1)>',
                   "<!-- comment --> <![CDATA[ x ]]> &amp; &lt;b&gt;", "<iframe src=//evil></iframe>",
                   '<meta http-equiv="refresh" content="0;url=http://evil">'):
        assert needle in text, needle
    assert "\u27e8RLO\u27e9" in text or "RLO" in text  # the override is shown, not obeyed


@pytest.mark.parametrize("name", ['x"><img src=x onerror=alert(1)>.txt', "</title><script>x</script>.txt",
                                  "\u202etxt.exe", "a'b&c<d>.txt"])
def test_hostile_titles_sources_and_paths(name):
    al = compare(SourceText(name, f"/tmp/{name}/{name}", f"{name}\n\nThe body of {name} says something.\n"),
                 SourceText(name, f"/tmp/{name}", f"A different {name} headline\n\nThe body of {name} says it.\n"))
    doc = render_html(al)
    rep = check_html(doc)
    assert_inert(doc, rep)
    assert "\u202e" not in doc
    assert squash(display_text(name)) in squash(rep.text)


def test_rows_follow_build_rows_and_markers():
    al = _pair("001", "002")
    doc = render_html(al)
    rows = build_rows(al)
    assert doc.count('<tr class="s-') == len(rows)
    # every row shows a marker glyph next to its text: colour is never the only signal
    for r in rows:
        assert f'class="s-{r.kind if r.kind != "pair" else al.pairs[r.pair].relation}' in doc


def test_boilerplate_toggle_is_css_only():
    al = _pair("002", "003")
    doc = render_html(al)
    assert '<input type="checkbox" id="hide-bp"' in doc
    assert "#hide-bp:checked~table.diff tr.bp" in doc
    # the checkbox precedes the table as a sibling, so the ~ combinator reaches it
    assert doc.index('id="hide-bp"') < doc.index('<table class="diff"')
    assert doc.count('<tr class="s-boilerplate bp"') == sum(1 for r in build_rows(al) if r.kind == "boilerplate")


def test_cli_html_stdout_matches_renderer(capsys):
    res = run_cli(["001", "002", "--format", "html"], capsys)
    assert res.code == 0 and res.err == ""
    assert res.out == render_html(_pair("001", "002"))


_CHARS = st.sampled_from(list("ab <>&\"'=/;:!-|*_`[](){}#\n.\u202e\u200b\x1b\x07\u00e9\u0627\u05d0") + ["script", "on", "javascript:"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_CHARS, min_size=1, max_size=80).map("".join), st.lists(_CHARS, min_size=1, max_size=80).map("".join))
def test_generated_text_stays_inert(a, b):
    if not a.strip() or not b.strip():
        return
    al = compare(SourceText("a", "/a", a), SourceText("b", "/b", b))
    full_check(al)


def test_reasons_in_attributes_are_escaped():
    """A boilerplate reason (which may quote the article) lands in a title attribute: quote it."""
    from rafahdiff.core.model import Alignment, Document, Unit
    from rafahdiff.core.stats import compute_stats

    text = 'Real sentence here.\n\nSponsored "><img src=x onerror=alert(1)> by \u202eevil\n'
    reason = 'matched "><img src=x onerror=alert(1)> and \u202e'
    units = (Unit(0, 19, "sentence"), Unit(21, len(text) - 1, "line", "ad", reason))
    doc = Document('s"><b>', '/p"><b>', text, 'T"><script>x</script>', units)
    al = Alignment(a=doc, b=None, pairs=(), stats=compute_stats(doc, None, ()), threshold=0.5)
    html_doc = render_html(al)
    rep = check_html(html_doc)
    assert_inert(html_doc, rep)
    assert_every_unit_present(al, rep)
    assert_boilerplate_marked(al, rep)
    assert '"><img' not in html_doc and "\u202e" not in html_doc
    assert display_text(reason) in rep.unit_attrs["a-1"]["title"]  # parsed back intact, as text
