"""An example rule pack for planlint."""
