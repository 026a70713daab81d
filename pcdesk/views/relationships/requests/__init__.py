"""Customers > Relationship requests…: the requests sent, marked accepted or cancelled."""
