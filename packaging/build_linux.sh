#!/usr/bin/env bash
# Build pcdesk's Linux bundle from packaging/pcdesk.spec into dist/pcdesk-VERSION-linux-ARCH.tar.gz
# (the one-folder application, a .desktop file, the icon and install.sh), then smoke-test it:
# unpacked into a temporary folder, started offscreen on a new demo database and again on the
# existing one, each time it must show its main window and exit 0.
#
#   packaging/build_linux.sh              # build and smoke-test
#   packaging/build_linux.sh --smoke-only # smoke-test the tarball already in dist/
#
# Everything is installed from constraints.txt into build/bundle-venv (PYTHON picks the Python,
# python3 by default). Prints the bundle's size and its time to the main window.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
python="${PYTHON:-python3}"
arch="$(uname -m)"

build() {
  local venv="$root/build/bundle-venv"
  "$python" -m venv --clear "$venv"
  "$venv/bin/pip" install --quiet --upgrade pip
  # pcdesk itself (not editable: the bundle takes the installed package) and the freezer.
  "$venv/bin/pip" install --quiet -c constraints.txt . pyinstaller pyinstaller-hooks-contrib
  "$venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath "$root/build/dist" --workpath "$root/build/pyinstaller" packaging/pcdesk.spec
  local version
  version="$("$venv/bin/python" -c 'from importlib.metadata import version; print(version("pcdesk"))')"
  local folder="$root/build/dist/pcdesk"
  mkdir -p "$folder/share"
  cp packaging/linux/pcdesk.desktop resources/icons/pcdesk.svg packaging/icons/pcdesk-256.png \
    "$folder/share/"
  cp packaging/linux/install.sh LICENSE "$folder/"
  mkdir -p dist
  rm -f dist/pcdesk-*-linux-"$arch".tar.gz
  tar -C "$root/build/dist" -czf "dist/pcdesk-$version-linux-$arch.tar.gz" pcdesk
  echo "== built dist/pcdesk-$version-linux-$arch.tar.gz"
}

smoke() {
  local tarball
  tarball="$(ls -t dist/pcdesk-*-linux-"$arch".tar.gz | head -n 1)"
  local scratch
  scratch="$(mktemp -d)"
  trap 'rm -rf "$scratch"' RETURN
  tar -C "$scratch" -xzf "$tarball"
  local app="$scratch/pcdesk/pcdesk"
  # A fresh user: home, settings, data and log all inside the scratch folder.
  run() {
    env -u PCDESK_DATABASE_URL HOME="$scratch/home" XDG_CONFIG_HOME="$scratch/home/.config" \
      XDG_DATA_HOME="$scratch/home/.local/share" XDG_STATE_HOME="$scratch/home/.local/state" \
      XDG_CACHE_HOME="$scratch/home/.cache" QT_QPA_PLATFORM=offscreen \
      "$app" --smoke-test --database "sqlite:///$scratch/demo.sqlite3" "$@"
  }
  local output
  for attempt in new existing existing existing; do
    if [ "$attempt" = new ]; then
      output="$(run --demo 2>"$scratch/stderr")" || { cat "$scratch/stderr"; echo "smoke test FAILED ($attempt database)"; return 1; }
    else
      output="$(run 2>"$scratch/stderr")" || { cat "$scratch/stderr"; echo "smoke test FAILED ($attempt database)"; return 1; }
    fi
    echo "$attempt database: $output"
    case "$output" in
      *"main window shown"*) ;;
      *) cat "$scratch/stderr"; echo "smoke test FAILED: no main window"; return 1 ;;
    esac
  done
  # What the bundle must carry, beyond what starting proves.
  local internal="$scratch/pcdesk/_internal"
  for needed in \
    pcdesk/resources/translations/pcdesk_zh_TW.qm \
    pcdesk/resources/catalog/starter-price-list.csv \
    pcdesk/resources/collation/han_stroke_order.txt \
    pcdesk/resources/icons/pcdesk.svg \
    pcdesk/migrations/script.py.mako \
    pcdesk/migrations/env.py \
    PySide6/Qt/translations/qtbase_zh_TW.qm \
    PySide6/Qt/plugins/platforms/libqxcb.so \
    PySide6/Qt/plugins/platforms/libqwayland.so \
    PySide6/Qt/plugins/imageformats/libqsvg.so; do
    [ -e "$internal/$needed" ] || { echo "smoke test FAILED: the bundle lacks $needed"; return 1; }
  done
  ls "$internal"/pcdesk/migrations/versions/0001_*.py >/dev/null
  if ls "$internal"/PySide6/Qt/lib/libQt6{Qml,Quick,WebEngineCore,Pdf,Network}.so.* 2>/dev/null | grep -q .; then
    echo "smoke test FAILED: Qt modules pcdesk does not use are in the bundle"; return 1
  fi
  "$app" --version
  echo "bundle size on disk: $(du -sm "$scratch/pcdesk" | cut -f1) MB unpacked, $(du -m "$tarball" | cut -f1) MB as $(basename "$tarball")"
  echo "== smoke test passed"
}

case "${1:-}" in
  --smoke-only) smoke ;;
  "") build; smoke ;;
  *) echo "usage: $0 [--smoke-only]" >&2; exit 2 ;;
esac
