"""Page ids of the wizard, in order (QWizard visits them by id)."""

ACCOUNT, SUBSCRIPTIONS, REVIEW, CONFIRMATION = range(4)

# The letters of the wizard's own buttons (< &Back, &Next: ..., Return to Re&view): page fields avoid them.
BUTTON_MNEMONICS = ("b", "n", "v")
