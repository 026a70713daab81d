"""The customer list's counts, in the main window's status bar."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from pcdesk.views.customers.list.table_model import CustomerTableModel


class CustomerCountLabel(QLabel):
    def __init__(self, customer_model: CustomerTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.customer_model = customer_model

    def show_counts(self) -> None:
        """The matches of a search or filter (once counted), then all the customers."""
        model = self.customer_model
        everyone = model.everyone
        parts: list[str] = []
        if model.query.is_filtered:
            if model.count_known:
                parts.append(self._match_text(model.rowCount()))
            else:
                parts.append(self.tr("Searching…"))
        if everyone is not None:
            parts.append(self._customers_text(everyone))
        self.setText(" · ".join(parts))

    def _customers_text(self, count: int) -> str:
        if count == 1:
            return self.tr("1 customer")
        return self.tr("%Ln customers", "", count)

    def _match_text(self, count: int) -> str:
        if count == 0:
            return self.tr("No match")
        if count == 1:
            return self.tr("1 match")
        return self.tr("%Ln matches", "", count)
