"""The partner's own settings: its profile, team and roles, and the preferences."""
