"""Every modal question pcdesk asks (a message box with answers, a file to open or save) goes
through the application's one ``Prompter``, so a test answers all of them in one place
(``install_prompter``) instead of replacing a seam per dialog.

A message box is built by the caller, with its buttons, default and escape button; the prompter
shows it and returns the button the user clicked (None when the box was closed).
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QFileDialog, QMessageBox, QWidget


class Prompter:
    """Asks the user, with Qt's own modal dialogs."""

    def ask(self, box: QMessageBox) -> QAbstractButton | None:
        """Show ``box`` modally; the button clicked, or None."""
        box.exec()
        return box.clickedButton()

    def open_file(self, parent: QWidget | None, caption: str, filters: str) -> str:
        """A file to read, or "" when the user cancelled."""
        path, _ = QFileDialog.getOpenFileName(parent, caption, "", filters)
        return path

    def save_file(self, parent: QWidget | None, caption: str, suggested: str, filters: str) -> str:
        """A file to write, or "" when the user cancelled (the dialog asked about overwriting)."""
        path, _ = QFileDialog.getSaveFileName(parent, caption, suggested, filters)
        return path

    def ask_text(self, parent: QWidget | None, title: str, label: str, text: str) -> str | None:
        """A line of text the user types (a name), or None when cancelled."""
        from PySide6.QtWidgets import QInputDialog

        value, accepted = QInputDialog.getText(parent, title, label, text=text)
        return value if accepted else None

    def print_document(self, parent: QWidget | None, title: str, html: str) -> bool:
        """Print ``html`` after the system's print dialog; False when cancelled or when this
        build has no printing (``can_print``)."""
        if not can_print():
            return False
        from PySide6.QtGui import QTextDocument
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        printer.setDocName(title)
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(title)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return False
        document = QTextDocument()
        document.setHtml(html)
        document.print_(printer)
        return True


def can_print() -> bool:
    """Whether Qt's printing module is there (a bundle may leave it out)."""
    try:
        import PySide6.QtPrintSupport  # noqa: F401
    except ImportError:
        return False
    return True


_prompter: list[Prompter] = [Prompter()]


def prompter() -> Prompter:
    return _prompter[0]


def install_prompter(replacement: Prompter) -> Prompter:
    """Put ``replacement`` in place (tests); returns the one it replaced."""
    previous = _prompter[0]
    _prompter[0] = replacement
    return previous
