"""The subscription API under ``/api/v1`` (JSON; documented at ``/openapi.json``)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

import structlog
from fastapi import APIRouter, Body, HTTPException, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, EmailStr, Field

from .. import signup_registration
from ..durations import format_duration
from ..reactivating import NotReactivated, reactivate
from ..signup_checks import MAX_URL, Invalid, SignupRequest, check_changes
from ..store.subscriptions import Created
from ..subscription_types import Channel, Status, Subscription
from .context import AppContext, context
from .openapi import CHANGE, MANAGE, SIGN_UP, ManageToken
from .problems import problem

router = APIRouter(prefix="/api/v1", tags=["subscriptions"])
log = structlog.get_logger(__name__)


class SubscriptionIn(BaseModel):
    """A sign-up. ``address`` for email, ``url`` for webhook."""

    model_config = ConfigDict(extra="forbid")

    channel: Literal["email", "webhook"]
    address: EmailStr | None = Field(
        None, description="Email only.", examples=["inkoop@bureau.example"]
    )
    url: str | None = Field(
        None,
        max_length=MAX_URL,
        description=f"Webhooks only, at most {MAX_URL} characters.",
        examples=["https://hooks.bureau.example/tenders"],
    )
    tenders: list[str] = Field(["*"], examples=[["flextender-30988"]])
    kinds: list[str] | None = Field(None, examples=[["submission_deadline"]])
    offsets: list[str] | None = Field(None, examples=[["P7D", "P1D", "PT2H"]])
    language: Literal["nl", "en"] = "nl"
    owner_email: EmailStr | None = Field(
        None,
        description=(
            "Webhooks only: who to tell when the webhook is disabled. This address first gets a "
            "confirmation request, and nothing else until it confirms."
        ),
    )


class SubscriptionPatch(BaseModel):
    """A change: only the fields given change."""

    model_config = ConfigDict(extra="forbid")  # as a sign-up: a misspelt field is an error

    tenders: list[str] | None = None
    kinds: list[str] | None = None
    offsets: list[str] | None = None
    language: str | None = None
    status: str | None = Field(
        None,
        description='"active" switches a disabled webhook back on, once a new signed ping to '
        "it succeeds (409 if it does not)",
    )


class SubscriptionOut(BaseModel):
    id: str
    channel: str
    status: str
    tenders: list[str]
    kinds: list[str] | None
    offsets: list[str]
    language: str
    feed_url: str | None = None
    opted_out: dict[str, str] = {}


class CreatedOut(SubscriptionOut):
    manage_token: str = Field(
        description=(
            "Shown only once: keep it to read, change or delete. For an email sign-up it works "
            "only until the address confirms (then 403: manage by the links in the mails)."
        )
    )
    secret: str | None = Field(None, description="Webhook signing secret (whsec_...).")


def _out(ctx: AppContext, sub: Subscription, feed_token: str | None = None) -> dict[str, Any]:
    if feed_token is None:
        feed_token = ctx.store.subscriptions.tokens(sub.id)[1]
    return {
        "id": sub.id,
        "channel": sub.channel.value,
        "status": sub.status.value,
        "tenders": list(sub.tenders),
        "kinds": sorted(k.value for k in sub.kinds) if sub.kinds is not None else None,
        "offsets": [format_duration(o) for o in sub.offsets],
        "language": sub.language,
        "feed_url": f"{ctx.settings.base_url}/feeds/s/{feed_token}.ics",
        "opted_out": {t: r.value for t, r in sub.opt_outs.items()},
    }


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def sign_up(ctx: AppContext, req: SignupRequest) -> Created:
    """Register a checked sign-up and wake the engine to send its confirmation or ping."""
    created = signup_registration.register(ctx.store, req, ctx.clock())
    ctx.on_outbox_work()
    log.info(
        "subscription_created",
        subscription_id=created.subscription.id,
        channel=req.channel.value,
        tenders=list(req.tenders),
    )
    return created


@router.post(
    "/subscriptions",
    status_code=201,
    response_model=CreatedOut,
    summary="Sign up for reminders",
    responses=SIGN_UP,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": SubscriptionIn.model_json_schema()}},
        }
    },
)
def create_subscription(
    request: Request, body: Annotated[Any, Body(include_in_schema=False)]
) -> Any:
    ctx = context(request)
    assert ctx.rate_limiter is not None
    wait = ctx.rate_limiter.hit(_client(request), ctx.clock())
    if wait is not None:
        return problem(
            429,
            "too many sign-ups from this address; try again later",
            headers={"Retry-After": str(int(wait + 0.999))},
        )
    if not isinstance(body, dict):
        return problem(422, NOT_AN_OBJECT)
    try:
        tenders = ctx.timelines.tenders()
        now = ctx.clock()
        closed = [t for t in tenders if t.is_closed(now)]
        req = signup_registration.check(ctx.settings, [t.id for t in tenders], body, closed=closed)
    except Invalid as exc:
        return problem(422, "invalid sign-up", exc.errors)
    created = sign_up(ctx, req)
    out = _out(ctx, created.subscription, created.feed_token)
    out["manage_token"] = created.manage_token
    out["secret"] = created.subscription.secret
    location = f"{ctx.settings.base_url}/api/v1/subscriptions/{created.subscription.id}"
    return JSONResponse(
        out, status_code=201, headers={"Cache-Control": "no-store", "Location": location}
    )


NOT_AN_OBJECT = "the body must be a JSON object"
MANAGE_BY_EMAIL = (
    "this email sign-up has been confirmed: its owner manages it through the links in their "
    "email; the manage_token worked only until then"
)


def _authorised(
    ctx: AppContext, sub_id: str, authorization: ManageToken
) -> Subscription | JSONResponse:
    """The subscription this bearer token controls, or the refusal to send.

    An email subscription's token works only while the sign-up is pending: whoever typed the
    address is not necessarily its owner, and the owner, once confirmed, manages through the
    links in the mails. A webhook keeps its token (the ping proved the endpoint answers to it).
    """
    token = authorization.credentials.strip() if authorization else ""
    if not token:
        raise HTTPException(
            401,
            "send the manage_token as 'Authorization: Bearer <token>'",
            headers={"WWW-Authenticate": "Bearer"},
        )
    sub = ctx.store.subscriptions.by_manage_token(token)
    forbidden = problem(403, MANAGE_BY_EMAIL)
    if sub is None:
        if ctx.store.signups.is_retired(token):
            return forbidden  # merged into the address's subscription on confirmation
        raise HTTPException(404, "no such subscription for this token")
    if sub.id != sub_id:
        raise HTTPException(404, "no such subscription for this token")
    if sub.channel is Channel.EMAIL and sub.status is not Status.PENDING:
        return forbidden
    return sub


@router.get("/subscriptions/{sub_id}", response_model=SubscriptionOut, responses=MANAGE)
def get_subscription(request: Request, sub_id: str, authorization: ManageToken) -> Any:
    ctx = context(request)
    sub = _authorised(ctx, sub_id, authorization)
    if isinstance(sub, JSONResponse):
        return sub
    return _out(ctx, sub)


@router.patch(
    "/subscriptions/{sub_id}",
    response_model=SubscriptionOut,
    responses=CHANGE,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": SubscriptionPatch.model_json_schema()}},
        }
    },
)
def patch_subscription(
    request: Request,
    sub_id: str,
    body: Annotated[Any, Body(include_in_schema=False)],
    authorization: ManageToken,
) -> Any:
    ctx = context(request)
    sub = _authorised(ctx, sub_id, authorization)
    if isinstance(sub, JSONResponse):
        return sub
    if not isinstance(body, dict):
        return problem(422, NOT_AN_OBJECT)
    errors: dict[str, str] = {}
    changes: dict[str, Any] = {}
    try:
        changes = check_changes(
            {k: v for k, v in body.items() if k != "status"},
            known_tenders=[t.id for t in ctx.timelines.tenders()],
        )
    except Invalid as exc:
        errors.update(exc.errors)
    if "tenders" in body and "tenders" not in errors:
        # As for a sign-up; a tender the subscription follows already may stay in the list.
        now = ctx.clock()
        closed = [t for t in ctx.timelines.tenders() if t.is_closed(now)]
        refused = signup_registration.closed_named(body["tenders"], closed, kept=sub.tenders)
        if refused:
            errors["tenders"] = refused
    reactivating = "status" in body
    if reactivating and body["status"] != Status.ACTIVE.value:
        errors["status"] = 'only "active" can be set here (to switch a disabled webhook back on)'
    if errors:
        return problem(422, "invalid change", errors)
    if reactivating:
        try:
            reactivate(ctx.settings, ctx.store, sub.id, ctx.clock())
        except NotReactivated as exc:
            return problem(409, exc.message, {"status": exc.message})
    updated = ctx.store.subscriptions.update(sub.id, ctx.clock(), **changes)
    assert updated is not None
    ctx.on_subscriptions_changed()
    return _out(ctx, updated)


@router.delete("/subscriptions/{sub_id}", status_code=204, responses=MANAGE)
def delete_subscription(request: Request, sub_id: str, authorization: ManageToken) -> Response:
    ctx = context(request)
    sub = _authorised(ctx, sub_id, authorization)
    if isinstance(sub, JSONResponse):
        return sub
    ctx.store.subscriptions.delete(sub.id)
    log.info("subscription_deleted", subscription_id=sub.id)
    ctx.on_subscriptions_changed()
    return Response(status_code=204)
