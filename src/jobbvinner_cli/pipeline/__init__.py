"""One reading of a pilot's files for every command: read (path to text), parse, model.

What the reader refuses, no command reads; what the parser sees, every command sees.
"""
