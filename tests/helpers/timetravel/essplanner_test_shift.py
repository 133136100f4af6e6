"""Move this process's wall clock by a fixed number of seconds, with time-machine.

The clock keeps ticking (``tick=True``); monotonic clocks, sleeps and waits are untouched,
which is why this uses time-machine and not libfaketime.
"""

from __future__ import annotations

import time

_active: list[object] = []


def travel(shift_seconds: float) -> None:
    import time_machine

    if _active:
        return
    traveller = time_machine.travel(time.time() + shift_seconds, tick=True)
    traveller.start()
    _active.append(traveller)
