#!/usr/bin/env bash
# Side-by-side benchmark: hearsay against a bare tokenizing pass and three
# peers, per core, on one corpus, in one run. Not part of CI.
#
#   bash bench/run.sh [RESULTS.md]        (default: bench/results.md)
#
# It
#   1. builds the Go programs of bench/ and hearsay into a temporary folder;
#   2. assembles the corpus there: >= 50 MB of articles generated from
#      examples/ (bench/corpus), plus ../shared/seeds and the ECB+ articles
#      (../shared/eval/ecbplus_to_text.py) when ../shared is present; one
#      article per file; a deterministic ~5 MB sample (every k-th file) for
#      the slow peers;
#   3. installs the peers outside the repository, in $HEARSAY_BENCH_CACHE
#      (default ~/.cache/hearsay-bench): wink-nlp, wink-eng-lite-web-model
#      and compromise from the npm registry, and github.com/jdkato/prose/v2
#      into a throwaway Go module built from bench/peers/prose/main.go.txt;
#   4. runs every contender on one CPU (taskset -c $BENCH_CPU when taskset
#      exists; GOMAXPROCS=1 for Go; node runs JavaScript on one thread):
#        floor       bench/floor: read-once word tokenizer, files in memory
#        hearsay     bench/driver: extract.Engine over the files in memory
#                    and the link stage alone; the CLI, whole runs:
#                    hearsay extract --json --workers 1, hearsay analyze
#                    --db none --json --workers 1, output to nowhere
#        peers       wink-nlp (sentences, entities) on the whole corpus;
#                    compromise (.quotations(), .people()) and prose NER
#                    (model reused) on the sample, as they are too slow for
#                    the whole corpus in a run of minutes
#      In-memory contenders time the processing alone (load and file reading
#      are reported apart) and report the pass with the least CPU time;
#   5. prints the table (MB/s and words/s per core, from the CPU time of the
#      process, so that other work on a shared machine inflates the wall
#      time but hardly the figure; peak RSS; ratio to hearsay extract on the
#      same text) and writes it, with the machine, to RESULTS.md.
#
# Knobs (environment): BENCH_MB (generated megabytes, 50), BENCH_SAMPLE_MB
# (5), BENCH_CPU (0), BENCH_PASSES (timed passes of the Go in-memory
# contenders, 3; the peers get 1 after an untimed warm-up),
# HEARSAY_BENCH_CACHE, BENCH_KEEP=1 keeps the temporary folder.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${1:-$root/bench/results.md}
case $out in /*) ;; *) out=$PWD/$out ;; esac
shared=$root/../shared
cache=${HEARSAY_BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/hearsay-bench}
mb=${BENCH_MB:-50}
sample_mb=${BENCH_SAMPLE_MB:-5}
cpu=${BENCH_CPU:-0}
passes=${BENCH_PASSES:-3}

# Pinned peer versions.
wink_version=2.4.0
wink_model_version=1.8.1
compromise_version=14.17.0
prose_version=v2.0.0

die() { echo "bench: $*" >&2; exit 1; }
say() { echo "bench: $*" >&2; }

for tool in go node npm; do
	command -v "$tool" >/dev/null || die "$tool is not installed (needed: Go, node >= 18 and npm)"
done

work=$(mktemp -d "${TMPDIR:-/tmp}/hearsay-bench.XXXXXX")
if [[ ${BENCH_KEEP:-} == 1 ]]; then
	say "keeping $work"
else
	trap 'rm -rf "$work"' EXIT
fi
start=$(date +%s)
load_start=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')

# ---- 1. build ----
say "building the Go programs"
bin=$work/bin
(cd "$root" && go build -o "$bin/" ./bench/corpus ./bench/floor ./bench/driver ./bench/tool ./cmd/hearsay)
tool=$bin/tool

# ---- 2. corpus ----
corpus=$work/corpus
say "generating ${mb} MiB of articles from examples/"
"$bin/corpus" -examples "$root/examples" -out "$corpus/generated" -mb "$mb"
parts="${mb} MiB generated from examples/ (bench/corpus)"
if [[ -d $shared/seeds ]]; then
	mkdir -p "$corpus/seeds"
	cp "$shared"/seeds/*.txt "$corpus/seeds/"
	parts="$parts; $(ls "$corpus/seeds" | wc -l) seed articles (../shared/seeds)"
else
	say "no $shared/seeds: the corpus has no seed articles"
fi
if [[ -f $shared/eval/ecbplus_to_text.py && -d $shared/external/ecbplus/data ]] && command -v python3 >/dev/null; then
	say "converting ECB+ to text"
	python3 "$shared/eval/ecbplus_to_text.py" "$work/ecbplus" >/dev/null
	mkdir -p "$corpus/ecbplus"
	cp "$work"/ecbplus/*.txt "$corpus/ecbplus/" # not the gold story file
	parts="$parts; $(ls "$corpus/ecbplus" | wc -l) ECB+ articles"
else
	say "no ECB+ (needs ../shared/external/ecbplus and python3): left out"
fi
"$tool" lists -dir "$corpus" -out "$work" -sample-mb "$sample_mb"
files=$work/files.txt
sample=$work/sample.txt
say "corpus: $(wc -l <"$files") files, $(du -sm "$corpus" | cut -f1) MB on disk; sample: $(wc -l <"$sample") files"

# ---- 3. peers, outside the repository ----
mkdir -p "$cache/node" "$cache/prose"
installed() { # package version: is it installed at that version?
	local f=$cache/node/node_modules/$1/package.json
	[[ -f $f ]] && node -e 'process.exit(require(process.argv[1]).version === process.argv[2] ? 0 : 1)' "$f" "$2"
}
if installed wink-nlp $wink_version && installed wink-eng-lite-web-model $wink_model_version && installed compromise $compromise_version; then
	say "node peers already in $cache/node"
else
	say "installing the node peers from the npm registry into $cache/node"
	[[ -f $cache/node/package.json ]] || echo '{"private": true}' >"$cache/node/package.json"
	npm install --prefix "$cache/node" --no-audit --no-fund --loglevel=error \
		"wink-nlp@$wink_version" "wink-eng-lite-web-model@$wink_model_version" "compromise@$compromise_version" \
		|| die "npm install failed (is the npm registry reachable?)"
fi
cp "$root"/bench/peers/*.mjs "$cache/node/" # so that their imports resolve to these node_modules

say "building the prose peer in a throwaway module in $cache/prose"
(
	cd "$cache/prose"
	export GOWORK=off GOFLAGS=-mod=mod
	[[ -f go.mod ]] || go mod init hearsay-bench/prose >/dev/null 2>&1
	cp "$root/bench/peers/prose/main.go.txt" main.go
	go get "github.com/jdkato/prose/v2@$prose_version" >/dev/null 2>&1 \
		|| die "go get github.com/jdkato/prose/v2@$prose_version failed (is the Go module proxy reachable?)"
	go build -o prose-bench . || die "building the prose peer failed"
)

# ---- 4. run ----
pin=()
pinned=""
if command -v taskset >/dev/null; then
	pin=(taskset -c "$cpu")
	pinned=$cpu
else
	say "no taskset: contenders are not pinned to one CPU (they still use one thread of work)"
fi
results=$work/results.jsonl
: >"$results"
go1=(env GOMAXPROCS=1 "${pin[@]}")
run() { # label, then tool measure arguments
	local label=$1
	shift
	say "running $label"
	local t0=$SECONDS
	"$tool" measure -pin "$pinned" "$@" >>"$results" || die "$label failed"
	say "  done in $((SECONDS - t0)) s"
}
run "floor (full corpus)" -json -- "${go1[@]}" "$bin/floor" -list "$files" -scope full -passes "$passes"
run "floor (sample)" -json -- "${go1[@]}" "$bin/floor" -list "$sample" -scope sample -passes "$passes"
run "hearsay engine (full corpus)" -json -- "${go1[@]}" "$bin/driver" -list "$files" -scope full -passes "$passes"
run "hearsay engine (sample)" -json -- "${go1[@]}" "$bin/driver" -list "$sample" -scope sample -passes "$passes"
run "hearsay link stage (full corpus)" -json -- "${go1[@]}" "$bin/driver" -list "$files" -scope full -link
run "hearsay extract CLI" -name "hearsay extract --json --workers 1 (CLI, whole run)" -scope full \
	-note "reads the files, loads the engine, writes JSON to /dev/null" \
	-- "${go1[@]}" "$bin/hearsay" extract --json --workers 1 --quiet "$corpus"
run "hearsay analyze CLI" -name "hearsay analyze --db none --json --workers 1 (CLI, whole run)" -scope full \
	-note "extract + link, JSON to /dev/null" \
	-- "${go1[@]}" "$bin/hearsay" analyze --db none --json --workers 1 --quiet "$corpus"
node1=("${pin[@]}" node)
run "wink-nlp, default pipe (full corpus)" -json -- "${node1[@]}" "$cache/node/wink.mjs" --list "$files" --scope full --passes 1 --warmup 500
run "wink-nlp, sbd+ner pipe (full corpus)" -json -- "${node1[@]}" "$cache/node/wink.mjs" --list "$files" --scope full --passes 1 --warmup 500 --pipe min
run "compromise (sample)" -json -- "${node1[@]}" "$cache/node/compromise.mjs" --list "$sample" --scope sample --passes 1 --warmup 100
run "prose (sample)" -json -- "${go1[@]}" "$cache/prose/prose-bench" -list "$sample" -scope sample -passes 1 -warmup 100

# ---- 5. table ----
meta=$work/meta.md
{
	echo "# Side-by-side benchmark"
	echo
	echo "Made by \`bash bench/run.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'), in $(($(date +%s) - start)) s."
	echo
	echo "- machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//')), $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo 2>/dev/null) memory; $(go version | cut -d' ' -f3), node $(node --version)"
	echo "- load average (1, 5, 15 min) at the start: $load_start; at the end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?'); each row gives the 1-minute figure before→after it"
	echo "- every contender on one CPU${pinned:+ (taskset -c $pinned)}; GOMAXPROCS=1 for Go"
	echo "- corpus: $parts; $(wc -l <"$files") files. Sample: every k-th file of the sorted list, $(wc -l <"$sample") files (compromise and prose run on it; hearsay and the floor are measured on it too, for the ratios)"
	echo "- MB = 10^6 bytes of input files; words = whitespace-separated words; **per core** = divided by the CPU time (user+system) of the process, for the best pass (in-memory contenders) or the whole run (CLI rows); wall time is shown too and is inflated by other work on the machine"
	echo "- load s: loading the model or engine, not in the timings; in-memory contenders read the files before timing; node peers run an untimed warm-up on the first documents first"
	echo
} >"$meta"
"$tool" table -results "$results" -meta "$meta" -o "$out"
say "written to $out"
