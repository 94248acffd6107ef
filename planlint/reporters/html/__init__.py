"""The self-contained HTML report: the page, its labels in both languages, the accounts table and the timeline."""
