"""Synthetic respondent files that reproduce the published figures of the Innovatie Barometer.

``python -m barometer.synthetic`` writes ``data/respondents-<year>-synthetic.csv`` and its
sidecar for 2021 and 2025. See :mod:`barometer.synthetic.generator`.
"""
GENERATOR_VERSION = "0.2.0"
SEED = 20250
YEARS = (2025, 2021)
N = {2025: 347, 2021: 366}

from .generator import generate, write_year  # noqa: E402

__all__ = ["generate", "write_year", "GENERATOR_VERSION", "SEED", "YEARS", "N"]
