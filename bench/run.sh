#!/usr/bin/env bash
# Benchmarks `migaudit scan` against `rg -l api/v1/` on a generated
# monorepo-like tree (bench/gen), checks that every planted v1 call is found
# (bench/check), and prints wall time (median), peak RSS and the ratio.
#
#   bench/run.sh            # RUNS=10 FILES=30000 MB=300 SEED=1 by default
#   REGEN=1 bench/run.sh    # regenerate the tree
set -euo pipefail

cd "$(dirname "$0")/.."
RUNS=${RUNS:-10}
FILES=${FILES:-30000}
MB=${MB:-300}
SEED=${SEED:-1}
OUT=bench/out
TREE=$OUT/tree

need() { # need COMMAND PACKAGE: apt-get install PACKAGE when COMMAND is missing
	command -v "$1" >/dev/null 2>&1 && return 0
	if command -v apt-get >/dev/null 2>&1; then
		local sudo=""
		[ "$(id -u)" -ne 0 ] && sudo=sudo
		$sudo apt-get install -y "$2" >/dev/null 2>&1 ||
			{ $sudo apt-get update >/dev/null 2>&1 && $sudo apt-get install -y "$2" >/dev/null 2>&1; } || true
	fi
	command -v "$1" >/dev/null 2>&1
}

need rg ripgrep || { echo "bench: ripgrep is required" >&2; exit 2; }
need jq jq || { echo "bench: jq is required" >&2; exit 2; }
[ -x /usr/bin/time ] || need time time || true
HAVE_HYPERFINE=0
need hyperfine hyperfine && HAVE_HYPERFINE=1

mkdir -p "$OUT"
# The generated tree holds .go files: a go.mod of its own keeps it out of the
# project's module (go build/vet/test ./... never see it).
[ -f "$OUT/go.mod" ] || printf 'module benchout\n\ngo 1.26\n' >"$OUT/go.mod"
echo "== build"
go build -o "$OUT/migaudit" ./cmd/migaudit
go build -o "$OUT/check" ./bench/check

if [ -n "${REGEN:-}" ] || [ ! -d "$TREE" ] || [ ! -f "$OUT/manifest.tsv" ]; then
	echo "== generate $TREE ($FILES files, $MB MB, seed $SEED)"
	rm -rf "$TREE"
	go run ./bench/gen -out "$TREE" -files "$FILES" -mb "$MB" -seed "$SEED"
fi

echo "== warm the page cache"
find "$TREE" -type f -print0 | xargs -0 cat >/dev/null
rg -l api/v1/ "$TREE" >/dev/null || true

MIG=("$OUT/migaudit" scan --format json --fail-on never "$TREE")
RG=(rg -l api/v1/ "$TREE")

# run_once FILE CMD...: runs CMD, appends "wall_ms cpu_ms" to FILE (CPU time
# is user + system, from /usr/bin/time when present).
run_once() {
	local file=$1 s e cpu=0
	shift
	s=$(date +%s%N)
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f "%U %S" -o "$OUT/.cpu" "$@" >/dev/null 2>&1 || true
		cpu=$(awk '{printf "%d", ($1 + $2) * 1000}' "$OUT/.cpu")
	else
		"$@" >/dev/null 2>&1 || true
	fi
	e=$(date +%s%N)
	echo "$(((e - s) / 1000000)) $cpu" >>"$file"
}

# median FILE COLUMN: the median of a column of numbers.
median() {
	cut -d' ' -f"$2" "$1" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'
}

# Runs alternate (rg, migaudit, rg, …) so that both see the same machine
# load; hyperfine, when present, gives detailed statistics besides.
echo "== time ($RUNS runs each, interleaved)"
: >"$OUT/rg.times"
: >"$OUT/migaudit.times"
for ((i = 0; i < 2; i++)); do "${RG[@]}" >/dev/null; "${MIG[@]}" >/dev/null; done
for ((i = 0; i < RUNS; i++)); do
	run_once "$OUT/rg.times" "${RG[@]}"
	run_once "$OUT/migaudit.times" "${MIG[@]}"
done
RG_MS=$(median "$OUT/rg.times" 1)
MIG_MS=$(median "$OUT/migaudit.times" 1)
RG_CPU=$(median "$OUT/rg.times" 2)
MIG_CPU=$(median "$OUT/migaudit.times" 2)
if [ "$HAVE_HYPERFINE" = 1 ]; then
	hyperfine -N -w 2 -r "$RUNS" -n rg "${RG[*]}" -n migaudit "${MIG[*]}" 2>&1 | grep -E "Benchmark|Time" || true
fi

# peak_kb CMD...: peak resident set size in KiB.
peak_kb() {
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}'
	else
		echo "?"
	fi
}
echo "== peak RSS"
RG_KB=$(peak_kb "${RG[@]}")
MIG_KB=$(peak_kb "${MIG[@]}")

echo "== check planted calls"
"${MIG[@]}" >"$OUT/scan.json"
CHECK_STATUS=0
"$OUT/check" -manifest "$OUT/manifest.tsv" -tree "$TREE" "$OUT/scan.json" | tee "$OUT/check.txt" | tail -n 20 || CHECK_STATUS=$?
FILES_SEEN=$(jq '.summary.files // empty' "$OUT/scan.json" 2>/dev/null || true)
SIZE=$(du -sm --apparent-size "$TREE" | cut -f1)

RATIO=$(awk -v m="$MIG_MS" -v r="$RG_MS" 'BEGIN {printf "%.2f", m / r}')
mib() { awk -v k="$1" 'BEGIN {if (k == "?") print "?"; else printf "%.1f", k / 1024}'; }
echo
echo "tree: $TREE ($(find "$TREE" -type f | wc -l) files, $SIZE MB; migaudit looked at ${FILES_SEEN:-?}); $(nproc) CPUs"
CPU_RATIO=$(awk -v m="$MIG_CPU" -v r="$RG_CPU" 'BEGIN {if (r > 0) printf "%.2fx", m / r; else print "?"}')
printf '%-28s %14s %14s %12s\n' "" "wall (median)" "CPU (median)" "peak RSS"
printf '%-28s %11s ms %11s ms %8s MiB\n' "rg -l api/v1/" "$RG_MS" "$RG_CPU" "$(mib "$RG_KB")"
printf '%-28s %11s ms %11s ms %8s MiB\n' "migaudit scan --format json" "$MIG_MS" "$MIG_CPU" "$(mib "$MIG_KB")"
printf '%-28s %14s %14s\n' "ratio migaudit / rg" "${RATIO}x" "$CPU_RATIO"
tail -n 1 "$OUT/check.txt"

echo
echo "== the type-aware Go pass: a one-package client module (net/http), scan --go=auto vs --go=false"
GOMOD=$OUT/gomod
mkdir -p "$GOMOD/lms"
printf 'module example.com/lmsbridge\n\ngo 1.22\n' >"$GOMOD/go.mod"
cat >"$GOMOD/lms/lms.go" <<'GO'
// Package lms pseudonymizes leavers in the LMS.
package lms

import (
	"fmt"
	"net/http"
)

const base = "https://acme.360learning.com/api/v1"

// Pseudonymize removes a leaver's personal data.
func Pseudonymize(c *http.Client, userID, company, key string) error {
	req, err := http.NewRequest(http.MethodPut, fmt.Sprintf("%s/users/%s/pseudonymize?company=%s&apiKey=%s", base, userID, company, key), nil)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
GO
: >"$OUT/goauto.times"
: >"$OUT/gooff.times"
for ((i = 0; i < 5; i++)); do
	run_once "$OUT/goauto.times" "$OUT/migaudit" scan --no-ignore --fail-on never "$GOMOD"
	run_once "$OUT/gooff.times" "$OUT/migaudit" scan --no-ignore --fail-on never --go=false "$GOMOD"
done
GO_KB=$(peak_kb "$OUT/migaudit" scan --no-ignore --fail-on never "$GOMOD")
printf '%-28s %11s ms %11s ms %8s MiB\n' "scan (Go pass, default)" "$(median "$OUT/goauto.times" 1)" "$(median "$OUT/goauto.times" 2)" "$(mib "$GO_KB")"
printf '%-28s %11s ms %11s ms\n' "scan --go=false" "$(median "$OUT/gooff.times" 1)" "$(median "$OUT/gooff.times" 2)"

status=0
awk -v r="$RATIO" 'BEGIN {exit !(r > 1.5)}' && { echo "target missed: wall time over 1.5x rg"; status=1; }
[ "$MIG_KB" != "?" ] && [ "$MIG_KB" -ge $((200 * 1024)) ] && { echo "target missed: peak RSS over 200 MiB"; status=1; }
[ "$CHECK_STATUS" -ne 0 ] && { echo "target missed: planted calls not found"; status=1; }
exit $status
