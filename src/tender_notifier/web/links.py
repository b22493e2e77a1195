"""The links in emails and webhook payloads: confirm, unsubscribe, "I have submitted".

Links that change something answer GET with a page holding one button (a POST), so that mail
scanners which open every link can neither confirm a sign-up nobody asked for nor unsubscribe
anyone; ``/unsubscribe/{token}`` also takes the RFC 8058 one-click POST. ``/confirm/{token}``
confirms an email sign-up (merging it into the subscription the address already has) or the
owner address of a webhook.

The pages use the site's layout (``templates/pages/link.html``) and speak the subscription's
language; a link that is unknown or expired has no subscription to ask, so its page is Dutch with
a line in English, or English with ``?lang=en``.

No CSRF check on these POSTs, on purpose. The token in the URL (random, 256 bits, known only to
the subscriber) is what authorises them, as it is for the bearer API: another site cannot forge a
POST to a URL it does not know. And their posters have no cookie to send: a mail provider making
the RFC 8058 one-click POST (body ``List-Unsubscribe=One-Click``), and webhook consumers, whose
payload hands them the opt-out URL to POST to. So the forms carry no CSRF field either: one that
nothing checks would only mislead.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from ..i18n import Language, language
from ..store.signups import Confirmed
from ..subscription_types import ALL_TENDERS, OptOut, Status, Subscription
from ..timeline import Tender
from .context import AppContext, context
from .pages import render

router = APIRouter(tags=["links"], include_in_schema=False)

Lang = Annotated[str | None, Query(description="nl (default) or en, for unknown links")]


def _page(
    request: Request,
    page: str,
    lang: Language,
    *,
    token: str = "",
    tenders: list[Tender] | None = None,
    everything: bool = False,
    tender_id: str = "",
    reason: str = "",
    status: int = 200,
) -> HTMLResponse:
    # private: the URL and the page hold the subscriber's link token (no-store, no referrer).
    return render(
        request,
        "link.html",
        lang,
        status=status,
        private=True,
        # Known links speak the subscription's language; only the unknown page offers the other.
        switch=page == "unknown",
        page=page,
        token=token,
        tenders=tenders or [],
        everything=everything,
        tender_id=tender_id,
        reason=reason,
    )


def _unknown(request: Request, lang: str | None) -> HTMLResponse:
    return _page(request, "unknown", language(lang), status=404)


def _followed(ctx: AppContext, sub: Subscription) -> tuple[list[Tender], bool]:
    """The tenders the subscription names that still exist, and whether it follows all."""
    if ALL_TENDERS in sub.tenders:
        return [], True
    found = (ctx.timelines.get(tid) for tid in sub.tenders)
    return [t for t in found if t is not None], False


@router.get("/confirm/{token}")
def confirm_page(request: Request, token: str, lang: Lang = None) -> HTMLResponse:
    """Asks to press the button; opening the link alone changes nothing."""
    ctx = context(request)
    within = ctx.settings.reminders.confirm_within
    found = ctx.store.signups.pending_confirmation(token, ctx.clock(), within)
    if found is None:
        return _unknown(request, lang)
    return _page(request, "confirm", language(lang or found), token=token)


@router.post("/confirm/{token}")
def confirm(request: Request, token: str, lang: Lang = None) -> HTMLResponse:
    ctx = context(request)
    done = ctx.store.signups.confirm(token, ctx.clock(), ctx.settings.reminders.confirm_within)
    if done is None:
        return _unknown(request, lang)
    sub = done.subscription
    if done.kind is Confirmed.OWNER:
        return _page(request, "owner_confirmed", language(lang or sub.language))
    ctx.on_subscriptions_changed()
    tenders, everything = _followed(ctx, sub)
    link_token = ctx.store.subscriptions.tokens(sub.id)[0]
    return _page(
        request,
        "confirmed",
        sub.language,
        token=link_token,
        tenders=tenders,
        everything=everything,
    )


@router.get("/unsubscribe/{token}")
def unsubscribe_page(request: Request, token: str, lang: Lang = None) -> HTMLResponse:
    ctx = context(request)
    sub = ctx.store.subscriptions.by_link_token(token)
    if sub is None:
        return _unknown(request, lang)
    if sub.status is Status.UNSUBSCRIBED:
        return _page(request, "unsubscribed", sub.language, token=token)
    return _page(request, "unsubscribe", sub.language, token=token)


@router.post("/unsubscribe/{token}")
def unsubscribe(request: Request, token: str, lang: Lang = None) -> HTMLResponse:
    """Also the RFC 8058 one-click target (body ``List-Unsubscribe=One-Click``): no CSRF."""
    ctx = context(request)
    sub = ctx.store.subscriptions.by_link_token(token)
    if sub is None:
        return _unknown(request, lang)
    ctx.store.subscriptions.set_status(sub.id, Status.UNSUBSCRIBED, ctx.clock())
    ctx.on_subscriptions_changed()
    return _page(request, "unsubscribed", sub.language, token=token)


def _optout_target(
    ctx: AppContext, token: str, tender_id: str, reason: str
) -> tuple[Subscription, OptOut, list[Tender]] | None:
    """The subscription, the reason and the tenders an opt-out link names, if it is valid."""
    sub = ctx.store.subscriptions.by_link_token(token)
    try:
        why = OptOut(reason)
    except ValueError:
        return None
    if sub is None:
        return None
    if tender_id == ALL_TENDERS:
        return sub, why, [t for t in ctx.timelines.tenders() if sub.follows(t.id)]
    tender = ctx.timelines.get(tender_id)
    return None if tender is None else (sub, why, [tender])


@router.get("/optout/{token}/{tender_id}/{reason}")
def optout_page(
    request: Request, token: str, tender_id: str, reason: str, lang: Lang = None
) -> HTMLResponse:
    target = _optout_target(context(request), token, tender_id, reason)
    if target is None:
        return _unknown(request, lang)
    sub, why, tenders = target
    return _page(
        request,
        "optout",
        sub.language,
        token=token,
        tenders=tenders,
        tender_id=tender_id,
        reason=why.value,
    )


@router.post("/optout/{token}/{tender_id}/{reason}")
def optout(
    request: Request, token: str, tender_id: str, reason: str, lang: Lang = None
) -> HTMLResponse:
    """From the page's button or from a webhook consumer's machine: no CSRF (see above)."""
    ctx = context(request)
    target = _optout_target(ctx, token, tender_id, reason)
    if target is None:
        return _unknown(request, lang)
    sub, why, tenders = target
    for tender in tenders:
        ctx.store.subscriptions.opt_out(sub.id, tender.id, why, ctx.clock())
    ctx.on_subscriptions_changed()
    return _page(request, "opted_out", sub.language, token=token, tenders=tenders, reason=why.value)
