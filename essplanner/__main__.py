"""Allow ``python -m essplanner``."""

import sys

from essplanner.cli import main

sys.exit(main())
