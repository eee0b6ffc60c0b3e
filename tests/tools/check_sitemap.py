"""Checks the sitemap: an index whose files each hold at most 50,000 URLs (the protocol's
limit), every URL absolute under the site's base, and, given a count, exactly that many pages.

Usage: check_sitemap.py PUBLIC_DIR [PAGES]
"""
import pathlib
import sys
import xml.etree.ElementTree as ET

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
public = pathlib.Path(sys.argv[1])
index = ET.parse(public / "sitemap.xml").getroot()
failures = []
if index.tag != "{%s}sitemapindex" % NS["s"]:
    failures.append("sitemap.xml is not a sitemap index")
total = 0
parts = [loc.text for loc in index.findall("s:sitemap/s:loc", NS)]
for loc in parts:
    name = loc.rsplit("/", 1)[-1]
    urls = ET.parse(public / name).getroot().findall("s:url/s:loc", NS)
    if len(urls) > 50_000:
        failures.append(f"{name}: {len(urls)} URLs, over 50,000")
    base = loc[: -len(name)]
    failures.extend(f"{name}: {u.text} is not under {base}" for u in urls[:5] if not u.text.startswith(base))
    total += len(urls)
if len(sys.argv) > 2 and total != int(sys.argv[2]):
    failures.append(f"{total} URLs for {sys.argv[2]} pages")
if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"sitemap: {len(parts)} files, {total} URLs")
