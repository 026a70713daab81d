"""Customers > Request a relationship…, Relationship requests… and Remove relationship…."""
