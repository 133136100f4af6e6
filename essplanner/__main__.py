"""Allow ``python -m essplanner``."""

import sys

from essplanner.cli.main import main

sys.exit(main())
