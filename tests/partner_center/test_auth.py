"""Signing in without a real Entra ID: MSAL's own seams (an injected HTTP client for discovery,
tokens put in its cache) and an injected secure store."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import msal
import msal_extensions
import pytest

from pcdesk.models import PartnerCenterInstance
from pcdesk.partner_center import auth
from pcdesk.partner_center.auth import (
    ENDPOINTS,
    MsalSignIn,
    StaticTokenSource,
    api_base_url,
    check_mfa,
    open_token_cache,
    token_from_environment,
)
from pcdesk.partner_center.errors import MfaRequired, NotConfigured, SignInRequired

from .conftest import jwt

APP_ID = "1950a258-227b-4e31-a9cf-717495945fc2"
TENANT = "0f6a1e2d-3c4b-4a59-8e7f-1a2b3c4d5e6f"


class _Answer:
    def __init__(self, body: dict[str, Any]) -> None:
        self.status_code = 200
        self.text = json.dumps(body)
        self.headers: dict[str, str] = {}

    def raise_for_status(self) -> None:
        pass


class FakeEntra:
    """Answers MSAL's discovery requests; refuses anything else (no token is fetched)."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def get(self, url: str, **_kwargs: Any) -> _Answer:
        self.asked.append(url)
        if "openid-configuration" in url:
            base = url.split("/v2.0/")[0]
            return _Answer(
                {
                    "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
                    "token_endpoint": f"{base}/oauth2/v2.0/token",
                    "device_authorization_endpoint": f"{base}/oauth2/v2.0/devicecode",
                    "issuer": f"{base}/v2.0",
                }
            )
        if "discovery/instance" in url:
            return _Answer({"tenant_discovery_endpoint": "x", "metadata": []})
        raise AssertionError(f"unexpected request to {url}")

    def post(self, url: str, **_kwargs: Any) -> _Answer:
        raise AssertionError(f"no token request expected ({url})")

    def close(self) -> None:
        pass


class PlainButTrusted(msal_extensions.FilePersistence):
    """A file persistence standing in for the system's secure store (it says it encrypts)."""

    @property
    def is_encrypted(self) -> bool:
        return True


def put_token(cache: msal.SerializableTokenCache, access_token: str, *, upn: str) -> None:
    """What MSAL stores after a sign-in, put in the cache through its own ``add``."""
    client_info = {"uid": "user-oid", "utid": TENANT}
    import base64

    encoded = base64.urlsafe_b64encode(json.dumps(client_info).encode()).decode().rstrip("=")
    id_token = jwt(
        iss=f"https://login.microsoftonline.com/{TENANT}/v2.0",
        sub="sub",
        aud=APP_ID,
        oid="user-oid",
        tid=TENANT,
        preferred_username=upn,
        exp=int(time.time()) + 3600,
    )
    cache.add(
        {
            "client_id": APP_ID,
            "scope": [ENDPOINTS[PartnerCenterInstance.GLOBAL].scope],
            "token_endpoint": f"https://login.microsoftonline.com/{TENANT}/oauth2/v2.0/token",
            "response": {
                "access_token": access_token,
                "token_type": "Bearer",
                "expires_in": 3600,
                "refresh_token": "refresh-me",
                "id_token": id_token,
                "client_info": encoded,
            },
        }
    )


def test_the_instance_decides_authority_api_and_scope(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(auth.API_ENV, raising=False)
    assert (
        ENDPOINTS[PartnerCenterInstance.GLOBAL].scope
        == "https://api.partnercenter.microsoft.com/user_impersonation"
    )
    us = ENDPOINTS[PartnerCenterInstance.US_GOVERNMENT]
    assert us.authority(TENANT) == f"https://login.microsoftonline.us/{TENANT}"
    assert (
        api_base_url(PartnerCenterInstance.US_GOVERNMENT)
        == "https://api.partnercenter.microsoft.com"
    )
    china = ENDPOINTS[PartnerCenterInstance.CHINA_21VIANET]
    assert china.authority(None) == "https://login.partner.microsoftonline.cn/organizations"
    assert api_base_url(PartnerCenterInstance.CHINA_21VIANET) == (
        "https://partner.partnercenterapi.microsoftonline.cn"
    )
    monkeypatch.setenv(auth.API_ENV, "http://127.0.0.1:9/")
    assert api_base_url(PartnerCenterInstance.CHINA_21VIANET) == "http://127.0.0.1:9"


def test_a_token_from_the_environment_replaces_signing_in(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(auth.TOKEN_ENV, raising=False)
    assert token_from_environment() is None
    token = jwt(upn="dana@partner.example")
    monkeypatch.setenv(auth.TOKEN_ENV, f" {token} ")
    source = token_from_environment()
    assert source is not None
    assert source.token() == token
    assert source.account_name == "dana@partner.example"
    assert source.renew() is False
    assert token not in repr(source)
    assert StaticTokenSource("opaque-token").account_name is None


def test_a_token_without_mfa_is_refused_with_what_to_do() -> None:
    check_mfa(jwt(amr=["pwd", "mfa"]))
    check_mfa("not-a-jwt")  # nothing to read: Partner Center decides
    with pytest.raises(MfaRequired) as refused:
        check_mfa(jwt(amr=["pwd"]))
    assert "multi-factor" in refused.value.message
    assert refused.value.message.context == "partner_center"


def test_without_a_secure_store_the_cache_stays_in_memory_and_says_so_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(auth, "_insecure_reported", False)

    def no_store(_location: str) -> Any:
        raise ImportError("no libsecret here")

    first = open_token_cache(tmp_path / "cache.bin", no_store)
    assert not first.secure
    assert isinstance(first.cache, msal.SerializableTokenCache)
    notice = first.take_notice()
    assert notice is not None and "memory" in notice
    assert first.take_notice() is None
    assert open_token_cache(tmp_path / "cache.bin", no_store).take_notice() is None
    assert not (tmp_path / "cache.bin").exists()


def test_an_unencrypted_store_is_not_trusted(tmp_path: Path) -> None:
    store = open_token_cache(tmp_path / "cache.bin", msal_extensions.FilePersistence)
    assert not store.secure


def test_the_signed_in_account_survives_a_restart_in_the_secure_store(tmp_path: Path) -> None:
    location = tmp_path / "cache.bin"
    store = open_token_cache(location, PlainButTrusted)
    assert store.secure and store.take_notice() is None
    put_token(
        store.cache, jwt(upn="dana@partner.example", amr=["pwd", "mfa"]), upn="dana@partner.example"
    )

    # A new process: the cache read back from the store, MSAL's discovery answered locally.
    entra = FakeEntra()
    again = open_token_cache(location, PlainButTrusted)
    signed_in = MsalSignIn(
        APP_ID, PartnerCenterInstance.GLOBAL, TENANT, cache=again, http_client=entra
    )
    assert signed_in.account_name == "dana@partner.example"
    token = signed_in.token()
    assert auth.token_claims(token)["upn"] == "dana@partner.example"
    assert all("login.microsoftonline.com" in url for url in entra.asked)

    signed_in.sign_out()
    assert signed_in.account_name is None
    with pytest.raises(SignInRequired):
        signed_in.token()
    later = MsalSignIn(
        APP_ID, cache=open_token_cache(location, PlainButTrusted), tenant=TENANT, http_client=entra
    )
    assert later.account_name is None


def test_a_cached_token_without_mfa_gets_the_mfa_message(tmp_path: Path) -> None:
    store = open_token_cache(tmp_path / "cache.bin", PlainButTrusted)
    put_token(store.cache, jwt(upn="dana@partner.example", amr=["pwd"]), upn="dana@partner.example")
    signed_in = MsalSignIn(APP_ID, cache=store, tenant=TENANT, http_client=FakeEntra())
    with pytest.raises(MfaRequired):
        signed_in.token()


def test_signing_in_needs_the_app_id(tmp_path: Path) -> None:
    store = open_token_cache(tmp_path / "cache.bin", PlainButTrusted)
    with pytest.raises(NotConfigured) as refused:
        MsalSignIn(None, cache=store)
    assert "App management" in refused.value.message
