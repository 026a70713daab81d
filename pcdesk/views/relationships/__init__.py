"""Customers > Request a reseller relationship…, Relationship requests… and Remove relationship…."""
