// Progressive enhancement only: every page works without this file.
// The rules the script shares with dossier itself: deadline labels and groups as in
// src/dates.rs, search words as in src/formats/search.rs. A test (tests/testsuite/script_rules.rs)
// runs these and the Rust on one generated table, so that the two cannot drift apart unseen.
var dossierRules = (function () {
  "use strict";
  // The site's language, from static/words.js (made by dossier from the theme's i18n/ files
  // and the patterns of src/language.rs); English where it is missing.
  var WORDS = (typeof window !== "undefined" && window.dossierWords) || {};
  var DATES = WORDS.dates || {
    patterns: { day: "{weekday} {day} {month} {year}", short_day: "{day} {month}",
      month_end: "by end of {month} {year}", quarter_end: "by end of Q{quarter} {year}" },
    weekdays_short: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
    months: ["January", "February", "March", "April", "May", "June", "July", "August",
      "September", "October", "November", "December"],
    months_short: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    buckets: { overdue: "Overdue", today: "Today", "this-week": "This week", "next-week": "Next week",
      undated: "No deadline" }
  };
  var MONTHS = DATES.months;

  function fill(pattern, values) {
    return pattern.replace(/\{(\w+)\}/g, function (all, name) { return name in values ? values[name] : all; });
  }

  // A count as the pages write it (Language::count in Rust): "1,873", "1.873", "1 873".
  var NUMBERS = typeof Intl !== "undefined" ? new Intl.NumberFormat(WORDS.lang || "en") : null;
  function count(n) { return NUMBERS && typeof n === "number" ? NUMBERS.format(n) : String(n); }

  // A word of the theme's script in the site's language: `n` picks its plural as the
  // language counts (French counts 0 as one) and fills {n}.
  function say(key, english, n, values) {
    var text = (WORDS.words && WORDS.words[key]) || english;
    if (typeof text === "object") {
      var one = WORDS.lang === "fr" ? n === 0 || n === 1 : n === 1;
      text = one ? text.one : text.other;
    }
    var filled = Object.assign({ n: count(n) }, values || {});
    return fill(text, filled);
  }

  // "2025-12-09" → "Tue 9 Dec 2025", "2025-12" → "by end of December 2025", as on the pages.
  function dateLabel(iso) {
    if (!iso) return "";
    var quarter = iso.match(/^(\d{4})-Q(\d)$/);
    if (quarter) return fill(DATES.patterns.quarter_end, { quarter: quarter[2], year: quarter[1] });
    var parts = iso.split("-").map(Number);
    if (parts.length === 2) return fill(DATES.patterns.month_end, { month: MONTHS[parts[1] - 1], year: parts[0] });
    var date = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2]));
    return fill(DATES.patterns.day, { weekday: DATES.weekdays_short[date.getUTCDay()], day: parts[2],
      month: DATES.months_short[parts[1] - 1], year: parts[0] });
  }

  // "December 2025" (capitalised), as a month stands alone on the pages.
  function monthLabel(month, year) {
    var name = MONTHS[month - 1];
    return name.charAt(0).toUpperCase() + name.slice(1) + " " + year;
  }

  var DAY_MS = 86400000;
  function utc(iso) { var p = iso.split("-").map(Number); return Date.UTC(p[0], p[1] - 1, p[2]); }
  function isoOf(ms) { return new Date(ms).toISOString().slice(0, 10); }
  function addDays(iso, days) { return isoOf(utc(iso) + days * DAY_MS); }
  function daysBetween(from, to) { return Math.round((utc(to) - utc(from)) / DAY_MS); }

  // The last day a deadline allows: 2025-12-09; 2025-12 → 2025-12-31; 2025-Q4 → 2025-12-31.
  function lastDay(token) {
    var quarter = token.match(/^(\d{4})-Q(\d)$/i);
    if (quarter) return isoOf(Date.UTC(+quarter[1], +quarter[2] * 3, 0));
    var parts = token.split("-").map(Number);
    return parts.length === 2 ? isoOf(Date.UTC(parts[0], parts[1], 0)) : token;
  }

  // Overdue, Today, This week, Next week, a month, No deadline: as Bucket::of in src/dates.rs.
  function bucketOf(token, today, weekStart) {
    var titled = function (key) { return { key: key, title: DATES.buckets[key] }; };
    if (!token) return titled("undated");
    var end = lastDay(token);
    if (end < today) return titled("overdue");
    if (end === today) return titled("today");
    var thisWeek = addDays(today, -((new Date(utc(today)).getUTCDay() - weekStart + 7) % 7));
    if (end < addDays(thisWeek, 7)) return titled("this-week");
    if (end < addDays(thisWeek, 14)) return titled("next-week");
    return { key: "later-" + end.slice(0, 7), title: monthLabel(+end.slice(5, 7), end.slice(0, 4)) };
  }

  var STOPWORDS = {};
  ["a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "is",
    "it", "its", "of", "on", "or", "that", "the", "this", "to", "was", "were", "will", "with"]
    .forEach(function (word) { STOPWORDS[word] = true; });
  var SPELLED = { "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ı": "i" };

  // As fold() in search.rs: lowercase, marks removed, a few letters spelled out.
  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[ßæœøłđı]/g, function (c) { return SPELLED[c]; });
  }

  function singular(word) {
    if (word.length <= 4) return word;
    if (/ies$/.test(word)) return word.slice(0, -3) + "y";
    if (/sses$/.test(word)) return word.slice(0, -2);
    if (/s$/.test(word) && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
    return word;
  }

  function termsOf(text) {
    return text.split(/[^\p{L}\p{N}]+/u).map(fold)
      .filter(function (w) { return w.length > 1 && !STOPWORDS[w]; }).map(singular);
  }

  return {
    MONTHS: MONTHS, DATES: DATES, say: say, count: count, fill: fill, DAY_MS: DAY_MS, utc: utc, isoOf: isoOf,
    addDays: addDays, daysBetween: daysBetween,
    dateLabel: dateLabel, lastDay: lastDay, bucketOf: bucketOf, STOPWORDS: STOPWORDS, fold: fold,
    singular: singular, termsOf: termsOf
  };
})();

(function () {
  "use strict";
  // Outside a page (the test that runs the rules above) there is nothing to enhance.
  if (typeof document === "undefined") return;
  var R = dossierRules;
  var DATES = R.DATES, say = R.say, count = R.count, fill = R.fill, isoOf = R.isoOf, addDays = R.addDays;
  var daysBetween = R.daysBetween, dateLabel = R.dateLabel, lastDay = R.lastDay, bucketOf = R.bucketOf;
  var STOPWORDS = R.STOPWORDS, fold = R.fold, singular = R.singular, termsOf = R.termsOf;

  // Print briefings with every done-task list expanded.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.done-list").forEach(function (details) {
      details.dataset.wasOpen = details.open ? "1" : "";
      details.open = true;
    });
  });
  window.addEventListener("afterprint", function () {
    document.querySelectorAll("details.done-list").forEach(function (details) {
      details.open = details.dataset.wasOpen === "1";
    });
  });



  // "Today" as the reader's day. Pages are built for one day (data-built on <body>) and say
  // so ("Deadlines as of …"); read on a later day, every part that depends on the date is
  // brought up to that day here, in the site's timezone: what is overdue and by how many
  // days, agenda groups, counts, the dashboard's lists, the owners list, the month grid's
  // today marker. The rules are dossier's own (src/dates.rs); the data is in the page.


  // "24 Nov": what paper prints after "5 days late".
  function shortLabel(iso) {
    var parts = iso.split("-").map(Number);
    return fill(DATES.patterns.short_day, { day: parts[2], month: DATES.months_short[parts[1] - 1] });
  }

  // "as of 24 Nov": what paper prints after a count of days, so that it says from which day.
  function asOfDay(iso) {
    return say("as_of_day", "as of {day}", undefined, { day: shortLabel(iso) });
  }

  // The day the reader reads on, in the site's timezone; the build's day where the site pins
  // it, or where the reader's clock is behind the build.
  function readersDay() {
    var body = document.body;
    var today = todayIn(body.dataset.timezone);
    if (body.dataset.built && (today < body.dataset.built || body.dataset.pinned !== undefined)) {
      today = body.dataset.built;
    }
    return today;
  }

  function todayIn(timezone) {
    var now = new Date();
    try {
      var parts = {};
      new Intl.DateTimeFormat("en-US", { timeZone: timezone, year: "numeric", month: "2-digit", day: "2-digit" })
        .formatToParts(now).forEach(function (part) { parts[part.type] = part.value; });
      return parts.year + "-" + parts.month + "-" + parts.day;
    } catch (unknownZone) {
      return isoOf(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
    }
  }


  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // Removes a node and the space the templates put before it.
  function removeWithSpace(node) {
    var before = node.previousSibling;
    if (before && before.nodeType === 3 && before.textContent === " ") before.remove();
    node.remove();
  }

  function ageText(days) {
    return days <= 0 ? say("raised_today", "raised today") :
      say("raised_days_ago", { one: "raised {n} day ago", other: "raised {n} days ago" }, days);
  }

  // One task as the templates show it: a card (task.html), a row (task_row.html) or a line in
  // a month grid.
  function markTask(item, today) {
    if (item.classList.contains("is-done")) return;
    var late = item.dataset.due ? daysBetween(lastDay(item.dataset.due), today) : 0;
    var overdue = late > 0;
    item.classList.toggle("is-overdue", overdue);
    var card = item.classList.contains("task");
    var row = item.classList.contains("task-row");
    var due = item.querySelector(card ? ".task-meta > .due" : ":scope > .due");
    if (due) due.classList.toggle("due-late", overdue);
    var state = item.querySelector(":scope > .task-state");
    if (state) state.textContent = overdue ? "!" : "○";
    var badge = item.querySelector(card ? ".task-meta > .late" : ":scope > .late");
    if (!overdue && badge) removeWithSpace(badge);
    if (overdue) {
      if (!badge) {
        badge = element(card || row ? "strong" : "span", "late");
        var after = card ? due : row ? item.querySelector(":scope > a") : item.lastChild;
        after.after(" ", badge);
      }
      badge.textContent = card ? say("days_late", { one: "{n} day late", other: "{n} days late" }, late) :
        row ? say("days_late_short", "{n}d late", late) : say("overdue", "overdue");
      if (card || row) badge.dataset.asOf = asOfDay(today);
    }
    var age = item.querySelector(".task-meta > .age");
    if (age && item.dataset.raised) {
      age.textContent = ageText(daysBetween(item.dataset.raised, today));
      age.dataset.asOf = asOfDay(today);
    }
  }

  // An agenda's open tasks, regrouped; they are in deadline order, so groups come in order.
  function regroup(agenda, today, weekStart) {
    var items = Array.prototype.slice.call(agenda.querySelectorAll(".agenda-group > ul > li"));
    if (!items.length) return;
    var listClass = items[0].parentNode.className;
    // Groups are headed at the level the page gave them (h2 on the calendar, h3 in a briefing).
    var headingTag = agenda.querySelector(".agenda-group > :first-child").tagName.toLowerCase();
    var groups = [];
    items.forEach(function (item) {
      var bucket = bucketOf(item.dataset.due, today, weekStart);
      var last = groups[groups.length - 1];
      if (!last || last.key !== bucket.key) groups.push(last = { key: bucket.key, title: bucket.title, items: [] });
      last.items.push(item);
    });
    agenda.textContent = "";
    // A briefing's agenda shows only its first groups, each cut to a few tasks; the others
    // are carried for a later day.
    var shows = agenda.dataset.agendaShows ? agenda.dataset.agendaShows.split(" ") : null;
    var limit = +agenda.dataset.agendaLimit || Infinity;
    groups.forEach(function (group) {
      group.items = group.items.slice(0, limit);
      var section = element("section", "agenda-group agenda-" + group.key);
      if (shows && shows.indexOf(group.key) < 0) section.hidden = true;
      section.id = group.key;
      section.setAttribute("aria-labelledby", "agenda-" + group.key);
      var heading = element(headingTag, "", group.title + " ");
      heading.id = "agenda-" + group.key;
      heading.appendChild(element("span", "count", count(group.items.length)));
      var list = element("ul", listClass);
      group.items.forEach(function (item) { list.appendChild(item); });
      section.appendChild(heading);
      section.appendChild(list);
      agenda.appendChild(section);
    });
  }

  function overdueSummary(summary, count) {
    summary.textContent = "";
    if (count > 0) {
      summary.appendChild(document.createTextNode(", "));
      summary.appendChild(element("strong", "late", say("overdue_count", "{n} overdue", count)));
    }
  }

  // The dashboard's Overdue and "next 14 days" lists, from the deadlines the page carries.
  function redoDashboard(pool, today) {
    var tasks = Array.prototype.slice.call(pool.content.children).map(function (task) {
      return { node: task, end: lastDay(task.dataset.due) };
    });
    function show(name, chosen, total) {
      var box = document.querySelector('[data-deadline-list="' + name + '"]');
      var shown = chosen.slice(0, +box.dataset.limit);
      var list = box.querySelector("ul");
      list.textContent = "";
      shown.forEach(function (task) { list.appendChild(document.importNode(task.node, true)); });
      list.hidden = !shown.length;
      box.querySelector(".empty").hidden = shown.length > 0;
      var more = box.querySelector("[data-total], [data-more]");
      more.textContent = count(more.hasAttribute("data-total") ? total : total - shown.length);
      more.closest("p").hidden = total <= shown.length;
    }
    // Every deadline of the window, for the counts; the pool holds only the tasks a list can show.
    var dues = (pool.dataset.dues ? pool.dataset.dues.split(" ") : []).map(lastDay);
    var horizon = addDays(today, 14);
    var overdueTotal = +document.querySelector('[data-deadline-list="overdue"]').dataset.count +
      dues.filter(function (end) { return end < today; }).length;
    show("overdue", tasks.filter(function (task) { return task.end < today; }), overdueTotal);
    var coming = function (end) { return end >= today && end <= horizon; };
    show("upcoming", tasks.filter(function (task) { return coming(task.end); }), dues.filter(coming).length);
    var stat = document.querySelector("[data-overdue-stat]");
    stat.querySelector(".stat-value").textContent = overdueTotal;
    stat.classList.toggle("stat-alert", overdueTotal > 0);
  }

  // An owners-list row: overdue count and next deadline from the deadlines it carries.
  function redoOwnerRow(row, today) {
    var dues = row.dataset.dues ? row.dataset.dues.split(" ") : [];
    var overdue = +row.dataset.overdue + dues.filter(function (t) { return lastDay(t) < today; }).length;
    var next = dues.filter(function (t) { return lastDay(t) >= today; })[0];
    var overdueCell = row.querySelector("[data-overdue-cell]");
    overdueCell.textContent = overdue > 0 ? "" : "0";
    if (overdue > 0) overdueCell.appendChild(element("strong", "late", count(overdue)));
    var nextCell = row.querySelector("[data-next-due-cell]");
    nextCell.textContent = "";
    if (next) {
      var time = element("time", "", dateLabel(next));
      time.setAttribute("datetime", lastDay(next));
      time.dataset.nextDue = "";
      nextCell.appendChild(time);
    } else {
      nextCell.appendChild(element("span", "muted", say("none", "none")));
    }
    row.dataset.sortOverdue = overdue;
    row.dataset.sortNext = next ? lastDay(next) : "";
  }

  // The owners list in the order the build gives it on its day: most overdue first, then the
  // nearest deadline (none last), then as listed by id.
  function resortOwners(table) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var byOverdue = +b.dataset.sortOverdue - +a.dataset.sortOverdue;
      if (byOverdue) return byOverdue;
      var an = a.dataset.sortNext, bn = b.dataset.sortNext;
      if (an !== bn) return !an ? 1 : !bn ? -1 : an < bn ? -1 : 1;
      return +a.dataset.rank - +b.dataset.rank;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  function redoMonthGrid(today) {
    document.querySelectorAll(".month-grid td").forEach(function (cell) {
      var time = cell.querySelector(".day-number time");
      var isToday = !!time && time.getAttribute("datetime") === today;
      cell.classList.toggle("is-today", isToday);
      var label = cell.querySelector(".today-label");
      if (isToday && !label) time.after(" ", element("span", "today-label", DATES.buckets.today));
      if (!isToday && label) removeWithSpace(label);
    });
  }

  // Read after the window, a page that keeps the build day's lists marks the deadlines it
  // shows as still to come that have passed since, and says on which day it was read.
  function markPassed(today) {
    var passed = 0;
    function mark(due) {
      due.classList.add("due-late");
      due.after(" ", element("strong", "late passed", say("passed", "passed")));
      passed += 1;
    }
    document.querySelectorAll("time[data-next-due]").forEach(function (time) {
      if (time.getAttribute("datetime") < today) mark(time);
    });
    document.querySelectorAll("li[data-due]").forEach(function (item) {
      var due = item.querySelector(".due");
      if (!due || item.classList.contains("is-done") || item.classList.contains("is-overdue")) return;
      if (lastDay(item.dataset.due) < today) mark(due);
    });
    if (!passed) return;
    document.querySelectorAll("p.as-of").forEach(function (asOf) {
      asOf.appendChild(document.createTextNode(
        " " + say("read_on", "(read on {day}: deadlines marked \u201cpassed\u201d have gone by since)", undefined,
          { day: dateLabel(today) })));
    });
  }

  function bringUpToDate() {
    var body = document.body;
    var built = body.dataset.built;
    // A site that pins its day in site.toml is read as on that day.
    if (!built || body.dataset.pinned !== undefined) return;
    var today = todayIn(body.dataset.timezone);
    // Before the build day the pages cannot know what was overdue then; leave them.
    if (today <= built) return;
    var pool = document.getElementById("deadline-pool");
    // Rows that count overdue tasks and name the next deadline: owners, accounts.
    var ownerRows = document.querySelectorAll("tr[data-dues], li[data-dues]");
    // The dashboard and the owners list carry the deadlines of a window after the build, not
    // all of them: past it they keep the build day's state, which "as of" names.
    if ((pool || ownerRows.length) && today > body.dataset.recomputeUntil) {
      markPassed(today);
      return;
    }
    if (pool) redoDashboard(pool, today);
    ownerRows.forEach(function (row) { redoOwnerRow(row, today); });
    document.querySelectorAll("table[data-owners]").forEach(resortOwners);
    document.querySelectorAll("li[data-due], li[data-raised]").forEach(function (item) { markTask(item, today); });
    var weekStart = +body.dataset.weekStart || 0;
    document.querySelectorAll("[data-agenda]").forEach(function (agenda) { regroup(agenda, today, weekStart); });
    document.querySelectorAll("[data-overdue-summary]").forEach(function (summary) {
      overdueSummary(summary, document.querySelectorAll("[data-agenda] li.is-overdue").length);
    });
    redoMonthGrid(today);
    document.querySelectorAll("a[data-month]").forEach(function (link) {
      if (link.dataset.month === today.slice(0, 7)) link.setAttribute("aria-current", "date");
      else link.removeAttribute("aria-current");
    });
    document.querySelectorAll("time[data-open-target]").forEach(function (target) {
      target.classList.toggle("due-late", target.getAttribute("datetime") < today);
    });
    document.querySelectorAll("time[data-as-of]").forEach(function (asOf) {
      asOf.setAttribute("datetime", today);
      asOf.textContent = dateLabel(today);
    });
  }
  bringUpToDate();

  // "Who are you?": the dashboard leads with the reader's own overdue tasks and this week's,
  // for the person chosen once and kept in this browser (localStorage). Their open tasks load
  // from the tasks.js beside each owner page. Without this script the panel stays hidden: the team's page.
  function readersWeek() {
    var panel = document.querySelector("[data-my-week]");
    if (!panel) return;
    var select = panel.querySelector("select");
    var mine = panel.querySelector("[data-mine]");
    var root = panel.dataset.root || "";
    // The folder of owner pages, as the page names it: the script spells no address.
    var owners = panel.dataset.owners;
    var today = readersDay();
    var weekStart = +document.body.dataset.weekStart || 0;
    var storage = null;
    try { storage = window.localStorage; } catch (blocked) { storage = null; }

    // As the pages link: a folder's address with its index.html, so that links work from disk.
    function pageHref(address) {
      return root + address + (/\/$/.test(address) ? "index.html" : "");
    }

    function row(task) {
      var end = task.d ? lastDay(task.d) : "";
      var late = end && end < today ? daysBetween(end, today) : 0;
      var item = element("li", "task-row" + (late ? " is-overdue" : ""));
      item.appendChild(element("span", "due" + (late ? " due-late" : ""), task.d ? dateLabel(task.d) : DATES.buckets.undated));
      item.appendChild(document.createTextNode(" "));
      var link = element("a", "", task.t);
      link.href = pageHref(task.u);
      item.appendChild(link);
      if (late) {
        item.appendChild(document.createTextNode(" "));
        item.appendChild(element("strong", "late", say("days_late_short", "{n}d late", late)));
      }
      item.appendChild(document.createTextNode(" "));
      item.appendChild(element("span", "muted", say("from_meeting", "from {meeting}", undefined, { meeting: task.m })));
      return item;
    }

    function show(id, tasks) {
      var groups = { overdue: [], week: [] };
      tasks.forEach(function (task) {
        var key = bucketOf(task.d, today, weekStart).key;
        if (key === "overdue") groups.overdue.push(task);
        else if (key === "today" || key === "this-week") groups.week.push(task);
      });
      Object.keys(groups).forEach(function (name) {
        var list = mine.querySelector('[data-mine-list="' + name + '"]');
        list.textContent = "";
        groups[name].forEach(function (task) { list.appendChild(row(task)); });
        list.hidden = !groups[name].length;
        mine.querySelector('[data-mine-empty="' + name + '"]').hidden = groups[name].length > 0;
      });
      mine.querySelector("[data-mine-all]").href = pageHref(owners + id + "/");
      mine.hidden = false;
    }

    window.dossierMine = function (id, tasks) {
      if (id === select.value) show(id, tasks);
    };

    function choose(id) {
      mine.hidden = true;
      if (storage) {
        try { if (id) storage.setItem("dossier-me", id); else storage.removeItem("dossier-me"); } catch (full) { /* kept for this page only */ }
      }
      if (!id) return;
      var script = document.createElement("script");
      script.src = root + owners + encodeURIComponent(id) + "/tasks.js";
      document.head.appendChild(script);
    }

    var stored = storage ? storage.getItem("dossier-me") : null;
    if (stored && select.querySelector('option[value="' + CSS.escape(stored) + '"]')) select.value = stored;
    select.addEventListener("change", function () { choose(select.value); });
    panel.querySelector("form").addEventListener("submit", function (event) { event.preventDefault(); });
    panel.hidden = false;
    if (select.value) choose(select.value);
  }
  readersWeek();

  // Search. The index is a folder of script files (search/), loaded as <script> elements so
  // that it works from a web server and from disk alike: index.js lists the others; a query
  // loads the term files of its words and the document files of the results it shows
  // (src/formats/search.rs writes them, with the same folding rules as below). Results are
  // built with DOM nodes, never HTML strings.
  var box = document.getElementById("search");
  if (!box) return;
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  var root = box.getAttribute("data-root") || "";
  var folder = root + "search/";
  var active = -1;
  var timer = null;
  var asked = 0;
  box.hidden = false;

  var KINDS = ["Meeting", "Topic", "Task", "Person", "Initiative", "Account"].map(function (kind) {
    return say("kind_" + kind.toLowerCase(), kind);
  });
  var KIND_WORDS = { meeting: 0, topic: 1, task: 2, person: 3, people: 3, initiative: 4, account: 5 };
  // Title, names (owners, participants, people, accounts), text.
  var FIELD_WEIGHT = [10, 6, 1];
  var RESULTS = 12;
  // Results the results page adds at a time.
  var PAGE_RESULTS = 50;
  // Results shown as soon as their documents are loaded, before the rest.
  var FIRST_SHOWN = 5;
  // Bytes of extra term files a word being typed may load for its longer completions.
  var PREFIX_BUDGET = 80000;

  var index = { manifest: null, terms: {}, docs: {} };
  var loads = {};
  window.dossierSearch = {
    manifest: function (manifest) {
      var at = 0;
      manifest.chunks = manifest.chunks.split(",").map(function (delta) { return (at += parseInt(delta, 36)); });
      manifest.keys = Object.keys(manifest.terms);
      index.manifest = manifest;
    },
    terms: function (key, terms) { index.terms[key] = terms; },
    docs: function (number, docs) { index.docs[number] = docs; }
  };

  function load(file) {
    if (!loads[file]) {
      loads[file] = new Promise(function (resolve) {
        var script = document.createElement("script");
        script.src = folder + file;
        script.onload = resolve;
        // A file that cannot load means fewer results, never a broken page.
        script.onerror = resolve;
        document.head.appendChild(script);
      });
    }
    return loads[file];
  }


  function keyFile(key) {
    return "t-" + Array.from(key).map(function (c) {
      return /[a-z0-9]/.test(c) ? c : "_" + c.codePointAt(0).toString(16);
    }).join("") + ".js";
  }

  // The term file a word is in: the one whose key starts it. A word with a typo may sort
  // where no key starts it (a long term can have a file of its own): then the files of the
  // terms sharing its longest beginning, no longer than the word and one letter.
  function keysFor(word) {
    var keys = index.manifest.keys;
    var covering = keys.filter(function (k) { return word.indexOf(k) === 0; })
      .sort(function (a, b) { return b.length - a.length; });
    if (covering.length && covering[0].length < word.length) return covering.slice(0, 1);
    for (var common = word.length - 1; common >= 3; common--) {
      var start = word.slice(0, common);
      var near = keys.filter(function (k) { return k.indexOf(start) === 0 && k.length <= word.length + 1; });
      if (near.length) return covering.slice(0, 1).concat(near.slice(0, 4));
    }
    return covering.slice(0, 1);
  }

  // For the word being typed, when it is no word of the index yet: the files of its longer
  // completions, while they stay within budget.
  function completionKeys(word) {
    var spent = 0;
    return index.manifest.keys
      .filter(function (k) { return k.length > word.length && k.indexOf(word) === 0; })
      .filter(function (k) { spent += index.manifest.terms[k]; return spent <= PREFIX_BUDGET; });
  }

  function isTerm(word) {
    return keysFor(word).some(function (key) { return index.terms[key] && index.terms[key][word] !== undefined; });
  }

  // Optimal string alignment distance, at most 2 (a swap of two letters counts one).
  function distance(a, b) {
    var rows = [];
    for (var i = 0; i <= a.length; i++) {
      rows[i] = [i];
      for (var j = 1; j <= b.length; j++) {
        if (i === 0) { rows[i][j] = j; continue; }
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var best = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2][j - 2] + 1);
        rows[i][j] = best;
      }
    }
    return rows[a.length][b.length];
  }

  // Each document of a posting list with its tag (kind × 3 + field).
  function decode(postings, each) {
    var doc = 0, number = 0;
    for (var i = 0; i < postings.length; i++) {
      var c = postings.charCodeAt(i);
      if (c >= 65 && c <= 90) { doc += number; each(doc, c - 65); number = 0; }
      else number = number * 36 + (c <= 57 ? c - 48 : c - 87);
    }
  }

  // Documents matching one word: exactly (1), as the start of a longer word while typing
  // (0.6), or with one typo in a word of five letters or more (0.4); best score each.
  function matches(word, prefix, found) {
    var scores = {};
    var keys = keysFor(word);
    if (prefix) keys = keys.concat(completionKeys(word).filter(function (k) { return index.terms[k]; }));
    keys.forEach(function (key) {
      var terms = index.terms[key] || {};
      Object.keys(terms).forEach(function (term) {
        var quality = term === word ? 1
          : prefix && term.indexOf(word) === 0 ? 0.6
          : word.length >= 5 && Math.abs(term.length - word.length) <= 1 && distance(term, word) <= 1 ? 0.4 : 0;
        if (!quality) return;
        found.push(term);
        decode(terms[term], function (doc, tag) {
          var score = FIELD_WEIGHT[tag % 3] * quality;
          var seen = scores[doc];
          if (!seen || seen[0] < score) scores[doc] = [score, (tag / 3) | 0];
        });
      });
    });
    return scores;
  }

  function parse(query) {
    var parsed = { words: [], kind: null, special: [] };
    query.trim().split(/\s+/).forEach(function (token) {
      var filter = token.match(/^(owner|is|kind):(.+)$/i);
      if (!filter) { parsed.words = parsed.words.concat(termsOf(token)); return; }
      var value = fold(filter[2]);
      var name = filter[1].toLowerCase();
      if (name === "is" && value === "open") parsed.special.push("~open");
      else if (name === "owner") parsed.special.push("~owner:" + value);
      else if (name === "kind" && KIND_WORDS[singular(value)] !== undefined) parsed.kind = KIND_WORDS[singular(value)];
    });
    return parsed;
  }

  function chunkOf(doc) {
    var starts = index.manifest.chunks, low = 0, high = starts.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (starts[middle] <= doc) low = middle; else high = middle - 1;
    }
    return low;
  }

  // The best documents for a query, [score, number] best first, and the index terms matched.
  function search(query) {
    var parsed = parse(query);
    if (!parsed.words.length && !parsed.special.length) return Promise.resolve({ hits: [], terms: [] });
    return load("index.js").then(function () {
      if (!index.manifest) return { hits: [], terms: [] };
      var needed = [];
      parsed.words.forEach(function (word) { needed = needed.concat(keysFor(word)); });
      parsed.special.forEach(function (term) { needed = needed.concat(keysFor(term)); });
      var loadAll = function (keys) { return Promise.all(keys.map(function (key) { return load(keyFile(key)); })); };
      var typing = parsed.words[parsed.words.length - 1];
      return loadAll(needed).then(function () {
        // The word being typed is completed only when it is not a word of the index already.
        return typing && !isTerm(typing) ? loadAll(completionKeys(typing)) : null;
      }).then(function () {
        var found = [];
        var lists = parsed.words.map(function (word, n) { return matches(word, n === parsed.words.length - 1, found); });
        parsed.special.forEach(function (term) { lists.push(matches(term, false, [])); });
        lists.sort(function (a, b) { return Object.keys(a).length - Object.keys(b).length; });
        var ranked = [];
        Object.keys(lists[0] || {}).forEach(function (doc) {
          var score = 0, kind = lists[0][doc][1];
          for (var i = 0; i < lists.length; i++) {
            if (!lists[i][doc]) return;
            score += lists[i][doc][0];
          }
          if (parsed.kind !== null && kind !== parsed.kind) return;
          ranked.push([score, +doc]);
        });
        // Best first; among equals the lower number, which is the newer meeting.
        ranked.sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; });
        return { terms: found, hits: ranked };
      });
    });
  }

  // The records of `hits`, once the document files holding them are loaded.
  function records(hits) {
    var files = {};
    hits.forEach(function (hit) { files[chunkOf(hit[1])] = true; });
    return Promise.all(Object.keys(files).map(function (n) { return load("d-" + n + ".js"); })).then(function () {
      return hits.map(function (hit) {
        var n = chunkOf(hit[1]);
        return (index.docs[n] || [])[hit[1] - index.manifest.chunks[n]];
      }).filter(Boolean);
    });
  }

  // Text with every word starting with one of `terms` marked, compared folded; `around`
  // cuts it to a window around the first such word.
  function marked(text, terms, around) {
    var folded = "", at = [];
    Array.from(text).forEach(function (c, n) {
      var f = fold(c);
      for (var i = 0; i < f.length; i++) { folded += f[i]; at.push(n); }
    });
    var chars = Array.from(text);
    var spans = [];
    var wordStart = /[\p{L}\p{N}]/u;
    terms.forEach(function (term) {
      var from = 0, hit;
      while (term && (hit = folded.indexOf(term, from)) >= 0) {
        from = hit + 1;
        if (hit > 0 && wordStart.test(folded[hit - 1])) continue;
        var end = hit + term.length;
        while (end < folded.length && wordStart.test(folded[end])) end++;
        spans.push([at[hit], at[end - 1] + 1]);
      }
    });
    spans.sort(function (a, b) { return a[0] - b[0]; });
    var first = 0, last = chars.length;
    if (around) {
      var centre = spans.length ? spans[0][0] : 0;
      first = Math.max(0, centre - 60);
      // Start at a word, not inside one.
      while (first > 0 && first < centre && /\S/.test(chars[first - 1])) first++;
      last = Math.min(chars.length, first + 200);
    }
    var fragment = document.createDocumentFragment();
    var position = first;
    if (first > 0) fragment.appendChild(document.createTextNode("…"));
    spans.forEach(function (span) {
      if (span[0] < position || span[1] > last) return;
      fragment.appendChild(document.createTextNode(chars.slice(position, span[0]).join("")));
      var mark = document.createElement("mark");
      mark.textContent = chars.slice(span[0], span[1]).join("");
      fragment.appendChild(mark);
      position = span[1];
    });
    fragment.appendChild(document.createTextNode(chars.slice(position, last).join("")));
    if (last < chars.length) fragment.appendChild(document.createTextNode("…"));
    return fragment;
  }

  function span(className, content) {
    var node = document.createElement("span");
    node.className = className;
    if (typeof content === "string") node.textContent = content; else node.appendChild(content);
    return node;
  }

  // One result: its kind, title, where it is from, for a task its deadline and whether it
  // is late on the reader's day, and the text around the words searched for.
  function resultLink(record, terms, today) {
    var link = document.createElement("a");
    link.href = root + record[2] + "index.html";
    link.appendChild(span("search-kind", KINDS[record[0]] || ""));
    link.appendChild(span("search-title", marked(record[1], terms, false)));
    var detail = [record[3] ? dateLabel(record[3]) : "", record[4]].filter(Boolean).join(" · ");
    link.appendChild(span("search-detail", detail));
    if (record.length > 6) link.appendChild(taskState(record[6], record[7] === 1, today));
    if (record[5]) link.appendChild(span("search-snippet", marked(record[5], terms, true)));
    return link;
  }

  function taskState(due, done, today) {
    var state = element("span", "search-task");
    if (done) state.appendChild(element("span", "search-done", say("search_done", "done")));
    else if (due) {
      state.appendChild(document.createTextNode(say("search_due", "due {day}", undefined, { day: dateLabel(due) })));
      var late = daysBetween(lastDay(due), today);
      if (late > 0) {
        state.appendChild(document.createTextNode(" "));
        state.appendChild(element("strong", "late", say("days_late", { one: "{n} day late", other: "{n} days late" }, late)));
      }
    } else state.appendChild(document.createTextNode(say("search_undated", "no deadline")));
    return state;
  }

  // The address of the results page for a query, from the page the box is on.
  function resultsPage(query) {
    return folder + "index.html?q=" + encodeURIComponent(query);
  }

  function show(query, matched, results, total) {
    var selected = active;
    list.textContent = "";
    active = -1;
    if (!results.length) {
      var empty = document.createElement("li");
      empty.className = "search-empty";
      empty.textContent = say("nothing_found",
        "Nothing found for “{query}”. Narrow with owner:ID, is:open or kind:task.", undefined, { query: query });
      list.appendChild(empty);
    }
    var terms = matched.concat(parse(query).words);
    var today = readersDay();
    results.forEach(function (record, n) {
      var item = document.createElement("li");
      item.setAttribute("role", "option");
      item.id = "search-result-" + n;
      item.appendChild(resultLink(record, terms, today));
      list.appendChild(item);
    });
    // More than the box shows: the last option opens the results page with all of them.
    if (total > results.length) {
      var all = document.createElement("li");
      all.setAttribute("role", "option");
      all.id = "search-result-" + results.length;
      all.className = "search-all";
      var link = document.createElement("a");
      link.href = resultsPage(query);
      link.textContent = say("search_all", "All results for \u201c{query}\u201d", undefined, { query: query }) + " \u2192";
      all.appendChild(link);
      list.appendChild(all);
    }
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    // Shown again with more results: the choice made with the arrow keys stays.
    if (selected >= 0) move(selected + 1);
  }

  function render() {
    var query = input.value.trim();
    var mine = ++asked;
    if (!query) { list.textContent = ""; close(); return; }
    search(query).then(function (answer) {
      var hits = answer.hits.slice(0, RESULTS);
      var total = answer.hits.length;
      // The first few are shown as soon as their documents are in; the rest follow.
      return records(hits.slice(0, FIRST_SHOWN)).then(function (first) {
        // A later keystroke has asked again; its answer is the one to show.
        if (mine !== asked) return;
        show(query, answer.terms, first, total);
        if (hits.length <= FIRST_SHOWN) return;
        return records(hits).then(function (all) {
          if (mine === asked) show(query, answer.terms, all, total);
        });
      });
    });
  }

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function move(step) {
    var items = list.querySelectorAll("[role=option]");
    if (!items.length) return;
    if (active >= 0) items[active].removeAttribute("aria-selected");
    active = (active + step + items.length) % items.length;
    items[active].setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", items[active].id);
    items[active].scrollIntoView({ block: "nearest" });
  }

  input.addEventListener("focus", function () { load("index.js"); if (input.value.trim()) render(); });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(render, 60);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") { move(1); event.preventDefault(); }
    else if (event.key === "ArrowUp") { move(-1); event.preventDefault(); }
    else if (event.key === "Enter") {
      // The result chosen with the arrow keys, or else every result on the results page.
      var items = list.querySelectorAll("[role=option] a");
      var query = input.value.trim();
      var target = active >= 0 ? items[active].href : query ? resultsPage(query) : null;
      if (target) { window.location.href = target; event.preventDefault(); }
    } else if (event.key === "Escape") { input.value = ""; close(); }
  });
  document.addEventListener("keydown", function (event) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName);
    if (event.key === "/" && !typing) { input.focus(); event.preventDefault(); }
  });
  document.addEventListener("click", function (event) {
    if (!box.contains(event.target)) close();
  });

  // The results page (search/?q=…): every result of the query in its address, a page of
  // them at a time. Submitting the form changes the address, so a search can be kept,
  // shared and gone back to; it works from disk as the box does.
  function resultsPageOf(form) {
    var field = form.querySelector("input");
    var summary = document.getElementById("search-page-summary");
    var results = document.getElementById("search-page-results");
    var more = document.getElementById("search-page-more");
    form.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var query = field.value.trim();
      if (query) window.location.search = "?q=" + encodeURIComponent(query);
    });
    var query = (new URLSearchParams(window.location.search).get("q") || "").trim();
    if (!query) { field.focus(); return; }
    field.value = query;
    document.title = query + " \u00b7 " + document.title;
    var today = readersDay();
    search(query).then(function (answer) {
      var terms = answer.terms.concat(parse(query).words);
      summary.textContent = answer.hits.length
        ? say("search_count", { one: "{n} result for \u201c{query}\u201d", other: "{n} results for \u201c{query}\u201d" },
          answer.hits.length, { query: query })
        : say("nothing_found", "Nothing found for \u201c{query}\u201d. Narrow with owner:ID, is:open or kind:task.",
          undefined, { query: query });
      var shown = 0;
      function showMore() {
        var next = answer.hits.slice(shown, shown + PAGE_RESULTS);
        shown += next.length;
        more.hidden = shown >= answer.hits.length;
        return records(next).then(function (found) {
          found.forEach(function (record) {
            var item = document.createElement("li");
            item.appendChild(resultLink(record, terms, today));
            results.appendChild(item);
          });
        });
      }
      more.querySelector("button").addEventListener("click", showMore);
      return showMore();
    });
  }
  var form = document.getElementById("search-page");
  if (form) resultsPageOf(form);
})();
