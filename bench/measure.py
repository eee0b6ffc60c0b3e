"""Times dossier and Hugo on the same generated notes; see bench/run.sh.

For each size and place (tmpfs and disk), clean builds of both tools alternate, one of each per
round, so that both see the same machine state; the first round warms the file cache and is
not counted. Then, on disk at the largest size, dossier's incremental build after editing one
meeting, and after no edit at all. Every figure is the median of RUNS; peak RSS from
/usr/bin/time.
"""
import os
import pathlib
import shutil
import statistics
import subprocess
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
DISK = pathlib.Path(os.environ.get("BENCH_DIR", "bench/work")).resolve()
TMPFS = pathlib.Path(os.environ.get("BENCH_TMPFS", "/dev/shm/dossier-bench"))
PLACES = os.environ.get("PLACES", "tmpfs disk").split()
RUNS = int(os.environ.get("RUNS", "3"))
SIZES = [int(n) for n in os.environ.get("SIZES", "1000 10000").split()]
HUGO = os.environ["HUGO_BIN"]
DOSSIER = ROOT / "target/release/dossier"
GEN = ROOT / "target/release/examples/gen_corpus"


def timed(command, clear=None):
    """One run: (wall s, user+sys s, peak RSS MB); `clear` is removed first, untimed."""
    if clear is not None:
        shutil.rmtree(clear, ignore_errors=True)
    with tempfile.NamedTemporaryFile("r") as times:
        started = time.perf_counter()
        subprocess.run(
            ["/usr/bin/time", "-f", "%e %U %S %M", "-o", times.name, *command],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        wall = time.perf_counter() - started
        _, user, system, rss = times.read().split()[-4:]
    return wall, float(user) + float(system), int(rss) / 1024


def median(runs):
    return tuple(statistics.median(r[i] for r in runs) for i in range(3))


def pages(out_dir):
    return sum(1 for _ in pathlib.Path(out_dir).rglob("*.html"))


def corpus(place, n):
    """The generated site and its Hugo twin at `place`, made once."""
    base = DISK if place == "disk" else TMPFS
    site, hugo_site = base / f"corpus-{n}", base / f"hugo-{n}"
    if not (site / "site.toml").exists() or not (hugo_site / "hugo.toml").exists():
        shutil.rmtree(site, ignore_errors=True)
        shutil.rmtree(hugo_site, ignore_errors=True)
        base.mkdir(parents=True, exist_ok=True)
        subprocess.run([GEN, str(n), site, "--hugo", hugo_site], check=True,
                       stdout=subprocess.DEVNULL)
    return base, site, hugo_site


def edit_one_meeting(site, round_number):
    """Changes the introduction of the meeting in the middle of the site."""
    files = sorted((site / "content/meetings").glob("*.md"))
    meeting = files[len(files) // 2]
    text = meeting.read_text()
    intro_end = text.index("\n", text.index("+++\n", 4) + 4)
    line_start = text.rindex("\n", 0, intro_end) + 1
    intro = text[line_start:intro_end].split(" Edited in round")[0]
    meeting.write_text(text[:line_start] + f"{intro} Edited in round {round_number}."
                       + text[intro_end:])


rows = []
clean = {}
for n in SIZES:
    for place in PLACES:
        base, site, hugo_site = corpus(place, n)
        out, hugo_out = base / f"out-{n}", base / f"hugo-out-{n}"
        dossier_runs, hugo_runs = [], []
        for round_number in range(RUNS + 1):
            d = timed([DOSSIER, "build", "--clean", "--root", site, "--out", out, "--force"],
                      clear=out)
            h = timed([HUGO, "--quiet", "--source", hugo_site, "--destination", hugo_out],
                      clear=hugo_out)
            if round_number > 0:
                dossier_runs.append(d)
                hugo_runs.append(h)
        d, h = median(dossier_runs), median(hugo_runs)
        clean[(place, n)] = (d, h)
        rows.append((f"dossier clean", place, n, d, pages(out), d[0] / h[0]))
        rows.append((f"hugo    clean", place, n, h, pages(hugo_out), 1.0))

incremental = None
if "disk" in PLACES:
    n = max(SIZES)
    base, site, _ = corpus("disk", n)
    out = base / f"out-{n}"
    build = [DOSSIER, "build", "--root", site, "--out", out, "--force"]
    timed(build)  # leaves the cache of a build of these files
    edited = []
    for round_number in range(RUNS):
        edit_one_meeting(site, round_number)
        edited.append(timed(build))
    # After no edit: the site as a user finds it later, its last edit older than the two
    # seconds within which a file's stamp proves nothing; one untimed build keeps the stamps.
    time.sleep(2.1)
    timed(build)
    unchanged = median([timed(build) for _ in range(RUNS)])
    edited = median(edited)
    hugo_clean = clean[("disk", n)][1]
    rows.append(("dossier one edit", "disk", n, edited, pages(out), edited[0] / hugo_clean[0]))
    rows.append(("dossier no edit", "disk", n, unchanged, pages(out),
                 unchanged[0] / hugo_clean[0]))
    incremental = (n, edited, hugo_clean)

print(f"\nmedian of {RUNS} runs after a warm-up round; disk: {DISK}, tmpfs: {TMPFS}")
print(f"{'build':<18}{'place':<7}{'N':>7}{'wall s':>9}{'cpu s':>9}{'peak MB':>9}"
      f"{'pages':>8}{'x Hugo':>8}")
for label, place, n, (wall, cpu, rss), count, ratio in rows:
    print(f"{label:<18}{place:<7}{n:>7}{wall:>9.3f}{cpu:>9.2f}{rss:>9.0f}{count:>8}"
          f"{ratio:>8.2f}")
print("(x Hugo: wall time over Hugo's clean build of the same notes in the same place)")

print("\ntargets")


def target(text, ok, measured):
    print(f"  [{'met' if ok else 'NOT met'}] {text}: {measured}")


biggest = max(SIZES)
if ("tmpfs", biggest) in clean:
    (dw, _, drss), (hw, _, _) = clean[("tmpfs", biggest)]
    target(f"clean build on tmpfs, N={biggest}: at most 0.5x Hugo", dw <= 0.5 * hw,
           f"{dw / hw:.2f}x")
    target(f"peak memory, N={biggest}: at most 400 MB", drss <= 400, f"{drss:.0f} MB")
if incremental:
    n, (ew, _, _), (hw, _, _) = incremental
    target(f"one meeting edited, on disk, N={n}: under 1 s", ew < 1, f"{ew:.2f} s")
    target(f"one meeting edited, on disk, N={n}: at most 0.15x Hugo's clean build",
           ew <= 0.15 * hw, f"{ew / hw:.2f}x")
    uw = unchanged[0]
    target(f"no edit, on disk, N={n}: under 0.3 s", uw < 0.3, f"{uw:.2f} s")
    if ("disk", n) in clean:
        clean_rss = clean[("disk", n)][0][2]
        target(f"peak memory of an edit build, N={n}: no higher than a clean build's",
               edited[2] <= clean_rss, f"{edited[2]:.0f} MB against {clean_rss:.0f} MB")
