#!/bin/sh
# Installs what the test suite needs from outside Python, when it is missing:
# Debian's chromium (the HTML report's browser tests), a Chinese font for it (the
# Chinese report's screenshots), neovim (the language server's real-editor
# test), and what code-server's npm install builds against plus ripgrep (the VS
# Code extension's end-to-end test). Uses sudo when not run as root.
set -eu
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v nvim >/dev/null 2>&1 || missing="$missing neovim"
[ -n "$(fc-list :lang=zh 2>/dev/null)" ] || missing="$missing fonts-wqy-microhei"
command -v rg >/dev/null 2>&1 || missing="$missing ripgrep"
for package in libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config; do
    dpkg -s "$package" >/dev/null 2>&1 || missing="$missing $package"
done
[ -z "$missing" ] && exit 0
as_root=""
[ "$(id -u)" -eq 0 ] || as_root="sudo"
echo "installing Debian packages:$missing" >&2
$as_root apt-get update -qq
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq $missing >/dev/null
