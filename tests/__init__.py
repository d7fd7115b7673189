"""Verbatim's test suite (pytest)."""
