#!/usr/bin/env bash
# Profile-guided optimisation: writes cmd/hearsay/default.pgo, the CPU
# profile that `go build ./cmd/hearsay` uses by default (-pgo=auto) to inline
# and lay out the hot paths of extraction and linking. Not part of CI; rerun
# it after a large change to the engine, then commit the profile.
#
#   bash bench/pgo.sh
#
# The workload is the benchmark's generated corpus (bench/corpus: articles
# recombined from examples/, no third-party text), run through
# `hearsay extract` (three runs, so that extraction weighs about as much
# as linking) and `hearsay analyze`, on one worker each; the profiles are
# merged. Knob: BENCH_MB (generated megabytes, 50).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mb=${BENCH_MB:-50}
work=$(mktemp -d "${TMPDIR:-/tmp}/hearsay-pgo.XXXXXX")
trap 'rm -rf "$work"' EXIT

cd "$root"
# Built without a profile, so that the new one does not depend on the old.
go build -pgo=off -o "$work/" ./bench/corpus ./cmd/hearsay
"$work/corpus" -examples examples -out "$work/corpus" -mb "$mb" >&2
for i in 1 2 3; do
	GOMAXPROCS=1 "$work/hearsay" extract --json --workers 1 --quiet --cpuprofile "$work/extract$i.prof" "$work/corpus" >/dev/null
done
GOMAXPROCS=1 "$work/hearsay" analyze --db none --json --workers 1 --quiet --cpuprofile "$work/analyze.prof" "$work/corpus" >/dev/null
go tool pprof -proto "$work"/extract?.prof "$work/analyze.prof" >"$work/merged.pgo" 2>/dev/null
mv "$work/merged.pgo" cmd/hearsay/default.pgo
echo "pgo: wrote cmd/hearsay/default.pgo ($(wc -c <cmd/hearsay/default.pgo) bytes)" >&2
