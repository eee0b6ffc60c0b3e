"""Checks the built .ics files with the `icalendar` library, as a calendar client would read them.

Usage: check_calendar.py PUBLIC_DIR
Exit status 0 when every check passes; the failures are printed otherwise.
"""
import datetime
import json
import pathlib
import sys

import icalendar

public = pathlib.Path(sys.argv[1])
tasks = json.loads((public / "tasks.json").read_text())
failures = []


def events_of(path):
    raw = path.read_bytes()
    if b"\n" in raw.replace(b"\r\n", b""):
        failures.append(f"{path}: a line ends without CRLF")
    for line in raw.split(b"\r\n"):
        if len(line) > 75:
            failures.append(f"{path}: a line is {len(line)} octets long")
    calendar = icalendar.Calendar.from_ical(raw)
    for key in ("VERSION", "PRODID", "METHOD"):
        if key not in calendar:
            failures.append(f"{path}: no {key}")
    return [c for c in calendar.walk("VEVENT")]


def check(path, expected_tasks):
    events = events_of(path)
    dated = [t for t in expected_tasks if t["due"] is not None]
    if len(events) != len(dated):
        failures.append(f"{path}: {len(events)} events for {len(dated)} dated tasks")
    uids = [str(e["UID"]) for e in events]
    if len(set(uids)) != len(uids):
        failures.append(f"{path}: duplicate UIDs")
    for event in events:
        if "DTSTAMP" not in event:
            failures.append(f"{path}: {event['UID']} has no DTSTAMP")
        start = event["DTSTART"].dt
        end = event["DTEND"].dt
        if type(start) is not datetime.date or end - start != datetime.timedelta(days=1):
            failures.append(f"{path}: {event['UID']} is not an all-day event ending the next day")
    titles = sorted(str(e["SUMMARY"]).lstrip("✓ ") for e in events)
    if titles != sorted(t["title"] for t in dated):
        failures.append(f"{path}: the events are not the dated tasks: {titles}")
    dates = sorted(e["DTSTART"].dt.isoformat() for e in events)
    if dates != sorted(t["due"] for t in dated):
        failures.append(f"{path}: the event dates are not the deadlines: {dates}")
    return len(events)


total = check(public / "calendar.ics", tasks)
owners = sorted({o for t in tasks for o in t["owners"]})
for owner in owners:
    check(public / "owners" / owner / "calendar.ics", [t for t in tasks if owner in t["owners"]])

if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"calendar.ics: {total} events; {len(owners)} owner calendars match their tasks")
