"""The bundle's entry point: the same as the ``pcdesk`` command (pcdesk.start:main)."""

import sys

from pcdesk.start import main

if __name__ == "__main__":
    sys.exit(main())
