"""Making a connection to Partner Center from the partner profile and the environment.

``PCDESK_PARTNER_CENTER_TOKEN`` (a bearer token) replaces signing in, and
``PCDESK_PARTNER_CENTER_API`` replaces the instance's API host (the simulator, a proxy); both work
for the GUI and for ``pcdesk-cli``. Otherwise the signed-in account of the MSAL token cache is
used (silently, its tokens renewed), with the app ID and instance of the partner profile.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from pcdesk.models.database import Database
from pcdesk.partner_center import settings as pc_settings
from pcdesk.partner_center.auth import (
    TOKEN_ENV,
    MsalSignIn,
    TokenCacheStore,
    TokenSource,
    api_base_url,
    open_token_cache,
    token_from_environment,
)
from pcdesk.partner_center.errors import NotConfigured, no_app_id_message

if TYPE_CHECKING:
    from pcdesk.partner_center.client import PartnerCenterClient, RateLimiter
    from pcdesk.partner_center.outbox import SendSummary
    from pcdesk.partner_center.sync import SyncProgress, SyncSummary

_caches: dict[Path, TokenCacheStore] = {}


def token_cache_path() -> Path:
    from pcdesk.config import data_dir

    return data_dir() / "partner_center_token_cache.bin"


def token_cache(path: Path | None = None) -> TokenCacheStore:
    """The process's token cache (one per file: MSAL's cache is shared by its users)."""
    location = path or token_cache_path()
    if location not in _caches:
        _caches[location] = open_token_cache(location)
    return _caches[location]


def sign_in_for(db: Database, cache: TokenCacheStore | None = None) -> MsalSignIn:
    """MSAL sign-in with the partner profile's app ID and instance (NotConfigured without)."""
    found = pc_settings.load(db)
    if not found.app_id:  # said before the token cache is opened (and its store probed)
        raise NotConfigured(no_app_id_message())
    return MsalSignIn(found.app_id, found.instance, found.tenant_id, cache=cache or token_cache())


def token_source(db: Database, cache: TokenCacheStore | None = None) -> TokenSource:
    return token_from_environment() or sign_in_for(db, cache)


def connect(
    db: Database,
    tokens: TokenSource | None = None,
    *,
    locale: str = "en-US",
    limiter: RateLimiter | None = None,
) -> PartnerCenterClient:
    """A client for the instance of the partner profile (or ``PCDESK_PARTNER_CENTER_API``)."""
    # httpx, under the client, loads when Partner Center is first used, not with the window
    from pcdesk.partner_center.client import PartnerCenterClient

    found = pc_settings.load(db)
    return PartnerCenterClient(
        api_base_url(found.instance),
        tokens or token_source(db),
        locale=locale,
        limiter=limiter,
    )


class PartnerCenterConnection:
    """The application's link to Partner Center: who is signed in, and syncing with it.

    Qt-free; the views call it through operations (it waits on the network). The token source
    is ``PCDESK_PARTNER_CENTER_TOKEN`` when set, else MSAL with the partner profile's app ID and
    instance (made again when those change).
    """

    def __init__(
        self,
        db: Database,
        *,
        cache: TokenCacheStore | None = None,
        locale: str = "en-US",
        limiter: RateLimiter | None = None,
    ) -> None:
        self.db = db
        self.locale = locale
        self._cache = cache
        self._limiter = limiter
        self._msal: tuple[tuple[object, ...], MsalSignIn] | None = None

    @property
    def uses_environment_token(self) -> bool:
        return token_from_environment() is not None

    def cache(self) -> TokenCacheStore:
        if self._cache is None:
            self._cache = token_cache()
        return self._cache

    def sign_in(self) -> MsalSignIn:
        """MSAL for the partner profile's current app ID and instance (NotConfigured without)."""
        found = pc_settings.load(self.db)
        key = (found.app_id, found.instance, found.tenant_id)
        if self._msal is None or self._msal[0] != key:
            self._msal = (key, sign_in_for(self.db, self.cache()))
        return self._msal[1]

    def tokens(self) -> TokenSource:
        return token_from_environment() or self.sign_in()

    def signed_in_as(self) -> str | None:
        """The account signed in (or the environment token's), None when nobody is.

        Reads the local token cache only: no network."""
        environment = token_from_environment()
        if environment is not None:
            return environment.account_name or TOKEN_ENV
        if pc_settings.load(self.db).app_id is None:
            return None
        return self.sign_in().account_name

    def sign_out(self) -> None:
        if self._msal is not None:
            self._msal[1].sign_out()

    def sync(
        self,
        *,
        progress: Callable[[SyncProgress], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
        full: bool = False,
    ) -> SyncSummary:
        from pcdesk.partner_center.sync import sync

        with connect(self.db, self.tokens(), locale=self.locale, limiter=self._limiter) as client:
            return sync(self.db, client, progress=progress, cancelled=cancelled, full=full)

    def client(self) -> PartnerCenterClient:
        """A client for one piece of work (close it, or use it in a ``with``)."""
        return connect(self.db, self.tokens(), locale=self.locale, limiter=self._limiter)

    def send_outbox(self, *, cancelled: Callable[[], bool] | None = None) -> SendSummary:
        """Send the pending changes, in order (see ``pcdesk.partner_center.outbox``)."""
        from pcdesk.partner_center.outbox import send_pending

        with self.client() as client:
            return send_pending(self.db, client, cancelled=cancelled)
