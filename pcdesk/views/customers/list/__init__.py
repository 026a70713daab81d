"""The customer list: its item model, its table and the filters above it."""
