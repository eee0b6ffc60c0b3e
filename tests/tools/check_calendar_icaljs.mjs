// Parses every .ics file of a built site with ical.js, the parser of Thunderbird's calendar.
// Usage: node check_calendar_icaljs.mjs PUBLIC_DIR
// Exit status 0 when every file parses into a VCALENDAR with at least one component.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import ICAL from "ical.js";

const root = process.argv[2];
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full);
    else if (name.endsWith(".ics")) files.push(full);
  }
})(root);

const failures = [];
let events = 0;
for (const file of files) {
  try {
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, "utf8")));
    if (calendar.name !== "vcalendar") failures.push(`${file}: not a VCALENDAR`);
    if (calendar.getAllSubcomponents().length === 0) failures.push(`${file}: no component`);
    for (const vevent of calendar.getAllSubcomponents("vevent")) {
      const event = new ICAL.Event(vevent);
      if (!event.uid || !event.startDate || !event.startDate.isDate) failures.push(`${file}: ${event.uid} is not an all-day event`);
      events++;
    }
    if (!calendar.getFirstSubcomponent("vtimezone")) failures.push(`${file}: no VTIMEZONE`);
  } catch (error) {
    failures.push(`${file}: ${error.message}`);
  }
}
if (failures.length) {
  console.log(failures.slice(0, 40).join("\n"));
  process.exit(1);
}
console.log(`ical.js: ${files.length} calendars, ${events} events, all parsed`);
