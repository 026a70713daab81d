"""Customers, one at a time: adding one, reading it back, editing it, its subscriptions."""
