#!/usr/bin/env bash
# Browser tests of hearsay's HTML report and `hearsay serve`: builds
# hearsay, analyses a temporary corpus (examples/ plus a generated hostile
# article), writes the report, starts the server on a free loopback port,
# and runs e2e.test.mjs in Debian's chromium. Screenshots go to
# $HEARSAY_ARTIFACTS (default: a temporary folder, printed at the end).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 # playwright-core never fetches a browser; be sure

if [[ ! -x /usr/bin/chromium ]]; then
  echo "e2e: installing chromium (Debian package)" >&2
  sudo=""
  if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi

(cd "$here" && { npm ci --no-audit --no-fund --loglevel=error || npm install --no-audit --no-fund --loglevel=error; })

tmp="$(mktemp -d "${TMPDIR:-/tmp}/hearsay-e2e.XXXXXX")"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill -INT "$server_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

artifacts="${HEARSAY_ARTIFACTS:-$(mktemp -d "${TMPDIR:-/tmp}/hearsay-shots.XXXXXX")}"
mkdir -p "$artifacts"

(cd "$root" && go build -o "$tmp/hearsay" ./cmd/hearsay)

mkdir -p "$tmp/corpus"
cp -R "$root/examples/." "$tmp/corpus/"
rm -f "$tmp/corpus/README.md"
node "$here/hostile.mjs" "$tmp/corpus" >/dev/null

"$tmp/hearsay" report --db "$tmp/hearsay.db" -o "$tmp/report.html" "$tmp/corpus"

port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
"$tmp/hearsay" serve --db "$tmp/hearsay.db" --addr "127.0.0.1:$port" 2>"$tmp/serve.log" &
server_pid=$!
url="http://127.0.0.1:$port/"
if ! node -e '
  const url = process.argv[1];
  const until = Date.now() + 20000;
  (async function poll() {
    try { const r = await fetch(url); if (r.ok) process.exit(0); } catch {}
    if (Date.now() > until) process.exit(1);
    setTimeout(poll, 200);
  })();' "$url"; then
  echo "e2e: hearsay serve did not come up" >&2
  cat "$tmp/serve.log" >&2
  exit 1
fi

status=0
(cd "$here" && HEARSAY_REPORT="$tmp/report.html" HEARSAY_URL="$url" HEARSAY_ARTIFACTS="$artifacts" \
  node --test --test-concurrency=1 e2e.test.mjs) || status=$?
if [[ $status -ne 0 ]]; then
  echo "e2e: server log:" >&2
  tail -n 40 "$tmp/serve.log" >&2
fi
echo "e2e: screenshots in $artifacts" >&2
exit $status
