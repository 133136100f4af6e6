"""Shift the clock of a test's child processes like the test process's (see shifted.py).

Only on sys.path when ``ESSPLANNER_TEST_SHIFT`` is set: ``make test`` runs the fast suite again
with the whole clock moved to other dates, child processes (``essplanner service`` and
friends) included, so that no test passes only on the day it runs.
"""

import os

_shift = os.environ.get("ESSPLANNER_TEST_SHIFT")
if _shift:
    from essplanner_test_shift import travel

    travel(float(_shift))
