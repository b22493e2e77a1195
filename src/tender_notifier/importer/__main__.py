"""``python -m tender_notifier.importer ANNOUNCEMENT.txt``: the import command on its own."""

from __future__ import annotations

import sys

from .command import main

sys.exit(main())
