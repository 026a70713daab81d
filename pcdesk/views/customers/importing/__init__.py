"""Customers > Import customers…: choose a file, preview it, import it."""
