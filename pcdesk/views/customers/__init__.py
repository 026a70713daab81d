"""Everything under the Customers menu and the customer list beside its detail pane."""
