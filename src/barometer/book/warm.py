"""Warm kernels: each build worker keeps one IPython kernel for all the chapters it runs.

Starting a kernel and importing the package stack (pandas, statsmodels, matplotlib,
seaborn, the barometer modules) costs a few seconds, and a build runs some twenty
notebooks. A worker process of :func:`barometer.book.build.execute_chapters` therefore
starts its kernel once and hands it to papermill for every next chapter (papermill's own
nbclient engine, registered here under :data:`ENGINE` so that it leaves the kernel running).
Before a chapter runs on a kernel that already ran one, :func:`reset` brings it back to the
state of a fresh kernel as far as a chapter can see:

* the user namespace and the input/output history are cleared (IPython's ``%reset -f``)
  and the execution counter starts at 1 again, so cell numbers are those of a fresh kernel;
* the working folder is the chapter's own (its ``_figures/`` and ``_downloads/``), and the
  ``BAROMETER_*`` environment variables are the worker's;
* open figures are closed; warnings that were shown once are shown again (the warnings
  registries are invalidated), so a chapter prints what it would print alone;
* the package's per-edition caches (:data:`CACHES`) are emptied, except the entries of the
  edition the next chapter gets again: inside a build, :meth:`barometer.book.edition.Edition.open`
  returns the same edition object for the same inputs (content keys of the validated frames,
  comparison years, threshold) as long as no chapter changed its frames, so that what is
  computed once per edition (the edition-wide secondary suppression, claims, tidy frames) is
  computed once per kernel, not once per chapter. Those results are pure functions of the
  edition's data: a fresh kernel computes the same.

What the kernel process itself prints outside any cell (its start-up warning, the
message at shut-down) goes to the log of the first chapter it ran.

Modules stay imported: that is the point. A module that keeps state between calls beyond
what the edition object carries must list it in :data:`CACHES`. The outputs of a chapter
on a warm kernel are those of a fresh one (``tests/test_warm.py`` executes chapters both
ways and compares every output). A kernel that died, timed out or failed to reset is shut
down and the next chapter gets a fresh one; ``BAROMETER_WARM_KERNELS=0`` turns the reuse
off (every chapter its own kernel, as Jupyter Book does).
"""
from __future__ import annotations

import json
import os
from typing import Any

__all__ = ["ENGINE", "CACHES", "enabled", "kernel", "reset", "discard"]

#: Papermill engine name of the engine that leaves the kernel running.
ENGINE = "barometer-warm"

#: Module-level caches of the package that hold per-edition results: emptied between chapters.
CACHES = (
    ("barometer.presentation.phrasing", "_CACHE"),
    ("barometer.chapters.sectorprofiel", "_TIDY"),
    ("barometer.presentation.linked", "_CACHE"),
)

_KM: Any = None  # this worker's kernel manager (None: no kernel yet)
_RUNS = 0  # chapters this worker's kernel has run


def enabled() -> bool:
    """Whether chapters reuse their worker's kernel (``BAROMETER_WARM_KERNELS``, default on)."""
    return os.environ.get("BAROMETER_WARM_KERNELS", "1").strip().lower() not in {"0", "false", "nee", "no"}


def _register_engine() -> None:
    from papermill.engines import NBClientEngine, papermill_engines
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.log import logger

    if ENGINE in papermill_engines._engines:
        return

    class WarmEngine(NBClientEngine):
        """Papermill's nbclient engine on a kernel it does not own and does not shut down."""

        @classmethod
        def execute_managed_notebook(cls, nb_man, kernel_name, log_output=False, stdout_file=None,
                                     stderr_file=None, start_timeout=60, execution_timeout=None, **kwargs):
            km = kwargs.pop("km")
            client = PapermillNotebookClient(
                nb_man, km=km, timeout=execution_timeout, startup_timeout=start_timeout,
                kernel_name=kernel_name, log=logger, log_output=log_output,
                stdout_file=stdout_file, stderr_file=stderr_file,
            )
            try:
                return client.execute()
            finally:  # the kernel stays; this notebook's client channels go
                if client.kc is not None:
                    client.kc.stop_channels()

    papermill_engines.register(ENGINE, WarmEngine)


def kernel() -> tuple[Any, bool]:
    """This worker's kernel manager and whether its kernel already ran a chapter.

    The first call makes a manager whose kernel papermill starts with the first chapter (in
    that chapter's folder); later calls return the same manager, kernel running.
    """
    global _KM
    _register_engine()
    if _KM is None:
        import multiprocessing.util

        from jupyter_client.manager import AsyncKernelManager

        _KM = AsyncKernelManager(kernel_name="python3")
        # Worker processes do not run atexit handlers: shut the kernel down on the way out.
        multiprocessing.util.Finalize(None, discard, exitpriority=10)
    return _KM, bool(_KM.has_kernel) and _RUNS > 0


def ran() -> None:
    """Note that the kernel finished a chapter (the next one needs :func:`reset`)."""
    global _RUNS
    _RUNS += 1


_RESET = """\
get_ipython().run_line_magic("reset", "-f")
def _barometer_reset(cwd, env, caches):
    import gc, os, sys, warnings
    ip = get_ipython()
    os.chdir(cwd)
    for key in [k for k in os.environ if k.startswith("BAROMETER_")]:
        del os.environ[key]
    os.environ.update(env)
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")
    warnings._filters_mutated()
    edition = sys.modules.get("barometer.book.edition")
    kept = [id(e) for e in getattr(edition, "_OPENED", {{}}).values()]
    for module, name in caches:
        if module in sys.modules:
            cache = getattr(sys.modules[module], name)
            for key in [k for k, v in cache.items() if not (isinstance(v, tuple) and v and id(v[0]) in kept)]:
                del cache[key]
    gc.collect()
    ip.execution_count = 1
_barometer_reset({cwd}, {env}, {caches})
del _barometer_reset
"""


def reset(cwd: str, timeout: float = 60) -> bool:
    """Bring the running kernel back to a fresh kernel's state for the next chapter.

    Returns False (after shutting the kernel down) when the kernel did not answer or the
    reset raised; the caller then lets papermill start a fresh kernel.
    """
    from jupyter_client.blocking import BlockingKernelClient

    env = {k: v for k, v in os.environ.items() if k.startswith("BAROMETER_")}
    code = _RESET.format(cwd=json.dumps(cwd), env=json.dumps(env), caches=json.dumps([list(c) for c in CACHES]))
    kc = BlockingKernelClient()
    kc.load_connection_info(_KM.get_connection_info())
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=timeout)
        reply = kc.execute_interactive(code, store_history=False, timeout=timeout,
                                       output_hook=lambda msg: None)
        ok = reply.get("content", {}).get("status") == "ok"
    except Exception:  # noqa: BLE001 - a kernel that does not answer is replaced
        ok = False
    finally:
        kc.stop_channels()
    if not ok:
        discard()
    return ok


def discard() -> None:
    """Shut this worker's kernel down (if any); the next chapter starts a fresh one."""
    global _KM, _RUNS
    km, _KM, _RUNS = _KM, None, 0
    if km is None or not km.has_kernel:
        return
    from jupyter_core.utils import run_sync

    try:
        run_sync(km.shutdown_kernel)(now=True)
    except Exception:  # noqa: BLE001 - shutting down a dead kernel
        pass
