"""Serves a built site with the nginx block of docs/deploy.md, as an intranet admin would, and
checks what clients get: a page, a calendar sent as text/calendar, a missing address three
folders deep answered by the styled 404 page.

Usage: check_nginx.py PUBLIC_DIR   (the site built for base_url .../briefings/)
Needs nginx on PATH (Debian: nginx-light).
"""
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

public = pathlib.Path(sys.argv[1]).resolve()
guide = (pathlib.Path(__file__).parents[2] / "docs" / "deploy.md").read_text()
block = re.search(r"```nginx\n(.*?)```", guide, re.S).group(1)
port = 18089

with tempfile.TemporaryDirectory() as tmp:
    tmp = pathlib.Path(tmp)
    # nginx's workers run as an unprivileged user when started by root: let them read.
    tmp.chmod(0o755)
    www = tmp / "www"
    shutil.copytree(public, www / "briefings")
    site_block = block.replace("root /var/www;", f"root {www};")
    (tmp / "nginx.conf").write_text(f"""
worker_processes 1;
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    server {{
        listen 127.0.0.1:{port};
{site_block}
    }}
}}
""")
    server = subprocess.Popen(["nginx", "-p", str(tmp), "-c", str(tmp / "nginx.conf")],
                              stderr=subprocess.PIPE)
    failures = []

    def get(path):
        for _ in range(50):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}") as response:
                    return response.status, response.headers, response.read().decode()
            except urllib.error.HTTPError as error:
                return error.code, error.headers, error.read().decode()
            except urllib.error.URLError:
                time.sleep(0.1)
        raise RuntimeError("nginx did not answer: " + server.stderr.read().decode()
                           if server.poll() is not None else "nginx did not answer")

    try:
        status, headers, body = get("/briefings/")
        if status != 200 or "text/html" not in headers["Content-Type"]:
            failures.append(f"/briefings/: {status} {headers['Content-Type']}")
        status, headers, body = get("/briefings/calendar.ics")
        if status != 200 or not headers["Content-Type"].startswith("text/calendar"):
            failures.append(f"calendar.ics: {status} {headers['Content-Type']}")
        if not body.startswith("BEGIN:VCALENDAR"):
            failures.append("calendar.ics: not a calendar")
        owner = next((public / "owners").iterdir()).name
        status, headers, _ = get(f"/briefings/owners/{owner}/calendar.ics")
        if not headers["Content-Type"].startswith("text/calendar"):
            failures.append(f"owner calendar: {headers['Content-Type']}")
        status, headers, body = get("/briefings/meetings/gone/deeper/still/")
        if status != 404 or "Page not found" not in body:
            failures.append(f"deep 404: {status}")
        found = re.search(r'<link rel="stylesheet" href="(/[^"]+)"', body)
        if not found:
            failures.append("deep 404: no stylesheet linked from the site's path")
        else:
            status, headers, _ = get(found.group(1))
            if status != 200 or "text/css" not in headers["Content-Type"]:
                failures.append(f"the 404 page's stylesheet {found.group(1)}: {status}")
            if "?v=" not in found.group(1):
                failures.append(f"the stylesheet {found.group(1)} has no fingerprint")
            if "immutable" not in (headers["Cache-Control"] or ""):
                failures.append(f"the stylesheet's Cache-Control: {headers['Cache-Control']}")
    finally:
        server.terminate()
        server.wait()
    if failures:
        print("\n".join(failures))
        sys.exit(1)
    print("nginx: pages, calendars as text/calendar, a styled 404 at any depth")
