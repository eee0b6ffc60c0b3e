// Browser tests: the built example site in Debian's Chromium, driven by playwright-core.
// Run from the repository root after `cargo build --release`:  node --test tests/browser/
// Skipped, with a message, when Chromium or playwright-core is missing (.ci/run installs both).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { gzipSync } from "node:zlib";

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, "../..");
const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";
const dossier = path.join(root, "target/release/dossier");
const site = path.join(root, "target/browser-site");
// The same site built on a later day: what the pages of `site` must show when read that day.
const laterSite = path.join(root, "target/browser-site-2025-12-10");
const shots = path.join(root, "target/screenshots");

let playwright = null;
try {
  playwright = require("playwright-core");
} catch {
  playwright = null;
}
const missing = !existsSync(chromiumPath)
  ? `Chromium is not at ${chromiumPath}`
  : !playwright
    ? "playwright-core is not installed (npm install playwright-core)"
    : !existsSync(dossier)
      ? "target/release/dossier is not built (cargo build --release)"
      : null;
if (missing) {
  if (process.env.DOSSIER_REQUIRE_TOOLS) throw new Error(`browser tests cannot run: ${missing}`);
  console.log(`SKIPPED: browser tests: ${missing}`);
}
const browserTest = missing ? test.skip : test;

const pages = {
  dashboard: "index.html",
  meetings: "meetings/index.html",
  meeting: "meetings/2025-11-18-account-team/index.html",
  topic: "meetings/2025-11-18-account-team/proximus-package-deal-progress/index.html",
  topics: "topics/index.html",
  initiatives: "initiatives/index.html",
  initiative: "initiatives/package-deal/index.html",
  owners: "owners/index.html",
  owner: "owners/sigi/index.html",
  accounts: "accounts/index.html",
  account: "accounts/proximus/index.html",
  tag: "tags/monthly/index.html",
  calendar: "calendar/index.html",
  month: "calendar/2025-12/index.html",
  notFound: "404.html",
};
// The pages as a reader opens them: the search results page with a query in its address.
const views = { ...pages, search: "search/index.html?q=deal" };

let browser;
let server;
let serverUrl;

before(async () => {
  if (missing) return;
  const built = spawnSync(dossier, ["build", "--today", "2025-11-24", "--out", site, "--force", "--root", root]);
  assert.equal(built.status, 0, String(built.stderr));
  const builtLater = spawnSync(dossier, ["build", "--today", "2025-12-10", "--out", laterSite, "--force", "--root", root]);
  assert.equal(builtLater.status, 0, String(builtLater.stderr));
  mkdirSync(shots, { recursive: true });
  browser = await playwright.chromium.launch({
    executablePath: chromiumPath,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
  server = spawn(dossier, ["serve", "--port", "0", "--today", "2025-11-24", "--root", root]);
  serverUrl = await new Promise((resolve, reject) => {
    let out = "";
    server.stdout.on("data", (chunk) => {
      out += chunk;
      const found = out.match(/http:\/\/[0-9.:]+\//);
      if (found) resolve(found[0]);
    });
    server.on("exit", () => reject(new Error("serve exited: " + out)));
  });
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.kill("SIGTERM");
});

const fileUrl = (page) => "file://" + path.join(site, page);

/// A page with every console error, failed request and request to another host recorded.
async function open(url, options = {}) {
  const context = await browser.newContext({ bypassCSP: !!options.axe, ...options.context });
  const page = await context.newPage();
  if (options.clock) await page.clock.setFixedTime(options.clock);
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push("console: " + m.text()); });
  page.on("pageerror", (e) => problems.push("error: " + e));
  // The live-reload stream of `serve` is cut when the page navigates away; that is no failure.
  page.on("requestfailed", (r) => { if (!r.url().includes("/__dossier/")) problems.push("failed: " + r.url()); });
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (!(u.protocol === "file:" || u.hostname === "127.0.0.1")) problems.push("other host: " + r.url());
  });
  await page.goto(url);
  return { page, context, problems };
}

async function searchAndOpen(baseUrl) {
  const { page, context, problems } = await open(baseUrl + "index.html".replace(/^/, ""));
  await page.keyboard.press("/");
  assert.equal(await page.evaluate(() => document.activeElement.id), "search-input");
  await page.keyboard.type("karla netskope");
  // Results follow each keystroke: after "karla" alone the person comes first. Wait for the
  // results of the whole query, the ones that mark its second word, then check them.
  await page.waitForFunction(() =>
    [...document.querySelectorAll("#search-results mark")].some((m) => /netskope/i.test(m.textContent)),
  );
  const first = await page.$eval("#search-results [role=option]", (li) => li.textContent);
  assert.match(first, /Package deal closure/);
  assert.ok(await page.$("#search-results mark"), "matches are highlighted");
  await page.keyboard.press("ArrowDown");
  await Promise.all([page.waitForURL(/proximus-package-deal-progress/), page.keyboard.press("Enter")]);
  assert.match(await page.title(), /Proximus package deal progress/);
  assert.deepEqual(problems, []);
  await context.close();
}

/// The results a query shows once they have settled: [kind, title, snippet] each.
async function resultsOf(page, query) {
  await page.fill("#search-input", "");
  await page.fill("#search-input", query);
  await page.waitForSelector("#search-results li");
  // The first results show before the rest; wait until the list stops changing.
  let before = "";
  for (;;) {
    await page.waitForTimeout(150);
    const now = await page.$eval("#search-results", (list) => list.innerText);
    if (now === before) break;
    before = now;
  }
  return page.$$eval("#search-results [role=option]", (items) => items.map((item) => [
    item.querySelector(".search-kind").textContent,
    item.querySelector(".search-title").textContent,
    (item.querySelector(".search-snippet") || { textContent: "" }).textContent,
    [...item.querySelectorAll("mark")].map((m) => m.textContent),
  ]));
}

/// Full text, typos, accents and phrases, as a reader types them.
async function searchFindsEveryWord(baseUrl) {
  const { page, context, problems } = await open(baseUrl + "index.html");
  const telesign = await resultsOf(page, "Telesign");
  assert.ok(telesign.some(([kind, title]) => kind === "Topic" && title === "Data, AI, and cloud migration updates"), JSON.stringify(telesign));
  assert.ok(telesign.some(([kind, title]) => kind === "Task" && /AVS migration/.test(title)), JSON.stringify(telesign));
  const topic = telesign.find(([kind]) => kind === "Topic");
  assert.match(topic[2], /Telesign/, "a snippet around the match");
  assert.deepEqual(topic[3], ["Telesign"], "the word is marked");
  const typo = await resultsOf(page, "netskpoe");
  assert.match(typo[0][1], /Netskope/, JSON.stringify(typo));
  const phrase = await resultsOf(page, "obtain the backbone excel file");
  assert.deepEqual(phrase[0].slice(0, 2), ["Task", "Backbone Excel file follow-up"]);
  const account = await resultsOf(page, "proximus kind:account");
  assert.deepEqual(account.map(([kind, title]) => [kind, title]), [["Account", "Proximus"]]);
  const mine = await resultsOf(page, "owner:sigi is:open kind:task");
  assert.ok(mine.length >= 5 && mine.every(([kind]) => kind === "Task"), JSON.stringify(mine));
  assert.deepEqual(problems, []);
  await context.close();
}

browserTest("search works when the site is opened from disk", async () => {
  await searchAndOpen("file://" + site + "/");
  await searchFindsEveryWord("file://" + site + "/");
});

browserTest("search works through dossier serve", async () => {
  await searchAndOpen(serverUrl);
  await searchFindsEveryWord(serverUrl);
});

/// The results page once every result it is showing has loaded: its summary and each result's
/// kind, title and task line (deadline, late or done).
async function resultsPageOf(page) {
  await page.waitForFunction(() => document.getElementById("search-page-summary").textContent !== "");
  let before = "";
  for (;;) {
    await page.waitForTimeout(150);
    const now = await page.$eval("#search-page-results", (list) => list.innerText);
    if (now === before) break;
    before = now;
  }
  return {
    summary: await page.textContent("#search-page-summary"),
    results: await page.$$eval("#search-page-results li", (items) => items.map((item) => [
      item.querySelector(".search-kind").textContent,
      item.querySelector(".search-title").textContent,
      (item.querySelector(".search-task") || { textContent: "" }).textContent,
    ])),
  };
}

browserTest("the search results page lists every result of the query in its address, from disk and through serve", async () => {
  for (const base of ["file://" + site + "/", serverUrl]) {
    // Read on the day the site was built for.
    const { page, context, problems } = await open(base + "search/index.html?q=deal", { clock: new Date("2025-11-24T09:00:00Z") });
    const { summary, results } = await resultsPageOf(page);
    assert.equal(summary, `${results.length} results for “deal”`);
    assert.ok(results.length > 5, JSON.stringify(results));
    assert.deepEqual(results.find(([, title]) => /^Package deal closure/.test(title)),
      ["Task", "Package deal closure (Windows 365, Entra ID, Intune, Netskope)", "due Sun 30 Nov 2025"]);
    assert.equal(await page.inputValue("#search-page-input"), "deal", "the query stays in the box");
    assert.match(await page.title(), /^deal · Search/);
    // A new query from the page's form becomes the page's address.
    await page.fill("#search-page-input", "netskope");
    await Promise.all([page.waitForURL(/\?q=netskope$/), page.press("#search-page-input", "Enter")]);
    assert.match((await resultsPageOf(page)).summary, /results? for “netskope”/);
    assert.deepEqual(problems, []);
    await context.close();
  }
  // Read on a later day, a task whose deadline went by says how late it is.
  const { page, context } = await open("file://" + laterSite + "/search/index.html?q=deal", { clock: new Date("2025-12-10T09:00:00Z") });
  const late = (await resultsPageOf(page)).results.find(([, title]) => /^Package deal closure/.test(title));
  assert.equal(late[2], "due Sun 30 Nov 2025 10 days late");
  assert.ok(await page.$("#search-page-results .search-task strong.late"), "the lateness is marked");
  await context.close();
});

browserTest("Enter in the search box opens the results page; more results than the box shows are one option away", async () => {
  const { page, context, problems } = await open(fileUrl(pages.meeting));
  await page.fill("#search-input", "is:open");
  await page.waitForSelector("#search-results .search-all");
  const options = await page.$$eval("#search-results [role=option]", (items) => items.length);
  assert.equal(options, 13, "twelve results and the way to all of them");
  assert.match(await page.textContent("#search-results .search-all"), /All results for “is:open”/);
  await Promise.all([page.waitForURL(/search\/index\.html\?q=is%3Aopen$/), page.press("#search-input", "Enter")]);
  const { summary, results } = await resultsPageOf(page);
  assert.ok(results.length > 12 && results.every(([kind]) => kind === "Task"), JSON.stringify(results));
  assert.equal(summary, `${results.length} results for “is:open”`);
  assert.deepEqual(problems, []);
  await context.close();
});

browserTest("the results page shows fifty results at a time, and more on request", async () => {
  const many = path.join(root, "target/browser-many");
  rmSync(many, { recursive: true, force: true });
  cpSync(path.join(root, "tests/sites/minimal"), many, { recursive: true });
  for (let n = 1; n <= 60; n++) {
    const day = String(1 + (n % 28)).padStart(2, "0");
    writeFileSync(path.join(many, `content/meetings/2025-10-${day}-review-${n}.md`),
      `+++\ntitle = "Renewal review ${n}"\ndate = 2025-10-${day}\n+++\n## Renewal round ${n}\nThe renewal was discussed.\n`);
  }
  const built = spawnSync(dossier, ["build", "--today", "2025-11-24", "--root", many]);
  assert.equal(built.status, 0, String(built.stderr));
  const { page, context, problems } = await open("file://" + path.join(many, "public/search/index.html?q=renewal"));
  let shown = await resultsPageOf(page);
  assert.equal(shown.results.length, 50);
  assert.match(shown.summary, /^12\d results for “renewal”$/);
  while (await page.isVisible("#search-page-more button")) {
    await page.click("#search-page-more button");
    shown = await resultsPageOf(page);
  }
  assert.equal(`${shown.results.length} results for “renewal”`, shown.summary);
  assert.deepEqual(problems, []);
  await context.close();
});

browserTest("a site that pins its day in site.toml is read as on that day, whatever the reader's clock", async () => {
  // The example's site.toml pins today = 2025-11-24; built without --today, its pages keep
  // that day in the browser, where a build for a day of the command line catches up.
  const pinned = path.join(root, "target/browser-pinned");
  const built = spawnSync(dossier, ["build", "--out", pinned, "--force", "--root", root]);
  assert.equal(built.status, 0, String(built.stderr));
  for (const [out, expected] of [[pinned, "2025-11-24"], [site, null]]) {
    // The calendar: the script brings its agenda up to any later day.
    const { page, context, problems } = await open("file://" + path.join(out, "calendar/index.html"));
    const asOf = await page.$$eval("time[data-as-of]", (times) => times.map((t) => t.getAttribute("datetime")));
    assert.ok(asOf.length > 0, "the calendar says as of which day");
    if (expected) assert.deepEqual([...new Set(asOf)], [expected], "a pinned day stays");
    else assert.ok(asOf.every((day) => day > "2025-11-24"), `a day of the command line catches up: ${asOf}`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

browserTest("search folds accents: elodie finds Élodie", async () => {
  const accents = path.join(root, "target/browser-accents");
  rmSync(accents, { recursive: true, force: true });
  cpSync(path.join(root, "tests/sites/minimal"), accents, { recursive: true });
  appendFileSync(path.join(accents, "content/people.toml"), '\n[elodie]\nname = "Élodie Lefèvre"\nrole = "Procurement"\n');
  writeFileSync(path.join(accents, "content/meetings/2025-11-21-pricing.md"),
    "+++\ntitle = \"Pricing review\"\ndate = 2025-11-21\n+++\n## Renewal terms\n@elodie asked for the renewal terms of the Straße contract.\n\n- [ ] **Send the terms:** as asked. @elodie due:2025-12-01\n");
  const built = spawnSync(dossier, ["build", "--today", "2025-11-24", "--root", accents]);
  assert.equal(built.status, 0, String(built.stderr));
  const { page, context, problems } = await open("file://" + path.join(accents, "public/index.html"));
  const found = await resultsOf(page, "elodie");
  assert.ok(found.some(([kind, title]) => kind === "Person" && title === "Élodie Lefèvre"), JSON.stringify(found));
  assert.ok(found.some(([kind, title]) => kind === "Task" && title === "Send the terms"), JSON.stringify(found));
  assert.ok(found[0][3].includes("Élodie"), "the accented name is marked");
  const strasse = await resultsOf(page, "strasse");
  assert.equal(strasse[0][1], "Renewal terms");
  assert.deepEqual(problems, []);
  await context.close();
});

browserTest("every page kind renders without errors, at 1280 and 390 px", async () => {
  for (const [name, file] of Object.entries(views)) {
    for (const width of [1280, 390]) {
      // The 404 page is sent by a server for a missing address at any depth, and links from
      // the site's root: see it as a reader would, through serve, three folders deep.
      const url = name === "notFound" ? serverUrl + "meetings/gone/deeper/" : fileUrl(file);
      const { page, context, problems } = await open(url, { context: { viewport: { width, height: 900 } } });
      assert.ok((await page.textContent("h1")).trim().length > 0, `${name} has a heading`);
      await page.screenshot({ path: path.join(shots, `${name}-${width}.png`), fullPage: true });
      await page.emulateMedia({ colorScheme: "dark" });
      await page.screenshot({ path: path.join(shots, `${name}-${width}-dark.png`), fullPage: true });
      await page.emulateMedia({ colorScheme: "light" });
      // What a reader needs at a glance, on a phone too: no sideways scroll, every section
      // of the navigation in sight, and task rows that say where each task was agreed
      // without linking to the page they are on; on the meeting's own page, or its topic's,
      // a row sits under its topic and says neither again.
      const view = await page.evaluate(() => {
        const here = location.href.replace(/#.*$/, "");
        return {
          sideways: document.documentElement.scrollWidth - window.innerWidth,
          hiddenNav: [...document.querySelectorAll(".site-nav a")]
            .filter((a) => { const r = a.getBoundingClientRect(); return r.left < 0 || r.right > window.innerWidth || r.width === 0; })
            .map((a) => a.textContent.trim()),
          selfLinks: [...document.querySelectorAll("li.task a[href]")]
            .filter((a) => a.href.replace(/#.*$/, "") === here)
            .map((a) => a.textContent.trim()),
          rowsWithoutMeeting: [...document.querySelectorAll("li.task")]
            .filter((li) => !li.querySelector(".source time[datetime]"))
            .map((li) => li.querySelector(".task-title").textContent.trim()),
          rowsWithMeeting: [...document.querySelectorAll("li.task")]
            .filter((li) => li.querySelector(".source"))
            .map((li) => li.querySelector(".task-title").textContent.trim()),
        };
      });
      if (name !== "notFound") {
        assert.ok(view.sideways <= 0, `${name} at ${width}px: ${view.sideways}px of sideways scroll`);
        assert.deepEqual(view.hiddenNav, [], `${name} at ${width}px: navigation out of sight`);
        assert.deepEqual(view.selfLinks, [], `${name}: task rows linking to the page itself`);
        if (name === "meeting" || name === "topic") {
          assert.ok(view.rowsWithoutMeeting.length > 0, `${name}: no task rows`);
          assert.deepEqual(view.rowsWithMeeting, [], `${name}: task rows repeating the meeting they are on`);
        } else {
          assert.deepEqual(view.rowsWithoutMeeting, [], `${name}: task rows without their meeting and date`);
        }
      }
      // The browser reports the 404 status of the page itself; anything else is a problem.
      const real = problems.filter((p) => !(name === "notFound" && /status of 404/.test(p)));
      assert.deepEqual(real, [], `${name} at ${width}px`);
      if (name === "notFound") {
        assert.equal(await page.evaluate(() => getComputedStyle(document.body).fontFamily.length > 0 && document.styleSheets.length), 1, "styled");
      }
      await context.close();
    }
  }
});

browserTest("without JavaScript the search box is hidden and the pages still work", async () => {
  const { page, context } = await open(fileUrl(pages.dashboard), { context: { javaScriptEnabled: false } });
  assert.equal(await page.isVisible("#search-input"), false);
  await page.click("text=Calendar");
  assert.match(page.url(), /calendar\/index.html$/);
  await context.close();
});

browserTest("pages stay small: HTML, CSS and JS under 100 KB each, 40 KB compressed together", () => {
  const assets = ["static/style.css", "static/dossier.js"].map((f) => readFileSync(path.join(site, f)));
  assets.forEach((bytes) => assert.ok(bytes.length < 100 * 1024, `an asset of ${bytes.length} bytes`));
  assert.ok(statSync(path.join(site, "search/index.js")).size < 10 * 1024, "the search manifest is small");
  for (const [name, file] of Object.entries(pages)) {
    const html = readFileSync(path.join(site, file));
    assert.ok(html.length < 100 * 1024, `${name}: ${html.length} bytes`);
    // What a server sends, compressed, for a first visit to the page.
    const sent = [html, ...assets].reduce((sum, bytes) => sum + gzipSync(bytes).length, 0);
    assert.ok(sent < 40 * 1024, `${name}: ${sent} bytes compressed`);
  }
});

const axeSource = (() => {
  try {
    return readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  } catch {
    return null;
  }
})();

browserTest("axe finds no WCAG 2.1 A or AA violations, light and dark", { skip: !axeSource && "axe-core is not installed" }, async () => {
  const report = [];
  for (const name of ["dashboard", "meeting", "topic", "owner", "calendar", "month", "search"]) {
    for (const scheme of ["light", "dark"]) {
      const { page, context } = await open(fileUrl(views[name]), { axe: true, context: { colorScheme: scheme } });
      if (name === "search") await page.waitForSelector("#search-page-results li");
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(() =>
        window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
      const violations = result.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0].target}`);
      report.push(`${name} ${scheme}: ${violations.length} violations, ${result.passes.length} rules passed`);
      assert.deepEqual(violations, [], `${name} in ${scheme} mode`);
      await context.close();
    }
  }
  console.log(report.join("\n"));
});

browserTest("every link and field can be reached with Tab, and shows where the focus is", async () => {
  for (const name of ["dashboard", "owner", "month"]) {
    const { page, context } = await open(fileUrl(pages[name]));
    const focusable = "a[href], input:not([type=hidden]), summary, button";
    const total = await page.$$eval(focusable, (els) => els.filter((e) => e.getClientRects().length > 0).length);
    for (let i = 0; i < total + 3; i++) {
      await page.keyboard.press("Tab");
      const focus = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        el.dataset.tabbed = "1";
        const style = getComputedStyle(el);
        return {
          what: el.tagName + " " + (el.getAttribute("href") || el.id || el.textContent.trim().slice(0, 30)),
          visible: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
        };
      });
      if (focus) assert.ok(focus.visible, `${name}: ${focus.what} has no visible focus`);
    }
    const missed = await page.$$eval(focusable, (els) => els
      .filter((e) => e.getClientRects().length > 0 && !e.dataset.tabbed)
      .map((e) => e.tagName + " " + (e.getAttribute("href") || e.id)));
    assert.deepEqual(missed, [], `${name}: not reachable with Tab`);
    await context.close();
  }
});

// What a reader sees of the deadlines on a page: its text, which tasks are marked overdue,
// which day is marked today and which month is current.
async function deadlineView(page) {
  return page.evaluate(() => ({
    // The reader's own week is the script's alone (asked for, kept in the browser): the rest
    // of the page is what must agree.
    text: (() => {
      const main = document.querySelector("main").cloneNode(true);
      main.querySelectorAll("[data-my-week]").forEach((panel) => panel.remove());
      document.body.appendChild(main);
      const text = main.innerText;
      main.remove();
      return text;
    })(),
    overdue: [...document.querySelectorAll("main li.is-overdue")].map((li) => li.querySelector("a").textContent),
    today: [...document.querySelectorAll(".month-grid td.is-today time")].map((t) => t.getAttribute("datetime")),
    currentMonth: [...document.querySelectorAll("[aria-current=date]")].map((a) => a.textContent),
    lateTargets: [...document.querySelectorAll("time.due-late")].map((t) => t.textContent),
  }));
}

const dateDependentPages = ["dashboard", "owners", "owner", "accounts", "account", "calendar", "month", "topic", "meeting"];
// Noon in Brussels, the example site's timezone, on the later day.
const laterDay = new Date("2025-12-10T12:00:00+01:00");

browserTest("a site built on 24 Nov 2025 and read on 10 Dec 2025 shows what a build on 10 Dec shows", async () => {
  for (const name of dateDependentPages) {
    const read = await open(fileUrl(pages[name]), { clock: laterDay });
    const later = await open("file://" + path.join(laterSite, pages[name]), { clock: laterDay });
    const seen = await deadlineView(read.page);
    const expected = await deadlineView(later.page);
    assert.deepEqual(seen, expected, `${name} read on 10 Dec`);
    assert.deepEqual(read.problems, [], name);
    if (name === "dashboard" || name === "owner") {
      await read.page.screenshot({ path: path.join(shots, `${name}-read-later.png`), fullPage: true });
    }
    await read.context.close();
    await later.context.close();
  }
  // The comparison is not empty: on 10 Dec three deadlines have passed, one by a single day.
  const { page, context } = await open(fileUrl(pages.calendar), { clock: laterDay });
  const view = await deadlineView(page);
  assert.equal(view.overdue.length, 3, view.text);
  assert.match(view.text, /Overdue 3/);
  assert.match(view.text, /Deadlines as of Wed 10 Dec 2025/);
  await context.close();
  const dashboard = await open(fileUrl(pages.dashboard), { clock: laterDay });
  assert.match(await dashboard.page.textContent("[data-overdue-stat]"), /3\s+overdue/);
  await dashboard.context.close();
});

browserTest("the dashboard asks who you are once, leads with your week, and without JavaScript stays the team's", async () => {
  const { page, context, problems } = await open(fileUrl(pages.dashboard), { clock: laterDay });
  assert.ok(await page.isVisible("[data-my-week]"));
  assert.ok(!(await page.isVisible("[data-mine]")), "nothing shown before the reader says who they are");
  await page.selectOption("#who-select", "manon");
  await page.waitForSelector("[data-mine]:not([hidden])");
  const rows = async (name) => page.$$eval(`[data-mine-list="${name}"] li`, (l) => l.map((x) => x.textContent));
  // On Wed 10 Dec Manon's package deal closure (due Sun 30 Nov) is 10 days late; nothing is due that week.
  const overdue = await rows("overdue");
  assert.equal(overdue.length, 1, JSON.stringify(overdue));
  assert.match(overdue[0], /Package deal closure.*10d late/);
  assert.deepEqual(await rows("week"), []);
  assert.match(await page.getAttribute('[data-mine-list="overdue"] a', "href"), /proximus-package-deal-progress\/index\.html$/);
  assert.ok(await page.isVisible('[data-mine-empty="week"]'));
  assert.match(await page.getAttribute("[data-mine-all]", "href"), /owners\/manon\/index\.html$/);
  await page.screenshot({ path: path.join(shots, "dashboard-your-week.png") });
  // Kept in the browser: the next visit leads with the same person's week; changeable.
  await page.reload();
  await page.waitForSelector("[data-mine]:not([hidden])");
  assert.equal(await page.inputValue("#who-select"), "manon");
  await page.selectOption("#who-select", "sigi");
  await page.waitForFunction(() => /Nokia/.test(document.querySelector('[data-mine-list="overdue"]').textContent));
  assert.deepEqual(problems, []);
  await context.close();
  const plain = await open(fileUrl(pages.dashboard), { context: { javaScriptEnabled: false } });
  assert.ok(!(await plain.page.isVisible("[data-my-week]")), "without a script the page is the team's");
  await plain.context.close();
});

browserTest("without JavaScript the pages show the build day's state and say so", async () => {
  for (const name of dateDependentPages.filter((n) => n !== "topic" && n !== "meeting")) {
    const { page, context } = await open(fileUrl(pages[name]), { clock: laterDay, context: { javaScriptEnabled: false } });
    const view = await deadlineView(page);
    assert.match(view.text, /Deadlines as of Mon 24 Nov 2025/, name);
    assert.deepEqual(view.overdue, [], `${name}: nothing was overdue on 24 Nov`);
    await context.close();
  }
});

browserTest("read the day it was built, the script changes nothing", async () => {
  for (const name of dateDependentPages) {
    const scripted = await open(fileUrl(pages[name]), { clock: new Date("2025-11-24T12:00:00+01:00") });
    const plain = await open(fileUrl(pages[name]), { context: { javaScriptEnabled: false } });
    assert.deepEqual(await deadlineView(scripted.page), await deadlineView(plain.page), name);
    await scripted.context.close();
    await plain.context.close();
  }
});

// A generated site with deadlines on most days: week and month boundaries, lists longer than
// the dashboard shows, compact rows. Read on days across the recomputed window, each page
// must show what a build on that day shows.
browserTest("on a site with hundreds of deadlines, every day of the window reads as that day's build", async () => {
  const corpus = path.join(root, "target/browser-corpus");
  const made = spawnSync("cargo", ["run", "--release", "--quiet", "--example", "gen_corpus", "--", "300", corpus], { cwd: root });
  assert.equal(made.status, 0, String(made.stderr));
  const buildDay = "2016-08-10";
  const build = (day) => {
    const out = path.join(root, "target/browser-corpus-" + day);
    const result = spawnSync(dossier, ["build", "--today", day, "--out", out, "--force", "--root", corpus]);
    assert.equal(result.status, 0, String(result.stderr));
    return out;
  };
  const built = build(buildDay);
  const plusDays = (n) => new Date(Date.UTC(2016, 7, 10 + n)).toISOString().slice(0, 10);
  for (const offset of [1, 4, 5, 12, 22, 28]) {
    const day = plusDays(offset);
    const reference = build(day);
    const corpusPages = ["index.html", "owners/index.html", "owners/anna-aerts/index.html", "calendar/index.html",
      `calendar/${day.slice(0, 7)}/index.html`];
    for (const file of corpusPages) {
      const clock = new Date(day + "T12:00:00+02:00");
      const read = await open("file://" + path.join(built, file), { clock });
      const later = await open("file://" + path.join(reference, file), { clock });
      assert.deepEqual(await deadlineView(read.page), await deadlineView(later.page), `${file} read on ${day}`);
      assert.deepEqual(read.problems, [], file);
      await read.context.close();
      await later.context.close();
    }
  }
});

// Tasks continued across meetings: tests/sites/continuity, three meetings of one account.
browserTest("a continued task's page, a meeting's changes since the last one and the account's briefing: no errors, no sideways scroll, axe clean", async () => {
  const out = path.join(root, "target/browser-continuity");
  const fixture = path.join(root, "tests/sites/continuity");
  const built = spawnSync(dossier, ["build", "--today", "2026-12-10", "--out", out, "--force", "--root", fixture]);
  assert.equal(built.status, 0, String(built.stderr));
  const continued = {
    task: "tasks/close-package-deal/index.html",
    since: "meetings/2026-12-07-globex-sync/index.html",
    account: "accounts/globex/index.html",
    initiative: "initiatives/renewal/index.html",
  };
  for (const [name, file] of Object.entries(continued)) {
    for (const width of [1280, 390]) {
      for (const scheme of ["light", "dark"]) {
        const where = `${name} at ${width}px, ${scheme}`;
        const { page, context, problems } = await open("file://" + path.join(out, file), {
          axe: !!axeSource,
          context: { viewport: { width, height: 900 }, colorScheme: scheme },
        });
        const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(sideways <= 0, `${where}: ${sideways}px of sideways scroll`);
        await page.screenshot({ path: path.join(shots, `continuity-${name}-${width}-${scheme}.png`), fullPage: true });
        // Before axe runs: it reads the style sheets itself, which a page from disk does not allow.
        assert.deepEqual(problems, [], where);
        if (axeSource) {
          await page.addScriptTag({ content: axeSource });
          const result = await page.evaluate(() =>
            window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
          assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes[0].target}`), [], where);
        }
        await context.close();
      }
    }
  }
  // The meeting page opens with its changes, before the topics.
  const { page, context } = await open("file://" + path.join(out, continued.since));
  const order = await page.evaluate(() =>
    [...document.querySelectorAll("main h2")].map((h) => h.textContent.trim()).slice(0, 2));
  assert.deepEqual(order, ["Since the last meeting", "Topics"]);
  await context.close();
});

// The example site's customer edition: the same pages without anything internal, and a banner
// that says which edition it is.
browserTest("the customer edition: every page kind without errors or sideways scroll, its banner shown, axe clean", async () => {
  const out = path.join(root, "target/browser-site-customer");
  const built = spawnSync(dossier, ["build", "--today", "2025-11-24", "--edition", "customer", "--out", out, "--force", "--root", root]);
  assert.equal(built.status, 0, String(built.stderr));
  // No owner pages: a customer reads who owes what on each task, not the team's workload.
  assert.ok(!existsSync(path.join(out, "owners")), "the customer edition has no owner pages");
  const kinds = ["dashboard", "meeting", "topic", "account", "initiative", "calendar"];
  for (const name of kinds) {
    for (const width of [1280, 390]) {
      for (const scheme of ["light", "dark"]) {
        const where = `customer ${name} at ${width}px, ${scheme}`;
        const { page, context, problems } = await open("file://" + path.join(out, pages[name]), {
          axe: !!axeSource,
          context: { viewport: { width, height: 900 }, colorScheme: scheme },
        });
        assert.equal((await page.textContent(".edition-banner")).trim(), "Customer edition", where);
        const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(sideways <= 0, `${where}: ${sideways}px of sideways scroll`);
        assert.equal(await page.$(".internal-note, .tag-internal"), null, `${where}: nothing internal`);
        await page.screenshot({ path: path.join(shots, `customer-${name}-${width}-${scheme}.png`), fullPage: true });
        assert.deepEqual(problems, [], where);
        if (axeSource && width === 1280) {
          await page.addScriptTag({ content: axeSource });
          const result = await page.evaluate(() =>
            window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
          assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes[0].target}`), [], where);
        }
        await context.close();
      }
    }
  }
  // The team's edition of the same meeting shows the notes block and the internal topic, marked.
  for (const scheme of ["light", "dark"]) {
    const { page, context } = await open(fileUrl(pages.meeting), { axe: !!axeSource, context: { colorScheme: scheme } });
    assert.equal(await page.$(".edition-banner"), null);
    assert.match(await page.textContent(".internal-note"), /12% discount/);
    await page.locator(".internal-note").screenshot({ path: path.join(shots, `internal-note-${scheme}.png`) });
    if (axeSource) {
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(() =>
        window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
      assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes[0].target}`), [], `team meeting, ${scheme}`);
    }
    await context.close();
  }
});

// Printed, a page is a briefing: what only leads elsewhere is left out, each "5 days late" and
// "raised 22 days ago" says from which day it counts, and a link out of the site prints its address. The PDFs' text is
// read back with poppler's pdftotext. PDFs in target/screenshots/.
const pdftotext = spawnSync("pdftotext", ["-v"]).error ? null : "pdftotext";
if (!pdftotext && !missing) {
  if (process.env.DOSSIER_REQUIRE_TOOLS) throw new Error("browser tests cannot run: pdftotext is missing (apt-get install poppler-utils)");
  console.log("SKIPPED: the printed pages' text: pdftotext is missing (apt-get install poppler-utils)");
}
browserTest("every page kind prints as a briefing (PDFs)", async () => {
  // Read on 10 Dec, when three deadlines have passed: the script counts the days late. The
  // owner's page also as built that day, where the build counts them.
  const printed = ["topic", "owner", "meeting", "account", "initiative", "owners", "dashboard", "calendar", "month", "tag"]
    .map((name) => [name, fileUrl(pages[name])])
    .concat([["owner-built-later", "file://" + path.join(laterSite, pages.owner)]]);
  const texts = {};
  for (const [name, url] of printed) {
    const { page, context, problems } = await open(url, { clock: laterDay });
    await page.emulateMedia({ media: "print" });
    const shown = await page.evaluate(() => {
      const visible = (css) => [...document.querySelectorAll(css)].some((e) => getComputedStyle(e).display !== "none" && e.getClientRects().length > 0);
      return {
        subscribe: visible(".subscribe"),
        navigationOnly: visible(".navigation-only"),
        masthead: visible(".masthead"),
        asOf: document.querySelector(".as-of") ? visible(".as-of") : true,
      };
    });
    assert.deepEqual(shown, { subscribe: false, navigationOnly: false, masthead: false, asOf: true }, name);
    const pdf = path.join(shots, `${name}-print.pdf`);
    await page.pdf({ path: pdf, format: "A4", printBackground: true });
    assert.deepEqual(problems, [], name);
    const lateCounts = await page.$$eval(".late[data-as-of]", (badges) => badges.length);
    const ageCounts = await page.$$eval(".age[data-as-of]", (ages) => ages.length);
    await context.close();
    if (!pdftotext) continue;
    const text = spawnSync(pdftotext, ["-layout", pdf, "-"], { encoding: "utf8" }).stdout.replace(/\s+/g, " ");
    texts[name] = text;
    // Every count of late days on paper is followed by the day it counts from.
    const late = text.match(/\d+(?: days?|d) late(?! as of 10 Dec)/g) || [];
    assert.deepEqual(late, [], `${name}: late without "as of"`);
    assert.equal((text.match(/\d+(?: days?|d) late as of 10 Dec/g) || []).length, lateCounts, name);
    // And so is every "raised 22 days ago".
    const ages = text.match(/raised (?:today|\d+ days? ago)(?! as of 10 Dec)/g) || [];
    assert.deepEqual(ages, [], `${name}: "raised … ago" without "as of"`);
    assert.equal((text.match(/raised (?:today|\d+ days? ago) as of 10 Dec/g) || []).length, ageCounts, name);
  }
  if (!pdftotext) return;
  // Late tasks are on paper, so the checks above had something to read. (The example site is
  // small enough to show every task as a card; rows, "5d late", carry the same attribute.)
  const all = Object.values(texts).join(" ");
  assert.match(all, /\d+ days? late as of 10 Dec/);
  assert.match(all, /raised \d+ days ago as of 10 Dec/);
  assert.equal(texts.owner, texts["owner-built-later"]);
  // A link out of the site prints its address; links within it, useless on paper, do not.
  assert.match(texts.initiative, /Windows 365 Enterprise \(https:\/\/www\.microsoft\.com\/windows-365\/enterprise\)/);
  assert.doesNotMatch(Object.values(texts).join(" "), /\((?:\.\.\/)+|\(index\.html/);
});

// After the four weeks the script can recompute, the owners list and the dashboard keep the build
// day's lists; a deadline they show as still to come that has passed is marked.
browserTest("read after the recomputed window, passed deadlines are marked on the owners list and dashboard", async () => {
  const readDay = new Date("2026-01-20T12:00:00+01:00");
  for (const name of ["owners", "dashboard"]) {
    const { page, context, problems } = await open(fileUrl(pages[name]), { clock: readDay });
    const dates = await page.evaluate(() => [
      ...[...document.querySelectorAll("time[data-next-due]")].map((t) => [t.getAttribute("datetime"), t]),
      ...[...document.querySelectorAll("main li[data-due]:not(.is-done):not(.is-overdue)")].map((li) => [li.dataset.due, li.querySelector(".due")]),
    ].map(([due, shown]) => ({
      due,
      marked: shown.classList.contains("due-late") && !!shown.nextElementSibling && shown.nextElementSibling.textContent === "passed",
    })));
    const passed = dates.filter((d) => d.due < "2026-01-20");
    assert.ok(passed.length > 0, `${name}: some deadline it shows has passed by 20 Jan`);
    assert.deepEqual(passed.filter((d) => !d.marked), [], `${name}: passed and not marked`);
    assert.deepEqual(dates.filter((d) => d.due >= "2026-01-20" && d.marked), [], `${name}: marked and not passed`);
    assert.match(await page.textContent(".as-of"),
      /Deadlines as of Mon 24 Nov 2025 \(read on Tue 20 Jan 2026: deadlines marked “passed” have gone by since\)/);
    if (name === "owners") await page.screenshot({ path: path.join(shots, "owners-read-after-window.png"), fullPage: true });
    assert.deepEqual(problems, [], name);
    await context.close();
  }
});

// The weekly digest as a mail client shows it: 600 pixels wide, no script, no sideways scroll,
// every link absolute (a mail has no site to be relative to).
browserTest("the weekly digest reads at 600 px without sideways scroll, its links absolute", async () => {
  const out = path.join(root, "target/browser-digests");
  const made = spawnSync(dossier, ["digest", "--week", "2025-12-03", "--out", out, "--root", root]);
  assert.equal(made.status, 0, String(made.stderr));
  const { page, context, problems } = await open("file://" + path.join(out, "manon.html"), {
    context: { viewport: { width: 600, height: 900 }, javaScriptEnabled: false },
  });
  const view = await page.evaluate(() => ({
    sideways: document.documentElement.scrollWidth - window.innerWidth,
    text: document.body.innerText,
    links: [...document.querySelectorAll("a")].map((a) => a.getAttribute("href")),
  }));
  assert.ok(view.sideways <= 0, `${view.sideways}px of sideways scroll`);
  assert.match(view.text, /Overdue \(1\)[\s\S]*Package deal closure[\s\S]*3 days late/);
  assert.ok(view.links.length > 1 && view.links.every((href) => href.startsWith("https://")), JSON.stringify(view.links));
  await page.screenshot({ path: path.join(shots, "digest-600.png"), fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

// The example site in Dutch, French and German (`language` in site.toml): the dashboard and an
// owner's page say every word in that language, the script brings them up to a later day in it,
// and they stay readable and accessible at both widths, light and dark.
const languages = {
  nl: { overdue: "Te laat", undated: "Geen deadline", late: /^\d+ dag(en)? te laat$/, day: "ma 24 nov 2025", later: "wo 10 dec 2025" },
  fr: { overdue: "En retard", undated: "Sans échéance", late: /^\d+ jours? de retard$/, day: "lun. 24 nov. 2025", later: "mer. 10 déc. 2025" },
  de: { overdue: "Überfällig", undated: "Ohne Frist", late: /^\d+ Tage? überfällig$/, day: "Mo., 24. Nov. 2025", later: "Mi., 10. Dez. 2025" },
};

// Noon in Brussels on the day the example is built for.
const buildDay = new Date("2025-11-24T12:00:00+01:00");

function buildIn(language) {
  const source = path.join(root, `target/browser-source-${language}`);
  const out = path.join(root, `target/browser-site-${language}`);
  rmSync(source, { recursive: true, force: true });
  mkdirSync(source, { recursive: true });
  cpSync(path.join(root, "content"), path.join(source, "content"), { recursive: true });
  const [title, ...rest] = readFileSync(path.join(root, "site.toml"), "utf8").split("\n");
  writeFileSync(path.join(source, "site.toml"), [title, `language = "${language}"`, ...rest].join("\n"));
  // Built "as if today were" the example's day, so that the script may bring it up to the reader's.
  const built = spawnSync(dossier, ["build", "--today", "2025-11-24", "--out", out, "--force", "--root", source]);
  assert.equal(built.status, 0, String(built.stderr));
  return out;
}

browserTest("the dashboard and an owner's page in Dutch, French and German: words, dates, the script's words; axe clean at 1280 and 390 px, light and dark", { skip: !axeSource && "axe-core is not installed" }, async () => {
  for (const [language, expected] of Object.entries(languages)) {
    const out = buildIn(language);
    for (const name of ["dashboard", "owner"]) {
      const url = "file://" + path.join(out, pages[name]);
      for (const width of [1280, 390]) {
        for (const scheme of ["light", "dark"]) {
          const { page, context, problems } = await open(url, {
            axe: true, clock: buildDay, context: { viewport: { width, height: 900 }, colorScheme: scheme },
          });
          assert.equal(await page.getAttribute("html", "lang"), language);
          const text = await page.textContent("main");
          assert.ok(text.includes(expected.day), `${language} ${name}: the day in its language`);
          // The dashboard's list of what is late; the owner's agenda group of what has no date.
          const heading = name === "dashboard" ? expected.overdue : expected.undated;
          assert.ok(text.includes(heading), `${language} ${name}: "${heading}"`);
          await page.addScriptTag({ content: axeSource });
          const result = await page.evaluate(() =>
            window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
          const violations = result.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0].target}`);
          assert.deepEqual(violations, [], `${language} ${name} at ${width}px, ${scheme}`);
          const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert.ok(sideways <= 0, `${language} ${name} at ${width}px: ${sideways}px of sideways scroll`);
          await page.screenshot({ path: path.join(shots, `${name}-${language}-${width}-${scheme}.png`), fullPage: true });
          // axe reads the stylesheet itself, which a file:// page refuses it: only the page's own problems count.
          assert.deepEqual(problems.filter((p) => !/style\.css|ERR_FAILED/.test(p)), [], `${language} ${name}`);
          await context.close();
        }
      }
      // Read on a later day, the script writes what changed in the site's language.
      const later = await open(url, { clock: laterDay });
      const asOf = await later.page.textContent(".as-of");
      assert.ok(asOf.includes(expected.later), `${language} ${name} read later: ${asOf}`);
      const badges = await later.page.$$eval("li.task .late", (els) => els.map((e) => e.textContent));
      assert.ok(badges.length > 0 && badges.every((b) => expected.late.test(b)), `${language} ${name}: ${badges}`);
      assert.deepEqual(later.problems, [], `${language} ${name} read later`);
      await later.context.close();
    }
  }
});
