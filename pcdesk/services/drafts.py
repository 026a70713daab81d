"""The Add customer wizard's draft: what a user typed, kept on disk until it is added or discarded.

One draft per database, so a draft typed against the team's server is not offered on the laptop's
own file. The file is replaced atomically: a crash while saving leaves the previous draft whole.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pcdesk.models.database import redact

log = logging.getLogger(__name__)

DRAFT_VERSION = 1


@dataclass(frozen=True)
class Draft:
    saved_at: dt.datetime  # UTC
    values: dict[str, Any]


class DraftStore:
    """The draft of the Add customer wizard for the database at ``database_url``."""

    def __init__(self, folder: Path, database_url: str) -> None:
        # The password is not part of which database it is, and must not end up in a file name.
        digest = hashlib.sha256(redact(database_url).encode("utf-8")).hexdigest()[:16]
        self.path = folder / f"add-customer-{digest}.json"

    @property
    def exists(self) -> bool:
        return self.path.is_file()

    def save(self, values: Mapping[str, Any]) -> None:
        """Write ``values`` (JSON types only) in place of any previous draft.

        Raises TypeError for a value JSON cannot hold and OSError when the file cannot be
        written; the previous draft is then left as it was.
        """
        document = {
            "version": DRAFT_VERSION,
            "saved_at": dt.datetime.now(dt.UTC).isoformat(),
            "values": dict(values),
        }
        text = json.dumps(document, ensure_ascii=False, indent=2)  # before touching the disk
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # The temporary file sits in the same folder: a rename is atomic only within one volume.
        handle, temporary = tempfile.mkstemp(
            prefix=f".{self.path.stem}-", suffix=".tmp", dir=self.path.parent
        )
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(text)
                file.flush()
                os.fsync(file.fileno())
            Path(temporary).replace(self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def load(self) -> Draft | None:
        """The saved draft, or None when there is none or it cannot be used (never raises)."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError) as exc:
            log.warning("cannot read the draft %s: %s", self.path, exc)
            return None
        try:
            document = json.loads(text)
        except ValueError as exc:
            log.warning("the draft %s is not valid JSON: %s", self.path, exc)
            return None
        draft = _draft(document)
        if draft is None:
            log.warning("the draft %s is not a version %d draft; ignored", self.path, DRAFT_VERSION)
        return draft

    def discard(self) -> None:
        """Delete the draft; nothing happens when there is none."""
        self.path.unlink(missing_ok=True)


def _draft(document: object) -> Draft | None:
    if not isinstance(document, dict):
        return None
    version = document.get("version")
    if type(version) is not int or version != DRAFT_VERSION:  # not bool: JSON's true == 1
        return None
    saved_at, values = document.get("saved_at"), document.get("values")
    if not isinstance(saved_at, str) or not isinstance(values, dict):
        return None
    try:
        moment = dt.datetime.fromisoformat(saved_at)
    except ValueError:
        return None
    if moment.tzinfo is None:
        return None
    return Draft(saved_at=moment.astimezone(dt.UTC), values=values)
