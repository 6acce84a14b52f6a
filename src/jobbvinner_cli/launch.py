"""The `jv` program's entry point (the console script and ``python -m jobbvinner_cli``).

It starts before Typer is imported, so that the import can run without Python's cyclic
garbage collector: importing Typer, Click and the commands' thin modules makes tens of
thousands of objects (classes, functions, their dicts) and no garbage, and the collector
would walk them over and over while they are made (about 5 % of `jv --help`).
"""

from __future__ import annotations

import gc


def main() -> None:
    enabled = gc.isenabled()
    gc.disable()
    try:
        from jobbvinner_cli.cli.app import main as run_jv
    finally:
        # what the import made lives as long as the process: later collections need not
        # look at it again
        gc.freeze()
        if enabled:  # the command itself runs with the collector (check and build pause it)
            gc.enable()
    run_jv()
