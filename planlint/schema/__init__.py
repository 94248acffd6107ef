"""PL002: checking a plan against the JSON Schema, its compiled fast path, the errors in words, and what the schema allows at a place."""
