"""The domain: pilots, teams, document types and their schedule. No I/O, no terminal output."""
