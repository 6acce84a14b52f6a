"""Control and escape characters made visible in every text output a person or a tool reads.

Text from a pilot (a heading, a team name) may hold an escape sequence that sets a
terminal's title or clears the screen, or a control character Word pastes (U+000B for
Shift+Enter). Terminal text, plain messages, GitHub annotations and the status tables
show them as symbols instead of acting on them.
"""

from __future__ import annotations


def _control_table() -> dict[int, str]:
    """What a control character is printed as: visible, never acted on by the terminal."""
    table = {c: chr(0x2400 + c) for c in range(0x20) if c not in (0x09, 0x0A)}  # ␛ for ESC
    table[0x7F] = "\u2421"  # ␡
    # C1 controls (0x9B starts an escape sequence on some terminals) and the bidi controls
    # that reorder what is shown
    for c in (*range(0x80, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)):
        table[c] = f"<U+{c:04X}>"
    return table


_CONTROLS = _control_table()


def printable(text: str) -> str:
    """Text with every control and escape character made visible (an escape sequence from a
    heading must not set the terminal's title or clear the screen)."""
    return text.translate(_CONTROLS)
