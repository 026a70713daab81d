"""Reseller relationships: requests drafted and sent, accepted, cancelled, and removal."""
