"""Partner > Indirect resellers…: list, add, edit, suspend and import resellers."""
