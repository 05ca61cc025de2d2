#!/usr/bin/env bash
# Sicherung von Kommunal souverän: PostgreSQL-Datenbank und Medienordner.
#
#   DATABASE_URL=postgres://benutzer@host:5432/kommunal MEDIA_ROOT=/srv/kommunal/media \
#     scripts/backup.sh [ZIELORDNER]
#
# Schreibt in ZIELORDNER (Standard: backups/<Zeitstempel in UTC>):
#   datenbank.dump  pg_dump im Custom-Format (komprimiert, für pg_restore)
#   medien.tar      alle Dateien aus MEDIA_ROOT (Bilder, Dokumente)
#   SHA256SUMS      Prüfsummen beider Dateien; restore.sh prüft sie vor dem Einspielen
set -euo pipefail

fail() { echo "Sicherung abgebrochen: $*" >&2; exit 1; }

: "${DATABASE_URL:?DATABASE_URL fehlt, z. B. postgres://benutzer@host:5432/kommunal}"
: "${MEDIA_ROOT:?MEDIA_ROOT fehlt: der Ordner mit Bildern und Dokumenten}"
case "$DATABASE_URL" in
  postgres://* | postgresql://*) ;;
  *) fail "DATABASE_URL muss auf PostgreSQL zeigen (postgres://…); SQLite sichert man als Datei." ;;
esac
[ -d "$MEDIA_ROOT" ] || fail "Den Medienordner $MEDIA_ROOT gibt es nicht."

target="${1:-backups/$(date -u +%Y%m%dT%H%M%SZ)}"
[ ! -e "$target" ] || [ -z "$(ls -A "$target")" ] || fail "Der Zielordner $target ist nicht leer."
mkdir -p "$target"

# Custom format: compressed, restorable table by table, independent of the owner.
pg_dump --format=custom --no-owner --no-privileges --file="$target/datenbank.dump" \
  --dbname="$DATABASE_URL"
tar --create --file="$target/medien.tar" --directory="$MEDIA_ROOT" .
(cd "$target" && sha256sum datenbank.dump medien.tar >SHA256SUMS)

echo "Sicherung geschrieben: $target"
ls -l "$target"
