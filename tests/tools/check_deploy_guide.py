"""Checks docs/deploy.md: every YAML pipeline parses, and every dossier command in the guide runs
as written (addresses and output folders kept, folders moved under a scratch directory) on a
copy of a site.

Usage: check_deploy_guide.py DOSSIER_BINARY SITE_DIR
"""
import pathlib
import re
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import time

import yaml

dossier, site = sys.argv[1], pathlib.Path(sys.argv[2])
guide = (pathlib.Path(__file__).parents[2] / "docs" / "deploy.md").read_text()
failures = []

pipelines = re.findall(r"```yaml\n(.*?)```", guide, re.S)
for text in pipelines:
    try:
        document = yaml.safe_load(text)
        if not isinstance(document, dict):
            failures.append(f"a YAML block is not a mapping: {text[:60]!r}")
    except yaml.YAMLError as error:
        failures.append(f"invalid YAML: {error}")

commands = []
for block in re.findall(r"```(?:yaml|sh)\n(.*?)```", guide, re.S):
    for line in block.splitlines():
        found = re.search(r"(?:^|run: |- |script: )(dossier .*)$", line.strip())
        if found:
            commands.append(found.group(1))
if len(commands) < 6:
    failures.append(f"only {len(commands)} dossier commands found in the guide")

# The guide's [mail] table, as a site.toml would hold it.
mail_blocks = [b for b in re.findall(r"```toml\n(.*?)```", guide, re.S) if "[mail]" in b]
if len(mail_blocks) != 1:
    failures.append(f"{len(mail_blocks)} [mail] examples in the guide, expected 1")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def local_mail_server(scratch):
    """A real SMTP server on 127.0.0.1 (aiosmtpd), and the guide's [mail] pointed at it: the
    server, port and security changed, no login (it asks for none)."""
    port = free_port()
    maildir = pathlib.Path(scratch) / "mail"
    server = subprocess.Popen([sys.executable, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{port}",
                               "-c", "aiosmtpd.handlers.Mailbox", str(maildir)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            break
        except OSError:
            time.sleep(0.05)
    table = mail_blocks[0] if mail_blocks else "[mail]\n"
    table = re.sub(r"(?m)^server = .*$", 'server = "127.0.0.1"', table)
    table = re.sub(r"(?m)^port = .*$", f"port = {port}", table)
    table = re.sub(r"(?m)^security = .*$", 'security = "none"', table)
    table = re.sub(r"(?m)^username = .*$", "", table)
    return server, maildir, table


for command in commands:
    with tempfile.TemporaryDirectory() as scratch:
        copy = pathlib.Path(scratch) / "site"
        shutil.copytree(site, copy, ignore=shutil.ignore_patterns("public", "target", "node_modules", ".git", "bench", "fuzz", ".dossier-cache"))
        args = shlex.split(command)[1:]
        for i, arg in enumerate(args):
            if i > 0 and args[i - 1] in ("-o", "--out"):
                args[i] = str(pathlib.Path(scratch) / "out" / arg.lstrip("/"))
        server = None
        if "--send" in args:
            server, maildir, table = local_mail_server(scratch)
            with open(copy / "site.toml", "a") as config:
                config.write("\n" + table)
        try:
            result = subprocess.run([dossier, "--root", str(copy), *args], capture_output=True, text=True)
        finally:
            if server:
                server.terminate()
                server.wait()
        if result.returncode != 0:
            failures.append(f"`{command}` failed: {result.stderr.strip()[:300]}")
        elif server and not list((maildir / "new").glob("*")):
            failures.append(f"`{command}` sent nothing: {result.stderr.strip()[:300]}")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"deploy guide: {len(pipelines)} pipelines parse, {len(commands)} dossier commands run")
