"""Start-up: command line, logging, the database, the first-start profile, the main window."""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import os
import sys
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from pcdesk import __version__, config
from pcdesk.log_privacy import PrivateFormatter
from pcdesk.models.database import Database, DatabaseOpenError, open_database
from pcdesk.services import demo_data
from pcdesk.services.catalog import offers as catalog
from pcdesk.services.drafts import DraftStore
from pcdesk.services.partner.profile import PartnerProfileData, get_partner_profile
from pcdesk.views.common.language import (
    current_language,
    install_language,
    language_of,
    saved_choice,
)
from pcdesk.views.common.translate import translated
from pcdesk.views.main_window import MainWindow
from pcdesk.views.partner.profile_dialog import PartnerProfileDialog

log = logging.getLogger("pcdesk")


class FirstStartCancelled(Exception):
    """The user closed the first-start profile dialog: there is nothing to show."""


def ask_partner_profile(db: Database) -> PartnerProfileData | None:
    """Ask for the partner profile before the main window (a seam tests replace)."""
    dialog = PartnerProfileDialog(db)
    return dialog.saved if dialog.exec() == QDialog.DialogCode.Accepted else None


def build_main_window(database_url: str, *, demo: bool = False, create: bool = True) -> MainWindow:
    """Open (and migrate) the database, seed demo data into an empty one if asked, and return the
    main window without starting an event loop. A QApplication must exist. A missing SQLite file
    is made only when ``create`` (never for a file pcdesk has opened before).

    Raises DatabaseOpenError (its message is for the user) or FirstStartCancelled.
    """
    create = create and not config.is_known_database(database_url)
    db = open_database(database_url, create=create)
    config.remember_database(database_url)
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
    parser.add_argument(
        "--create",
        action="store_true",
        help="make the SQLite file named by --database if it does not exist yet",
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
    formatter = PrivateFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    for handler in handlers:
        handler.setFormatter(formatter)
    logging.basicConfig(level=logging.INFO, handlers=handlers)


def _show_unexpected_error(kind: type[BaseException], error: BaseException, tb: object) -> None:
    log.critical("unexpected error", exc_info=(kind, error, tb))  # type: ignore[arg-type]
    QMessageBox.critical(
        None,
        QCoreApplication.translate("app", "pcdesk"),
        QCoreApplication.translate(
            "app",
            "Something went wrong that pcdesk did not expect: {error}\n\n"
            "Details were written to the log in {folder}.",
        ).format(error=type(error).__name__, folder=config.log_dir()),
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    setup_logging()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("pcdesk")
    app.setOrganizationName("pcdesk")
    app.setApplicationVersion(__version__)
    install_language(language_of(saved_choice()))  # before any window: they read it once
    sys.excepthook = _show_unexpected_error
    url = config.database_url(args.database)
    try:
        # A file the user named must exist, unless they ask for a new one (--create, --demo).
        named = bool(args.database or os.environ.get(config.DATABASE_ENV))
        window = build_main_window(
            url, demo=args.demo, create=not named or args.create or args.demo
        )
    except FirstStartCancelled:
        return 0
    except DatabaseOpenError as error:
        log.error("%s", error)
        QMessageBox.critical(
            None,
            QCoreApplication.translate("app", "pcdesk cannot open the database"),
            translated(error),
        )
        return 1
    _keep_reopening(window, url)
    window.show()
    return app.exec()


def _keep_reopening(window: MainWindow, url: str) -> None:
    """A new window replaces this one: on the database chosen with File > Open database…, or
    on the same database in the language chosen in Preferences."""

    def reopen(new_url: str) -> bool:
        try:
            replacement = build_main_window(new_url, create=new_url == url)
        except FirstStartCancelled:
            return False
        except DatabaseOpenError as error:
            log.error("%s", error)
            QMessageBox.critical(
                window,
                QCoreApplication.translate("app", "pcdesk cannot open the database"),
                translated(error),
            )
            return False
        # Shown before the old one closes, or closing the last window would quit pcdesk.
        replacement.show()
        if not window.close():  # unsaved edits the user chose to keep
            replacement.close()
            return False
        _keep_reopening(replacement, new_url)
        return True

    def switch_language(language: str) -> None:
        previous = current_language()
        install_language(language)
        if not reopen(url):  # this window stays: it keeps speaking its language until a restart
            install_language(previous)
            window.statusBar().showMessage(
                QCoreApplication.translate(
                    "app", "The new language will be used the next time pcdesk starts."
                ),
                10_000,
            )

    window.open_database_requested.connect(reopen)
    window.preferences.language_changed.connect(switch_language)
