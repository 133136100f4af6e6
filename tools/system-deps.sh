#!/usr/bin/env bash
# Install (as root, with apt-get) or name (otherwise) the Debian packages that
# `make run` and `make test` need. Lists from ../shared/recipes/STACK.md §2 and §5.
# Usage: tools/system-deps.sh run|test
set -euo pipefail
what="${1:-run}"

# Qt under offscreen and on X11/Xvfb (xcb), and a font so text is not drawn as boxes.
pkgs=(libgl1 libegl1 libfontconfig1 libxkbcommon0 libdbus-1-3 libglib2.0-0
      libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
      libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 fonts-dejavu-core)
# A python able to create virtual environments (Debian splits ensurepip out).
if ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then pkgs+=(python3-venv); fi
if [ "$what" = test ]; then
  # Xvfb for real-window screenshots, a real Secret Service for keyring tests,
  # PostgreSQL for team mode, poppler for checking PDF reports,
  # node/npm and a C++ toolchain for Bluesky's reference PDS, the validators of the
  # launcher and of the AppStream metadata.
  pkgs+=(xvfb gnome-keyring dbus-x11 dbus postgresql poppler-utils make g++
         desktop-file-utils appstream)
  command -v node >/dev/null 2>&1 || pkgs+=(nodejs)
  command -v npm >/dev/null 2>&1 || pkgs+=(npm)
fi

missing=()
for p in "${pkgs[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "system-deps: not a Debian-like system; install the equivalents of: ${missing[*]}" >&2
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "system-deps: missing Debian packages. Run:" >&2
  echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
