"""``/manage/{token}``, linked from every message: reminders, language, per-tender opt-outs,
unsubscribe, and deleting everything (AVG/GDPR art. 17).

The link token in the URL picks the subscription, as the unsubscribe link does; every form here
also carries a CSRF token. After a change the page redirects to itself (post/redirect/get) and
says what was done; it speaks the subscription's language.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse
from starlette.responses import Response

from ..errors import SubscriptionError
from ..i18n import language
from ..reactivating import NotReactivated, reactivate
from ..signup_checks import check_language, check_offsets
from ..subscription_types import OptOut, Status, Subscription
from .context import AppContext, context
from .offsets_form import PRESETS, chosen_offsets, split_for_form
from .pages import (
    FormList,
    FormStr,
    Lang,
    csrf,
    field_errors,
    not_found,
    redirect,
    refused,
    render,
    timeline_rows,
)

router = APIRouter(tags=["pages"], include_in_schema=False)


def _manage_page(
    request: Request,
    ctx: AppContext,
    token: str,
    sub: Subscription,
    *,
    done: str | None = None,
    form: dict[str, Any] | None = None,
    errors: dict[str, str] | None = None,
    status: int = 200,
    reactivate_error: str | None = None,
) -> HTMLResponse:
    ui = sub.language
    now = ctx.clock()
    ticked, other = split_for_form(sub.offsets, ui)
    form = form or {"offsets": ticked, "other_offset": other, "language": sub.language}
    tenders = [t for t in ctx.timelines.tenders() if sub.follows(t.id)]
    followed = [
        (
            t,
            sub.opt_outs.get(t.id),
            next((r for r in timeline_rows(t, now, ui) if r.state == "next"), None),
        )
        for t in tenders
    ]
    feed_token = ctx.store.subscriptions.tokens(sub.id)[1]
    return render(
        request,
        "manage.html",
        ui,
        status=status,
        private=True,
        switch=False,
        token=token,
        sub=sub,
        followed=followed,
        presets=PRESETS,
        form=form,
        errors=errors or {},
        done=done,
        feed_url=f"{ctx.settings.base_url}/feeds/s/{feed_token}.ics",
        OptOut=OptOut,
        Status=Status,
        reactivate_error=reactivate_error,
    )


def _subscription(request: Request, token: str) -> tuple[AppContext, Subscription | None]:
    ctx = context(request)
    return ctx, ctx.store.subscriptions.by_link_token(token)


@router.get("/manage/{token}", response_class=HTMLResponse)
def manage(request: Request, token: str, done: str | None = None, lang: Lang = None) -> Response:
    ctx, sub = _subscription(request, token)
    if sub is None:
        return not_found(request, language(lang))
    known = {"settings", "tender", "unsubscribed", "reactivated"}
    return _manage_page(request, ctx, token, sub, done=done if done in known else None)


@router.post("/manage/{token}/settings", response_class=HTMLResponse)
def manage_settings(
    request: Request,
    token: str,
    csrf_token: FormStr = "",
    offsets: FormList = [],  # noqa: B006 - FastAPI copies defaults per request
    other_offset: FormStr = "",
    language_choice: Annotated[str, Form(alias="language")] = "",
) -> Response:
    ctx, sub = _subscription(request, token)
    if not csrf(request).valid(request, csrf_token):
        return refused(request, sub.language if sub else "nl")
    if sub is None:
        return not_found(request, "nl")
    errors: dict[str, str] = {}
    changes: dict[str, Any] = {}
    try:
        changes["offsets"] = check_offsets(chosen_offsets(offsets, other_offset))
    except ValueError:
        errors["other_offset"] = ""
    except SubscriptionError as exc:
        errors["other_offset" if other_offset.strip() else "offsets"] = exc.message
    try:
        changes["language_code"] = check_language(language_choice)
    except SubscriptionError as exc:
        errors["language"] = exc.message
    if errors:
        form = {"offsets": set(offsets), "other_offset": other_offset, "language": language_choice}
        return _manage_page(
            request,
            ctx,
            token,
            sub,
            form=form,
            errors=field_errors(errors, sub.language),
            status=422,
        )
    ctx.store.subscriptions.update(sub.id, ctx.clock(), **changes)
    ctx.on_subscriptions_changed()
    return redirect(f"/manage/{token}?done=settings")


@router.post("/manage/{token}/tenders/{tender_id}", response_class=HTMLResponse)
def manage_tender(
    request: Request, token: str, tender_id: str, csrf_token: FormStr = "", action: FormStr = ""
) -> Response:
    ctx, sub = _subscription(request, token)
    if not csrf(request).valid(request, csrf_token):
        return refused(request, sub.language if sub else "nl")
    if sub is None or ctx.timelines.get(tender_id) is None or not sub.follows(tender_id):
        return not_found(request, sub.language if sub else "nl")
    now = ctx.clock()
    if action == "resume":
        ctx.store.subscriptions.undo_opt_out(sub.id, tender_id, now)
    elif action in (OptOut.SUBMITTED.value, OptOut.NOT_BIDDING.value):
        ctx.store.subscriptions.opt_out(sub.id, tender_id, OptOut(action), now)
    else:
        return _manage_page(request, ctx, token, sub, status=400)
    ctx.on_subscriptions_changed()
    return redirect(f"/manage/{token}?done=tender#tender-{tender_id}")


@router.post("/manage/{token}/reactivate", response_class=HTMLResponse)
def manage_reactivate(request: Request, token: str, csrf_token: FormStr = "") -> Response:
    """Switch a disabled webhook back on once a new signed ping succeeds (409 if not)."""
    ctx, sub = _subscription(request, token)
    if not csrf(request).valid(request, csrf_token):
        return refused(request, sub.language if sub else "nl")
    if sub is None:
        return not_found(request, "nl")
    try:
        reactivate(ctx.settings, ctx.store, sub.id, ctx.clock())
    except NotReactivated as exc:
        return _manage_page(request, ctx, token, sub, status=409, reactivate_error=exc.message)
    ctx.on_subscriptions_changed()
    return redirect(f"/manage/{token}?done=reactivated")


@router.post("/manage/{token}/unsubscribe", response_class=HTMLResponse)
def manage_unsubscribe(request: Request, token: str, csrf_token: FormStr = "") -> Response:
    ctx, sub = _subscription(request, token)
    if not csrf(request).valid(request, csrf_token):
        return refused(request, sub.language if sub else "nl")
    if sub is None:
        return not_found(request, "nl")
    ctx.store.subscriptions.set_status(sub.id, Status.UNSUBSCRIBED, ctx.clock())
    ctx.on_subscriptions_changed()
    return redirect(f"/manage/{token}?done=unsubscribed")


@router.post("/manage/{token}/delete", response_class=HTMLResponse)
def manage_delete(
    request: Request, token: str, csrf_token: FormStr = "", confirm: FormStr = ""
) -> Response:
    ctx, sub = _subscription(request, token)
    if not csrf(request).valid(request, csrf_token):
        return refused(request, sub.language if sub else "nl")
    if sub is None:
        return not_found(request, "nl")
    if confirm != "yes":
        return _manage_page(
            request,
            ctx,
            token,
            sub,
            errors=field_errors({"confirm": ""}, sub.language),
            status=422,
        )
    ctx.store.subscriptions.delete(sub.id)
    ctx.on_subscriptions_changed()
    return render(
        request,
        "message.html",
        sub.language,
        private=True,
        title=("Alles verwijderd", "Everything deleted"),
        text=(
            "Uw aanmelding en alles wat we over u bewaarden (adres, keuzes, "
            "verzonden berichten) zijn verwijderd.",
            "Your sign-up and everything we kept about you (address, choices, "
            "messages sent) have been deleted.",
        ),
    )
