"""Start-up: command line, logging, the database, the first-start profile, the main window."""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import sys
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from pcdesk import __version__, config
from pcdesk.models.database import Database, DatabaseOpenError, open_database
from pcdesk.services import catalog, demo_data
from pcdesk.services.drafts import DraftStore
from pcdesk.services.partner import PartnerProfileData, get_partner_profile
from pcdesk.views.main_window import MainWindow
from pcdesk.views.partner_profile_dialog import PartnerProfileDialog

log = logging.getLogger("pcdesk")


class FirstStartCancelled(Exception):
    """The user closed the first-start profile dialog: there is nothing to show."""


def ask_partner_profile(db: Database) -> PartnerProfileData | None:
    """Ask for the partner profile before the main window (a seam tests replace)."""
    dialog = PartnerProfileDialog(db)
    return dialog.saved if dialog.exec() == QDialog.DialogCode.Accepted else None


def build_main_window(database_url: str, *, demo: bool = False) -> MainWindow:
    """Open (and migrate) the database, seed demo data into an empty one if asked, and return the
    main window without starting an event loop. A QApplication must exist.

    Raises DatabaseOpenError (its message is for the user) or FirstStartCancelled.
    """
    db = open_database(database_url)
    try:
        if demo and demo_data.is_empty(db):
            log.info("seeding demo data into %s", db.display_url)
            demo_data.seed_demo(db)
        if catalog.markets(db) == ():
            catalog.import_starter_catalog(db)
        profile = get_partner_profile(db) or ask_partner_profile(db)
        if profile is None:
            raise FirstStartCancelled
    except BaseException:
        db.dispose()
        raise
    return MainWindow(db, profile, DraftStore(config.drafts_dir(), database_url))


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="pcdesk", description="Your Partner Center customers, on your desk."
    )
    parser.add_argument(
        "--database",
        metavar="URL",
        help=(
            "database to open, e.g. sqlite:///C:/data/pcdesk.sqlite3 or "
            f"postgresql+psycopg://user@host/db (default: ${config.DATABASE_ENV}, "
            "else a SQLite file in your data folder)"
        ),
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="fill a new, empty database with a demo partner, resellers and customers",
    )
    parser.add_argument("--version", action="version", version=f"pcdesk {__version__}")
    return parser.parse_args(argv)


def setup_logging() -> None:
    """A log file in the user's log folder: a GUI started without a console prints nowhere."""
    folder = config.log_dir()
    handlers: list[logging.Handler] = [logging.StreamHandler()]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handlers.append(
            logging.handlers.RotatingFileHandler(
                folder / "pcdesk.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8"
            )
        )
    except OSError:
        pass
    logging.basicConfig(
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        handlers=handlers,
    )


def _show_unexpected_error(kind: type[BaseException], error: BaseException, tb: object) -> None:
    log.critical("unexpected error", exc_info=(kind, error, tb))  # type: ignore[arg-type]
    QMessageBox.critical(
        None,
        QCoreApplication.translate("app", "pcdesk"),
        QCoreApplication.translate(
            "app",
            "Something went wrong that pcdesk did not expect: {error}\n\n"
            "Details were written to the log in {folder}.",
        ).format(error=error, folder=config.log_dir()),
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    setup_logging()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("pcdesk")
    app.setOrganizationName("pcdesk")
    app.setApplicationVersion(__version__)
    sys.excepthook = _show_unexpected_error
    url = config.database_url(args.database)
    try:
        window = build_main_window(url, demo=args.demo)
    except FirstStartCancelled:
        return 0
    except DatabaseOpenError as error:
        log.error("%s", error)
        QMessageBox.critical(
            None, QCoreApplication.translate("app", "pcdesk cannot open the database"), str(error)
        )
        return 1
    _keep_reopening(window)
    window.show()
    return app.exec()


def _keep_reopening(window: MainWindow) -> None:
    """File > Open database…: a new window on the chosen database replaces this one."""

    def reopen(url: str) -> None:
        try:
            replacement = build_main_window(url)
        except FirstStartCancelled:
            return
        except DatabaseOpenError as error:
            log.error("%s", error)
            QMessageBox.critical(
                window,
                QCoreApplication.translate("app", "pcdesk cannot open the database"),
                str(error),
            )
            return
        # Shown before the old one closes, or closing the last window would quit pcdesk.
        replacement.show()
        if not window.close():  # unsaved edits the user chose to keep
            replacement.close()
            return
        _keep_reopening(replacement)

    window.open_database_requested.connect(reopen)
