"""Customers > Import customers: a customer list read, previewed, then written in one transaction."""
