"""Checks feed.xml with `feedparser`, the library most feed readers' behaviour is modelled on.

Usage: check_feed.py PUBLIC_DIR EXPECTED_ENTRIES
"""
import pathlib
import sys

import feedparser

public = pathlib.Path(sys.argv[1])
expected = int(sys.argv[2])
feed = feedparser.parse((public / "feed.xml").read_bytes())
failures = []
if feed.bozo:
    failures.append(f"not well-formed: {feed.bozo_exception}")
if feed.version != "atom10":
    failures.append(f"not Atom 1.0 but {feed.version!r}")
if len(feed.entries) != expected:
    failures.append(f"{len(feed.entries)} entries, expected {expected}")
for entry in feed.entries:
    if not entry.link.startswith(("http://", "https://")):
        failures.append(f"relative link {entry.link}")
    for key in ("title", "id", "updated", "published", "summary"):
        if not entry.get(key):
            failures.append(f"entry without {key}")
    if entry.get("author") != feed.feed.title:
        failures.append(f"{entry.id}: the author is {entry.get('author')!r}, not the team ({feed.feed.title!r})")
    if entry.updated_parsed < entry.published_parsed:
        failures.append(f"{entry.id}: updated before it was published")
dates = [e.published_parsed for e in feed.entries]
if dates != sorted(dates, reverse=True):
    failures.append("entries are not newest first")
if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"feed.xml: Atom 1.0, {len(feed.entries)} entries, well-formed")
