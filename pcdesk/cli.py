"""pcdesk's headless commands: ``pcdesk-cli sync [--database URL]``, ``pcdesk-cli
send-pending [--database URL]`` (the outbox: Pending changes, sent in order, each once) and
``pcdesk-cli reorder-search [--database URL]`` (PostgreSQL's search rows back in name order).

Exit codes: 0 done; 1 Partner Center or the database failed (the message says why, on standard
error); 2 wrong usage or a database that cannot be opened; 3 not signed in or not set up; 130
interrupted (the next sync resumes).
"""

from __future__ import annotations

import argparse
import logging
import sys

from pcdesk import config
from pcdesk.errors import Unavailable
from pcdesk.models.database import Database, DatabaseOpenError, open_database
from pcdesk.partner_center.errors import (
    NotConfigured,
    PartnerCenterError,
    SignInRequired,
    SyncCancelled,
)

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_SIGN_IN = 3
EXIT_INTERRUPTED = 130


def _open(args: argparse.Namespace) -> Database | None:
    """The database named by --database (else pcdesk's); None, having said why, if it cannot
    be opened."""
    try:
        return open_database(config.database_url(args.database))
    except DatabaseOpenError as exc:
        print(f"pcdesk-cli: {exc.message}", file=sys.stderr)
        return None


def _sync(args: argparse.Namespace) -> int:
    from pcdesk.partner_center.connection import connect
    from pcdesk.partner_center.sync import SyncProgress, sync

    db = _open(args)
    if db is None:
        return EXIT_USAGE
    try:
        with connect(db) as client:

            def progress(step: SyncProgress) -> None:
                if args.verbose:
                    total = f"/{step.total}" if step.total is not None else ""
                    print(f"{step.phase}: {step.done}{total}", file=sys.stderr)

            summary = sync(db, client, progress=progress, full=args.full)
        print(summary.message())
        return EXIT_OK
    except (NotConfigured, SignInRequired) as exc:
        print(f"pcdesk-cli: {exc.message}", file=sys.stderr)
        return EXIT_SIGN_IN
    except PartnerCenterError as exc:
        print(f"pcdesk-cli: {exc.message}", file=sys.stderr)
        return EXIT_FAILED
    except Unavailable as exc:
        print(f"pcdesk-cli: {exc.message}", file=sys.stderr)
        return EXIT_FAILED
    except (KeyboardInterrupt, SyncCancelled):
        print(
            "pcdesk-cli: interrupted; the next sync resumes where this one stopped.",
            file=sys.stderr,
        )
        return EXIT_INTERRUPTED
    finally:
        db.dispose()


def _send_pending(args: argparse.Namespace) -> int:
    from pcdesk.partner_center.connection import connect
    from pcdesk.partner_center.outbox import send_pending

    db = _open(args)
    if db is None:
        return EXIT_USAGE
    try:
        with connect(db) as client:
            summary = send_pending(db, client)
        print(summary.message())
        for found in summary.credentials:  # shown once, here only: stored nowhere
            print(f"{found.domain}: {found.admin_user} {found.password}")
        return EXIT_FAILED if summary.failed or summary.stopped is not None else EXIT_OK
    except (NotConfigured, SignInRequired) as exc:
        print(f"pcdesk-cli: {exc.message}", file=sys.stderr)
        return EXIT_SIGN_IN
    except (PartnerCenterError, Unavailable) as exc:
        print(f"pcdesk-cli: {exc.message}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("pcdesk-cli: interrupted; what was being sent is sent again, once.", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        db.dispose()


def _reorder_search(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import DBAPIError

    from pcdesk.services.customer_list.search_rows_order import reorder_search_rows

    db = _open(args)
    if db is None:
        return EXIT_USAGE
    try:
        done = reorder_search_rows(db)
    except DBAPIError as exc:  # e.g. a user who does not own the tables
        print(f"pcdesk-cli: the database refused: {exc.orig}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        db.dispose()
    if done is None:
        print("SQLite keeps its search in its own index: nothing to reorder.")
        return EXIT_OK
    before = "unknown" if done.in_order_before is None else f"{done.in_order_before:.2f}"
    print(
        f"{done.rows:,} search rows written again in company-name order in {done.seconds:.1f} s"
        f" (their order before, as PostgreSQL's statistics saw it: {before}; 1.00 is in order)."
    )
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="pcdesk-cli", description="pcdesk without its window.")
    commands = parser.add_subparsers(dest="command", required=True)
    sync_parser = commands.add_parser(
        "sync",
        help="bring the database in step with Partner Center",
        description="Bring the database in step with Partner Center. Signs in with "
        "PCDESK_PARTNER_CENTER_TOKEN, or the account signed in to pcdesk; "
        "PCDESK_PARTNER_CENTER_API replaces the API address.",
    )
    sync_parser.add_argument("--database", metavar="URL", help="database URL (default: as pcdesk)")
    sync_parser.add_argument("--full", action="store_true", help="list everything again")
    sync_parser.add_argument("-v", "--verbose", action="store_true", help="show progress")
    send_parser = commands.add_parser(
        "send-pending",
        help="send the pending changes (the outbox) to Partner Center",
        description="Send the changes waiting for Partner Center, in order, each with the "
        "request ID it was given when queued (a change interrupted while being sent is sent "
        "again with it, and Partner Center replays it instead of doing it twice).",
    )
    send_parser.add_argument("--database", metavar="URL", help="database URL (default: as pcdesk)")
    reorder_parser = commands.add_parser(
        "reorder-search",
        help="PostgreSQL: write the search's rows again in company-name order",
        description="PostgreSQL: write the search's rows again in company-name order, as "
        "migration 0013 did, so that a search's matches share pages again after many writes. "
        "The table is locked meanwhile (about 30 s at a million customers): run it when nobody "
        "is searching. Needs a user who owns pcdesk's tables.",
    )
    reorder_parser.add_argument(
        "--database", metavar="URL", help="database URL (default: as pcdesk)"
    )
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if args.command == "sync":
        return _sync(args)
    if args.command == "send-pending":
        return _send_pending(args)
    if args.command == "reorder-search":
        return _reorder_search(args)
    return EXIT_USAGE  # pragma: no cover - argparse requires a command


if __name__ == "__main__":
    sys.exit(main())
