"""`python -m rafahdiff`: the same as the `rafahdiff` console script."""

from rafahdiff.tui.launch import main

raise SystemExit(main())
