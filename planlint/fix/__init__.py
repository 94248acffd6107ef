"""Fixes: the built-in fixers, fix passes verified by linting again, suppression-comment edits, writing fixed files."""
