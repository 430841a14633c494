"""The one exception the CLI turns into a single stderr line and exit status 2."""


class InputError(Exception):
    """Bad input or a failure the user can act on; the message is one human line."""
