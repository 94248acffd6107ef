"""Reading plan files: bytes to text, YAML to data with positions, YAML errors in plain words."""
