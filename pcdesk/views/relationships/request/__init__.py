"""Customers > Request a relationship…: the invitation e-mail for one customer or prospect."""
