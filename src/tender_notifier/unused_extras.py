"""Modules tender-notifier never uses, kept out of its processes though they are installed.

Some libraries load extras whenever those happen to be installed, and the test tools install
them: structlog imports rich (and through it Pygments) for tracebacks the daemon never draws
(``logs`` renders tracebacks as plain text), httpx's ``__init__`` imports its command-line
client (click, rich, Pygments), and FastAPI imports ``pydantic.v1`` on every route it declares,
to refuse pydantic 1 models, which tender-notifier has none of; and structlog's deprecated
thread-local context uses greenlet when Playwright has installed it. In a production install
only pydantic.v1 is there (1.5 MiB); in the project's own venv the others add about 4 MiB more,
and a daemon that differs from the one in production.

Each library treats an ``ImportError`` as "not installed" and goes on without the extra. A name
set to None in ``sys.modules`` is how Python refuses an import (``ModuleNotFoundError``, see the
reference on the import system), so the command line (``cli.main``: the command modules load
structlog and SQLAlchemy to build their arguments) runs with these names refused and the
libraries load as they do where the extras are absent. A
module imported before the refusal stays as it is: the refusal cannot take anything away; and a
library that looked for an extra while it was refused keeps going without it afterwards.

Nothing is refused in Python's development mode (``-X dev``) or when ``PYTHONBREAKPOINT`` names
a debugger, which may well want Pygments.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

# rich carries Pygments along; httpx._main is httpx's command-line client (click, rich,
# Pygments). click itself is not among them: uvicorn's own ``__init__`` needs it. Without
# greenlet, SQLAlchemy's asyncio extension would not work: the store does not use it.
UNUSED_EXTRAS = ("rich", "pygments", "httpx._main", "pydantic.v1", "greenlet")


@contextmanager
def refused(names: Iterable[str] = UNUSED_EXTRAS) -> Iterator[None]:
    """While inside, importing any of ``names`` (or a module under it) fails with
    ``ModuleNotFoundError``, unless it was imported already; afterwards they import again."""
    if sys.flags.dev_mode or os.environ.get("PYTHONBREAKPOINT", "0") not in ("", "0"):
        yield
        return
    blocked = [name for name in names if name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        yield
    finally:
        for name in blocked:
            if sys.modules.get(name, False) is None:
                del sys.modules[name]
