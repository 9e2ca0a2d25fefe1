#!/usr/bin/env bash
# Restores the study-buddy database from a dump made by docker/backup.sh: stops the bots, replaces the database's
# contents with the dump (pg_restore --clean --if-exists, in one transaction: on any error nothing changes), and
# starts the bots of COMPOSE_PROFILES again.
#   docker/restore.sh BACKUP.dump
set -Eeuo pipefail
cd "$(dirname "$0")/.."
if docker compose version >/dev/null 2>&1; then COMPOSE=(docker compose); else COMPOSE=(docker-compose); fi
# STUDYBUDDY_ENV_FILE: another settings file than docker/.env (COMPOSE_PROJECT_NAME picks another project)
env_args=(); [ -z "${STUDYBUDDY_ENV_FILE:-}" ] || env_args=(--env-file "$STUDYBUDDY_ENV_FILE")
dc() { "${COMPOSE[@]}" "${env_args[@]}" -f docker/compose.yaml "$@"; }

dump=${1:?usage: docker/restore.sh BACKUP.dump}
[ -s "$dump" ] || { echo "no such backup: $dump" >&2; exit 1; }

echo "stopping the bots"
dc stop telegram discord 2>/dev/null || true
dc up -d postgres
for _ in $(seq 1 60); do
  dc exec -T postgres pg_isready -h 127.0.0.1 -U studybuddy -d studybuddy >/dev/null 2>&1 && break
  sleep 1
done
echo "restoring $dump"
dc exec -T postgres pg_restore -U studybuddy -d studybuddy --clean --if-exists --no-owner --single-transaction <"$dump"
echo "starting the bots"
dc up -d
echo "restored from $dump"
