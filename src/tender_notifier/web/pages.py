"""The supplier's pages: the tenders, one tender's timeline with sign-up, the manage page.

Server-rendered with Jinja2 and complete without JavaScript; every form is a plain POST with a
CSRF token (see ``security``) followed by a redirect or a page. Dutch by default, English with
``?lang=en``; the manage page speaks the subscription's language. Sign-ups pass the same checks
as the JSON API (``check_signup``, the SSRF guard, the rate limit) and the same double opt-in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.responses import Response

from .. import signup_registration
from ..durations import format_duration
from ..i18n import (
    Language,
    format_day,
    format_when,
    language,
    milestone_title,
    status_of,
    word,
)
from ..signup_checks import Invalid
from ..timeline import Milestone, Tender
from .api import sign_up
from .context import AppContext, context
from .offsets_form import PRESETS, chosen_offsets
from .security import FIELD, Csrf, protect, set_csrf_cookie

if TYPE_CHECKING:
    import jinja2

router = APIRouter(tags=["pages"], include_in_schema=False)


@cache
def _env() -> jinja2.Environment:
    """The page templates, with Jinja2 loaded for the first page rather than at start-up."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("tender_notifier", "templates/pages"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


STATIC_DIR = Path(__file__).resolve().parent.parent / "static"


def static_files() -> StaticFiles:
    """The stylesheet and the optional countdown script: served by the daemon, no CDN."""
    return StaticFiles(directory=STATIC_DIR)


Lang = Annotated[str | None, Query(description="nl (default) or en")]
FormStr = Annotated[str, Form()]
FormList = Annotated[list[str], Form()]

# Messages next to a field, in the supplier's language; English also shows the checker's detail.
_FIELD_ERRORS: dict[str, tuple[str, str]] = {
    "channel": ("Kies e-mail of webhook.", "Choose email or webhook."),
    "address": (
        "Vul een geldig e-mailadres in, zoals naam@bureau.nl.",
        "Enter a valid email address, such as name@agency.example.",
    ),
    "url": (
        "Vul een webhookadres in dat begint met https:// en vanaf internet bereikbaar is.",
        "Enter a webhook address that starts with https:// and is reachable from the internet.",
    ),
    "offsets": (
        "Kies ten minste één herinnering, en niet meer dan tien.",
        "Choose at least one reminder, and no more than ten.",
    ),
    "other_offset": (
        "Vul een tijd in zoals 30 minuten, 3 uur of 2 dagen (tussen 1 seconde en 366 dagen).",
        "Enter a time such as 30 minutes, 3 hours or 2 days (between 1 second and 366 days).",
    ),
    "language": ("Kies Nederlands of Engels.", "Choose Dutch or English."),
    "tenders": ("Deze aanbesteding bestaat niet (meer).", "This tender does not exist (any more)."),
    "confirm": (
        "Vink aan dat u alles wilt verwijderen.",
        "Tick the box to confirm that everything is to be deleted.",
    ),
}


def field_errors(errors: dict[str, str], lang: Language) -> dict[str, str]:
    out = {}
    for name, detail in errors.items():
        nl, en = _FIELD_ERRORS.get(name, ("Dit veld klopt niet.", "This field is not valid."))
        out[name] = nl if lang == "nl" else (f"{en} ({detail})" if detail else en)
    return out


def csrf(request: Request) -> Csrf:
    csrf: Csrf | None = getattr(request.app.state, "csrf", None)
    if csrf is None:
        csrf = request.app.state.csrf = Csrf()
    return csrf


def render(
    request: Request,
    template: str,
    lang: Language,
    *,
    status: int = 200,
    private: bool = False,
    switch: bool = True,
    **values: Any,
) -> HTMLResponse:
    """A page in ``lang`` with a fresh CSRF token and the security headers."""
    ctx = context(request)
    token, nonce = csrf(request).token(request)
    html = (
        _env()
        .get_template(template)
        .render(
            lang=lang,
            _=lambda nl, en: nl if lang == "nl" else en,
            csrf_field=FIELD,
            csrf_token=token,
            q="?lang=en" if lang == "en" else "",
            # The other language of the same page; pages answering a POST have none.
            switch_url=(request.url.path + ("" if lang == "en" else "?lang=en"))
            if switch and request.method == "GET"
            else None,
            **values,
        )
    )
    response = HTMLResponse(html, status_code=status)
    set_csrf_cookie(response, nonce, secure=ctx.settings.base_url.startswith("https://"))
    return protect(response, private=private)


def redirect(url: str) -> Response:
    return protect(RedirectResponse(url, status_code=303), private=True)


# --- what the pages show -----------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One milestone as a timeline row shows it."""

    milestone: Milestone
    title: str
    when: str
    status: str
    state: str  # "past", "next" or "later"
    begins: datetime


def timeline_rows(tender: Tender, now: datetime, lang: Language) -> list[Row]:
    rows, seen_next = [], False
    for m in tender.milestones:
        over = m.ends(tender.timezone) <= now
        state = "past" if over else ("later" if seen_next else "next")
        status = status_of(m, tender, now, lang)
        if tender.cancelled and not over:  # no countdown to a date that will not come
            state, status = "cancelled", ("vervallen" if lang == "nl" else "cancelled")
        seen_next = seen_next or state == "next"
        rows.append(
            Row(
                m,
                milestone_title(m, lang),
                format_when(m, lang),
                status,
                state,
                m.begins(tender.timezone),
            )
        )
    return rows


def calendar_links(base_url: str, path: str, name: str, lang: Language) -> dict[str, str]:
    """Where the add-to-calendar buttons go: webcal, Google, Outlook.com, Microsoft 365, .ics."""
    feed = f"{base_url}{path}" + ("?lang=en" if lang == "en" else "")
    webcal = "webcal://" + feed.split("://", 1)[1]
    add = f"addfromweb?url={quote(feed, safe='')}&name={quote(name, safe='')}"
    return {
        "webcal": webcal,
        "google": "https://calendar.google.com/calendar/render?cid=" + quote(webcal, safe=""),
        "outlook": "https://outlook.live.com/calendar/0/" + add,
        "office": "https://outlook.office.com/calendar/0/" + add,
        "ics": feed,
    }


def _lang(value: str | None) -> Language:
    return language(value)


# --- public pages ------------------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
def index(request: Request, lang: Lang = None) -> HTMLResponse:
    ctx = context(request)
    ui = _lang(lang)
    now = ctx.clock()
    items = []
    past = []  # every date past: listed apart, the most recently ended first
    cancelled = []  # called off by the buyer: listed apart, with the buyer's reason
    for tender in ctx.timelines.tenders():
        upcoming = tender.upcoming(now)
        if tender.cancelled:
            cancelled.append(tender)
        elif upcoming:
            rows = [r for r in timeline_rows(tender, now, ui) if r.state == "next"]
            items.append((rows[0].begins, tender, rows[0]))
        elif tender.is_closed(now):
            past.append((tender.last_end() or now, tender))
    items.sort(key=lambda item: (item[0], item[1].id))
    past.sort(key=lambda item: (item[0], item[1].id), reverse=True)
    name = "Aanbestedingen" if ui == "nl" else "Tenders"
    links = calendar_links(ctx.settings.base_url, "/feeds/all.ics", name, ui)
    return render(
        request,
        "index.html",
        ui,
        items=[(t, r) for _, t, r in items],
        past=[(t, format_day(_last_day(t), ui)) for _, t in past],
        cancelled=sorted(cancelled, key=lambda t: t.id),
        cal=links,
    )


def _last_day(tender: Tender) -> date:
    """The (local) day of the tender's last milestone."""
    zone = tender.timezone
    last = max(tender.milestones, key=lambda m: m.ends(zone))
    return last.begins(zone).astimezone(zone).date()


def _tender_page(
    request: Request,
    ctx: AppContext,
    tender: Tender,
    ui: Language,
    *,
    form: dict[str, Any] | None = None,
    errors: dict[str, str] | None = None,
    status: int = 200,
) -> HTMLResponse:
    now = ctx.clock()
    rows = timeline_rows(tender, now, ui)
    name = f"{tender.title} ({tender.buyer})"
    default = {p for p, _, _ in PRESETS} & {
        format_duration(d) for d in ctx.settings.reminders.default_offsets
    }
    form = form or {
        "channel": "email",
        "address": "",
        "url": "",
        "offsets": default,
        "other_offset": "",
        "language": ui,
    }
    return render(
        request,
        "tender.html",
        ui,
        status=status,
        closed=tender.is_closed(now),
        tender=tender,
        rows=rows,
        next_row=None if tender.cancelled else next((r for r in rows if r.state == "next"), None),
        cal=calendar_links(ctx.settings.base_url, f"/feeds/{tender.id}.ics", name, ui),
        presets=PRESETS,
        form=form,
        errors=errors or {},
        word=lambda k: word(k, ui),
    )


@router.get("/tenders/{tender_id}", response_class=HTMLResponse)
def tender_page(request: Request, tender_id: str, lang: Lang = None) -> HTMLResponse:
    ctx = context(request)
    ui = _lang(lang)
    tender = ctx.timelines.get(tender_id)
    if tender is None:
        return not_found(request, ui)
    return _tender_page(request, ctx, tender, ui)


def refused(request: Request, ui: Language) -> HTMLResponse:
    """A form without a valid CSRF token: nothing was done (403); a fresh page has a new one."""
    return render(
        request,
        "message.html",
        ui,
        status=403,
        title=("Formulier verlopen", "Form expired"),
        text=(
            "Er is niets gewijzigd: dit formulier was verlopen of kwam niet van deze site. "
            "Ga terug, laad de pagina opnieuw en probeer het nog eens.",
            "Nothing was changed: this form had expired or did not come from this site. "
            "Go back, reload the page and try again.",
        ),
    )


def not_found(request: Request, ui: Language) -> HTMLResponse:
    return render(
        request,
        "message.html",
        ui,
        status=404,
        title=("Niet gevonden", "Not found"),
        text=(
            "Deze pagina bestaat niet, of de link is verlopen.",
            "This page does not exist, or the link has expired.",
        ),
    )


@router.post("/tenders/{tender_id}/signup", response_class=HTMLResponse)
def signup(
    request: Request,
    tender_id: str,
    lang: Lang = None,
    csrf_token: FormStr = "",
    channel: FormStr = "",
    address: FormStr = "",
    url: FormStr = "",
    offsets: FormList = [],  # noqa: B006 - FastAPI copies defaults per request
    other_offset: FormStr = "",
    language_choice: Annotated[str, Form(alias="language")] = "",
) -> HTMLResponse:
    ctx = context(request)
    ui = _lang(lang)
    if not csrf(request).valid(request, csrf_token):
        return refused(request, ui)
    tender = ctx.timelines.get(tender_id)
    if tender is None:
        return not_found(request, ui)
    form = {
        "channel": channel,
        "address": address,
        "url": url,
        "offsets": set(offsets),
        "other_offset": other_offset,
        "language": language_choice,
    }
    assert ctx.rate_limiter is not None
    client = request.client.host if request.client else "unknown"
    if ctx.rate_limiter.hit(client, ctx.clock()) is not None:
        return render(
            request,
            "message.html",
            ui,
            status=429,
            title=("Even geduld", "Please wait"),
            text=(
                "Er zijn vanaf dit adres te veel aanmeldingen gedaan. Probeer het later opnieuw.",
                "Too many sign-ups from this address. Please try again later.",
            ),
        )
    errors: dict[str, str] = {}
    try:
        chosen = chosen_offsets(offsets, other_offset)
    except ValueError as exc:
        errors["other_offset"] = f"{exc}"
        chosen = []
    data: dict[str, Any] = {
        "channel": channel,
        "tenders": [tender.id],
        "offsets": chosen or None,
        "language": language_choice or ui,
    }
    data["address" if channel == "email" else "url"] = address if channel == "email" else url
    if not chosen and "other_offset" not in errors:
        errors["offsets"] = ""
    try:
        tenders = ctx.timelines.tenders()
        closed = [t for t in tenders if t.is_closed(ctx.clock())]
        req = signup_registration.check(ctx.settings, [t.id for t in tenders], data, closed=closed)
    except Invalid as exc:
        errors = {**exc.errors, **errors}
    if errors:
        if other_offset and "offsets" in errors and chosen:
            errors["other_offset"] = errors.pop("offsets")
        return _tender_page(
            request, ctx, tender, ui, form=form, errors=field_errors(errors, ui), status=422
        )
    created = sign_up(ctx, req)
    return render(
        request,
        "signed_up.html",
        ui,
        private=True,
        tender=tender,
        subscription=created.subscription,
        secret=created.subscription.secret,
        confirm_days=ctx.settings.reminders.confirm_within.days,
    )
