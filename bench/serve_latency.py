"""Edit-to-updated-page latency of `dossier serve`: the time from saving a meeting file to the
server answering with the new page, median of several edits; and the time until the rebuild has
also rewritten every page that lists the meeting (requests for those wait until then).

Usage: python3 bench/serve_latency.py SITE_DIR [EDITS]
Run from the repository after `cargo build --release`. The site folder is copied first, so the
original is never edited.
"""
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parent.parent
source = pathlib.Path(sys.argv[1]).resolve()
edits = int(sys.argv[2]) if len(sys.argv) > 2 else 7

work = pathlib.Path(tempfile.mkdtemp(prefix="dossier-latency-"))
site = work / "site"
shutil.copytree(source, site, ignore=shutil.ignore_patterns("public", "node_modules", "target"))
meeting = sorted((site / "content/meetings").glob("*.md"))[-1]
slug = meeting.stem
original = meeting.read_text()

server = subprocess.Popen(
    [ROOT / "target/release/dossier", "serve", "--port", "0", "--root", site],
    stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
)
try:
    address = None
    for line in server.stdout:
        found = re.search(r"http://[0-9.:]+/", line)
        if found:
            address = found.group(0)
            break
    # The server's own report of each rebuild: pages rendered, total time, time to the edited
    # pages.
    reports = []
    threading.Thread(target=lambda: reports.extend(server.stdout), daemon=True).start()
    url = f"{address}meetings/{slug}/"
    latencies = []
    settled = []
    for n in range(edits):
        marker = f"Latency probe {n}"
        text = re.sub(r'^title = ".*"$', f'title = "{marker}"', original, count=1, flags=re.M)
        rebuilds = len(reports)
        started = time.perf_counter()
        meeting.write_text(text)
        while True:
            try:
                if marker in urllib.request.urlopen(url, timeout=30).read().decode():
                    break
            except OSError:
                pass
            time.sleep(0.002)
        latencies.append(time.perf_counter() - started)
        # Each edit starts from an idle server, as a writer's saves are seconds apart: wait for
        # the rebuild to finish the pages that list the meeting too.
        while len(reports) == rebuilds and time.perf_counter() - started < 120:
            time.sleep(0.002)
        settled.append(time.perf_counter() - started)
        time.sleep(0.3)
    time.sleep(1)
    for line in reports:
        print("  serve:", line.rstrip())
    print(f"{source}: {edits} edits; edited page served after: median "
          f"{statistics.median(latencies) * 1000:.0f} ms, min {min(latencies) * 1000:.0f} ms, "
          f"max {max(latencies) * 1000:.0f} ms; every page up to date after: median "
          f"{statistics.median(settled) * 1000:.0f} ms")
finally:
    server.terminate()
    server.wait()
    shutil.rmtree(work, ignore_errors=True)
