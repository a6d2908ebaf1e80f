#!/usr/bin/env bash
# Memory and answers of the real server under a crowd of logins (issue #9, item 1): starts the
# release binary on a fresh SQLite file with the demo region, creates one account, then sends
# WAVES waves of PARALLEL simultaneous logins (wrong passwords for addresses that exist and do
# not), and reports peak resident memory (VmHWM), answers by status, and how long the home page
# took before and during each wave. Each login comes from its own client address (the server
# trusts X-Forwarded-For here), so the per-client throttle lets them through and the bounded
# hashing lane is what is measured.
#
#   benches/login_flood.sh [PARALLEL] [WAVES]      (default: 200 5)
set -euo pipefail
cd "$(dirname "$0")/.."
PARALLEL=${1:-200}
WAVES=${2:-5}
cargo build --release --quiet
BIN=$PWD/target/release/symbiose
WORK=$(mktemp -d)
trap 'kill $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
export DATABASE_URL="sqlite://$WORK/flood.db?mode=rwc"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
URL="http://127.0.0.1:$PORT"
echo "flood-owner-password-2026" | "$BIN" admin create --email owner@flood.nl --role coordinator >/dev/null
RUST_LOG=warn "$BIN" serve --trust-proxy --addr "127.0.0.1:$PORT" &
PID=$!
for _ in $(seq 1 300); do curl -fs "$URL/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
JAR="$WORK/jar"
CSRF=$(curl -s -c "$JAR" "$URL/login" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -1 | sed 's/.*value="//;s/"//')
rss() { awk '/^'"$1"':/ {print int($2/1024)}' /proc/$PID/status; }
curl -s -o /dev/null "$URL/"  # the first page builds the matcher's snapshot
echo "after start: RSS $(rss VmRSS) MB, / took $(curl -s -o /dev/null -w '%{time_total}' "$URL/")s at rest"
login() { # login N -> status code
  local email="owner@flood.nl"; [ $(( $1 % 2 )) -eq 0 ] && email="nobody$1@flood.nl"
  curl -s -o /dev/null -w '%{http_code}\n' -b "$JAR" \
    -H "X-Forwarded-For: 10.$WAVE.$(( $1 / 250 )).$(( $1 % 250 + 1 ))" \
    --data-urlencode "csrf=$CSRF" --data-urlencode "email=$email" \
    --data-urlencode "password=wrong guess $1" "$URL/login"
}
export -f login; export JAR CSRF URL
: > "$WORK/codes"
for wave in $(seq 1 "$WAVES"); do
  export WAVE=$wave
  seq 1 "$PARALLEL" | xargs -P "$PARALLEL" -I{} bash -c 'login {}' >> "$WORK/codes" &
  FLOOD=$!
  sleep 0.2
  HOME_S=$(curl -s -o /dev/null -w '%{time_total}' "$URL/")
  wait $FLOOD
  echo "wave $wave: RSS now $(rss VmRSS) MB, peak $(rss VmHWM) MB, / took ${HOME_S}s during the wave"
done
echo "answers: $(sort "$WORK/codes" | uniq -c | awk '{printf "%s×%s ", $1, $2}')"
echo "peak RSS over $WAVES waves of $PARALLEL parallel logins: $(rss VmHWM) MB (goal < 300 MB)"
