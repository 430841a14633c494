"""Issue 6: the HTML report in a real headless browser (Debian's chromium; `.ci/run` installs it).

The DOM chromium builds from a hostile report must hold no script and no element the article
smuggled in, and show the hostile markup as text. Skipped, with the reason, without chromium.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from rafahdiff.core import SourceText, compare, read_source
from rafahdiff.core.export_html import render_html
from tests.html_check import REPORT_TAGS, check_html
from tests.test_export_html import HOSTILE_A, HOSTILE_B

CHROMIUM = next((p for p in (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")) if p), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (apt-get install chromium; "
                                                          ".ci/run installs it)")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-extensions", "--mute-audio", "--hide-scrollbars"]


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    env = {**os.environ, "HOME": str(tmp_path)}
    try:
        return subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args], capture_output=True,
                              timeout=30, env=env, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        pytest.fail("chromium took longer than 30 s")


def test_hostile_report_dom_has_no_script_and_shows_the_text(tmp_path):
    al = compare(SourceText("a.txt", "/tmp/a.txt", HOSTILE_A), SourceText("b.txt", "/tmp/b.txt", HOSTILE_B))
    page = tmp_path / "hostile.html"
    page.write_text(render_html(al), encoding="utf-8")
    proc = _chromium(tmp_path, "--dump-dom", page.as_uri())
    dom = proc.stdout.decode("utf-8", "replace")
    assert proc.returncode == 0 and "<body" in dom, proc.stderr.decode("utf-8", "replace")[-500:]
    rep = check_html(dom)
    assert "script" not in rep.tags
    assert set(rep.tags) <= REPORT_TAGS | {"br"}, set(rep.tags) - REPORT_TAGS
    assert rep.tags.count("h1") == 1 and rep.tags.count("table") == 2
    assert not any(k.startswith("on") for m in rep.unit_attrs.values() for k in m)
    for needle in ("<script>alert(1)</script>", "</td></tr></table><h1>pwned</h1>",
                   '<a href="javascript:alert(1)">here</a>', '"><img src=x onerror=alert(1)>',
                   "<iframe src=//evil></iframe>"):
        assert needle in rep.text, needle
    assert "\u202e" not in rep.text  # the override is shown as a placeholder, not obeyed
    assert all(h.startswith("#") for h in rep.hrefs)
    # every unit of both articles made it into the DOM with its id
    assert len(rep.unit_text) == len(al.a.units) + len(al.b.units)


def test_seed_report_screenshot_renders(tmp_path):
    al = compare(read_source("001"), read_source("002"))
    page = tmp_path / "r.html"
    page.write_text(render_html(al), encoding="utf-8")
    shot = tmp_path / "r.png"
    proc = _chromium(tmp_path, "--window-size=1280,1600", f"--screenshot={shot}", page.as_uri())
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")[-500:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000  # a blank page compresses to a few KB


HARNESS = """<!DOCTYPE html><html><body><pre id="out">pending</pre>
<iframe id="f" src="report.html" width="1200" height="800"></iframe>
<script>
document.getElementById("f").addEventListener("load", function () {
  var out = document.getElementById("out");
  try {
    var d = this.contentDocument, w = this.contentWindow;
    var shown = function (el) { return w.getComputedStyle(el).display !== "none"; };
    var bp = Array.from(d.querySelectorAll("tr.bp")), other = Array.from(d.querySelectorAll("tbody tr:not(.bp)"));
    var before = bp.filter(shown).length;
    d.getElementById("hide-bp").checked = true;
    out.textContent = JSON.stringify({bp: bp.length, before: before, after: bp.filter(shown).length,
                                      others: other.length, others_after: other.filter(shown).length,
                                      scripts: d.scripts.length});
  } catch (e) { out.textContent = "error: " + e; }
});
</script></body></html>"""


def test_css_only_toggle_hides_boilerplate_rows(tmp_path):
    """A test-only harness page (the report itself has no script) ticks the checkbox and reads
    the computed styles of the report's rows through a same-directory iframe."""
    import json
    import re

    al = compare(read_source("002"), read_source("003"))
    (tmp_path / "report.html").write_text(render_html(al), encoding="utf-8")
    (tmp_path / "harness.html").write_text(HARNESS, encoding="utf-8")
    proc = _chromium(tmp_path, "--allow-file-access-from-files", "--virtual-time-budget=5000", "--dump-dom",
                     (tmp_path / "harness.html").as_uri())
    m = re.search(r'<pre id="out">([^<]*)</pre>', proc.stdout.decode("utf-8", "replace"))
    assert m and m.group(1).startswith("{"), (m and m.group(1), proc.stderr.decode("utf-8", "replace")[-300:])
    res = json.loads(m.group(1).replace("&quot;", '"'))
    assert res["bp"] > 0 and res["before"] == res["bp"]  # shown (dimmed) by default
    assert res["after"] == 0  # all hidden once ticked
    assert res["others"] > 0 and res["others_after"] == res["others"]  # nothing else hidden
    assert res["scripts"] == 0
