"""`planlint server`: a language server for plans. pygls and
lsprotocol come with the `lsp` extra: `pip install 'planlint[lsp]'`."""
from __future__ import annotations

INSTALL_HINT = {"en": "`planlint server` needs pygls and lsprotocol; install them with "
                      "`pip install 'planlint[lsp]'` (or `pip install pygls lsprotocol`)",
                "zh": "`planlint server` 需要 pygls 和 lsprotocol；请用 `pip install 'planlint[lsp]'` 安装"
                      "（或 `pip install pygls lsprotocol`）"}


def main() -> int:
    """Serve on standard input and output until the client says exit; the exit status
    is 0 after `shutdown` then `exit`, else 1 (as LSP asks)."""
    import gc

    gc.enable()  # planlint's command turns it off for short runs; a server runs for hours
    from planlint.server.app import run, server

    run()
    return 0 if getattr(server.protocol, "_shutdown", False) else 1
