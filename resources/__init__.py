"""Data files shipped with pcdesk (catalog, icons, translations); installed as ``pcdesk.resources``."""
