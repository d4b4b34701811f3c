"""Publishing: the edition workbook, the single-page HTML, and the audit of all the build wrote.

Layer 5 of 7 (lowest first: data, analysis, presentation, synthetic, publishing, book, chapters); see CONTRIBUTING.md.
"""
