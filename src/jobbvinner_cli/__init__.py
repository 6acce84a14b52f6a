"""jv: run a Jobbvinner pilot (Utviklingsverksted) from a folder of Markdown plans."""

__version__ = "0.1.0"

# The name jv has on the package index (pip install jobbvinner-cli); the import name is
# jobbvinner_cli. jv init writes it into a pilot's CI and pre-commit configuration.
DISTRIBUTION = "jobbvinner-cli"
