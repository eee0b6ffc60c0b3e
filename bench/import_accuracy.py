#!/usr/bin/env python3
"""How well `dossier import` reads a folder of recaps against their truth file.

    python3 bench/import_accuracy.py target/release/dossier DIR [DIR/truth.toml]

Each recap in DIR is imported into a new empty site and built; its tasks.json is compared with
the truth a careful reader wrote by hand (truth.toml: per recap, the tasks with a distinctive
part of the title (or of the line the task was written on), the owners' ids and the deadline; [meta.NAME] the meeting date). Prints one
line per recap and the totals: tasks found, owners right, deadlines right, deadlines guessed
(given where the recap gives none), junk tasks (imported, matching no task of the truth), and
whether the meeting date was read.
"""
import json
import pathlib
import subprocess
import sys
import tempfile
import tomllib
import os

# DOSSIER_VERBOSE=1 prints, under each recap, the tasks missed, the owners and deadlines read wrong,
# and each junk task.
VERBOSE = os.environ.get("DOSSIER_VERBOSE") == "1"
# DOSSIER_TITLE_ONLY=1 looks for the truth's words in the title alone, as a reader scanning a list would.
TITLE_ONLY = os.environ.get("DOSSIER_TITLE_ONLY") == "1"

SITE = 'title = "Recaps"\nbase_url = "https://example.test/"\ntimezone = "Europe/Brussels"\nlast_edited = false\n'


def import_one(dossier, recap, stated_date):
    """Imports the recap as it is; where it fails for want of a date the truth knows, again with
    that date, so that its tasks are still measured (the date counts as missed)."""
    with tempfile.TemporaryDirectory() as root:
        root = pathlib.Path(root)
        (root / "content/meetings").mkdir(parents=True)
        (root / "site.toml").write_text(SITE)
        (root / "content/people.toml").write_text("")
        command = [dossier, "import", str(recap), "--root", str(root)]
        run = subprocess.run(command, capture_output=True, text=True)
        problems = []
        if run.returncode != 0 and stated_date and "date" in run.stderr:
            problems.append("no date read")
            run = subprocess.run(command + ["--date", stated_date], capture_output=True, text=True)
            if run.returncode == 0:
                meetings = sorted((root / "content/meetings").glob("*.md"))
                for meeting in meetings:
                    meeting.rename(meeting.with_name("0000-00-00" + meeting.name[10:]))
        if run.returncode != 0:
            return None, problems + [(run.stderr.strip().splitlines() or ["failed"])[-1][:160]]
        meetings = sorted((root / "content/meetings").glob("*.md"))
        date = meetings[0].name[:10] if meetings else None
        build = subprocess.run([dossier, "build", "--root", str(root), "--today", "2026-09-01", "-q"], capture_output=True, text=True)
        if build.returncode != 0:
            return {"date": date, "tasks": []}, problems + ["build failed: " + (build.stderr.strip().splitlines() or [""])[0][:160]]
        tasks = json.loads((root / "public/tasks.json").read_text())
        tasks = tasks["tasks"] if isinstance(tasks, dict) else tasks
        # The whole line each task was written on: a title the importer shortened ("Offerte
        # aanpassen" for Gemini's "[Elke] Offerte aanpassen: De aangepaste offerte … sturen.")
        # still holds the words the truth names.
        lines = [line for meeting in meetings for line in meeting.read_text().splitlines()]
        for task in tasks:
            mark = "{#" + task["id"].rsplit(".", 1)[-1] + "}"
            task["line"] = next((line for line in lines if mark in line), task["title"])
        return {"date": date, "tasks": tasks}, problems


def due_of(task):
    due = task.get("due")
    if due and task.get("due_precision") == "month":
        return due[:7]
    return due


def main():
    dossier, folder = sys.argv[1], pathlib.Path(sys.argv[2])
    truth = tomllib.loads(pathlib.Path(sys.argv[3] if len(sys.argv) > 3 else folder / "truth.toml").read_text())
    meta = truth.pop("meta", {})
    total = dict(recaps=0, tasks=0, found=0, owners=0, dated=0, dues=0, guessed=0, junk=0, dates=0, dates_stated=0)
    for name in sorted(truth):
        recaps = [p for p in folder.glob(name + ".*") if p.suffix != ".toml"]
        if not recaps:
            print(f"{name}: no recap file")
            continue
        result, problems = import_one(dossier, recaps[0], meta.get(name, {}).get("date"))
        want = truth[name]
        got = result["tasks"] if result else []
        used = set()
        found = owners = dues = guessed = dated = 0
        for task in want:
            matches = [i for i, t in enumerate(got) if task["task"].lower() in t["title"].lower() and i not in used]
            matches = matches or ([] if TITLE_ONLY else [i for i, t in enumerate(got) if task["task"].lower() in t["line"].lower() and i not in used])
            if not matches:
                if VERBOSE:
                    print(f"    missed: {task['task']}")
                continue
            i = matches[0]
            used.add(i)
            found += 1
            if sorted(task["owners"]) == sorted(got[i].get("owners", [])):
                owners += 1
            elif VERBOSE:
                print(f"    owners: {task['task']}: want {sorted(task['owners'])}, read {sorted(got[i].get('owners', []))}")
            if "due" in task:
                dated += 1
                if due_of(got[i]) == task["due"]:
                    dues += 1
                elif VERBOSE:
                    print(f"    deadline: {task['task']}: want {task['due']}, read {due_of(got[i])}")
            elif got[i].get("due"):
                guessed += 1
                if VERBOSE:
                    print(f"    guessed: {task['task']}: read {due_of(got[i])}")
        junk = len(got) - len(used)
        if VERBOSE:
            for i, t in enumerate(got):
                if i not in used:
                    print(f"    junk: {t['title']}")
        stated = meta.get(name, {}).get("date")
        date_ok = result is not None and stated is not None and result["date"] == stated
        total["recaps"] += 1
        total["tasks"] += len(want)
        total["found"] += found
        total["owners"] += owners
        total["dated"] += sum(1 for t in want if "due" in t)
        total["dues"] += dues
        total["guessed"] += guessed
        total["junk"] += junk
        total["dates_stated"] += stated is not None
        total["dates"] += date_ok
        note = "; ".join(problems)
        print(f"{name:32} tasks {found}/{len(want)}  owners {owners}/{len(want)}  deadlines {dues}/{sum(1 for t in want if 'due' in t)}  guessed {guessed}  junk {junk}  date {'ok' if date_ok else 'missed' if stated else '-'} {note}")
    t = total
    pct = lambda a, b: f"{100 * a / b:.0f}%" if b else "-"
    print(f"\n{t['recaps']} recaps, {t['tasks']} tasks: found {pct(t['found'], t['tasks'])}, owners right {pct(t['owners'], t['tasks'])} ({t['owners']}), "
          f"deadlines right {pct(t['dues'], t['dated'])} ({t['dues']}/{t['dated']}), guessed {t['guessed']}, junk {t['junk']}, "
          f"meeting date read {t['dates']}/{t['dates_stated']}")


if __name__ == "__main__":
    main()
