"""The list's search: a substring of the company name, domain or Microsoft ID, through an index.

``customer.search_text`` holds the three fields folded (models/keys.py). On SQLite an FTS5 trigram
index over it (migration 0003) finds a needle of three or more characters as a phrase of its
three-character pieces.

A needle of one or two characters with one outside ASCII ("台", "公司", "ü": most Chinese,
Japanese and Korean words), on both databases, is a range of the table of pieces (migration
0012): each customer's short pieces holding such a character, in company-name order, so that
its count is the range counted and a page sorted by name is the range's next entries.

A shorter ASCII needle has no trigram of its own; but search_text pads every field's end, so each
of its occurrences starts one of the index's pieces: the vocabulary of the index gives those
pieces (a handful for "qz"), and the index finds rows holding any of them. A character, or two,
found in many of the first rows ("c", "co": most customers hold them) is broad: its pages walk
the sort index testing each row, which finds a page at once, and it is counted apart (on the
count's own thread): a character from the table of character counts (migration 0010), two from
the index's vocabulary. So is one that starts very many pieces.

On PostgreSQL the search has a narrow copy of each customer, ``customer_search_row`` (id, collation
key, search_text; migration 0011, kept by a trigger), and its indexes are on it: a pg_trgm GIN
index serves ``LIKE '%needle%'`` (a needle of three or more characters). That index only proposes
rows, each read again to test it: a narrow row is about 150 bytes where a customer's is a kilobyte.
A short ASCII needle ("c", "co") is in most rows and tested row by row along the sort index.
PostgreSQL's planner assumes the matches spread evenly along the sort index and walks it, which for
a rare needle, or one clustered at one end (Chinese names sort after all the Latin ones), discards
most of the table first. So the list plans it itself with a probe (postgresql_plans.py): one query
that walks a little of the sort index (a broad search finds its page there) and otherwise counts
the matches: sorted by company name, on the narrow rows alone (every match counted, the page sorted
there); sorted otherwise, up to ``COUNT_MATCHES_UP_TO``, a few matches are read and sorted (and
their count is the list's), many found by walking the sort index.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    LargeBinary,
    Select,
    Text,
    column,
    false,
    func,
    select,
    table,
    text,
)
from sqlalchemy.orm import Session

from pcdesk.models import Customer
from pcdesk.models.keys import search_needle

# Above this many index terms for a short needle, scanning beats merging their row lists.
MAX_SHORT_NEEDLE_TERMS = 256
# Above this many matches, testing each row while walking the list's sort index finds a page at
# once; collecting every match first would cost more than the page.
SUBSTRING_FROM_MATCHES = 100_000
# SQLite: a one-character needle held by this many of the first SAMPLE_ROWS rows is in so many
# rows that its pages walk the sort index at once; asking the index's vocabulary first would
# read the row lists of hundreds of terms (0.2 to 0.3 s for "c" at 1M).
SAMPLE_ROWS = 2_000
BROAD_IN_SAMPLE = 200
# PostgreSQL: the probe counts at most this many matches; more make a search broad.
COUNT_MATCHES_UP_TO = 20_000
_TRIGRAM = 3
_LAST_CHARACTER = "\U0010ffff"

# Both databases: each customer's short pieces holding a character outside ASCII, in company-name
# order (migration 0012): a short non-ASCII needle's matches, sorted.
SEARCH_PIECES = table(
    "customer_search_pieces",
    column("piece", Text),
    column("collation_key", LargeBinary),
    column("id", Integer),
)
# PostgreSQL: the search's narrow copy of each customer (migration 0011), which its indexes are on.
SEARCH_ROWS = table(
    "customer_search_row",
    column("id", Integer),
    column("collation_key", LargeBinary),
    column("search_text", Text),
)


def _phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _substring(needle: str) -> ColumnElement[bool]:
    return substring_test(Customer.search_text, needle)


def _holding_piece(needle: str) -> ColumnElement[bool]:
    """The customers whose search_text holds ``needle``, a piece of one or two characters with
    one outside ASCII, found exactly on the table of pieces (migration 0012)."""
    return Customer.id.in_(select(SEARCH_PIECES.c.id).where(SEARCH_PIECES.c.piece == needle))


def pieces_count(piece: str) -> Select[Any]:
    """The number of customers whose search_text holds ``piece`` (see is_piece)."""
    return select(func.count()).select_from(SEARCH_PIECES).where(SEARCH_PIECES.c.piece == piece)


def _pieces_counted(session: Session, needle: str) -> int:
    return int(session.execute(pieces_count(needle)).scalar_one())


def is_piece(needle: str) -> bool:
    """Whether ``needle`` (see search_needle) is found on the table of pieces: one or two
    characters, one of them outside ASCII."""
    return len(needle) < _TRIGRAM and not needle.isascii()


def _rows_where(test: ColumnElement[bool]) -> ColumnElement[bool]:
    """PostgreSQL: the customers whose search row passes ``test``."""
    return Customer.id.in_(select(SEARCH_ROWS.c.id).where(test))


def _matching(expression: str) -> ColumnElement[bool]:
    rows = (
        text("SELECT rowid FROM customer_search WHERE customer_search MATCH :expression")
        .bindparams(expression=expression)
        .columns(column("rowid", Integer))
    )
    return Customer.id.in_(rows)


def _characters_counted(session: Session, needle: str) -> int | None:
    """SQLite: how many customers hold the character ``needle``, when migration 0010's table
    keeps its count (printable ASCII)."""
    statement = text("SELECT customers FROM customer_search_characters WHERE character = :c")
    counted = session.execute(statement, {"c": needle}).scalar_one_or_none()
    return None if counted is None else int(counted)


def _in_many_rows(session: Session, needle: str) -> bool:
    statement = text(
        "SELECT count(*) FROM (SELECT search_text FROM customer ORDER BY id LIMIT :rows)"
        " WHERE instr(search_text, :needle) > 0"
    )
    held = session.execute(statement, {"rows": SAMPLE_ROWS, "needle": needle}).scalar_one()
    return int(held) >= BROAD_IN_SAMPLE


def _terms_starting(session: Session, needle: str) -> list[str]:
    statement = text(
        "SELECT term FROM customer_search_vocab WHERE term >= :low AND term < :high LIMIT :most"
    )
    rows = session.execute(
        statement,
        {"low": needle, "high": needle + _LAST_CHARACTER, "most": MAX_SHORT_NEEDLE_TERMS + 1},
    )
    return [row[0] for row in rows]


@dataclass(frozen=True)
class Search:
    """How to find the customers a search text names.

    ``matches`` is how many there are, when the index told (SQLite) or the probe counted them
    (PostgreSQL): the list then knows whether to sort those few itself, or to walk its sort
    index and keep the matching rows (many).
    """

    condition: ColumnElement[bool] | None
    matches: int | None = None
    # PostgreSQL: the matches are to be counted by the list's probe, up to COUNT_MATCHES_UP_TO
    probe: bool = False
    # PostgreSQL: what the substring test looks for in search_text (a page may test it apart)
    needle: str = ""
    # SQLite: the trigram index's query for the matches ("" when the search scans instead)
    expression: str = ""
    # SQLite, many matches clustered far along the sort index: read and sort them (sqlite_plans)
    sort_matches: bool = False
    # SQLite: walk the sort index keeping the matching rows, however many the matches are (a
    # short needle in most rows, or many matches spread along the index: sqlite_plans.py)
    walk: bool = False
    # SQLite: a short needle in most rows, tested row by row along the sort index; count_matches
    # counts its matches apart when ``matches`` is None
    broad_needle: str = ""
    # PostgreSQL: the test on SEARCH_ROWS that finds the matches (counted, or sorted by company
    # name, there alone: postgresql_plans.py)
    rows_test: ColumnElement[bool] | None = None
    # A needle of one or two characters with one outside ASCII, whose matches are SEARCH_PIECES'
    # entries of that piece, in company-name order (query.py pages them with ids_by_name)
    piece: str = ""


def substring_test(text: Any, needle: str) -> ColumnElement[bool]:
    """The search's substring test on ``text`` (search_text, or a subquery's copy of it)."""
    test: ColumnElement[bool] = text.contains(needle, autoescape=True)
    return test


def plan_search(session: Session | None, user_text: str, *, count_pieces: bool = True) -> Search:
    """The search for the search box's text.

    With a session on SQLite, it uses the trigram index (and may ask the index's vocabulary
    first); without one it is a portable substring test that scans. Without ``count_pieces``, a
    piece's matches are left uncounted (a first page that counts them itself).
    """
    needle = search_needle(user_text)
    if not needle:
        return Search(None)
    if session is None:
        return Search(_substring(needle))
    if is_piece(needle):
        # counted on the pieces' index at once (1 to 6 ms at a million), pages read off it
        matches = _pieces_counted(session, needle) if count_pieces else None
        return Search(_holding_piece(needle), matches, needle=needle, piece=needle)
    if session.get_bind().dialect.name != "sqlite":
        found = substring_test(SEARCH_ROWS.c.search_text, needle)
        if len(needle) < _TRIGRAM:
            # A short ASCII needle is in most rows, tested row by row: its pages walk the sort
            # index at once (query.py), and its count scans the narrow search rows apart.
            return Search(_substring(needle), needle=needle, rows_test=found)
        return Search(_rows_where(found), probe=True, needle=needle, rows_test=found)
    if len(needle) >= _TRIGRAM:
        expression = _phrase(needle)
    elif _in_many_rows(session, needle):  # (ASCII: one outside it has its pieces above)
        return _broad(session, needle)
    else:
        terms = _terms_starting(session, needle)
        if not terms:
            return Search(false(), 0)
        if len(terms) > MAX_SHORT_NEEDLE_TERMS:
            return _broad(session, needle)
        expression = _any_of(terms)
    matches = _count_matching(session, expression)
    if matches > SUBSTRING_FROM_MATCHES:
        return Search(_substring(needle), matches, expression=expression)
    return Search(_matching(expression), matches, expression=expression)


def _any_of(terms: list[str]) -> str:
    return " OR ".join(_phrase(term) for term in terms)


def _broad(session: Session, needle: str) -> Search:
    """SQLite: a short needle in most rows; one character is counted at once (migration 0010's
    table), two later (count_matches)."""
    counted = _characters_counted(session, needle) if len(needle) == 1 else None
    return Search(_substring(needle), counted, walk=True, broad_needle=needle)


def count_matches(session: Session, search: Search) -> int | None:
    """SQLite: how many customers a broad search finds (``search.broad_needle``), from the
    trigram index's vocabulary; None when it starts too many pieces to count them that way
    quicker than a scan."""
    needle = search.broad_needle
    if not needle:
        return None
    if len(needle) == 1 and (counted := _characters_counted(session, needle)) is not None:
        return counted
    terms = _terms_starting(session, needle)
    if len(terms) > MAX_SHORT_NEEDLE_TERMS:
        return None
    return _count_matching(session, _any_of(terms)) if terms else 0


def matching(search: Search) -> ColumnElement[bool]:
    """SQLite: the search's matches as the trigram index finds them."""
    return _matching(search.expression)


def sample_ids(search: Search, size: int) -> Any:
    """SQLite: the ids of ``size`` of the search's matches, the lowest ids (which say nothing of
    where a match sorts), as a subquery."""
    return (
        text(
            "SELECT rowid FROM customer_search WHERE customer_search MATCH :expression LIMIT :size"
        )
        .bindparams(expression=search.expression, size=size)
        .columns(column("rowid", Integer))
    )


def _count_matching(session: Session, expression: str) -> int:
    statement = (
        select(func.count())
        .select_from(text("customer_search"))
        .where(text("customer_search MATCH :expression").bindparams(expression=expression))
    )
    return int(session.execute(statement).scalar_one())
