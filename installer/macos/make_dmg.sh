#!/bin/sh
# Make a .dmg from the app bundle on macOS. Build first: make dist (PyInstaller writes
# dist/Pursuit.app), then: sh installer/macos/make_dmg.sh
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
version=$(cd "$root" && python3 -c "import desktop; print(desktop.__version__)")
app="$root/dist/Pursuit.app"
dmg="$root/dist/pursuit-$version-macos.dmg"
[ -d "$app" ] || { echo "no $app: run make dist first" >&2; exit 1; }
staging=$(mktemp -d)
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
rm -f "$dmg"
hdiutil create -volname "Pursuit $version" -srcfolder "$staging" -ov -format UDZO "$dmg"
rm -rf "$staging"
echo "wrote $dmg"
