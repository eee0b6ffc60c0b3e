"""Times dossier and Hugo builds of generated corpora; see bench/run.sh."""
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
WORK = pathlib.Path(os.environ.get("BENCH_DIR", "bench/work")).resolve()
RUNS = int(os.environ.get("RUNS", "3"))
SIZES = [int(n) for n in os.environ.get("SIZES", "1000 10000").split()]
HUGO = os.environ["HUGO_BIN"]
DOSSIER = ROOT / "target/release/dossier"
GEN = ROOT / "target/release/examples/gen_corpus"


def timed(command, out_dir, cwd=None):
    """One clean build: (wall s, user+sys s, peak RSS MB)."""
    shutil.rmtree(out_dir, ignore_errors=True)
    with tempfile.NamedTemporaryFile("r") as times:
        started = time.perf_counter()
        subprocess.run(
            ["/usr/bin/time", "-f", "%e %U %S %M", "-o", times.name, *command],
            cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        wall = time.perf_counter() - started
        _, user, system, rss = times.read().split()[-4:]
    return wall, float(user) + float(system), int(rss) / 1024


def median_of(command, out_dir, cwd=None):
    timed(command, out_dir, cwd)  # warm-up: file cache, binary
    runs = [timed(command, out_dir, cwd) for _ in range(RUNS)]
    return tuple(statistics.median(r[i] for r in runs) for i in range(3))


def pages(out_dir):
    return sum(1 for _ in pathlib.Path(out_dir).rglob("*.html"))


def size_mb(path):
    return sum(f.stat().st_size for f in pathlib.Path(path).rglob("*") if f.is_file()) / 1e6


rows = []
results = {}
for n in SIZES:
    site, hugo_site = WORK / f"corpus-{n}", WORK / f"hugo-{n}"
    if not (site / "site.toml").exists() or not (hugo_site / "hugo.toml").exists():
        shutil.rmtree(site, ignore_errors=True)
        shutil.rmtree(hugo_site, ignore_errors=True)
        subprocess.run([GEN, str(n), site, "--hugo", hugo_site], check=True)
    out, hugo_out = WORK / f"out-{n}", WORK / f"hugo-out-{n}"
    d = median_of([DOSSIER, "build", "--root", site, "--out", out, "--force"], out)
    h = median_of([HUGO, "--quiet", "--source", hugo_site, "--destination", hugo_out], hugo_out)
    corpus = size_mb(site / "content")
    results[n] = (d, h, corpus)
    rows.append((f"dossier N={n}", d, pages(out), n))
    rows.append((f"hugo    N={n}", h, pages(hugo_out), n))

example_out = WORK / "out-example"
e = median_of([DOSSIER, "build", "--root", ROOT, "--out", example_out, "--today", "2025-11-24"], example_out)
rows.append(("dossier example site", e, pages(example_out), 1))

print(f"\nmedian of {RUNS} clean builds after a warm-up; corpus and output in {WORK}")
print(f"{'build':<22}{'wall s':>9}{'cpu s':>9}{'peak MB':>9}{'pages':>8}{'ms/meeting':>12}")
for label, (wall, cpu, rss), count, n in rows:
    print(f"{label:<22}{wall:>9.3f}{cpu:>9.2f}{rss:>9.0f}{count:>8}{wall * 1000 / n:>12.2f}")

print("\ntargets")
def target(text, ok, measured):
    print(f"  [{'met' if ok else 'NOT met'}] {text}: {measured}")

if 10000 in results:
    (dw, _, drss), (hw, _, _), corpus = results[10000]
    target("N=10,000 at most 0.5x Hugo's wall time", dw <= 0.5 * hw, f"{dw / hw:.2f}x")
    target("N=10,000 under 3 s", dw < 3, f"{dw:.2f} s")
    target("N=10,000 peak memory under 4x the corpus on disk", drss < 4 * corpus,
           f"{drss:.0f} MB for {corpus:.0f} MB of content ({drss / corpus:.1f}x)")
if 1000 in results:
    dw = results[1000][0][0]
    target("N=1,000 under 0.4 s", dw < 0.4, f"{dw:.3f} s")
if 1000 in results and 10000 in results:
    growth = results[10000][0][0] / results[1000][0][0]
    target("N=1,000 -> 10,000 grows at most 11x", growth <= 11, f"{growth:.1f}x")
target("example site under 50 ms", e[0] < 0.05, f"{e[0] * 1000:.0f} ms")
