"""The `jv` command line (Typer): the app in app.py, one thin module per command."""

from jobbvinner_cli.cli.app import app, main

__all__ = ["app", "main"]
