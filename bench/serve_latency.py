"""Edit-to-updated-page latency of `dossier serve`: the time from saving a meeting file to the
server answering with the new page, median of several edits.

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
    url = f"{address}meetings/{slug}/"
    latencies = []
    for n in range(edits):
        marker = f"Latency probe {n}"
        text = re.sub(r'^title = ".*"$', f'title = "{marker}"', original, count=1, flags=re.M)
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
        time.sleep(0.3)
    print(f"{source}: {edits} edits, median {statistics.median(latencies) * 1000:.0f} ms, "
          f"min {min(latencies) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms")
finally:
    server.terminate()
    server.wait()
    shutil.rmtree(work, ignore_errors=True)
