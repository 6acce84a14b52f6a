"""`jv check`: the rules, the checks, and their output."""
