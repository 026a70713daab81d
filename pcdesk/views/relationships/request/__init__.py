"""Customers > Request a reseller relationship…: the invitation email for one customer or prospect."""
