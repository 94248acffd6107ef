"""Package discovery that cannot forget a subpackage: pyproject.toml cannot both
search planlint/ and map the top-level rules/ and schemas/ folders into it."""
from setuptools import find_packages, setup

setup(packages=[*find_packages(include=["planlint", "planlint.*"]), "planlint.rules", "planlint.schemas"])
