"""Presentation: the disclosure policy, Dutch formatting, vocabulary, figures, glue, phrasing,
the report's published figures, claims and tables, and the exhibit objects.

Layer 3 of 7 (lowest first: data, analysis, presentation, synthetic, publishing, book, chapters); see CONTRIBUTING.md.
"""
