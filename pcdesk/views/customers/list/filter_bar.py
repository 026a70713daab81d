"""The search box and filters above the customer list; they say what to show, not how."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from pcdesk.services.customer_list.query import (
    NO_RESELLER,
    AgreementFilter,
    CustomerQuery,
    RelationshipFilter,
)
from pcdesk.services.resellers.records import ResellerData
from pcdesk.services.validation import country_codes, country_name
from pcdesk.views.common.first_paint import when_first_painted
from pcdesk.views.common.ui_locale import ui_locale


class CustomerFilterBar(QWidget):
    """Emits ``changed`` as the user types or picks a filter; ``apply_to`` turns it into a query."""

    changed = Signal()

    def __init__(self, resellers: tuple[ResellerData, ...] | None, parent: QWidget | None = None):
        super().__init__(parent)
        # The search box on its own row, the filters on the next: both fit a narrow window.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        search_row, layout = QHBoxLayout(), QHBoxLayout()
        outer.addLayout(search_row)
        outer.addLayout(layout)

        self.search = QLineEdit(self)
        self.search.setObjectName("customer_search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Company name, domain or Microsoft ID"))
        self.search.setAccessibleName(self.tr("Search customers"))
        search_label = QLabel(self.tr("&Search:"), self)
        search_label.setBuddy(self.search)
        search_row.addWidget(search_label)
        search_row.addWidget(self.search, 3)

        self.status = QComboBox(self)
        self.status.addItem(self.tr("All relationships"), None)
        self.status.addItem(self.tr("Active"), RelationshipFilter.ACTIVE)
        self.status.addItem(self.tr("Pending"), RelationshipFilter.PENDING)
        self.status.addItem(self.tr("Former"), RelationshipFilter.FORMER)
        self._add_labelled(layout, self.tr("&Relationship:"), self.status)

        # Only indirect providers have resellers to filter by.
        self.reseller: QComboBox | None = None
        if resellers is not None:
            self.reseller = QComboBox(self)
            self._fill_resellers(resellers)
            self._add_labelled(layout, self.tr("Indirect r&eseller:"), self.reseller)

        self.country = QComboBox(self)
        self.country.addItem(self.tr("All countries/regions"), None)
        self._countries_listed = False
        # Their names (CLDR, address rules) load once the window is up: start-up does not wait.
        when_first_painted(self, lambda _at: self.list_countries())
        self._add_labelled(layout, self.tr("C&ountry/region:"), self.country)

        self.agreement = QComboBox(self)
        self.agreement.addItem(self.tr("All agreement states"), None)
        self.agreement.addItem(self.tr("Accepted"), AgreementFilter.ACCEPTED)
        self.agreement.addItem(self.tr("Pending"), AgreementFilter.PENDING)
        self.agreement.addItem(self.tr("Not recorded"), AgreementFilter.NONE)
        self._add_labelled(search_row, self.tr("A&greement:"), self.agreement)

        self.tag = QComboBox(self)
        self.tag.addItem(self.tr("All tags"), None)
        self._add_labelled(search_row, self.tr("&Tag:"), self.tag)

        self.search.textChanged.connect(self.changed)
        for combo in self._combos():
            combo.currentIndexChanged.connect(self.changed)

    def list_countries(self) -> None:
        """Every country/region, named in the interface's language (once)."""
        if self._countries_listed:
            return
        self._countries_listed = True
        locale = ui_locale()
        for code in country_codes(locale):
            self.country.addItem(country_name(code, locale), code)

    def _fill_resellers(self, resellers: tuple[ResellerData, ...]) -> None:
        assert self.reseller is not None
        self.reseller.addItem(self.tr("All resellers"), None)
        self.reseller.addItem(self.tr("None (billed directly)"), NO_RESELLER)
        for reseller in resellers:
            # Suspended resellers stay listed: their customers keep them.
            self.reseller.addItem(reseller.name, reseller.id)

    def set_resellers(self, resellers: tuple[ResellerData, ...]) -> None:
        """List these resellers (names may have changed), keeping the one chosen if it is still
        there; ``changed`` is emitted only if the filter had to fall back to all resellers."""
        combo = self.reseller
        if combo is None:
            return
        chosen = combo.currentData()
        combo.blockSignals(True)
        try:
            combo.clear()
            self._fill_resellers(resellers)
            index = combo.findData(chosen) if chosen is not None else 0
            combo.setCurrentIndex(max(index, 0))
        finally:
            combo.blockSignals(False)
        if chosen is not None and index < 0:
            self.changed.emit()

    def _add_labelled(self, layout: QHBoxLayout, text: str, combo: QComboBox) -> None:
        label = QLabel(text, self)
        label.setBuddy(combo)
        # Long country and reseller names must not make the window wide: the list is scrolled.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(6)
        layout.addWidget(label)
        layout.addWidget(combo, 1)

    def set_tags(self, tags: tuple[str, ...]) -> None:
        """List these tags, keeping the one chosen if it is still there."""
        chosen = self.tag.currentData()
        self.tag.blockSignals(True)
        try:
            self.tag.clear()
            self.tag.addItem(self.tr("All tags"), None)
            for tag in tags:
                self.tag.addItem(tag, tag)
            index = self.tag.findData(chosen) if chosen is not None else 0
            if index < 0 and chosen is not None:  # a saved view's tag no customer has now
                self.tag.addItem(chosen, chosen)
                index = self.tag.count() - 1
            self.tag.setCurrentIndex(index)
        finally:
            self.tag.blockSignals(False)

    def _combos(self) -> list[QComboBox]:
        combos = (self.status, self.reseller, self.country, self.agreement, self.tag)
        return [c for c in combos if c is not None]

    # -- saved views ----------------------------------------------------------------------------

    def state(self) -> dict[str, str]:
        """The search text and each filter chosen, as text a saved view keeps."""
        state = {"text": self.search.text()}
        names = {"status": self.status, "country": self.country, "agreement": self.agreement}
        names["tag"] = self.tag
        if self.reseller is not None:
            names["reseller"] = self.reseller
        for name, combo in names.items():
            value = combo.currentData()
            if value is not None:
                state[name] = str(value)
        return state

    def set_state(self, state: dict[str, str]) -> None:
        """Put a saved view's search and filters back; ``changed`` is emitted once."""
        self.list_countries()  # a view may name a country before the window was painted
        self.blockSignals(True)
        try:
            self.search.setText(state.get("text", ""))
            names = {"status": self.status, "country": self.country, "agreement": self.agreement}
            names["tag"] = self.tag
            if self.reseller is not None:
                names["reseller"] = self.reseller
            for name, combo in names.items():
                wanted = state.get(name)
                if wanted is None:
                    combo.setCurrentIndex(0)
                    continue
                index = next(
                    (i for i in range(combo.count()) if str(combo.itemData(i)) == wanted), -1
                )
                if index < 0 and combo is self.tag:
                    combo.addItem(wanted, wanted)
                    index = combo.count() - 1
                combo.setCurrentIndex(max(index, 0))
        finally:
            self.blockSignals(False)
        self.changed.emit()

    def apply_to(self, query: CustomerQuery) -> CustomerQuery:
        """``query`` (its order) with this bar's search text and filters."""
        status = self.status.currentData()  # Qt hands the enum back as its string value
        agreement = self.agreement.currentData()
        return replace(
            query,
            text=self.search.text(),
            status=None if status is None else RelationshipFilter(status),
            indirect_reseller_id=None if self.reseller is None else self.reseller.currentData(),
            country=self.country.currentData(),
            agreement=None if agreement is None else AgreementFilter(agreement),
            tag=self.tag.currentData(),
        )

    def clear(self) -> None:
        """Show every customer again."""
        self.search.clear()
        for combo in self._combos():
            combo.setCurrentIndex(0)
