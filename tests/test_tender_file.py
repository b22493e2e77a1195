"""Reading tender files: the seed, and every mistake reported with file, line and field."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tender_notifier.errors import TimelineError
from tender_notifier.tender_file import load_directory, load_tender_file, parse_tender
from tender_notifier.timeline import Day, Kind, Moment, Span
from tests.conftest import SEED_TENDER

HEADER = 'id = "t-1"\ntitle = "Opdracht"\nbuyer = "Gemeente X"\n'


def problems(text: str, name: str = "t-1.toml") -> list[str]:
    with pytest.raises(TimelineError) as info:
        parse_tender(text, Path(name))
    return [str(p) for p in info.value.problems]


def test_seed_tender_holds_all_six_facts_of_the_announcement() -> None:
    tender = load_tender_file(SEED_TENDER)
    whens = {m.id: (m.kind, m.when) for m in tender.milestones}
    utc = {k: (w.at.astimezone(UTC) if isinstance(w, Moment) else w) for k, (_, w) in whens.items()}
    assert utc["questions-deadline"] == datetime(2026, 7, 9, 7, 0, tzinfo=UTC)
    assert whens["answers-published"] == (Kind.ANSWERS_PUBLISHED, Day(date(2026, 7, 13)))
    assert utc["submission-deadline"] == datetime(2026, 7, 15, 7, 0, tzinfo=UTC)
    assert whens["shortlist-notice"] == (Kind.SHORTLIST_NOTICE, Day(date(2026, 7, 16)))
    for mid, day in (("interview-1", 20), ("interview-2", 21)):
        kind, span = whens[mid]
        assert kind is Kind.INTERVIEWS and isinstance(span, Span)
        assert span.start.astimezone(UTC) == datetime(2026, 7, day, 7, 30, tzinfo=UTC)
        assert span.end.astimezone(UTC) == datetime(2026, 7, day, 13, 30, tzinfo=UTC)
    assert whens["start"] == (Kind.START, Day(date(2026, 8, 4)))
    assert tender.buyer == "Gemeente Leidschendam-Voorburg"
    assert tender.reference == "30988"


def test_milestones_are_sorted_by_when_they_begin() -> None:
    tender = parse_tender(
        HEADER
        + '[[milestones]]\nid = "b"\nkind = "submission_deadline"\nat = 2026-07-15T09:00:00\n'
        + '[[milestones]]\nid = "a"\nkind = "questions_deadline"\nat = 2026-07-09T09:00:00\n'
    )
    assert [m.id for m in tender.milestones] == ["a", "b"]


def test_bad_toml_names_file_and_line() -> None:
    [message] = problems(HEADER + "[[milestones]\n", "broken.toml")
    assert message.startswith("broken.toml:4: not valid TOML")


def test_unknown_kind_names_the_field_and_the_choices() -> None:
    [message] = problems(
        HEADER + '[[milestones]]\nid = "m"\nkind = "deadline"\ndate = 2026-07-13\n'
    )
    assert "t-1.toml:6: milestones[0].kind: unknown kind 'deadline'" in message
    assert "submission_deadline" in message


def test_unknown_time_zone() -> None:
    [message] = problems(HEADER + 'timezone = "Europe/Leidschendam"\n')
    assert "timezone: unknown time zone 'Europe/Leidschendam'" in message


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ("", "needs a date"),
        ("at = 2026-07-15T09:00:00\ndate = 2026-07-15\n", "give exactly one of"),
        (
            "date = 2026-07-15\nstart = 2026-07-15T09:00:00\nend = 2026-07-15T10:00:00\n",
            "give exactly one of",
        ),
        ("start = 2026-07-15T09:00:00\n", "a span needs both `start` and `end`"),
    ],
)
def test_milestone_needs_exactly_one_form_of_date(fields: str, expected: str) -> None:
    [message] = problems(HEADER + f'[[milestones]]\nid = "m"\nkind = "other"\n{fields}')
    assert expected in message
    assert "milestones[0]" in message


def test_end_before_start() -> None:
    [message] = problems(
        HEADER + '[[milestones]]\nid = "i"\nkind = "interviews"\n'
        "start = 2026-07-20T15:30:00\nend = 2026-07-20T09:30:00\n"
    )
    assert "milestones[0].end: ends (2026-07-20T09:30:00+02:00) before" in message
    assert message.startswith("t-1.toml:8:")


def test_duplicate_milestone_ids() -> None:
    [message] = problems(
        HEADER
        + '[[milestones]]\nid = "m"\nkind = "other"\ndate = 2026-07-13\n'
        + '[[milestones]]\nid = "m"\nkind = "other"\ndate = 2026-07-14\n'
    )
    assert "milestones[1].id: duplicate milestone id 'm'" in message


def ms(*items: tuple[str, str, str]) -> str:
    return "".join(f'[[milestones]]\nid = "{i}"\nkind = "{k}"\n{when}\n' for i, k, when in items)


def test_a_second_questions_round_after_the_first_answers_is_accepted() -> None:
    tender = parse_tender(
        HEADER
        + ms(
            ("q1", "questions_deadline", "at = 2026-07-01T12:00:00"),
            ("a1", "answers_published", "date = 2026-07-03"),
            ("q2", "questions_deadline", "at = 2026-07-08T12:00:00"),
            ("a2", "answers_published", "date = 2026-07-10"),
            ("offers", "submission_deadline", "at = 2026-07-20T12:00:00"),
        )
    )
    assert [m.id for m in tender.milestones] == ["q1", "a1", "q2", "a2", "offers"]


def test_a_restricted_procedure_is_accepted() -> None:
    """Requests to participate, then invitations, then questions and tenders."""
    tender = parse_tender(
        HEADER
        + ms(
            ("requests", "participation_deadline", "at = 2026-06-01T12:00:00"),
            ("invitations", "shortlist_notice", "date = 2026-06-15"),
            ("questions", "questions_deadline", "at = 2026-06-25T12:00:00"),
            ("offers", "submission_deadline", "at = 2026-07-10T12:00:00"),
            ("opening", "opening", "at = 2026-07-10T14:00:00"),
        )
    )
    assert [m.kind.value for m in tender.milestones] == [
        "participation_deadline",
        "shortlist_notice",
        "questions_deadline",
        "submission_deadline",
        "opening",
    ]


def test_lots_with_different_deadlines_are_accepted() -> None:
    """Lot 2's questions close after lot 1's tenders are due; its work starts earlier."""
    tender = parse_tender(
        HEADER
        + ms(
            ("lot-1-offers", "submission_deadline", "at = 2026-07-01T12:00:00"),
            ("lot-2-questions", "questions_deadline", "at = 2026-07-05T12:00:00"),
            ("lot-2-offers", "submission_deadline", "at = 2026-07-20T12:00:00"),
            ("lot-2-start", "start", "date = 2026-06-01"),
            ("lot-1-talks", "interviews", "start = 2026-06-20T09:00:00\nend = 2026-06-20T12:00:00"),
        )
    )
    assert len(tender.milestones) == 5


def test_an_end_before_its_start_is_refused_and_named() -> None:
    [message] = problems(
        HEADER
        + ms(("talks", "interviews", "start = 2026-07-20T15:30:00\nend = 2026-07-20T09:30:00"))
    )
    assert "milestones[0].end: ends (2026-07-20T09:30:00+02:00) before" in message


def test_a_time_skipped_by_daylight_saving_does_not_exist() -> None:
    [message] = problems(
        HEADER + '[[milestones]]\nid = "m"\nkind = "other"\nat = 2026-03-29T02:30:00\n'
    )
    assert "does not exist in Europe/Amsterdam" in message


def test_every_problem_in_a_file_is_listed_at_once() -> None:
    found = problems(
        'id = "Bad Id"\nbuyer = "X"\nsurprise = 1\n[[milestones]]\nid = "m"\nkind = "nope"\n'
    )
    text = "\n".join(found)
    for expected in (
        "surprise: unknown field",
        "id: expected lowercase",
        "title: is required",
        "kind: unknown kind",
        "needs a date",
    ):
        assert expected in text


def test_offset_datetimes_are_converted_to_the_tenders_zone() -> None:
    tender = parse_tender(
        HEADER + '[[milestones]]\nid = "m"\nkind = "other"\nat = 2026-07-15T07:00:00Z\n'
    )
    when = tender.milestones[0].when
    assert isinstance(when, Moment)
    assert when.at.isoformat() == "2026-07-15T09:00:00+02:00"


def test_directory_reports_problems_in_every_file_and_duplicate_tender_ids(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(HEADER)
    (tmp_path / "b.toml").write_text(HEADER)
    (tmp_path / "c.toml").write_text("id = \n")
    result = load_directory(tmp_path)
    assert [t.id for t in result.tenders] == ["t-1"]
    text = "\n".join(str(p) for p in result.problems)
    assert "b.toml: id: tender id 't-1' is also used by" in text
    assert "c.toml:1: not valid TOML" in text
