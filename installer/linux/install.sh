#!/bin/sh
# Install Pursuit for the current user from the unpacked folder: a launcher and a menu entry.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix=${PREFIX:-$HOME/.local}
mkdir -p "$prefix/bin" "$prefix/share/applications" "$prefix/share/icons/hicolor/256x256/apps"
ln -sf "$here/pursuit" "$prefix/bin/pursuit"
cp "$here/pursuit.png" "$prefix/share/icons/hicolor/256x256/apps/pursuit.png"
sed "s|^Exec=pursuit|Exec=$here/pursuit|" "$here/pursuit.desktop" \
  > "$prefix/share/applications/pursuit.desktop"
echo "Pursuit installed: run 'pursuit' or find it in your applications menu."
