"""``python -m helpers.report``: build the HTML report of a corpus (see ``helpers.report.build``)."""

import sys

from .build import main

sys.exit(main())
