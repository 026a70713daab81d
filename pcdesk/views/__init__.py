"""Widgets, dialogs and item models. Views call services and show plain data; no SQLAlchemy here."""
