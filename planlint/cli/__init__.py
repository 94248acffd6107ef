"""The `planlint` command: arguments, language, `--fix`, `init`."""
