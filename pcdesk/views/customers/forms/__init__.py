"""Forms and pickers that both Add customer and the detail pane use."""
