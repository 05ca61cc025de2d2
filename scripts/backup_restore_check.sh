#!/usr/bin/env bash
# Beweist Sicherung und Wiederherstellung auf dieser Maschine (make backup-check):
# Wegwerf-Datenbank auf 127.0.0.1:5432 (Benutzer postgres, trust) anlegen, migrieren,
# Demo laden, eine Testdatei in den Medienordner legen, sichern, in eine zweite frische
# Datenbank mit leerem Medienordner wiederherstellen und vergleichen: Zeilen je Tabelle,
# Mediendateien und ein Inhalts-Export (export_site). Endet bei jeder Abweichung mit
# einem Fehler. Die Datenbanken werden am Ende gelöscht.
set -euo pipefail

cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-.venv/bin/python}"
PG_HOST="${PG_HOST:-127.0.0.1}"
PG_PORT="${PG_PORT:-5432}"
PG="-h $PG_HOST -p $PG_PORT -U postgres"
suffix="$(date -u +%Y%m%d%H%M%S)_$$"
source_db="ks_sicherung_quelle_$suffix"
target_db="ks_sicherung_ziel_$suffix"
work="$(mktemp -d)"
export DJANGO_ENV=dev

cleanup() {
  # shellcheck disable=SC2086
  dropdb $PG --if-exists "$source_db" || true
  # shellcheck disable=SC2086
  dropdb $PG --if-exists "$target_db" || true
  rm -rf "$work"
}
trap cleanup EXIT

url() { echo "postgres://postgres@$PG_HOST:$PG_PORT/$1"; }

# Row counts of every table, one "table count" line each.
row_counts() {
  # shellcheck disable=SC2086
  psql $PG -d "$1" -At -F ' ' -c "
    SELECT table_name,
           (xpath('/row/c/text()', query_to_xml(
              format('SELECT count(*) AS c FROM public.%I', table_name), false, true, '')))[1]
    FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
    ORDER BY table_name"
}

media_list() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum); }

echo "== Quelle: $source_db anlegen, migrieren, Demo laden"
# shellcheck disable=SC2086
createdb $PG "$source_db"
mkdir -p "$work/medien-quelle/documents"
export DATABASE_URL MEDIA_ROOT
DATABASE_URL="$(url "$source_db")"
MEDIA_ROOT="$work/medien-quelle"
"$PYTHON" manage.py migrate --no-input -v 0
"$PYTHON" manage.py load_demo >/dev/null
printf 'Prüfdatei für die Sicherung – %s\n' "$suffix" >"$MEDIA_ROOT/documents/pruefdatei.txt"
cp LICENSE "$MEDIA_ROOT/documents/lizenz.txt"

echo "== Sichern"
scripts/backup.sh "$work/sicherung"

echo "== Ziel: frische Datenbank $target_db und leerer Medienordner, wiederherstellen"
# shellcheck disable=SC2086
createdb $PG "$target_db"
DATABASE_URL="$(url "$target_db")"
MEDIA_ROOT="$work/medien-ziel"
scripts/restore.sh "$work/sicherung"

echo "== Vergleich"
status=0
row_counts "$source_db" >"$work/zeilen-quelle.txt"
row_counts "$target_db" >"$work/zeilen-ziel.txt"
if diff -u "$work/zeilen-quelle.txt" "$work/zeilen-ziel.txt"; then
  echo "Zeilen je Tabelle gleich ($(wc -l <"$work/zeilen-quelle.txt") Tabellen)."
else
  echo "FEHLER: Die Zeilenzahlen weichen ab." >&2
  status=1
fi
for table in wagtailcore_page wagtailcore_revision versions_version rounds_commentround \
  rounds_comment members_organisation auth_user; do
  grep "^$table " "$work/zeilen-ziel.txt" || { echo "FEHLER: Tabelle $table fehlt." >&2; status=1; }
done
if diff -u <(media_list "$work/medien-quelle") <(media_list "$work/medien-ziel"); then
  echo "Mediendateien gleich ($(find "$work/medien-ziel" -type f | wc -l) Dateien)."
else
  echo "FEHLER: Die Mediendateien weichen ab." >&2
  status=1
fi
DATABASE_URL="$(url "$source_db")" MEDIA_ROOT="$work/medien-quelle" \
  "$PYTHON" manage.py export_site "$work/export-quelle" >/dev/null
DATABASE_URL="$(url "$target_db")" MEDIA_ROOT="$work/medien-ziel" \
  "$PYTHON" manage.py export_site "$work/export-ziel" >/dev/null
if diff -r --exclude=manifest.json "$work/export-quelle" "$work/export-ziel" >/dev/null; then
  echo "Inhalts-Export gleich ($(find "$work/export-ziel" -type f | wc -l) Dateien)."
else
  echo "FEHLER: Der Inhalts-Export der Wiederherstellung weicht ab." >&2
  status=1
fi

if [ "$status" -eq 0 ]; then
  echo "Sicherung und Wiederherstellung geprüft: nichts verloren."
fi
exit "$status"
