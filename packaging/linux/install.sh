#!/bin/sh
# Install this pcdesk for you alone (no root): the program in ~/.local/opt/pcdesk, a menu entry
# and its icon under ~/.local/share. Run it again from a newer download to update; your data
# (~/.local/share/pcdesk) is never touched. ./install.sh --uninstall removes the program.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
prefix="${XDG_DATA_HOME:-$HOME/.local/share}"
target="$HOME/.local/opt/pcdesk"

uninstall() {
  rm -rf "$target"
  rm -f "$prefix/applications/pcdesk.desktop" \
    "$prefix/icons/hicolor/scalable/apps/pcdesk.svg" \
    "$prefix/icons/hicolor/256x256/apps/pcdesk.png"
  echo "pcdesk removed (your data in $prefix/pcdesk was left in place)."
}

if [ "${1:-}" = "--uninstall" ]; then
  uninstall
  exit 0
fi

if [ "$here" != "$target" ]; then
  rm -rf "$target.new"
  mkdir -p "$(dirname "$target")"
  cp -R "$here" "$target.new"
  rm -rf "$target"
  mv "$target.new" "$target"
fi
mkdir -p "$prefix/applications" "$prefix/icons/hicolor/scalable/apps" "$prefix/icons/hicolor/256x256/apps"
cp "$target/share/pcdesk.svg" "$prefix/icons/hicolor/scalable/apps/pcdesk.svg"
cp "$target/share/pcdesk-256.png" "$prefix/icons/hicolor/256x256/apps/pcdesk.png"
sed "s|^Exec=pcdesk|Exec=\"$target/pcdesk\"|" "$target/share/pcdesk.desktop" \
  > "$prefix/applications/pcdesk.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database "$prefix/applications" || true
echo "pcdesk installed in $target; it is in your applications menu."
"$target/pcdesk" --check-libraries || true
