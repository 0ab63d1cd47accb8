"""The one base class for errors a user caused and can fix; the CLI prints them as one line."""


class TuyengiaoError(Exception):
    """An error whose message is a complete, one-line explanation for the user."""
