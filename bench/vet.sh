#!/usr/bin/env bash
# Compares migaudit's Go pass run by go vet (go vet -vettool=migaudit) with
# go vet's default suite on a large real module: golang.org/x/tools (the
# version in go.mod), copied out of the read-only module cache. Every run
# starts with a cold GOCACHE, so both commands also compile the export data
# of every dependency; runs alternate (go vet, migaudit, go vet, …) so that
# both see the same machine load. Prints the median wall time, median CPU
# time and peak RSS (the largest single process: /usr/bin/time reports the
# maximum over the process tree, not the sum) and the ratio; then the time
# of the analysis alone, migaudit's pass against the vet suite, on the same
# loaded packages (bench/passtime).
#
#   bench/vet.sh                 # RUNS=5 by default
#   RUNS=3 TARGET=1.0 bench/vet.sh
set -euo pipefail

cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
TARGET=${TARGET:-1.0} # the highest acceptable ratio migaudit / go vet
OUT=$PWD/bench/out/vet
mkdir -p "$OUT"

[ -x /usr/bin/time ] || {
	sudo=""
	[ "$(id -u)" -ne 0 ] && sudo=sudo
	$sudo apt-get install -y time >/dev/null 2>&1 ||
		{ $sudo apt-get update >/dev/null 2>&1 && $sudo apt-get install -y time >/dev/null 2>&1; } || true
}
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is required (apt-get install time)" >&2; exit 2; }

echo "== build"
go build -o "$OUT/migaudit" ./cmd/migaudit
MIGAUDIT=$OUT/migaudit

TOOLS_VERSION=$(go list -m -f '{{.Version}}' golang.org/x/tools)
SRC=$(go env GOMODCACHE)/golang.org/x/tools@$TOOLS_VERSION
[ -d "$SRC" ] || go mod download golang.org/x/tools
WORK=$(mktemp -d)
trap 'chmod -R u+w "$WORK" 2>/dev/null; rm -rf "$WORK"' EXIT
MOD=$WORK/tools
echo "== copy golang.org/x/tools@$TOOLS_VERSION to $MOD"
cp -r "$SRC" "$MOD"
chmod -R u+w "$MOD"
(cd "$MOD" && go mod download && go list ./... >"$WORK/packages")
echo "   $(wc -l <"$WORK/packages") packages"

# run_once NAME CMD...: runs CMD in the module with a fresh GOCACHE and
# appends "wall_ms cpu_ms maxrss_kb exit" to $OUT/NAME.times.
run_once() {
	local name=$1 cache status=0
	shift
	cache=$(mktemp -d "$WORK/gocache.XXXX")
	(cd "$MOD" && GOCACHE=$cache /usr/bin/time -f "%e %U %S %M" -o "$WORK/time" "$@" >"$OUT/$name.out" 2>&1) || status=$?
	awk -v s="$status" '{printf "%d %d %d %s\n", $1 * 1000, ($2 + $3) * 1000, $4, s}' "$WORK/time" | tail -n 1 >>"$OUT/$name.times"
	rm -rf "$cache"
}

# median NAME COLUMN: the median of a column of $OUT/NAME.times.
median() {
	cut -d' ' -f"$2" "$OUT/$1.times" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'
}

VET=(go vet ./...)
MIG=(go vet "-vettool=$MIGAUDIT" ./...)
echo "== time ($RUNS runs each, interleaved, cold GOCACHE every run)"
: >"$OUT/govet.times"
: >"$OUT/migaudit.times"
for ((i = 0; i < RUNS; i++)); do
	run_once govet "${VET[@]}"
	run_once migaudit "${MIG[@]}"
	echo "   run $((i + 1)): go vet $(tail -n 1 "$OUT/govet.times" | cut -d' ' -f1) ms, migaudit $(tail -n 1 "$OUT/migaudit.times" | cut -d' ' -f1) ms"
done

# A run that fails for another reason than findings (exit 1 with
# diagnostics) would time nothing useful.
for name in govet migaudit; do
	if awk '$4 != 0 && $4 != 1 {bad = 1} END {exit !bad}' "$OUT/$name.times"; then
		echo "bench: $name failed; see $OUT/$name.out" >&2
		tail -n 20 "$OUT/$name.out" >&2
		exit 2
	fi
done

mib() { awk -v k="$1" 'BEGIN {printf "%.1f", k / 1024}'; }
VET_MS=$(median govet 1) MIG_MS=$(median migaudit 1)
VET_CPU=$(median govet 2) MIG_CPU=$(median migaudit 2)
VET_KB=$(median govet 3) MIG_KB=$(median migaudit 3)
RATIO=$(awk -v m="$MIG_MS" -v v="$VET_MS" 'BEGIN {printf "%.2f", m / v}')
CPU_RATIO=$(awk -v m="$MIG_CPU" -v v="$VET_CPU" 'BEGIN {printf "%.2f", m / v}')
RSS_RATIO=$(awk -v m="$MIG_KB" -v v="$VET_KB" 'BEGIN {printf "%.2f", m / v}')
echo
echo "module: golang.org/x/tools@$TOOLS_VERSION ($(wc -l <"$WORK/packages") packages); $(nproc) CPUs; $(go version | cut -d' ' -f3)"
printf '%-34s %14s %14s %12s\n' "" "wall (median)" "CPU (median)" "peak RSS"
printf '%-34s %11s ms %11s ms %8s MiB\n' "go vet ./..." "$VET_MS" "$VET_CPU" "$(mib "$VET_KB")"
printf '%-34s %11s ms %11s ms %8s MiB\n' "go vet -vettool=migaudit ./..." "$MIG_MS" "$MIG_CPU" "$(mib "$MIG_KB")"
printf '%-34s %13sx %13sx %11sx\n' "ratio migaudit / go vet" "$RATIO" "$CPU_RATIO" "$RSS_RATIO"
# The median hides how close the runs are: the mean wall-time ratio too.
MEAN_RATIO=$(awk 'NR == FNR {v += $1; n++; next} {m += $1} END {printf "%.3f", m / v}' "$OUT/govet.times" "$OUT/migaudit.times")
echo "mean wall-time ratio migaudit / go vet: ${MEAN_RATIO}x"
echo "findings: go vet $(grep -c '^[^#].*\.go:[0-9]' "$OUT/govet.out" || true) lines, migaudit $(grep -c '^[^#].*\.go:[0-9]' "$OUT/migaudit.out" || true) lines (last run; output in $OUT)"

echo
echo "== the analysis alone (packages loaded once, sequential; bench/passtime)"
go build -o "$OUT/passtime" ./bench/passtime
"$OUT/passtime" -dir "$MOD" -top 5

if awk -v r="$RATIO" -v t="$TARGET" 'BEGIN {exit !(r > t)}'; then
	echo "target missed: migaudit's vet is slower than go vet (ratio over $TARGET)"
	exit 1
fi
