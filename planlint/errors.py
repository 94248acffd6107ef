"""Errors that end a run with exit status 2 and a message for people, never a traceback."""


class ConfigError(Exception):
    """A usage or configuration mistake: exit status 2 with this message."""
