"""pcdesk: a CSP partner's customer desk, offline, on SQLite or PostgreSQL."""

from importlib import metadata


def _version() -> str:
    """pyproject.toml's version, as installed (pip, or the bundle, which carries pcdesk's
    metadata); "0+unknown" when run from a source tree that was never installed."""
    try:
        return metadata.version("pcdesk")
    except metadata.PackageNotFoundError:
        return "0+unknown"


__version__ = _version()
