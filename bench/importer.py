"""Benchmark: the text importer on hostile input. `python bench/importer.py [SIZE]`.

Every shape below is cut to SIZE characters (default 100,000) and read by ``extract``: each rule's
words repeated, dates and times back to back, long runs of one kind of whitespace, punctuation or
digits, one line without a newline or only newlines, and every pair of these. It prints the
slowest shapes and the time for a plain announcement grown to the same size; the import is
linear when the slowest shape at 4 x SIZE takes about 4 x as long (pass ``--scale``).
Results go in bench/README.md by hand, with the date.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

from tender_notifier.importer import extract

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "importer" / "seed" / "flextender-30988.txt"
ZONE = ZoneInfo("Europe/Amsterdam")
sys.path.insert(0, str(ROOT))  # the shapes are shared with the tests

from tests.support.hostile_text import HOSTILE_TOKENS, grown  # noqa: E402


def shapes(pairs: bool) -> Iterator[tuple[str, str]]:
    """(name, repeating unit) for every token, and with ``pairs`` every pair of tokens."""
    for token in HOSTILE_TOKENS:
        yield repr(token), token
    if pairs:
        for first, second in itertools.combinations(HOSTILE_TOKENS, 2):
            yield repr(first + second), first + second
    yield "a word, then em spaces", "x" + "\u2003" * 1000
    yield "a label, then spaces", "Sluitingsdatum" + " " * 1000


def timed(text: str) -> float:
    start = time.process_time()
    extract(text, zone=ZONE)
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", nargs="?", type=int, default=100_000)
    parser.add_argument("--top", type=int, default=10, help="how many of the slowest to print")
    parser.add_argument("--scale", action="store_true", help="time the slowest again at 4 x size")
    parser.add_argument("--pairs", action="store_true", help="every pair of tokens too (slow)")
    args = parser.parse_args()
    results = sorted(
        ((timed(grown(unit, args.size)), name, unit) for name, unit in shapes(args.pairs)),
        reverse=True,
    )
    print(f"{len(results)} shapes of {args.size:,} characters, slowest first:")
    for seconds, name, _ in results[: args.top]:
        print(f"  {seconds:6.2f} s  {name[:70]}")
    seed = SEED.read_text(encoding="utf-8")
    plain = timed(grown(seed + "\n", args.size))
    print(f"  {plain:6.2f} s  the seed announcement repeated (for comparison)")
    total = sum(seconds for seconds, _, _ in results)
    print(f"all shapes: {total:.1f} s, mean {total / len(results) * 1000:.0f} ms")
    if args.scale:
        for seconds, name, unit in results[:3]:
            larger = timed(grown(unit, args.size * 4))
            print(
                f"  x4: {seconds:.2f} s -> {larger:.2f} s ({larger / seconds:.1f} x)  {name[:50]}"
            )


if __name__ == "__main__":
    main()
