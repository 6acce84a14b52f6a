"""Output formats: each formatter returns a string; only the command line writes to stdout.

``terminal`` is the one module that knows Rich (colours, tables, the CLI's own
messages); the others produce plain text: JSON, GitHub annotations, JUnit XML,
the rule table as Markdown or JSON, and the status table as JSON, CSV or Markdown.
"""
