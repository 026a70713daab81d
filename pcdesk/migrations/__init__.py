"""Alembic migrations of pcdesk's schema; shipped inside the package so a wheel carries them."""
