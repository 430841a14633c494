"""rafahdiff.tui: the command line and the Textual app, over one alignment from rafahdiff.core."""
