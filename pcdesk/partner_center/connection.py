"""Making a connection to Partner Center from the partner profile and the environment.

``PCDESK_PARTNER_CENTER_TOKEN`` (a bearer token) replaces signing in, and
``PCDESK_PARTNER_CENTER_API`` replaces the instance's API host (the simulator, a proxy); both work
for the GUI and for ``pcdesk-cli``. Otherwise the signed-in account of the MSAL token cache is
used (silently, its tokens renewed), with the app ID and instance of the partner profile.
"""

from __future__ import annotations

from pathlib import Path

from pcdesk.models.database import Database
from pcdesk.partner_center import settings as pc_settings
from pcdesk.partner_center.auth import (
    MsalSignIn,
    TokenCacheStore,
    TokenSource,
    api_base_url,
    open_token_cache,
    token_from_environment,
)
from pcdesk.partner_center.client import PartnerCenterClient, RateLimiter

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
    found = pc_settings.load(db)
    return PartnerCenterClient(
        api_base_url(found.instance),
        tokens or token_source(db),
        locale=locale,
        limiter=limiter,
    )
