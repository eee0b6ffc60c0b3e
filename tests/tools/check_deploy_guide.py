"""Checks docs/deploy.md: every YAML pipeline parses, and every dossier command in the guide runs
as written (addresses and output folders kept, folders moved under a scratch directory) on a
copy of a site.

Usage: check_deploy_guide.py DOSSIER_BINARY SITE_DIR
"""
import pathlib
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

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

for command in commands:
    with tempfile.TemporaryDirectory() as scratch:
        copy = pathlib.Path(scratch) / "site"
        shutil.copytree(site, copy, ignore=shutil.ignore_patterns("public", "target", "node_modules", ".git", "bench", "fuzz", ".dossier-cache"))
        args = shlex.split(command)[1:]
        for i, arg in enumerate(args):
            if i > 0 and args[i - 1] in ("-o", "--out"):
                args[i] = str(pathlib.Path(scratch) / "out" / arg.lstrip("/"))
        result = subprocess.run([dossier, "--root", str(copy), *args], capture_output=True, text=True)
        if result.returncode != 0:
            failures.append(f"`{command}` failed: {result.stderr.strip()[:300]}")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"deploy guide: {len(pipelines)} pipelines parse, {len(commands)} dossier commands run")
