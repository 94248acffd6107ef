"""`planlint server`: a language server for plans (started by planlint.server.app.main).
pygls and lsprotocol come with the `lsp` extra: `pip install 'planlint[lsp]'`. The
package itself imports none of its modules, so a module here that imports a sibling
through it (`from planlint.server import features`) imports nothing that leads back."""
from __future__ import annotations

INSTALL_HINT = {"en": "`planlint server` needs pygls and lsprotocol; install them with "
                      "`pip install 'planlint[lsp]'` (or `pip install pygls lsprotocol`)",
                "zh": "`planlint server` 需要 pygls 和 lsprotocol；请用 `pip install 'planlint[lsp]'` 安装"
                      "（或 `pip install pygls lsprotocol`）"}

