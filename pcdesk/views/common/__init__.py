"""What every window shares: operations, changes, errors, messages, labels and small widgets."""
