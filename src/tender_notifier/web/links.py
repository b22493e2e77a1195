"""The links in emails and webhook payloads: confirm, unsubscribe, "I have submitted".

Links that change something answer GET with a page holding one button (a POST), so that mail
scanners which open every link cannot unsubscribe anyone; ``/unsubscribe/{token}`` also takes
the RFC 8058 one-click POST. Confirmation works on GET, as double opt-in links do.
"""

from __future__ import annotations

from html import escape

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ..i18n import Language
from ..subscription import OptOut, Status
from .context import context

router = APIRouter(tags=["links"], include_in_schema=False)

_TEXT = {
    "confirmed": {
        "nl": "Uw aanmelding is bevestigd. U ontvangt herinneringen vóór elke datum.",
        "en": "Your sign-up is confirmed. You will get reminders before each date.",
    },
    "unknown": {
        "nl": "Deze link is onbekend of verlopen.",
        "en": "This link is unknown or has expired.",
    },
    "unsubscribe_q": {"nl": "Wilt u geen berichten meer ontvangen?", "en": "Stop all messages?"},
    "unsubscribe_btn": {"nl": "Afmelden", "en": "Unsubscribe"},
    "unsubscribed": {
        "nl": "U bent afgemeld. U ontvangt geen berichten meer.",
        "en": "You are unsubscribed and will get no more messages.",
    },
    "submitted_q": {
        "nl": "Heeft u ingeschreven? Dan sturen we voor deze aanvraag geen "
        "herinneringen meer, alleen wijzigingen.",
        "en": "Have you submitted? Then we send no more reminders for this request, only changes.",
    },
    "not_bidding_q": {
        "nl": "Schrijft u niet in? Dan sturen we voor deze aanvraag geen "
        "herinneringen meer, alleen wijzigingen.",
        "en": "Not bidding? Then we send no more reminders for this request, only changes.",
    },
    "optout_btn": {"nl": "Bevestigen", "en": "Confirm"},
    "opted_out": {
        "nl": "Genoteerd: geen herinneringen meer voor deze aanvraag.",
        "en": "Noted: no more reminders for this request.",
    },
}


def page(
    text: str,
    lang: Language,
    *,
    form_action: str | None = None,
    button: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    form = ""
    if form_action and button:
        form = (
            f'<form method="post" action="{escape(form_action)}">'
            f'<button type="submit">{escape(button)}</button></form>'
        )
    body = (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>tender-notifier</title></head><body><main><p>{escape(text)}</p>{form}"
        "</main></body></html>"
    )
    return HTMLResponse(
        body,
        status_code=status,
        headers={
            "Content-Security-Policy": "default-src 'none'; form-action 'self'; base-uri 'none'",
            "Cache-Control": "no-store",
            "Referrer-Policy": "no-referrer",
        },
    )


@router.get("/confirm/{token}")
def confirm(request: Request, token: str) -> HTMLResponse:
    ctx = context(request)
    sub = ctx.store.subscriptions.confirm(token, ctx.clock(), ctx.settings.reminders.confirm_within)
    if sub is None:
        return page(_TEXT["unknown"]["nl"], "nl", status=404)
    ctx.on_subscriptions_changed()
    return page(_TEXT["confirmed"][sub.language], sub.language)


@router.get("/unsubscribe/{token}")
def unsubscribe_page(request: Request, token: str) -> HTMLResponse:
    ctx = context(request)
    sub = ctx.store.subscriptions.by_link_token(token)
    if sub is None:
        return page(_TEXT["unknown"]["nl"], "nl", status=404)
    lang = sub.language
    return page(
        _TEXT["unsubscribe_q"][lang],
        lang,
        form_action=f"/unsubscribe/{token}",
        button=_TEXT["unsubscribe_btn"][lang],
    )


@router.post("/unsubscribe/{token}")
def unsubscribe(request: Request, token: str) -> HTMLResponse:
    """Also the RFC 8058 one-click target (body ``List-Unsubscribe=One-Click``)."""
    ctx = context(request)
    sub = ctx.store.subscriptions.by_link_token(token)
    if sub is None:
        return page(_TEXT["unknown"]["nl"], "nl", status=404)
    ctx.store.subscriptions.set_status(sub.id, Status.UNSUBSCRIBED, ctx.clock())
    ctx.on_subscriptions_changed()
    return page(_TEXT["unsubscribed"][sub.language], sub.language)


def _optout_target(request: Request, token: str, tender_id: str, reason: str):  # type: ignore[no-untyped-def]
    ctx = context(request)
    sub = ctx.store.subscriptions.by_link_token(token)
    try:
        why = OptOut(reason)
    except ValueError:
        return ctx, None, None
    if sub is None or (tender_id != "*" and ctx.timelines.get(tender_id) is None):
        return ctx, None, None
    return ctx, sub, why


@router.get("/optout/{token}/{tender_id}/{reason}")
def optout_page(request: Request, token: str, tender_id: str, reason: str) -> HTMLResponse:
    _, sub, why = _optout_target(request, token, tender_id, reason)
    if sub is None or why is None:
        return page(_TEXT["unknown"]["nl"], "nl", status=404)
    key = "submitted_q" if why is OptOut.SUBMITTED else "not_bidding_q"
    return page(
        _TEXT[key][sub.language],
        sub.language,
        form_action=f"/optout/{token}/{tender_id}/{reason}",
        button=_TEXT["optout_btn"][sub.language],
    )


@router.post("/optout/{token}/{tender_id}/{reason}")
def optout(request: Request, token: str, tender_id: str, reason: str) -> HTMLResponse:
    ctx, sub, why = _optout_target(request, token, tender_id, reason)
    if sub is None or why is None:
        return page(_TEXT["unknown"]["nl"], "nl", status=404)
    tender_ids = (
        [tender_id]
        if tender_id != "*"
        else [t.id for t in ctx.timelines.tenders() if sub.follows(t.id)]
    )
    for tid in tender_ids:
        ctx.store.subscriptions.opt_out(sub.id, tid, why, ctx.clock())
    ctx.on_subscriptions_changed()
    return page(_TEXT["opted_out"][sub.language], sub.language)
