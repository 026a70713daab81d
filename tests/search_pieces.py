"""The table of short search pieces (migration 0012) against what the customers' search_text
says it must hold: shared by the tests of every way customers are written."""

from __future__ import annotations

from sqlalchemy import Connection, Engine, text

from pcdesk.models.keys import search_pieces


def kept_pieces(connection: Connection) -> set[tuple[str, bytes, int]]:
    found = connection.execute(text("SELECT piece, collation_key, id FROM customer_search_pieces"))
    return {(str(piece), bytes(key), int(i)) for piece, key, i in found}


def expected_pieces(connection: Connection) -> set[tuple[str, bytes, int]]:
    found = connection.execute(text("SELECT id, collation_key, search_text FROM customer"))
    return {
        (piece, bytes(key), int(i))
        for i, key, searched in found
        for piece in search_pieces(str(searched))
    }


def pieces_are_current(engine: Engine) -> bool:
    """Every customer's pieces are in the table, and nothing else is."""
    with engine.connect() as connection:
        return kept_pieces(connection) == expected_pieces(connection)
