"""The book: editions and frames for the chapters, sector profiles, cache, build, PDF, command line.

Layer 6 of 7 (lowest first: data, analysis, presentation, synthetic, publishing, book, chapters); see CONTRIBUTING.md.
"""
