"""`python -m rafahdiff`: the same as the `rafahdiff` console script."""

from rafahdiff.tui.cli import main

raise SystemExit(main())
