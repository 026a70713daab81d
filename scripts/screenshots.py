"""Render the Add customer wizard's four pages and the main window over demo data, offscreen.

    python scripts/screenshots.py [--out docs/screenshots] [--width 640] [--dark] [--language zh_TW]

Each page is filled the way a user would fill it (a Taiwanese customer, two subscriptions) and
saved as <out>/wizard-<n>-<page>[-zh_TW][-dark][-<width>].png; so are the main window, the partner
profile and the preferences. Chinese text needs a CJK font (Debian: fonts-noto-cjk).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QLocale, QSettings
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QTabWidget, QWidget

from pcdesk.models.database import Database, open_database, sqlite_url
from pcdesk.services import demo_data
from pcdesk.services.catalog import offers as catalog
from pcdesk.services.drafts import DraftStore
from pcdesk.services.inputs import CustomerInput
from pcdesk.services.partner.profile import PartnerProfileData, get_partner_profile
from pcdesk.views.common.language import CHINESE, ENGLISH, LANGUAGES, install_language
from pcdesk.views.common.operations import runner
from pcdesk.views.customers.add import AddCustomerWizard
from pcdesk.views.customers.add.pages import REVIEW, SUBSCRIPTIONS
from pcdesk.views.main_window import MainWindow
from pcdesk.views.partner.preferences_dialog import PreferencesDialog
from pcdesk.views.partner.profile_dialog import PartnerProfileDialog

CUSTOMER = CustomerInput(
    company_name="北風貿易股份有限公司",
    country="TW",
    postal_code="110",
    state="台北市",
    city="信義區",
    address_line1="信義路五段7號",
    contact_first_name="美玲",
    contact_last_name="陳",
    contact_email="meiling@northwind.com.tw",
    contact_phone="02 2720 1234",
    domain_prefix="northwindtw",
)


def dark_palette() -> QPalette:
    """A dark palette like the one Windows and macOS give in dark mode."""
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#2b2b2b",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1e1e",
        QPalette.ColorRole.AlternateBase: "#262626",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.Highlight: "#2f65ca",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#353535",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
        QPalette.ColorRole.PlaceholderText: "#8a8a8a",
        QPalette.ColorRole.Link: "#6ea8fe",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    return palette


def settle() -> None:
    """Let every operation finish (they read and write off the GUI thread) and its answer show."""
    QApplication.processEvents()
    while not runner().is_idle():
        QApplication.processEvents()
        time.sleep(0.005)
    QApplication.processEvents()


def save(widget: QWidget, path: Path) -> None:
    settle()
    widget.grab().save(str(path))
    print(path)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--width", type=int, default=0, help="window width (default: its own)")
    parser.add_argument("--dark", action="store_true", help="render with a dark palette")
    parser.add_argument("--language", choices=LANGUAGES, default=ENGLISH)
    args = parser.parse_args(argv)
    app = QApplication(sys.argv[:1])
    app.setStyle(QStyleFactory.create("Fusion"))  # the same look on every machine
    # Formats as in the United States or Taiwan, whatever this machine's locale.
    system = QLocale("zh_TW" if args.language == CHINESE else "en_US")
    install_language(args.language, system=system)
    if args.dark:
        app.setPalette(dark_palette())
    args.out.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp())
    url = sqlite_url(folder / "demo.sqlite3")
    db = open_database(url)
    demo_data.seed_demo(db)
    if not catalog.markets(db):
        catalog.import_starter_catalog(db)
    profile = get_partner_profile(db)
    assert profile is not None
    wizard = AddCustomerWizard(db, profile, DraftStore(folder, url))
    if args.width:
        wizard.resize(args.width, wizard.height())
    wizard.show()
    suffix = (
        (f"-{args.language}" if args.language != ENGLISH else "")
        + ("-dark" if args.dark else "")
        + (f"-{args.width}" if args.width else "")
    )
    form = wizard.account_page.form
    settle()  # the resellers and catalog are read off the GUI thread
    form.set_customer_input(CUSTOMER)
    form.domain.check_now()
    save(wizard, args.out / f"wizard-1-account{suffix}.png")
    wizard.next()
    settle()
    assert wizard.currentId() == SUBSCRIPTIONS
    picker = wizard.subscriptions_page.picker
    offers = [picker.model.offer(row) for row in range(picker.model.rowCount())]
    for title, count in (("Microsoft 365 Business Premium", 12), ("Microsoft 365 Copilot", 3)):
        offer = next(o for o in offers if o.sku_title == title and o.term == "P1Y")
        wizard.subscriptions_page.cart.add(offer, count)
    picker.table.selectRow(0)
    save(wizard, args.out / f"wizard-2-subscriptions{suffix}.png")
    wizard.next()
    settle()
    assert wizard.currentId() == REVIEW
    save(wizard, args.out / f"wizard-3-review{suffix}.png")
    wizard.next()  # Submit, into the throw-away database
    settle()
    save(wizard, args.out / f"wizard-4-confirmation{suffix}.png")
    wizard.confirmation_page.saved = True  # closing asks nothing: the details were "kept"
    wizard.confirmation_page.forget()
    wizard.close()
    save_main_window(db, profile, DraftStore(folder, url), folder, args, suffix)
    save_dialogs(open_database(url), args, suffix)
    return 0


def save_dialogs(db: Database, args: argparse.Namespace, suffix: str) -> None:
    """File > Preferences… and the partner profile, at their own size or ``--width``."""
    for name, dialog in (
        ("partner-profile", PartnerProfileDialog(db)),
        ("preferences", PreferencesDialog()),
    ):
        dialog.adjustSize()
        if args.width:
            dialog.resize(min(args.width, dialog.width()), dialog.height())
        dialog.show()
        save(dialog, args.out / f"{name}{suffix}.png")
        dialog.close()
    db.dispose()


def save_main_window(
    db: Database,
    profile: PartnerProfileData,
    drafts: DraftStore,
    folder: Path,
    args: argparse.Namespace,
    suffix: str,
) -> None:
    """The customer list searched for "台", a Taiwanese customer selected, its subscriptions."""
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(db, profile, drafts, settings=settings)
    window.resize(args.width or 1280, 720)
    window.show()
    model = window.customer_model
    window.filter_bar.search.setText("台")
    while not model.is_idle() or model.query.text != "台":
        QApplication.processEvents()
    window.customer_table.select_row(1)
    settle()
    tabs = window.detail_pane.findChild(QTabWidget)
    if tabs is not None:
        tabs.setCurrentWidget(window.detail_pane.subscriptions_tab)
    save(window, args.out / f"main-window{suffix}.png")
    window.close()  # closes the database too


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
