"""The `rafahdiff` command: argument parsing, input errors → one stderr line + exit 2.

Exporters, `importlib.metadata` and the seed list are imported only on the paths that use them,
and the engine only once the inputs are read: `rafahdiff 001 002` forks a child that imports the
engine and aligns while this process imports Textual (`prefetch`), and pays for no HTML, Markdown
or Rich rendering (first paint under half a second; benchmarks/bench_first_paint.py).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable

from rafahdiff.core.errors import InputError
from rafahdiff.core.model import SourceText
from rafahdiff.core.reading import MAX_INPUT_BYTES, read_source
from rafahdiff.core.sanitize import display_line, display_text
from rafahdiff.tui.launch import INTERRUPTED, INTERRUPTED_LINE

FORMATS = ("json", "text", "html", "markdown")

#: `-o FILE` without `--format` picks the format from the file name; anything else is text.
SUFFIX_FORMATS = {".json": "json", ".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown"}

EPILOG = """examples:
  rafahdiff 001 002              open the side-by-side app on two bundled seeds
  rafahdiff 003                  one article alone, boilerplate marked
  rafahdiff wire.txt paper.txt   compare two text files
  curl -s … | rafahdiff - 001    read A from standard input
  rafahdiff 001 002 --json       the alignment as JSON (schema rafahdiff/alignment/v1)
  rafahdiff 001 002 --format text --width 160
  rafahdiff 001 002 -o report.html   a self-contained HTML report (format from the suffix)
  rafahdiff 001 002 --format markdown -o report.md
  rafahdiff --list               the bundled seeds

A and B are a seed id or unique prefix of a seed's file name, a path, or - (stdin, once).
Exit status: 0 on success (whether or not the articles differ), 2 on bad input or failure,
130 when interrupted (ctrl+c).
"""


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("rafahdiff")
    except PackageNotFoundError:
        return "unknown"


class _VersionAction(argparse.Action):
    """`--version`, looked up only when asked for (importlib.metadata is slow to import)."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, help=None):  # noqa: A002
        super().__init__(option_strings=option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        print(f"rafahdiff {_version()}")  # stdout, as argparse's own version action does
        parser.exit()


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """States the engine's default threshold, read only when the help is printed (the engine's
    import is what the app's start overlaps with Textual's)."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        if action.dest == "threshold":
            from rafahdiff.core.score import DEFAULT_THRESHOLD

            return f"{action.help} (default {DEFAULT_THRESHOLD})"
        return action.help


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2 (argparse prints usage too)
        self.exit(2, f"rafahdiff: {message} (see --help)\n")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="rafahdiff",
        description="Side-by-side source comparer for news articles: what B reused, edited, "
        "paraphrased, moved, added or dropped from A, with page furniture marked.",
        epilog=EPILOG,
        formatter_class=_Formatter,
    )
    p.add_argument("a", nargs="?", metavar="A", help="first article (seed id, path or -)")
    p.add_argument("b", nargs="?", metavar="B", help="second article (seed id, path or -)")
    p.add_argument("--format", choices=FORMATS,
                   help="write the result to stdout (or -o FILE) instead of starting the app")
    p.add_argument("--json", action="store_const", const="json", dest="format", help="short for --format json")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="write the report to FILE atomically (format from --format, else from the suffix: "
                   ".html .md .json, otherwise text); - is standard output")
    p.add_argument("--width", type=int, help="width of the text rendering (default: $COLUMNS or 100)")
    p.add_argument("--threshold", type=float, help="minimum pair score in [0, 1]")  # None: the engine's
    p.add_argument("--list", action="store_true", help="list the bundled seed articles and exit")
    p.add_argument("--version", action=_VersionAction, help="show the version and exit")
    return p


def _print_list() -> None:
    from rafahdiff.core.pipeline import analyse
    from rafahdiff.core.seeds import list_seeds

    for seed in list_seeds():
        src = read_source(str(seed.path))
        title = analyse(src).title
        size = seed.path.stat().st_size
        print(f"{seed.id}  {size:>6} B  {display_text(title)[:90]}  ({seed.name})")


def _width(arg: int | None) -> int:
    if arg:
        return max(20, arg)
    try:
        return max(20, int(os.environ.get("COLUMNS", "")))
    except ValueError:
        return 100


def _use_color() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def run(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.list:
        _print_list()
        return 0
    if args.a is None:
        raise InputError("no article given: try `rafahdiff 001 002` or --list (see --help)")
    if args.a == "-" and args.b == "-":
        raise InputError("standard input (-) can be used for only one of A and B")
    if args.threshold is not None and not 0.0 <= args.threshold <= 1.0:
        raise InputError(f"--threshold must be between 0 and 1, not {args.threshold}")
    _hint_when_stdin_is_the_terminal(args.a, args.b)
    src_a = read_source(args.a)
    src_b = read_source(args.b) if args.b is not None else None
    for src in (src_a, src_b):
        if src is not None and src.notice:
            print(f"rafahdiff: {display_line(src.notice)}", file=sys.stderr)
    to_file = args.output not in (None, "-")
    fmt = args.format
    if fmt is None and args.output is not None:
        fmt = SUFFIX_FORMATS.get(os.path.splitext(args.output)[1].lower(), "text")
    if to_file:  # fail fast, before the comparison runs
        from rafahdiff.core.output import resolve_target

        resolve_target(args.output)
        _refuse_overwriting_input(args.output, src_a, src_b)
    if fmt is None and sys.stdout.isatty():
        return _run_app(src_a, src_b, args.threshold)
    from rafahdiff.tui.prefetch import align_here

    al = align_here(src_a, src_b, args.threshold)
    report: str | Iterable[str]
    if fmt == "json":
        from rafahdiff.core.export_json import to_json

        report = to_json(al)
    elif fmt == "html":
        from rafahdiff.core.export_html import iter_html

        report = iter_html(al)
    elif fmt == "markdown":
        from rafahdiff.core.export_markdown import iter_markdown

        report = iter_markdown(al)
    else:
        from rafahdiff.core.export_text import render_text

        on_terminal = sys.stdout.isatty() and not to_file
        report = render_text(al, width=_width(args.width), color=_use_color() and not to_file,
                             terminal=on_terminal)
    if to_file:
        from rafahdiff.core.output import write_atomic

        write_atomic(args.output, report)  # streams the chunks; all or nothing
    else:
        sys.stdout.write(report if isinstance(report, str) else "".join(report))
        sys.stdout.flush()
    return 0


def _hint_when_stdin_is_the_terminal(a: str, b: str | None) -> None:
    """`rafahdiff - 001` typed without a pipe waited on a blank screen for the article to be
    typed in: say so, and how to end it."""
    side = "A" if a == "-" else "B" if b == "-" else None
    try:
        interactive = side is not None and sys.stdin is not None and sys.stdin.isatty()
    except (AttributeError, ValueError, OSError):
        interactive = False
    if interactive:
        print(f"rafahdiff: reading {side} from the terminal: type or paste the article, then ctrl+d "
              "on a line of its own (or pipe it: cat article.txt | rafahdiff - …)", file=sys.stderr)


def _run_app(src_a: SourceText, src_b: SourceText | None, threshold: float | None) -> int:
    """The app, with the alignment started in a forked child before Textual is imported."""
    from rafahdiff.tui import prefetch, terminal

    problem = terminal.keyboard_from_terminal()  # before the fork: no child for a refusal
    if problem is not None:
        print(f"rafahdiff: {problem}", file=sys.stderr)
        return 2
    ahead = prefetch.start(src_a, src_b, threshold)
    try:
        from rafahdiff.tui.app import run_app

        return run_app(src_a, src_b, threshold=threshold, ahead=ahead)
    finally:
        if ahead is not None:
            ahead.close()  # killed and reaped however the app ended (usually done already)


def _refuse_overwriting_input(output: str, *sources) -> None:
    """`-o` naming one of the inputs would silently destroy it: refuse instead."""
    for src in sources:
        if src is None or src.path == "-":
            continue
        try:
            same = os.path.samefile(output, src.path)
        except OSError:
            continue
        if same:
            raise InputError(f"-o {output} would overwrite the input {src.source}; choose another file")


def interrupted() -> int:
    """ctrl+c: one line, status 130 (the console script, `launch.main`, covers the imports)."""
    try:
        sys.stderr.write(INTERRUPTED_LINE)
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    return INTERRUPTED


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):  # a non-UTF-8 locale shows \u0631, never a traceback
        try:
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            pass
    try:
        return run(argv)
    except InputError as exc:
        print(f"rafahdiff: {display_line(str(exc))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return interrupted()
    except BrokenPipeError:
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        except OSError:
            pass
        return 2
    except MemoryError:
        print(f"rafahdiff: out of memory (inputs are limited to {MAX_INPUT_BYTES // 2**20} MiB each)", file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - the promise is: never a traceback
        print(f"rafahdiff: internal error: {type(exc).__name__}: {display_line(str(exc))[:200]}", file=sys.stderr)
        return 2
