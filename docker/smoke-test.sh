#!/usr/bin/env bash
# Smoke test of the compose stack on this machine, with stub platforms instead of Telegram and Discord:
#   docker/smoke-test.sh [telegram] [discord] [telegram,discord]     (default: all three, one after the other)
# For each mode: builds the image once, starts PostgreSQL + the bot(s) + the stubs, waits until every container
# is healthy, checks the bot answers, restarts the Docker daemon (a reboot) and checks everything is back and
# answering within 60 s, checks the data survives `down` + `up`, then stops each container and checks it exits
# on its own within 10 s. Needs docker and docker-compose (v1) or `docker compose` (v2). Not part of CI.
#
# Restarting the daemon: DOCKER_RESTART_CMD if set; with the local-docker tool (DOCKER_HOST on
# /run/local-docker.sock) its down.sh + up.sh; otherwise `systemctl restart docker`.
set -Eeuo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

modes=("$@")
((${#modes[@]})) || modes=(telegram discord telegram,discord)
IMAGE=${SMOKE_IMAGE:-study-buddy:smoke}
PROJECT=${SMOKE_PROJECT:-studybuddy-smoke}
WORK=$(mktemp -d /tmp/study-buddy-smoke.XXXXXX)
ENV_FILE=$WORK/env
failures=0

log() { printf '[smoke %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
fail() { log "FAIL: $*"; failures=$((failures + 1)); }
ok() { log "ok: $*"; }

if docker compose version >/dev/null 2>&1; then COMPOSE=(docker compose); else COMPOSE=(docker-compose); fi
dc() { "${COMPOSE[@]}" -p "$PROJECT" --env-file "$ENV_FILE" -f docker/compose.yaml -f docker/smoke/compose.smoke.yaml "$@"; }

# Restarts the daemon; sets $back to the moment it is starting again (the 60 s are counted from there).
restart_daemon() {
  if [ -n "${DOCKER_RESTART_CMD:-}" ]; then
    back=$SECONDS; bash -c "$DOCKER_RESTART_CMD"
  elif [ "${DOCKER_HOST:-}" = unix:///run/local-docker.sock ]; then
    local tools=${LOCAL_DOCKER_TOOLS:-$ROOT/../shared/tools/local-docker}
    "$tools/down.sh" 2>&1 | grep -E 'stopping dockerd' >&2 || true
    back=$SECONDS
    eval "$("$tools/up.sh" 2>/dev/null)"
  else
    back=$SECONDS; systemctl restart docker
  fi
}

# The containers of the running services, one id per line.
containers() { dc ps -q 2>/dev/null | grep . || true; }

# Waits until every container of the stack is running and, where it has a healthcheck, healthy.
wait_healthy() {
  local limit=$1 start=$SECONDS ids id state pending
  while ((SECONDS - start < limit)); do
    ids=$(containers); pending=0
    if [ -z "$ids" ]; then pending=1; fi
    for id in $ids; do
      state=$(docker inspect -f '{{.State.Status}}/{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}' "$id" 2>/dev/null || echo gone)
      case $state in running/healthy|running/none) ;; *) pending=1 ;; esac
    done
    if ((pending == 0)); then echo $((SECONDS - start)); return 0; fi
    sleep 2
  done
  for id in $(containers); do
    log "  $(docker inspect -f '{{.Name}} {{.State.Status}}/{{if .State.Health}}{{.State.Health.Status}}{{end}}' "$id")"
  done
  return 1
}

# Asks the bot for /help through the stub (again every 15 s) until an answer containing "/start" comes back;
# prints the seconds it took. Fails after $2 s.
asks_and_answers() {
  local platform=$1 limit=$2 start=$SECONDS asked=-100 before=0 token=""
  if [ "$platform" = telegram ]; then
    before=$(dc exec -T stub-telegram curl -s "http://127.0.0.1:8081/control/sent?chat=4242" 2>/dev/null | grep -c /start || true)
  fi
  while ((SECONDS - start < limit)); do
    if ((SECONDS - asked >= 15)); then
      asked=$SECONDS
      if [ "$platform" = telegram ]; then
        dc exec -T stub-telegram curl -fs -X POST "http://127.0.0.1:8081/control/say?chat=4242&text=%2Fhelp" >/dev/null 2>&1 \
          || asked=-100 # the stub is not up yet: ask again at the next round
      else
        token=$(dc exec -T stub-discord curl -fs -X POST \
          "http://127.0.0.1:8082/control/slash?user=700000000000004242&command=help" 2>/dev/null | tr -d '\r\n' || true)
        [[ $token == tok-* ]] || asked=-100 # no shard connected yet
      fi
    fi
    if [ "$platform" = telegram ]; then
      if [ "$(dc exec -T stub-telegram curl -s "http://127.0.0.1:8081/control/sent?chat=4242" 2>/dev/null | grep -c /start || true)" -gt "$before" ]; then
        echo $((SECONDS - start)); return 0
      fi
    elif [[ $token == tok-* ]] && dc exec -T stub-discord curl -s "http://127.0.0.1:8082/control/answers?token=$token" 2>/dev/null | grep -q /start; then
      echo $((SECONDS - start)); return 0
    fi
    sleep 1
  done
  return 1
}

# Puts a due message for the smoke user into the outbox and waits (up to 60 s: the sweep runs every 10 s) until
# the bot reports it sent; prints the seconds it took.
outbox_sends() {
  local platform=$1 chat=4242 start=$SECONDS n
  [ "$platform" = discord ] && chat=700000000000004242
  dc exec -T postgres psql -U studybuddy -d studybuddy -qtAc "insert into outbox (platform, chat_id, direct, kind,
    dedupe_key, body, next_attempt_at, created_at) values ('$platform', '$chat', true, 'reminder',
    'smoke:$platform:$(date +%s%N)', 'Smoke test reminder', now(), now())" >/dev/null
  while ((SECONDS - start < 60)); do
    n=$(dc exec -T "$platform" curl -s "http://127.0.0.1:9090/metrics" 2>/dev/null \
      | grep -E "^studybuddy_sends_total\{platform=\"$platform\",result=\"sent\"\}" | awk '{print int($2)}')
    if [ "${n:-0}" -ge 1 ]; then echo $((SECONDS - start)); return 0; fi
    sleep 2
  done
  return 1
}

learners_of() {
  dc exec -T postgres psql -U studybuddy -d studybuddy -tAc \
    "select count(*) from learner where platform = '$1' and user_id in ('4242', '700000000000004242')" 2>/dev/null | tr -d '\r '
}

cleanup() {
  log "cleaning up (down -v)"
  dc down -v --remove-orphans >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

log "building $IMAGE (docker/Dockerfile) and the stubs' image"
build_start=$SECONDS
docker build -q -f docker/Dockerfile -t "$IMAGE" . >/dev/null
log "image built in $((SECONDS - build_start)) s"
docker build -q -t "${SMOKE_STUB_IMAGE:=study-buddy-stubs:smoke}" docker/smoke >/dev/null
export SMOKE_STUB_IMAGE

for mode in "${modes[@]}"; do
  IFS=, read -r -a platforms <<<"$mode"
  log "=== mode: $mode ==="
  cat >"$ENV_FILE" <<ENV
COMPOSE_PROFILES=$mode
STUDYBUDDY_ENV_FILE=$ENV_FILE
STUDYBUDDY_IMAGE=$IMAGE
POSTGRES_PASSWORD=smoke-$RANDOM$RANDOM
STUDYBUDDY_LOG_LEVEL=INFO
SMOKE_STUB_IMAGE=$SMOKE_STUB_IMAGE
ENV
  for p in "${platforms[@]}"; do
    case $p in
      telegram) printf '%s\n' "TELEGRAM_BOT_TOKEN=123456789:AAEhBOweik6ad9r_QXMENQjcrGbqCr4K-ra" \
                  "TELEGRAM_API_URL=http://stub-telegram:8081" >>"$ENV_FILE" ;;
      discord) printf '%s\n' "DISCORD_BOT_TOKEN=MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB" \
                  "DISCORD_API_URL=http://stub-discord:8082/api/v10/" "DISCORD_GATEWAY_URL=ws://stub-discord:8083/" >>"$ENV_FILE" ;;
    esac
  done
  dc down -v --remove-orphans >/dev/null 2>&1 || true

  log "up -d (only the tokens of: $mode)"
  dc up -d --no-build >/dev/null 2>&1 || { fail "up -d failed"; dc up -d --no-build; continue; }
  log "running: $(docker ps --format '{{.Names}}' --filter "label=com.docker.compose.project=$PROJECT" | sort | tr '\n' ' ')"
  if t=$(wait_healthy 180); then ok "all containers healthy ${t} s after up"; else fail "not healthy within 180 s"; fi
  for p in "${platforms[@]}"; do
    if t=$(asks_and_answers "$p" 60); then ok "$p answered /help (${t} s)"; else fail "$p did not answer"; fi
    if t=$(outbox_sends "$p"); then ok "$p sent an outbox message through the sweep (${t} s)"
    else fail "$p did not send the outbox message within 60 s"; fi
    ready=$(dc exec -T "$p" curl -s "http://127.0.0.1:9090/health/ready" | tr '\n' ' ')
    log "  $p readiness: $ready"
    series=$(dc exec -T "$p" curl -s "http://127.0.0.1:9090/metrics" \
      | grep -oE '^(studybuddy_[a-z_]+|hikaricp_connections_active)' | sort -u | tr '\n' ' ')
    log "  $p metrics: $series"
    for want in studybuddy_commands_seconds_bucket studybuddy_sends_total studybuddy_sweep_seconds_count \
                studybuddy_outbox_pending studybuddy_outbox_oldest_pending_age_seconds hikaricp_connections_active; do
      [[ " $series " == *" $want "* ]] || fail "$p /metrics lacks $want"
    done
  done
  log "  memory: $(docker stats --no-stream --format '{{.Name}} {{.MemUsage}}' $(containers) | tr '\n' ';')"

  log "restarting the Docker daemon (a reboot)"
  restart_daemon
  # every platform is asked at once (in the background), so one slow answer does not delay the other's clock
  for p in "${platforms[@]}"; do
    ( if asks_and_answers "$p" 75 >/dev/null; then echo "$((SECONDS - back))" >"$WORK/answer-$p"; fi ) &
  done
  wait
  for p in "${platforms[@]}"; do
    t=$(cat "$WORK/answer-$p" 2>/dev/null || echo never); rm -f "$WORK/answer-$p"
    if [ "$t" != never ] && ((t <= 60)); then ok "$p answering $t s after the daemon started again"
    else fail "$p not answering within 60 s of the daemon restart ($t s)"; fi
  done
  if t=$(wait_healthy 60); then ok "all containers healthy $((SECONDS - back)) s after the daemon started again"
  else fail "not healthy within 60 s of the daemon restart"; fi

  for p in "${platforms[@]}"; do
    n=$(learners_of "$p"); [ "$n" = 1 ] || fail "$p learner row before down: '$n'"
  done
  log "down (volumes kept) and up again"
  dc down >/dev/null 2>&1
  dc up -d --no-build >/dev/null 2>&1
  if t=$(wait_healthy 120); then ok "healthy again ${t} s after up"; else fail "not healthy after down/up"; fi
  for p in "${platforms[@]}"; do
    n=$(learners_of "$p")
    if [ "$n" = 1 ]; then ok "$p learner still there after down/up"; else fail "$p learner lost after down/up ('$n')"; fi
    if asks_and_answers "$p" 60 >/dev/null; then ok "$p answering after down/up"; else fail "$p not answering after down/up"; fi
  done

  if [ "$mode" = "${modes[0]}" ]; then
    log "backup, wipe (down -v), restore"
    export COMPOSE_PROJECT_NAME=$PROJECT STUDYBUDDY_ENV_FILE=$ENV_FILE
    docker/backup.sh "$WORK/backup.dump" | sed 's/^/  /'
    dc down -v >/dev/null 2>&1
    dc up -d --no-build >/dev/null 2>&1
    wait_healthy 180 >/dev/null || fail "not healthy after down -v / up"
    p=${platforms[0]}
    n=$(learners_of "$p"); [ "$n" = 0 ] || fail "expected an empty database after down -v, got '$n'"
    docker/restore.sh "$WORK/backup.dump" 2>&1 | grep -E '^(restor|stopping|starting)' | sed 's/^/  /'
    dc up -d --no-build >/dev/null 2>&1
    wait_healthy 180 >/dev/null || fail "not healthy after restore"
    n=$(learners_of "$p")
    if [ "$n" = 1 ]; then ok "$p learner back after backup, wipe and restore"; else fail "$p learner not restored ('$n')"; fi
    if asks_and_answers "$p" 60 >/dev/null; then ok "$p answering after restore"; else fail "$p not answering after restore"; fi
    unset COMPOSE_PROJECT_NAME STUDYBUDDY_ENV_FILE
  fi

  log "stopping each container (SIGTERM; docker would SIGKILL after stop_grace_period)"
  for svc in "${platforms[@]}" stub-telegram stub-discord postgres; do
    id=$(dc ps -q "$svc" 2>/dev/null || true)
    [ -n "$id" ] || continue
    s=$(date +%s%N)
    docker stop -t 30 "$id" >/dev/null
    ms=$((($(date +%s%N) - s) / 1000000))
    code=$(docker inspect -f '{{.State.ExitCode}}' "$id")
    if ((ms < 10000)) && [ "$code" != 137 ]; then ok "$svc stopped in $ms ms (exit $code)"
    else fail "$svc stopped in $ms ms (exit $code)"; fi
  done
  dc down -v >/dev/null 2>&1
done

if ((failures)); then log "$failures check(s) FAILED"; exit 1; fi
log "all checks passed"
