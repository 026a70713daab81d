"""The partner's indirect resellers: their records and importing them from CSV."""
