"""Use cases, one function per user action: plain Python, one Session each, no Qt."""
