"""planlint: lint key-account plans written as YAML."""
__version__ = "0.1.0"
