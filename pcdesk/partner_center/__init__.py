"""Partner Center: sign-in (MSAL), a typed REST client (httpx) and the sync into the local
database. No Qt here: the views reach this through services and operations."""
