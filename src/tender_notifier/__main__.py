"""``python -m tender_notifier``: the ``tender-notifier`` command where its script is not on PATH.

It calls the console script's own entry point, ``cli.main``, so the import refusal of
``unused_extras`` wraps the same command line and the exit codes are the same.
"""

from __future__ import annotations

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
