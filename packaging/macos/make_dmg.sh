#!/usr/bin/env bash
# Put build/dist/pcdesk.app (packaging/pcdesk.spec on macOS) into dist/pcdesk-VERSION-macos-ARCH.dmg,
# beside a link to /Applications so the user drags it there. Signing, if any, happens before.
#   packaging/macos/make_dmg.sh VERSION
set -euo pipefail
cd "$(dirname "$0")/../.."
version="$1"
arch="$(uname -m)"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
cp -R build/dist/pcdesk.app "$stage/"
ln -s /Applications "$stage/Applications"
mkdir -p dist
hdiutil create -volname "pcdesk $version" -srcfolder "$stage" -ov -format UDZO \
  "dist/pcdesk-$version-macos-$arch.dmg"
echo "dist/pcdesk-$version-macos-$arch.dmg"
