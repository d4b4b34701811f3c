"""Innovatie Barometer Overheid: data, analysis and the book build.

Importing the package has no side effects; each module is imported where it is used.
"""

__version__ = "0.1.0"
