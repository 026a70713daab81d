"""The partner itself: its profile, who is acting, and its team's roles."""
