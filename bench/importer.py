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
import time
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

from tender_notifier.importer import extract

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "importer" / "seed" / "flextender-30988.txt"
ZONE = ZoneInfo("Europe/Amsterdam")

TOKENS = (
    # rule and field words
    "Referentie ",
    "ref.",
    "Kenmerk: ",
    "Aanvraagnummer 1",
    "Gemeente ",
    "Gemeente A ",
    "Gemeente A van ",
    "van ",
    "cv ",
    "tenders ",
    "Vragen: ",
    "Sluitingsdatum\n",
    "Eindtijd: 09:00 uur. ",
    "Interview 1 juli 2026. ",
    "Start\n",
    "z.s.m. ",
    "binnen 2 weken ",
    "week 1 ",
    "Titel: ",
    "per ",
    # dates and times, whole and in pieces
    "15 juli 2026 ",
    "maandag 15 juli 2026, 09:00 uur ",
    "15-07-2026 ",
    "2026-07-15T09:00 ",
    "1, ",
    "1 en ",
    "1 tot ",
    "juli ",
    "maandag ",
    "12:00 ",
    "12.00 ",
    "om 9 uur ",
    "12 noon ",
    "9 pm ",
    "(CET) ",
    "van 09:00 tot 10:00 ",
    "1st of ",
    # whitespace, punctuation, digits
    " ",
    "\u2003",
    "\u00a0",
    "\t",
    "\n",
    "\n\n",
    "\r",
    "|",
    " | ",
    ".",
    ". A",
    ":",
    "-",
    "/",
    "1",
    "12",
    "a",
    "A. ",
    "x\n",
    "\x1b",
)


def shapes(pairs: bool) -> Iterator[tuple[str, str]]:
    """(name, repeating unit) for every token, and with ``pairs`` every pair of tokens."""
    for token in TOKENS:
        yield repr(token), token
    if pairs:
        for first, second in itertools.combinations(TOKENS, 2):
            yield repr(first + second), first + second
    yield "a word, then em spaces", "x" + "\u2003" * 1000
    yield "a label, then spaces", "Sluitingsdatum" + " " * 1000


def grown(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


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
