#!/usr/bin/env bash
# Make sure Debian's Chromium is present for the browser tests; never download a browser from elsewhere.
set -euo pipefail
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Instalando Chromium de Debian para las pruebas de navegador…"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Falta Chromium ($CHROMIUM), necesario para las pruebas de navegador." >&2
echo "Instálelo con: sudo apt-get install -y chromium   (o indique otra ruta con CHROMIUM=/ruta/al/chromium)" >&2
exit 1
