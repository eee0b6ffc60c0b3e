// Search in Chromium on a built site, as a reader uses it: bytes loaded before the first
// results, time to results cold (nothing loaded) and warm (the same files loaded), index size.
// Usage: node bench/search_speed.mjs PUBLIC_DIR [QUERY ...]
// Needs playwright-core and Debian's chromium (see .ci/run).
import { readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");
const site = path.resolve(process.argv[2]);
const queries = process.argv.length > 3 ? process.argv.slice(3)
  : ["migration roadmap", "anna aerts", "pricing contract", "escalaton", "owner:anna-aerts is:open"];

const folder = path.join(site, "search");
const files = readdirSync(folder);
const size = (name) => statSync(path.join(folder, name)).size;
const total = files.reduce((sum, f) => sum + size(f), 0);
console.log(`index: ${files.length} files, ${(total / 1e6).toFixed(1)} MB; index.js ${(size("index.js") / 1e3).toFixed(1)} kB`);

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ["--no-sandbox"] });
for (const query of queries) {
  const page = await browser.newPage();
  await page.goto("file://" + path.join(site, "index.html"));
  const run = async () => page.evaluate(async (q) => {
    const input = document.getElementById("search-input");
    const list = document.getElementById("search-results");
    list.textContent = "";
    const start = performance.now();
    input.value = q;
    input.dispatchEvent(new Event("input"));
    // The box waits 60 ms for the next keystroke; the time counted starts after it.
    await new Promise((resolve) => {
      const seen = () => (list.querySelector("li") ? resolve() : requestAnimationFrame(seen));
      seen();
    });
    const ms = performance.now() - start - 60;
    // The files asked for by the time the first results show.
    const files = [...document.querySelectorAll("script[src*='search/']")]
      .map((e) => decodeURIComponent(new URL(e.src).pathname.split("/").pop()));
    await new Promise((resolve) => setTimeout(resolve, 300));
    return { ms, files, results: list.querySelectorAll("[role=option]").length };
  }, query);
  const cold = await run();
  const loaded = cold.files;
  const bytes = loaded.reduce((sum, f) => sum + size(f), 0);
  const warm = await run();
  console.log(`${JSON.stringify(query)}: ${cold.results} results; ${loaded.length} files, ${(bytes / 1e3).toFixed(0)} kB before the first results; cold ${cold.ms.toFixed(0)} ms, warm ${warm.ms.toFixed(0)} ms`);
  await page.close();
}
await browser.close();
