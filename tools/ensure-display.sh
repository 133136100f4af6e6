#!/usr/bin/env bash
# Start the desktop app; with no display at all, say how to get one rather than
# letting Qt abort with a misleading xcb message (recipes/STACK.md §2).
set -euo pipefail
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  if command -v xvfb-run >/dev/null 2>&1; then
    echo "make run: no display found; starting the app on a virtual X display (xvfb-run)." >&2
    echo "          Set DISPLAY to see it on your screen." >&2
    exec xvfb-run -a -s "-screen 0 1280x800x24" "$@"
  fi
  echo "make run: no display (DISPLAY/WAYLAND_DISPLAY unset). Run it from a desktop session," >&2
  echo "          or install xvfb (apt-get install xvfb) to run it on a virtual display." >&2
  exit 1
fi
exec "$@"
