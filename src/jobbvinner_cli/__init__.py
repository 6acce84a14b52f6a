"""jv: run a Jobbvinner pilot (Utviklingsverksted) from a folder of Markdown plans."""

__version__ = "0.1.0"
