// Search index size and query speed: node bench/search_speed.mjs PUBLIC_DIR/search-index.js
// Loads the index as a page would and runs the same substring scan as dossier.js.
import { readFileSync } from "node:fs";
import vm from "node:vm";
const ctx = { window: {} };
const t0 = performance.now();
vm.runInNewContext(readFileSync(process.argv[2], "utf8"), ctx);
const t1 = performance.now();
const idx = ctx.window.dossierSearchIndex;
// Same flattening and matching as dossier.js, without the DOM.
const docs = [];
idx.meetings.forEach((m) => docs.push((m[0] + " " + m[2] + " " + m[3]).toLowerCase()));
idx.topics.forEach((t) => docs.push((t[2] + " " + t[3] + " " + t[4]).toLowerCase()));
idx.tasks.forEach((k) => docs.push((k[2] + " " + k[3] + " " + k[4]).toLowerCase()));
idx.people.forEach((p) => docs.push((p[1] + " " + p[2]).toLowerCase()));
idx.initiatives.forEach((i) => docs.push((i[1] + " " + i[2]).toLowerCase()));
const t2 = performance.now();
for (const q of ["anna aerts", "pricing", "migration roadmap", "dec 2021", "zzz"]) {
  const terms = q.split(/\s+/);
  const s = performance.now();
  let hits = 0;
  for (const d of docs) { if (terms.every((t) => d.indexOf(t) >= 0)) { hits++; if (hits >= 400) break; } }
  console.log(`${q}: ${hits} hits in ${(performance.now() - s).toFixed(1)} ms`);
}
console.log(`${docs.length} entries; load ${(t1 - t0).toFixed(0)} ms, flatten ${(t2 - t1).toFixed(0)} ms`);
