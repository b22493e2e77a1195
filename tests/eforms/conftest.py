from __future__ import annotations

from pathlib import Path

NOTICES = Path(__file__).parent / "notices"
