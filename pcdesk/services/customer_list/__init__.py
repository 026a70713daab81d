"""The customer list: querying, searching and exporting it, all in SQL on indexes."""
