"""Exhibit functions, one module per chapter."""
