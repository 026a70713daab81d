"""The bundle's entry point: the same as the ``pcdesk`` command (pcdesk.app:main)."""

import sys

from pcdesk.app import main

if __name__ == "__main__":
    sys.exit(main())
