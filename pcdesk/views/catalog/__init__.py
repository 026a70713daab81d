"""File > Import price list…: the offer catalog from Partner Center's price list."""
