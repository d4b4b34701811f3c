"""Lazy imports of heavy libraries (seaborn, scipy, statsmodels, matplotlib's pyplot).

A chapter's kernel imports the whole package stack when it imports its exhibit module, but
many chapters never draw a seaborn figure or fit a model. :func:`lazy_module` returns a
stand-in for the module at once and imports the module itself (with :func:`importlib.import_module`)
on the first attribute access, so a module can keep ``sns = lazy_module("seaborn")`` at the
top and its code (``sns.barplot(...)``) unchanged, and a kernel pays for seaborn only when it
draws. A submodule's parent packages are not imported either until then
(``statsmodels.formula.api``'s parent imports patsy's machinery). A module that is already
imported is returned as it is.

This module sits at the bottom of the package's layers (it imports nothing of the package),
so every layer may use it.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from types import ModuleType

__all__ = ["lazy_module"]


class _LazyModule(ModuleType):
    """Stand-in for a module that is imported on the first attribute access."""

    def _load(self) -> ModuleType:
        module = self.__dict__.get("_lazy_target")
        if module is None:
            module = importlib.import_module(self.__name__)
            self.__dict__["_lazy_target"] = module
        return module

    def __getattr__(self, attr: str):  # noqa: ANN204 - any attribute of the module
        return getattr(self._load(), attr)

    def __dir__(self) -> list[str]:
        return dir(self._load())

    def __repr__(self) -> str:
        state = "loaded" if self.__dict__.get("_lazy_target") is not None else "not yet loaded"
        return f"<lazy module {self.__name__!r} ({state})>"


def lazy_module(name: str) -> ModuleType:
    """The module ``name``, imported on the first access to one of its attributes.

    Parameters
    ----------
    name : str
        Absolute module name (``"seaborn"``, ``"scipy.stats"``, ``"statsmodels.formula.api"``).

    Returns
    -------
    module
        ``sys.modules[name]`` when it is already imported; else a stand-in whose attributes
        are those of the module (imported on first use, once).

    Raises
    ------
    ModuleNotFoundError
        When the top-level package is not installed: at once, not on first use.
    """
    if name in sys.modules:
        return sys.modules[name]
    top = name.partition(".")[0]
    if top not in sys.modules and importlib.util.find_spec(top) is None:
        raise ModuleNotFoundError(f"No module named {top!r}", name=top)
    return _LazyModule(name)
