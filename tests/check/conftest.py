"""Fixtures: a clean pilot built once with the jv commands, copied fresh for each test."""

from pilotkit import clean_template, pilot

__all__ = ["clean_template", "pilot"]
