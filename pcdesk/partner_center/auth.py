"""Signing in to Partner Center: App+User with MSAL's public client, and the tokens' sources.

- ``TokenSource`` is what the client asks for a bearer token. ``StaticTokenSource`` hands out a
  token given in ``PCDESK_PARTNER_CENTER_TOKEN`` (scripts, tests); ``MsalSignIn`` signs in with
  the system browser (loopback redirect to ``http://localhost``) or the device-code flow, and
  renews tokens silently from its cache.
- The token cache persists encrypted with msal-extensions (DPAPI, Keychain, libsecret). Where no
  secure store exists it stays in memory, and ``TokenCacheStore.notice`` says so, once.
- A token issued without multi-factor authentication (no ``mfa`` in its ``amr`` claim) is refused
  here with a message saying what to do, before Partner Center refuses it (401/900421).
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from pcdesk.enums import PartnerCenterInstance
from pcdesk.messages import Message
from pcdesk.partner_center.errors import (
    MfaRequired,
    NotConfigured,
    SignInRequired,
    insecure_cache_message,
    mfa_required_message,
    no_app_id_message,
    not_signed_in_message,
    sign_in_failed_message,
)

if TYPE_CHECKING:
    import msal

log = logging.getLogger(__name__)

TOKEN_ENV = "PCDESK_PARTNER_CENTER_TOKEN"
API_ENV = "PCDESK_PARTNER_CENTER_API"


@dataclass(frozen=True)
class Endpoints:
    """Where an instance of Partner Center signs in and answers (partner-center-api.md §1)."""

    login: str
    api_base: str
    resource: str

    @property
    def scope(self) -> str:
        return f"{self.resource}/user_impersonation"

    def authority(self, tenant: str | None) -> str:
        return f"{self.login}/{tenant or 'organizations'}"


ENDPOINTS: dict[PartnerCenterInstance, Endpoints] = {
    PartnerCenterInstance.GLOBAL: Endpoints(
        "https://login.microsoftonline.com",
        "https://api.partnercenter.microsoft.com",
        "https://api.partnercenter.microsoft.com",
    ),
    # Same API host and audience as the global cloud; its own login authority.
    PartnerCenterInstance.US_GOVERNMENT: Endpoints(
        "https://login.microsoftonline.us",
        "https://api.partnercenter.microsoft.com",
        "https://api.partnercenter.microsoft.com",
    ),
    PartnerCenterInstance.CHINA_21VIANET: Endpoints(
        "https://login.partner.microsoftonline.cn",
        "https://partner.partnercenterapi.microsoftonline.cn",
        "https://partner.partnercenterapi.microsoftonline.cn",
    ),
}


def api_base_url(instance: PartnerCenterInstance) -> str:
    """``PCDESK_PARTNER_CENTER_API`` if set, else the instance's API host."""
    override = os.environ.get(API_ENV, "").strip()
    return (override or ENDPOINTS[instance].api_base).rstrip("/")


# -- tokens -------------------------------------------------------------------------------------------


class TokenSource(Protocol):
    """Hands the client a bearer token, and a fresh one when Partner Center refused the last."""

    def token(self) -> str:
        """A token to send; raises SignInRequired (or MfaRequired) when there is none."""
        ...

    def renew(self) -> bool:
        """Get a new token after a 401; False when this source cannot."""
        ...

    @property
    def account_name(self) -> str | None:
        """Who is signed in (their user principal name), when known."""
        ...


def token_claims(token: str) -> dict[str, Any]:
    """The claims of a JWT, read without checking its signature (that is the server's job);
    {} for a token that is not a JWT."""
    parts = token.split(".")
    if len(parts) != 3:
        return {}
    payload = parts[1] + "=" * (-len(parts[1]) % 4)
    try:
        claims = json.loads(base64.urlsafe_b64decode(payload.encode("ascii")))
    except (ValueError, binascii.Error, UnicodeError):
        return {}
    return claims if isinstance(claims, dict) else {}


def check_mfa(token: str) -> None:
    """Raise MfaRequired when the token says how its user signed in, and MFA was not part of it."""
    amr = token_claims(token).get("amr")
    if isinstance(amr, list) and "mfa" not in amr:
        raise MfaRequired(mfa_required_message(), code="900421")


def _name_in(claims: dict[str, Any]) -> str | None:
    for key in ("upn", "preferred_username", "unique_name", "email", "name"):
        value = claims.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


class StaticTokenSource:
    """One token given from outside (``PCDESK_PARTNER_CENTER_TOKEN``): never renewed."""

    def __init__(self, token: str) -> None:
        self._token = token.strip()
        self._name = _name_in(token_claims(self._token))

    def token(self) -> str:
        if not self._token:
            raise SignInRequired(not_signed_in_message())
        return self._token

    def renew(self) -> bool:
        return False

    @property
    def account_name(self) -> str | None:
        return self._name

    def __repr__(self) -> str:  # never the token itself
        return "StaticTokenSource(<token>)"


def token_from_environment() -> StaticTokenSource | None:
    token = os.environ.get(TOKEN_ENV, "").strip()
    return StaticTokenSource(token) if token else None


# -- the token cache ------------------------------------------------------------------------------------

_notice_lock = threading.Lock()
_insecure_reported = False


@dataclass
class TokenCacheStore:
    cache: msal.SerializableTokenCache
    secure: bool

    def take_notice(self) -> Message | None:
        """The message that the cache is in memory only: once per process, then None."""
        global _insecure_reported
        if self.secure:
            return None
        with _notice_lock:
            if _insecure_reported:
                return None
            _insecure_reported = True
        return insecure_cache_message()


def open_token_cache(
    location: Path,
    persistence_factory: Callable[[str], Any] | None = None,
) -> TokenCacheStore:
    """The token cache at ``location``, encrypted by the system's secure store; in memory when
    there is none (``secure`` False)."""
    # MSAL is loaded when Partner Center is first used, not while pcdesk starts (0.1-0.3 s).
    import msal
    import msal_extensions

    persistence_factory = persistence_factory or msal_extensions.build_encrypted_persistence
    try:
        location.parent.mkdir(parents=True, exist_ok=True)
        persistence = persistence_factory(str(location))
        with contextlib.suppress(msal_extensions.persistence.PersistenceNotFound):
            persistence.load()  # a probe: a store that cannot be read fails here, not later
        if not getattr(persistence, "is_encrypted", False):
            raise RuntimeError("the persistence offered is not encrypted")
        return TokenCacheStore(msal_extensions.PersistedTokenCache(persistence), secure=True)
    except Exception as exc:  # ImportError (no libsecret), RuntimeError, OSError, keyring errors
        log.warning("no secure token store (%s): the sign-in is kept in memory", type(exc).__name__)
        return TokenCacheStore(msal.SerializableTokenCache(), secure=False)


# -- MSAL sign-in ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DeviceCode:
    """What the user must do to finish a device-code sign-in: go to ``verification_uri`` and
    enter ``user_code``. ``message`` is Microsoft's own instructions (in the locale asked)."""

    user_code: str
    verification_uri: str
    message: str
    expires_in: int
    flow: dict[str, Any]


def _failure_reason(result: dict[str, Any]) -> str:
    # MSAL's error_description starts with an AADSTS code and a sentence; the rest is trace ids.
    description = str(result.get("error_description") or result.get("error") or "")
    return description.splitlines()[0] if description else "unknown error"


class MsalSignIn:
    """App+User sign-in to Partner Center with the partner's own native app (public client)."""

    def __init__(
        self,
        app_id: str | None,
        instance: PartnerCenterInstance = PartnerCenterInstance.GLOBAL,
        tenant: str | None = None,
        *,
        cache: TokenCacheStore,
        http_client: Any = None,
    ) -> None:
        if not app_id:
            raise NotConfigured(no_app_id_message())
        self.endpoints = ENDPOINTS[instance]
        self.cache = cache
        options: dict[str, Any] = {
            "authority": self.endpoints.authority(tenant),
            "token_cache": cache.cache,
        }
        if http_client is not None:  # MSAL's own seam: tests answer its discovery requests
            options["http_client"] = http_client
        import msal  # (loaded on first use: see open_token_cache)

        self.app = msal.PublicClientApplication(app_id, **options)
        self._lock = threading.Lock()
        self._token: str | None = None
        self._expires = 0.0

    @property
    def scopes(self) -> list[str]:
        return [self.endpoints.scope]

    def _account(self) -> dict[str, Any] | None:
        accounts = self.app.get_accounts()
        return accounts[0] if accounts else None

    @property
    def account_name(self) -> str | None:
        account = self._account()
        name = account.get("username") if account else None
        return str(name) if name else None

    def _accept(self, result: dict[str, Any] | None) -> str:
        if not result or "access_token" not in result:
            if result and result.get("error") in {"interaction_required", "invalid_grant"}:
                raise SignInRequired(not_signed_in_message())
            if result is None:
                raise SignInRequired(not_signed_in_message())
            raise SignInRequired(sign_in_failed_message(_failure_reason(result)))
        token = str(result["access_token"])
        check_mfa(token)
        # Used until five minutes before it expires, then renewed silently (MSAL's cache).
        lifetime = int(result.get("expires_in") or 0)
        with self._lock:
            self._token = token
            self._expires = time.monotonic() + max(0, lifetime - 300)
        return token

    def sign_in_interactive(self, timeout: int = 300) -> str:
        """Sign in in the system browser (MSAL listens on http://localhost for the answer)."""
        result = self.app.acquire_token_interactive(
            self.scopes, prompt="select_account", timeout=timeout
        )
        self._accept(result)
        return self.account_name or ""

    def start_device_code(self) -> DeviceCode:
        flow = self.app.initiate_device_flow(scopes=self.scopes)
        if "user_code" not in flow:
            raise SignInRequired(sign_in_failed_message(_failure_reason(flow)))
        return DeviceCode(
            str(flow["user_code"]),
            str(flow.get("verification_uri", "")),
            str(flow.get("message", "")),
            int(flow.get("expires_in", 900)),
            flow,
        )

    def finish_device_code(
        self, code: DeviceCode, cancelled: Callable[[], bool] | None = None
    ) -> str:
        """Wait for the user to finish on another device; ``cancelled`` stops waiting."""

        def stop(_flow: dict[str, Any]) -> bool:
            return cancelled is not None and cancelled()

        result = self.app.acquire_token_by_device_flow(dict(code.flow), exit_condition=stop)
        self._accept(result)
        return self.account_name or ""

    def sign_out(self) -> None:
        for account in self.app.get_accounts():
            self.app.remove_account(account)
        with self._lock:
            self._token = None

    def token(self) -> str:
        with self._lock:
            if self._token is not None and time.monotonic() < self._expires:
                return self._token
        return self._silent(force_refresh=False)

    def _silent(self, *, force_refresh: bool) -> str:
        account = self._account()
        if account is None:
            raise SignInRequired(not_signed_in_message())
        result = self.app.acquire_token_silent(
            self.scopes, account=account, force_refresh=force_refresh
        )
        return self._accept(result)

    def renew(self) -> bool:
        with self._lock:
            self._token = None
        try:
            self._silent(force_refresh=True)
        except SignInRequired:
            return False
        return True
