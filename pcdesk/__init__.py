"""pcdesk: a CSP partner's customer desk, offline, on SQLite or PostgreSQL."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    """``pcdesk.__version__``, read when first asked for: importing ``pcdesk`` stays free of
    importlib.metadata (with ``python -m pcdesk`` it runs before pcdesk.start can turn the
    garbage collector off)."""
    if name != "__version__":
        raise AttributeError(f"module 'pcdesk' has no attribute {name!r}")
    from importlib import metadata

    try:
        version = metadata.version("pcdesk")
    except metadata.PackageNotFoundError:  # a source tree that was never installed
        version = "0+unknown"
    globals()["__version__"] = version
    return version
