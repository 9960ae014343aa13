#!/usr/bin/env bash
# Runs the Beam pipeline's tests: the pipeline on Beam's prism runner over
# examples/ must write the bytes `hearsay analyze --json` writes. Its own Go
# module, so the main module's go test does not build Beam; the first build
# downloads and compiles Beam's dependencies (a few minutes on two cores),
# later runs reuse the build cache.
#
# Set HEARSAY_BEAM_CORPUS to more inputs (a folder, or several separated by
# ':') to compare on them too.
set -euo pipefail
cd "$(dirname "$0")"
gofmt_out=$(gofmt -l .)
if [ -n "$gofmt_out" ]; then
  echo "beam: gofmt needed: $gofmt_out" >&2
  exit 1
fi
go vet ./...
if command -v staticcheck >/dev/null 2>&1; then
  staticcheck ./...
elif [ -x "$HOME/go/bin/staticcheck" ]; then
  "$HOME/go/bin/staticcheck" ./...
fi
go test -count=1 ./...
