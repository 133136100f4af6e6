"""The bundle's entry point (PyInstaller runs this file): the ``essplanner`` command."""

import sys

from essplanner.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
