"""planlint: lint key-account plans written as YAML."""
__version__ = "0.2.0"
