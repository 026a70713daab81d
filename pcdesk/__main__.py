"""``python -m pcdesk``: the same as the ``pcdesk`` command."""

import sys

from pcdesk.app import main

sys.exit(main())
