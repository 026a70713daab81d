"""pcdesk: a CSP partner's customer desk, offline, on SQLite or PostgreSQL."""

__version__ = "0.1.0"
