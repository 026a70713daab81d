"""The offer catalog: Partner Center's price list, imported and looked up."""
