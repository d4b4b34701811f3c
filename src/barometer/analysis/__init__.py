"""Analysis: statistics, scales, models and intervals at full precision.

Layer 2 of 7 (lowest first: data, analysis, presentation, synthetic, publishing, book, chapters); see CONTRIBUTING.md.
"""
