"""What an installation must be able to do beyond opening its window (``pcdesk --smoke-test``):
the data files a bundle has to carry, each tried the way pcdesk uses it."""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QLibraryInfo, QTranslator

from pcdesk.models.collation import sort_key
from pcdesk.models.revisions import head_revision, script_head_revision
from pcdesk.services.validation.contact import phone_problem
from pcdesk.services.validation.countries import country_name
from pcdesk.services.validation.language import culture_label, culture_problem


def problems() -> list[str]:
    """Empty when all is well; else one line per thing missing."""
    found: list[str] = []
    qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    pcdesk_qm = resources.files("pcdesk.resources") / "translations" / "pcdesk_zh_TW.qm"
    for path in (f"{qt_translations}/qtbase_zh_TW.qm", str(pcdesk_qm)):
        if not QTranslator().load(path):
            found.append(f"translations missing: {path}")
    catalog = resources.files("pcdesk.resources") / "catalog" / "starter-price-list.csv"
    if not catalog.is_file():
        found.append(f"starter catalog missing: {catalog}")
    if not (resources.files("pcdesk.resources") / "icons" / "pcdesk.svg").is_file():
        found.append("application icon missing")
    try:
        # Alembic reads the migration scripts from their files; their head is the one known
        if script_head_revision() != head_revision():
            found.append("migrations do not end at the schema revision pcdesk expects")
    except Exception as error:  # any failure here is the answer
        found.append(f"migrations unreadable: {error}")
    # CLDR (babel): names in the interface's languages, and any other culture code is known.
    if country_name("TW", "zh_Hant_TW") != "台灣" or country_name("DE", "en") != "Germany":
        found.append("CLDR country names missing")
    if culture_problem("de-CH") is not None or culture_label("fr-CA") == "fr-CA":
        found.append("CLDR locales missing")
    if phone_problem("02 2720 1234", "TW") is not None:  # phone number metadata
        found.append("phone number metadata missing")
    try:  # the stroke order the customer list sorts Chinese names by (台 5 strokes, 臺 14)
        if not sort_key("A") < sort_key("一") < sort_key("台") < sort_key("臺"):
            found.append("stroke order table wrong")
    except OSError:
        found.append("stroke order table missing")
    return found
