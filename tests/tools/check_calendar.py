"""Checks the built .ics files with the `icalendar` library, as a calendar client would read them.

Usage: check_calendar.py PUBLIC_DIR --today YYYY-MM-DD [--past-days 30] [--future-days 120]
                         [--max-bytes 1000000]
The window is site.toml's [calendar] (defaults shown); TODAY is the build's day.
Exit status 0 when every check passes; the failures are printed otherwise.
"""
import argparse
import datetime
import json
import pathlib
import sys
import urllib.parse

import icalendar

parser = argparse.ArgumentParser()
parser.add_argument("public", type=pathlib.Path)
parser.add_argument("--today", required=True, type=datetime.date.fromisoformat)
parser.add_argument("--past-days", type=int, default=30)
parser.add_argument("--future-days", type=int, default=120)
parser.add_argument("--max-bytes", type=int, default=1_000_000)
args = parser.parse_args()
public = args.public
tasks = json.loads((public / "tasks.json").read_text())
host = urllib.parse.urlsplit(tasks[0]["url"]).hostname if tasks else None
failures = []


def period_start(task):
    last = datetime.date.fromisoformat(task["due"])
    if task["due_precision"] == "month":
        return last.replace(day=1)
    if task["due_precision"] == "quarter":
        return last.replace(month=last.month - 2, day=1)
    return last


def in_window(task):
    if task["due"] is None:
        return False
    last = datetime.date.fromisoformat(task["due"])
    return (last >= args.today - datetime.timedelta(days=args.past_days)
            and period_start(task) <= args.today + datetime.timedelta(days=args.future_days))


# An open task overdue since before the window stays, however long ago: it matters most. The
# most recently due are events one by one, the rest counted in one event on today.
OVERDUE_KEPT = 200


def shown_tasks(tasks):
    """The tasks a calendar holds as events, and how many overdue ones it only counts."""
    before = [t for t in tasks if t["due"] and t["overdue"] and not in_window(t)]
    before.sort(key=lambda t: t["due"], reverse=True)
    kept = {id(t) for t in before[:OVERDUE_KEPT]}
    return [t for t in tasks if in_window(t) or id(t) in kept], max(0, len(before) - OVERDUE_KEPT)


def events_of(path):
    raw = path.read_bytes()
    if len(raw) > args.max_bytes:
        failures.append(f"{path}: {len(raw)} bytes, over {args.max_bytes}")
    if b"\n" in raw.replace(b"\r\n", b""):
        failures.append(f"{path}: a line ends without CRLF")
    for line in raw.split(b"\r\n"):
        if len(line) > 75:
            failures.append(f"{path}: a line is {len(line)} octets long")
    calendar = icalendar.Calendar.from_ical(raw)
    for key in ("VERSION", "PRODID", "METHOD", "REFRESH-INTERVAL", "X-PUBLISHED-TTL"):
        if key not in calendar:
            failures.append(f"{path}: no {key}")
    if not calendar.subcomponents:
        failures.append(f"{path}: no component (RFC 5545 requires one)")
    if not list(calendar.walk("VTIMEZONE")):
        failures.append(f"{path}: no VTIMEZONE")
    return [c for c in calendar.walk("VEVENT")]


def check(path, expected_tasks):
    events = events_of(path)
    shown, counted = shown_tasks(expected_tasks)
    summaries = [e for e in events if str(e["SUMMARY"]).endswith(" more overdue tasks")]
    events = [e for e in events if e not in summaries]
    if counted and [str(e["SUMMARY"]) for e in summaries] != [f"and {counted} more overdue tasks"]:
        failures.append(f"{path}: {counted} overdue tasks left out, but no event counts them")
    if not counted and summaries:
        failures.append(f"{path}: an event counts overdue tasks, but none were left out")
    if len(events) != len(shown):
        failures.append(f"{path}: {len(events)} events for {len(shown)} tasks in the window")
    uids = [str(e["UID"]) for e in events]
    if len(set(uids)) != len(uids):
        failures.append(f"{path}: duplicate UIDs")
    for event in events:
        uid = str(event["UID"])
        if host and not uid.endswith("@" + host):
            failures.append(f"{path}: UID {uid} is not at the site's host {host}")
        for key in ("DTSTAMP", "LAST-MODIFIED", "SEQUENCE"):
            if key not in event:
                failures.append(f"{path}: {uid} has no {key}")
        if str(event.get("STATUS", "")) == "CANCELLED":
            failures.append(f"{path}: {uid} is CANCELLED; done tasks are marked, not cancelled")
        start = event["DTSTART"].dt
        end = event["DTEND"].dt
        if type(start) is not datetime.date or end - start != datetime.timedelta(days=1):
            failures.append(f"{path}: {uid} is not an all-day event ending the next day")
    titles = sorted(str(e["SUMMARY"]).removeprefix("✓ ") for e in events)
    if titles != sorted(t["title"] for t in shown):
        failures.append(f"{path}: the events are not the tasks in the window")
    dates = sorted(e["DTSTART"].dt.isoformat() for e in events)
    if dates != sorted(t["due"] for t in shown):
        failures.append(f"{path}: the event dates are not the deadlines")
    return len(events)


total = check(public / "calendar.ics", tasks)
owners = sorted(p.parent.name for p in (public / "owners").glob("*/calendar.ics"))
for owner in owners:
    check(public / "owners" / owner / "calendar.ics", [t for t in tasks if owner in t["owners"]])

# Each continued task's page offers its deadline as a calendar of one event.
by_id = {t["id"]: t for t in tasks}
task_calendars = sorted((public / "tasks").glob("*/task.ics"))
for path in task_calendars:
    task = by_id.get(path.parent.name)
    events = events_of(path)
    if task is None or task["due"] is None:
        failures.append(f"{path}: no dated task {path.parent.name} in tasks.json")
    elif len(events) != 1 or events[0]["DTSTART"].dt.isoformat() != task["due"]:
        failures.append(f"{path}: not one event on {task['due']}")
    elif str(events[0]["SUMMARY"]).removeprefix("✓ ") != task["title"]:
        failures.append(f"{path}: the event is not {task['title']}")
for task in tasks:
    page = public / "tasks" / task["id"] / "index.html"
    if page.exists() and task["due"] and not (page.parent / "task.ics").exists():
        failures.append(f"{page}: a dated task's page without its task.ics")

if failures:
    print("\n".join(failures[:40]))
    sys.exit(1)
print(f"calendar.ics: {total} events; {len(owners)} owner calendars match their tasks; "
      f"{len(task_calendars)} task calendars")
