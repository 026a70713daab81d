"""Keep the interface's translations up to date with the code (Qt's Linguist workflow).

    python scripts/update_translations.py                  # lupdate, report, lrelease
    python scripts/update_translations.py --todo todo.json # ...and write what is left to translate
    python scripts/update_translations.py --fill todo.json # put translations from that file in first

1. ``pyside6-lupdate`` reads every module of ``pcdesk`` and merges the strings it finds into
   ``resources/translations/pcdesk_<language>.ts``, keeping the translations already there and
   dropping strings the code no longer has.
2. The script reports, per language, how many strings are translated and lists the unfinished
   ones, then checks the translations (same ``{placeholders}``, one mnemonic where the English has
   one, the same HTML tags) and the code (calls lupdate cannot read, such as a wrapper
   around ``translate`` taking a variable).
3. ``pyside6-lrelease`` compiles each ``.ts`` into the ``.qm`` that ships next to it.

To translate new strings, run with ``--todo FILE``, fill in the ``translation`` of each entry of
FILE (a JSON list; ``numerus`` entries take one form per plural form of the language), then run
with ``--fill FILE``. Qt Linguist (``pyside6-linguist``) opens the ``.ts`` files as well.

The exit status is 1 when a string is unfinished or a check failed, so CI and scripts can tell.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "pcdesk"
TRANSLATIONS = ROOT / "resources" / "translations"
SOURCE_LANGUAGE = "en"
LANGUAGES = ("zh_TW",)

# The one place that translates a text held in a variable: a service Message's template, which
# lupdate finds where the service marks it with QT_TRANSLATE_NOOP.
DYNAMIC_OK = "i18n: dynamic"


def ts_path(language: str) -> Path:
    return TRANSLATIONS / f"pcdesk_{language}.ts"


def qm_path(ts: Path) -> Path:
    return ts.with_suffix(".qm")


def sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


# -- Qt's tools -----------------------------------------------------------------------------------


def _tool(name: str) -> str:
    """pyside6-<name> from this interpreter's environment, else from PATH."""
    here = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent))
    found = here or shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"pyside6-{name} not found: install PySide6 in this environment")
    return found


def lupdate(ts: Path, files: Sequence[Path] | None = None) -> None:
    """Merge the strings of ``files`` (default: pcdesk's modules) into ``ts``.

    Locations are not stored, so the file changes only when the strings do.
    """
    language = ts.stem.removeprefix("pcdesk_")
    command = [
        _tool("lupdate"),
        "-silent",
        "-no-obsolete",
        "-locations",
        "none",
        "-source-language",
        SOURCE_LANGUAGE,
        "-target-language",
        language,
        *(str(path) for path in (files if files is not None else sources())),
        "-ts",
        str(ts),
    ]
    subprocess.run(command, check=True, capture_output=True)


def lrelease(ts: Path, qm: Path) -> None:
    """Compile ``ts``; unfinished strings are left out, so they show in English."""
    command = [_tool("lrelease"), "-silent", "-nounfinished", str(ts), "-qm", str(qm)]
    subprocess.run(command, check=True, capture_output=True)


# -- reading and writing .ts files ----------------------------------------------------------------


@dataclass(frozen=True)
class TsMessage:
    context: str
    source: str
    comment: str
    numerus: bool
    translations: tuple[str, ...]  # one, or one per plural form
    state: str  # "" (finished), "unfinished", "vanished" or "obsolete"

    @property
    def key(self) -> tuple[str, str, str]:
        return self.context, self.source, self.comment

    @property
    def finished(self) -> bool:
        return self.state == "" and all(self.translations)


def _translation_texts(translation: ET.Element, numerus: bool) -> tuple[str, ...]:
    if numerus:
        return tuple(form.text or "" for form in translation.findall("numerusform"))
    return (translation.text or "",)


def read_ts(path: Path) -> list[TsMessage]:
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            numerus = message.get("numerus") == "yes"
            translation = message.find("translation")
            assert translation is not None, f"{path}: a message without <translation>"
            messages.append(
                TsMessage(
                    context=name,
                    source=message.findtext("source", ""),
                    comment=message.findtext("comment", ""),
                    numerus=numerus,
                    translations=_translation_texts(translation, numerus),
                    state=translation.get("type", ""),
                )
            )
    return messages


def fill_ts(path: Path, entries: Iterable[dict[str, object]]) -> int:
    """Write the translations of ``entries`` (context, source, comment, translation) into the
    .ts; an entry with an empty translation is skipped. Returns how many were filled."""
    wanted = {
        (str(e["context"]), str(e["source"]), str(e.get("comment", ""))): e["translation"]
        for e in entries
        if e.get("translation")
    }
    tree = ET.parse(path)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            key = (name, message.findtext("source", ""), message.findtext("comment", ""))
            if key not in wanted:
                continue
            translation = message.find("translation")
            assert translation is not None
            value = wanted.pop(key)
            if message.get("numerus") == "yes":
                forms = [value] if isinstance(value, str) else list(value)  # type: ignore[call-overload]
                for form in list(translation):
                    translation.remove(form)
                translation.text = None
                for text in forms:
                    ET.SubElement(translation, "numerusform").text = str(text)
            else:
                translation.text = str(value)
            translation.attrib.pop("type", None)
            filled += 1
    for context_name, source, _ in wanted:
        print(f"  not in {path.name} (changed or gone from the code?): {context_name}: {source!r}")
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return filled


def todo_entries(messages: Iterable[TsMessage]) -> list[dict[str, object]]:
    entries: list[dict[str, object]] = []
    for message in messages:
        if message.finished:
            continue
        entry: dict[str, object] = {"context": message.context, "source": message.source}
        if message.comment:
            entry["comment"] = message.comment
        if message.numerus:
            entry["numerus"] = True
        entry["translation"] = ""
        entries.append(entry)
    return entries


# -- checks ---------------------------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_QT_ARG = re.compile(r"%L?n|%\d")
_TAG = re.compile(r"</?([a-zA-Z]+)")


def _mnemonics(text: str) -> int:
    return len(re.findall(r"&(?!&)\S", text.replace("&&", "")))


def translation_problems(messages: Iterable[TsMessage]) -> list[str]:
    """Translations that would break the interface: a placeholder lost or invented, a mnemonic
    lost, a tag dropped."""
    problems = []
    for message in messages:
        for text in message.translations:
            if not text:
                continue
            where = f"{message.context}: {message.source!r} → {text!r}"
            if sorted(_PLACEHOLDER.findall(text)) != sorted(_PLACEHOLDER.findall(message.source)):
                problems.append(f"{where}: placeholders differ")
            if sorted(_QT_ARG.findall(text)) != sorted(_QT_ARG.findall(message.source)):
                problems.append(f"{where}: %n / %1 arguments differ")
            if min(_mnemonics(message.source), 1) != min(_mnemonics(text), 1) or (
                _mnemonics(text) > 1
            ):
                problems.append(f"{where}: the mnemonic (&) is lost or doubled")
            if sorted(_TAG.findall(text)) != sorted(_TAG.findall(message.source)):
                problems.append(f"{where}: HTML tags differ")
    return problems


_TRANSLATING = {"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"}


def _literal(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def unreadable_calls(files: Iterable[Path]) -> list[str]:
    """Calls that translate a text lupdate cannot see (a variable, an f-string, a wrapper's
    parameter): their strings never reach the .ts and stay English. A call whose line says
    ``# i18n: dynamic`` is one that translates texts marked elsewhere."""
    found = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        for node in ast.walk(ast.parse(text, str(path))):
            if not isinstance(node, ast.Call):
                continue
            function = node.func
            name = function.attr if isinstance(function, ast.Attribute) else None
            if isinstance(function, ast.Name):
                name = function.id
            if name not in _TRANSLATING or not node.args:
                continue
            if name == "translate" and not (
                isinstance(function, ast.Attribute)
                and isinstance(function.value, ast.Name)
                and function.value.id.endswith("Application")
            ):
                continue  # str.translate and the like
            wanted = node.args[:2] if name in ("translate", "QT_TRANSLATE_NOOP") else node.args[:1]
            if all(_literal(arg) for arg in wanted):
                continue
            if DYNAMIC_OK in lines[node.lineno - 1]:
                continue
            found.append(
                f"{path.relative_to(ROOT)}:{node.lineno}: {lines[node.lineno - 1].strip()}"
            )
    return found


# -- the whole update -----------------------------------------------------------------------------


@dataclass
class Report:
    language: str
    finished: int = 0
    unfinished: list[TsMessage] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def update(language: str, *, fill: Path | None = None, todo: Path | None = None) -> Report:
    ts = ts_path(language)
    ts.parent.mkdir(parents=True, exist_ok=True)
    lupdate(ts)
    if fill is not None:
        entries = json.loads(fill.read_text(encoding="utf-8"))
        print(f"{ts.name}: {fill_ts(ts, entries)} translations filled in from {fill}")
        lupdate(ts)  # back to lupdate's own layout
    messages = read_ts(ts)
    report = Report(language)
    report.finished = sum(message.finished for message in messages)
    report.unfinished = [message for message in messages if not message.finished]
    report.problems = translation_problems(messages)
    if todo is not None:
        todo.write_text(
            json.dumps(todo_entries(messages), ensure_ascii=False, indent=2) + "\n",
            encoding="utf-8",
        )
    lrelease(ts, qm_path(ts))
    return report


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fill", type=Path, help="a JSON file of translations to put in first")
    parser.add_argument("--todo", type=Path, help="write the unfinished strings to this JSON file")
    parser.add_argument("--language", choices=LANGUAGES, action="append")
    args = parser.parse_args(argv)
    failed = False
    unreadable = unreadable_calls(sources())
    if unreadable:
        failed = True
        print("Strings lupdate cannot read (use string literals in tr/translate calls):")
        for line in unreadable:
            print("  " + line)
    for language in args.language or LANGUAGES:
        report = update(language, fill=args.fill, todo=args.todo)
        total = report.finished + len(report.unfinished)
        print(
            f"{ts_path(language).relative_to(ROOT)}: {report.finished} of {total} strings "
            f"translated, {len(report.unfinished)} unfinished"
        )
        for message in report.unfinished:
            print(f"  unfinished: {message.context}: {message.source!r}")
        for problem in report.problems:
            print(f"  check: {problem}")
        if args.todo is not None and report.unfinished:
            print(f"  the unfinished strings are in {args.todo}: fill them in, then run --fill")
        failed = failed or bool(report.unfinished or report.problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
