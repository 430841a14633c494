"""`--format html`: one self-contained report to send to an editor or attach to a fact-check.

No scripts and no external resources: inline CSS only, a Content-Security-Policy that forbids
everything else, and a CSS-only checkbox to hide boilerplate. Article text is hostile by
assumption: every string that came from an input goes through `display_text` (controls, bidi
overrides → visible placeholders) and then `html.escape(..., quote=True)`, in text and in
attributes alike. The only URLs in the page are our own `#a-N`/`#b-N` fragment links.
"""

from __future__ import annotations

import html
from functools import lru_cache
from collections.abc import Iterable, Iterator

from .headline import shown_title
from .highlight import changed_spans, pieces
from .model import Alignment, Document, Pair
from .rows import LABELS, MARKERS, Row, build_rows, row_state
from .sanitize import display_text
from .summary import Figure, Summary, build_summary

CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"

#: The states in legend order; colours mirror the text/app styles (edited yellow, paraphrase cyan…).
LEGEND = ("identical", "edited", "paraphrase", "related", "omitted", "added", "moved", "boilerplate")

CSS = """
:root{--fg:#1d1f23;--muted:#5b6270;--line:#d9dde3;--bg:#fff;
--identical:#ffffff;--edited:#fff5cc;--paraphrase:#dcf3f7;--related:#f6e1f4;--omitted:#fde0df;
--added:#dff3df;--moved:#e1e9fb;--boilerplate:#f3f4f6;
--m-identical:#6b7280;--m-edited:#9a6b00;--m-paraphrase:#0e7490;--m-related:#a21caf;--m-omitted:#b42318;
--m-added:#1a7f37;--m-moved:#1d4ed8;--m-boilerplate:#6b7280;--del:#fbd0cd;--ins:#c6efce}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1400px;padding:1.2rem 1.5rem 3rem;color:var(--fg);background:var(--bg);
font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
h1{font-size:1.35rem;margin:.2rem 0 .6rem;line-height:1.3}
h2{font-size:1.05rem;margin:1.4rem 0 .5rem}
.docs{margin:0 0 .8rem;padding:0;list-style:none;color:var(--muted);font-size:.9rem}
.docs b{color:var(--fg)}
.docs code{font-size:.85rem;word-break:break-all}
table{border-collapse:collapse}
.summary{margin:.3rem 0 1rem;font-size:.92rem}
.summary th,.summary td{border:1px solid var(--line);padding:.3rem .7rem;text-align:left;vertical-align:top}
.summary thead th{background:#f5f6f8}
.summary td{font-variant-numeric:tabular-nums}
.summary .note{display:block;color:var(--muted);font-weight:normal;font-size:.8rem}
.fig+.fig::before{content:" · ";color:var(--muted)}
.legend{display:flex;flex-wrap:wrap;gap:.35rem .9rem;margin:.4rem 0 .6rem;padding:0;list-style:none;font-size:.85rem}
.legend li{display:flex;align-items:center;gap:.3rem}
.legend .m{display:inline-block;min-width:1.5em;text-align:center;border:1px solid var(--line);border-radius:3px}
.toggle{margin:.2rem .35rem .8rem 0;vertical-align:middle}
.toggle-label{font-size:.9rem;cursor:pointer;vertical-align:middle}
.diff{width:100%;table-layout:fixed}
.diff col.mcol{width:2.1em}
.diff thead th{position:sticky;top:0;background:#f5f6f8;border-bottom:2px solid var(--line);padding:.4rem .5rem;
text-align:left;font-size:.9rem;overflow-wrap:anywhere}
.diff td{padding:.35rem .5rem;vertical-align:top;border-bottom:1px solid var(--line);overflow-wrap:anywhere}
.diff td.m{text-align:center;font-weight:bold;font-family:ui-monospace,"DejaVu Sans Mono",monospace;padding:.35rem 0}
.diff td.t+td.m{border-left:1px solid var(--line)}
.u{display:inline}
.u+.u::before{content:" "}
.u:target{outline:2px solid var(--m-moved);outline-offset:2px;border-radius:2px}
.heading{font-weight:bold}
del,ins{text-decoration:underline;text-underline-offset:.18em;border-radius:2px}
del{background:var(--del);text-decoration-color:#b42318}
ins{background:var(--ins);text-decoration-color:#1a7f37}
.cat{display:inline-block;margin-left:.4rem;font-weight:normal;padding:0 .35rem;border:1px solid #c4c8cf;border-radius:3px;
font-size:.75rem;font-style:normal;color:var(--muted);background:#fff;white-space:nowrap}
.jump{margin-left:.4rem;font-size:.8rem;white-space:nowrap;color:var(--m-moved)}
.score{float:right;margin-left:.4rem;font-size:.75rem;color:var(--muted)}
tr.bp td.t{color:var(--muted);font-size:.9rem;font-style:italic}
#hide-bp:checked~table.diff tr.bp,#hide-bp:checked~table.diff .u.bpu{display:none}
@media print{.toggle,.toggle-label{display:none}.diff thead th{position:static}}
"""

#: Like the app: pair rows stay plain (the changed words carry the difference) with a tinted
#: marker cell; one-sided rows (omitted, added, moved, boilerplate) are tinted across.
_PAIR_STATES = ("identical", "edited", "paraphrase", "related")
_STATE_CSS = "".join(
    f"tr.s-{s} td.m,.legend .s-{s}{{color:var(--m-{s});background:var(--{s})}}"
    + ("" if s in _PAIR_STATES else f"tr.s-{s} td{{background:var(--{s})}}")
    for s in LEGEND
) + "table.diff tr td.empty{background:repeating-linear-gradient(135deg,#fafafa 0 6px,#f2f3f5 6px 12px)}"


def esc(text: str) -> str:
    """Untrusted text → inert HTML text or attribute value."""
    return html.escape(display_text(text), quote=True)


@lru_cache(maxsize=1024)
def _esc_small(text: str) -> str:
    """`esc` for the few distinct labels, kinds and categories repeated on every row."""
    return esc(text)


def _highlighted(text: str, start: int, end: int, spans: list[tuple[int, int]], tag: str) -> str:
    """The unit text [start, end) with the changed parts wrapped in <del>/<ins>."""
    return "".join(f"<{tag}>{esc(p)}</{tag}>" if changed else esc(p) for p, changed in pieces(text, start, end, spans))


def _unit_title(doc: Document, k: int, side: str, state: str, pair: Pair | None) -> str:
    """The unit's hover text, already escaped (numbers and our own words; the reason via `esc`)."""
    u = doc.units[k]
    parts = [f"{side.upper()} #{k + 1}", _esc_small(u.kind)]
    if u.boilerplate:
        parts.append(f"boilerplate: {_esc_small(u.boilerplate)}" + (f" ({esc(u.reason)})" if u.reason else ""))
    elif pair is not None:
        parts.append(f"{_esc_small(pair.relation)}, score {pair.score:.2f}" + (", moved" if pair.moved else ""))
    else:
        parts.append(_esc_small(LABELS.get(state, state)))
    return " · ".join(parts)


def _cell(al: Alignment, row: Row, side: str, state: str) -> str:
    doc = al.a if side == "a" else al.b
    idx = row.a if side == "a" else row.b
    if doc is None or not idx:
        return '<td class="m empty"></td><td class="t empty"></td>'
    pair = al.pairs[row.pair] if row.pair is not None else None
    spans = changed_spans(pair, side, doc.text) if pair is not None else []
    tag = "del" if side == "a" else "ins"
    units: list[str] = []
    for k in idx:
        u = doc.units[k]
        classes = ["u", _esc_small(u.kind)]
        if u.boilerplate:
            classes.append("bpu")
        body = _highlighted(doc.text, u.start, u.end, spans, tag) if spans else esc(doc.text[u.start:u.end])
        if u.boilerplate:
            body += (f'<span class="cat" title="{esc(u.reason) if u.reason else _esc_small(u.boilerplate)}">'
                     f"{_esc_small(u.boilerplate)}</span>")
        units.append(f'<span class="{" ".join(classes)}" id="{side}-{k}" dir="auto" '
                     f'title="{_unit_title(doc, k, side, state, pair)}">{body}</span>')
    extra = ""
    if pair is not None and row.kind == "moved":
        other = "b" if side == "a" else "a"
        partner = pair.b if side == "a" else pair.a
        extra = (f'<a class="jump" href="#{other}-{partner[0]}" title="moved: go to its partner in '
                 f'{other.upper()}">{MARKERS["moved"]} {other.upper()} #{partner[0] + 1}</a>')
    score = ""
    if pair is not None and side == "b" and row.kind == "pair":
        score = f'<span class="score">{pair.score:.2f}</span>'
    mark = MARKERS.get(state, " ")
    return (f'<td class="m" title="{_esc_small(LABELS.get(state, state))}">{_esc_small(mark)}</td>'
            f'<td class="t">{score}{"".join(units)}{extra}</td>')


def _row(al: Alignment, row: Row) -> str:
    state = row_state(al, row)
    classes = f"s-{state}" + (" bp" if row.kind == "boilerplate" else "")
    cells = _cell(al, row, "a", state)
    if al.b is not None:
        cells += _cell(al, row, "b", state)
    return f'<tr class="{classes}">{cells}</tr>\n'


def _figures(figs: Iterable[Figure]) -> str:
    return "".join(f'<span class="fig" data-stat="{esc(f.stat)}" data-value="{esc(repr(f.value))}">'
                   f"{esc(f.text)}</span>" for f in figs)


def _summary_table(summary: Summary) -> str:
    head = f"<th>A · {esc(summary.a_source)}</th>"
    if summary.two_sided:
        head += f"<th>B · {esc(summary.b_source or '')}</th>"
    out = [f'<table class="summary"><thead><tr><th>Measure</th>{head}</tr></thead><tbody>\n']
    for r in summary.rows:
        label = f'<th scope="row">{esc(r.label)}<span class="note">{esc(r.note)}</span></th>'
        if r.both:
            cells = f'<td colspan="2">{_figures(r.both)}</td>'
        else:
            cells = f"<td>{_figures(r.a) or '—'}</td>"
            if summary.two_sided:
                cells += f"<td>{_figures(r.b) or '—'}</td>"
        out.append(f'<tr class="k-{esc(r.key)}">{label}{cells}</tr>\n')
    out.append("</tbody></table>\n")
    return "".join(out)


def _doc_line(side: str, doc: Document) -> str:
    return (f"<li><b>{side}</b> <bdi>{esc(shown_title(doc.title))}</bdi> — "
            f"<code>{esc(doc.source)}</code> (<code>{esc(doc.path)}</code>), {len(doc.units)} units</li>")


def iter_html(al: Alignment) -> Iterator[str]:
    """The report in chunks (so `-o` can stream it into its temporary file)."""
    summary = build_summary(al)
    title = shown_title(al.a.title) if al.b is None else f"{shown_title(al.a.title)} ↔ {shown_title(al.b.title)}"
    yield (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="rafahdiff">\n'
        f"<title>rafahdiff: {esc(title)}</title>\n<style>{CSS}{_STATE_CSS}</style>\n</head>\n<body>\n"
    )
    heading = "Article report" if al.b is None else "Comparison report"
    titles = " ↔ ".join(f"<bdi>{esc(shown_title(d.title))}</bdi>" for d in (al.a, al.b) if d is not None)
    yield f"<header>\n<h1>{heading}: {titles}</h1>\n<ul class=\"docs\">\n{_doc_line('A', al.a)}\n"
    if al.b is not None:
        yield _doc_line("B", al.b) + "\n"
    yield (f"<li>pair threshold {al.threshold:.2f} · rafahdiff report: no scripts, no external resources; "
           "hover a sentence for its number, kind and score</li>\n")
    yield f"</ul>\n</header>\n<main>\n<h2>Summary</h2>\n{_summary_table(summary)}"
    states = LEGEND if al.b is not None else ("content", "boilerplate")
    yield ('<h2>Side by side</h2>\n<ul class="legend" aria-label="markers">'
           + "".join(f'<li><span class="m s-{s}">{esc(MARKERS[s]) if s != "content" else "&nbsp;"}</span>'
                     f"{esc(LABELS[s])}</li>" for s in states)
           + '<li><del>changed</del>/<ins>changed</ins> words inside a pair</li></ul>\n')
    rows = build_rows(al)
    n_bp = sum(1 for r in rows if r.kind == "boilerplate")
    yield (f'<input type="checkbox" id="hide-bp" class="toggle">'
           f'<label for="hide-bp" class="toggle-label">Hide boilerplate ({n_bp} rows)</label>\n'
           '<table class="diff">\n<colgroup><col class="mcol"><col>'
           + ('<col class="mcol"><col>' if al.b is not None else "") + "</colgroup>\n"
           f'<thead><tr><th colspan="2">A · {esc(al.a.source)}</th>'
           + (f'<th colspan="2">B · {esc(al.b.source)}</th>' if al.b is not None else "")
           + "</tr></thead>\n<tbody>\n")
    chunk: list[str] = []
    for row in rows:
        chunk.append(_row(al, row))
        if len(chunk) >= 256:
            yield "".join(chunk)
            chunk = []
    yield "".join(chunk)
    yield "</tbody>\n</table>\n</main>\n</body>\n</html>\n"


def render_html(al: Alignment) -> str:
    return "".join(iter_html(al))
