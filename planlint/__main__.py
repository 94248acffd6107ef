"""The `planlint` command (and `python -m planlint`).

A pre-commit hook runs planlint on one or two plans per commit, so start-up and
shut-down are most of the run. Two things here cost nothing in behaviour:

- The cyclic garbage collector stays off. While click, PyYAML and the rules
  import it runs dozens of full passes that find nothing to free; a long run
  collects young objects itself (`workers.young_gc_only`).
- Standard output and error never fail on a character the console cannot show
  (a Windows cp1252 or GBK console, a redirect under `LC_ALL=C`): it is written
  as `?`, so every command in both languages prints what it can and finishes.
  Reports written to files are UTF-8 whatever the console is.
- The process ends with `os._exit` once output is flushed, as mypy's
  `hard_exit` does: tearing down every module and object the run made takes
  longer than linting a plan, and nothing is left to clean up. Reports are
  already renamed into place and worker pools closed by then.
"""
from __future__ import annotations

import gc
import os
import sys


def main() -> None:
    gc.disable()
    _replace_what_the_console_cannot_show()
    from planlint.cli.main import main as run_cli

    try:
        run_cli()
        status = 0
    except SystemExit as stop:
        status = _exit_status(stop.code)
    _flush_and_exit(status)


def _replace_what_the_console_cannot_show() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)  # None: closed, or replaced by a non-text stream
        if reconfigure is not None:
            reconfigure(errors="replace")


def _exit_status(code: object) -> int:
    """What Python itself would exit with for `sys.exit(code)`."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def _flush_and_exit(status: int) -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:  # None: the stream was closed before planlint started
                stream.flush()
        except (OSError, ValueError):
            pass  # a reader that went away (`planlint … | head`) or a closed stream
    os._exit(status)


if __name__ == "__main__":
    main()
