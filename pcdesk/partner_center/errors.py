"""Every way a Partner Center call fails, as an exception carrying a translatable ``Message``.

The message says what happened in the user's words, with Partner Center's code and description
when it gave them, and the request id a support case asks for. Nothing here ever holds the
bearer token, and no traceback reaches the user: callers show ``error.message``.
"""

from __future__ import annotations

from pcdesk.errors import Cancelled, PcdeskError
from pcdesk.messages import QT_TRANSLATE_NOOP, Message

CONTEXT = "partner_center"


def pc_message(template: str, **params: object) -> Message:
    return Message(template, context=CONTEXT, **params)


class PartnerCenterError(PcdeskError):
    """A Partner Center call failed; ``message`` is for the user."""

    def __init__(
        self,
        message: Message,
        *,
        status: int | None = None,
        code: str = "",
        description: str = "",
        request_id: str = "",
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.description = description
        self.request_id = request_id


class SignInRequired(PartnerCenterError):
    """No usable token: nobody is signed in, or the sign-in expired and cannot be renewed."""


class MfaRequired(SignInRequired):
    """The token was issued without multi-factor authentication, which Partner Center demands."""


class NotConfigured(PartnerCenterError):
    """The partner profile lacks what signing in needs (the application ID)."""


class Unreachable(PartnerCenterError):
    """Partner Center could not be reached (network down, timeouts) even after retrying."""


class ApiFailure(PartnerCenterError):
    """Partner Center answered with an error."""


class NotFoundInPartnerCenter(ApiFailure):
    """404: the resource is not (or no longer) in Partner Center."""


class SyncCancelled(Cancelled):
    """The user cancelled the sync; what was written so far stays, and the next sync resumes."""

    def __init__(self) -> None:
        super().__init__(
            pc_message(
                QT_TRANSLATE_NOOP(
                    "partner_center",
                    "The sync was cancelled. What it brought in so far is kept, and the next sync "
                    "goes on from there.",
                )
            )
        )


def api_failure_message(status: int, code: str, description: str, request_id: str) -> Message:
    if description and code:
        return pc_message(
            QT_TRANSLATE_NOOP(
                "partner_center",
                "Partner Center refused the request: {description} (error {code}, HTTP "
                "{status}; request ID {request_id}).",
            ),
            description=description,
            code=code,
            status=status,
            request_id=request_id,
        )
    return pc_message(
        QT_TRANSLATE_NOOP(
            "partner_center",
            "Partner Center answered with an error (HTTP {status}; request ID {request_id}).",
        ),
        status=status,
        request_id=request_id,
    )


def unreachable_message(request_id: str) -> Message:
    """Partner Center did not answer (the log says how: timeout, refused, lost connection)."""
    return pc_message(
        QT_TRANSLATE_NOOP(
            "partner_center",
            "Partner Center could not be reached. Check your network connection and try again; "
            "nothing is lost (request ID {request_id}).",
        ),
        request_id=request_id,
    )


def unreadable_message(request_id: str) -> Message:
    return pc_message(
        QT_TRANSLATE_NOOP(
            "partner_center",
            "Partner Center sent an answer pcdesk cannot read (request ID {request_id}). Try "
            "again later.",
        ),
        request_id=request_id,
    )


def sign_in_expired_message(request_id: str) -> Message:
    return pc_message(
        QT_TRANSLATE_NOOP(
            "partner_center",
            "Your Partner Center sign-in has expired or was refused. Sign in again (request ID "
            "{request_id}).",
        ),
        request_id=request_id,
    )


def mfa_required_message() -> Message:
    return pc_message(
        QT_TRANSLATE_NOOP(
            "partner_center",
            "Partner Center requires multi-factor authentication (MFA), and this sign-in did not "
            "use it. Set up MFA for your work account (https://aka.ms/mfasetup), then sign out "
            "and sign in again.",
        )
    )


def not_signed_in_message() -> Message:
    return pc_message(
        QT_TRANSLATE_NOOP(
            "partner_center",
            "You are not signed in to Partner Center. Sign in first (Partner > Sign in to "
            "Partner Center), or set PCDESK_PARTNER_CENTER_TOKEN.",
        )
    )


def no_app_id_message() -> Message:
    return pc_message(
        QT_TRANSLATE_NOOP(
            "partner_center",
            "Enter your Partner Center application (client) ID in the partner profile first. You "
            "get it in Partner Center under Account settings > App management > Add new native "
            "app.",
        )
    )


def sign_in_failed_message(reason: str) -> Message:
    return pc_message(
        QT_TRANSLATE_NOOP("partner_center", "Signing in to Partner Center failed: {reason}"),
        reason=reason,
    )


def insecure_cache_message() -> Message:
    return pc_message(
        QT_TRANSLATE_NOOP(
            "partner_center",
            "This computer has no secure store for your Partner Center sign-in (such as the "
            "Windows credential store, the macOS Keychain or the GNOME keyring), so pcdesk keeps "
            "it in memory only: you will sign in again at every start.",
        )
    )
