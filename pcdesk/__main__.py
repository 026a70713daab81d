"""``python -m pcdesk``: the same as the ``pcdesk`` command."""

import sys

from pcdesk.start import main

sys.exit(main())
