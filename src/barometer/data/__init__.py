"""Data: paths, the codebook and editions files, respondent files (read, validated, derived).

Layer 1 of 7 (lowest first: data, analysis, presentation, synthetic, publishing, book, chapters); see CONTRIBUTING.md.
"""
