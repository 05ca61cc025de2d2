#!/usr/bin/env bash
# Wiederherstellung einer Sicherung von backup.sh in eine frische Instanz.
#
#   DATABASE_URL=postgres://benutzer@host:5432/kommunal_neu MEDIA_ROOT=/srv/kommunal/media \
#     scripts/restore.sh SICHERUNGSORDNER
#
# Die Datenbank muss existieren (createdb), am besten leer; vorhandene Tabellen der
# Sicherung werden ersetzt (--clean --if-exists). Danach bringt `manage.py migrate`
# das Schema auf den Stand des installierten Codes. Die Mediendateien werden in
# MEDIA_ROOT entpackt.
set -euo pipefail

fail() { echo "Wiederherstellung abgebrochen: $*" >&2; exit 1; }

source="${1:?Bitte den Sicherungsordner angeben: scripts/restore.sh SICHERUNGSORDNER}"
: "${DATABASE_URL:?DATABASE_URL fehlt, z. B. postgres://benutzer@host:5432/kommunal}"
: "${MEDIA_ROOT:?MEDIA_ROOT fehlt: der Ordner für Bilder und Dokumente}"
PYTHON="${PYTHON:-.venv/bin/python}"

for file in datenbank.dump medien.tar SHA256SUMS; do
  [ -f "$source/$file" ] || fail "In $source fehlt $file – ist das eine Sicherung von backup.sh?"
done
# Absolute paths: manage.py runs from the project folder.
source="$(cd "$source" && pwd)"
mkdir -p "$MEDIA_ROOT"
MEDIA_ROOT="$(cd "$MEDIA_ROOT" && pwd)"
cd "$(dirname "$0")/.."
(cd "$source" && sha256sum --check --quiet SHA256SUMS) ||
  fail "Die Prüfsummen stimmen nicht: Die Sicherung ist beschädigt."

# One transaction: a failing restore leaves the database as it was.
pg_restore --no-owner --no-privileges --clean --if-exists --single-transaction \
  --exit-on-error --dbname="$DATABASE_URL" "$source/datenbank.dump"
tar --extract --file="$source/medien.tar" --directory="$MEDIA_ROOT"
DATABASE_URL="$DATABASE_URL" MEDIA_ROOT="$MEDIA_ROOT" "$PYTHON" manage.py migrate --no-input

echo "Wiederhergestellt aus $source."
