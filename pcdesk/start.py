"""The ``pcdesk`` command's first code (also ``python -m pcdesk`` and the bundle's launcher).

Python's cyclic garbage collector is turned off before pcdesk imports anything. Start-up builds
about 130,000 objects that live as long as the application (SQLAlchemy's and Qt's classes, the
models' mappings, the window), and the collector, run by allocation counts, would traverse them
over and over while they are being made: about 40 ms of a 440 ms start. It was to be turned off
anyway, once the application runs (views/common/gui_gc.py collects on the GUI thread), and the
objects start-up made are set aside from every later collection once the window is painted
(``gui_gc.set_aside_startup_objects``).
"""

from __future__ import annotations

import gc


def main() -> int:
    gc.disable()
    from pcdesk.app import main as run_application

    return run_application()
