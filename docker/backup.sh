#!/usr/bin/env bash
# Backs up the study-buddy database: pg_dump (custom format) inside the running postgres container, while the bots
# keep running (pg_dump reads one consistent snapshot). Writes backups/studybuddy-<UTC time>.dump, or the file named.
#   docker/backup.sh [OUTPUT.dump]
# Uses the same compose file and docker/.env as `docker compose -f docker/compose.yaml ...`.
set -Eeuo pipefail
cd "$(dirname "$0")/.."
if docker compose version >/dev/null 2>&1; then COMPOSE=(docker compose); else COMPOSE=(docker-compose); fi
# STUDYBUDDY_ENV_FILE: another settings file than docker/.env (COMPOSE_PROJECT_NAME picks another project)
env_args=(); [ -z "${STUDYBUDDY_ENV_FILE:-}" ] || env_args=(--env-file "$STUDYBUDDY_ENV_FILE")
dc() { "${COMPOSE[@]}" "${env_args[@]}" -f docker/compose.yaml "$@"; }

out=${1:-backups/studybuddy-$(date -u +%Y%m%d-%H%M%S).dump}
mkdir -p "$(dirname "$out")"
tmp="$out.partial"
# -Fc: compressed, restorable table by table with pg_restore; written to a temporary name first so that a failed
# dump never looks like a good one
dc exec -T postgres pg_dump -U studybuddy -d studybuddy -Fc >"$tmp"
mv "$tmp" "$out"
chmod 600 "$out"
echo "backup written: $out ($(du -h "$out" | cut -f1))"
