// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

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

  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];
  var DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

  // "2025-12-09" → "Tue 9 Dec 2025", "2025-12" → "by end of December 2025", as on the pages.
  function dateLabel(iso) {
    if (!iso) return "";
    var quarter = iso.match(/^(\d{4})-Q(\d)$/);
    if (quarter) return "by end of Q" + quarter[2] + " " + quarter[1];
    var parts = iso.split("-").map(Number);
    if (parts.length === 2) return "by end of " + MONTHS[parts[1] - 1] + " " + parts[0];
    var date = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2]));
    return DAYS[date.getUTCDay()] + " " + parts[2] + " " + MONTHS[parts[1] - 1].slice(0, 3) + " " + parts[0];
  }

  // "Today" as the reader's day. Pages are built for one day (data-built on <body>) and say
  // so ("Deadlines as of …"); read on a later day, every part that depends on the date is
  // brought up to that day here, in the site's timezone: what is overdue and by how many
  // days, agenda groups, counts, the dashboard's lists, the owners list, the month grid's
  // today marker. The rules are dossier's own (src/dates.rs); the data is in the page.
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

  // Overdue, Today, This week, Next week, a month, No deadline: as Bucket::of in src/dates.rs.
  function bucketOf(token, today, weekStart) {
    if (!token) return { key: "undated", title: "No deadline" };
    var end = lastDay(token);
    if (end < today) return { key: "overdue", title: "Overdue" };
    if (end === today) return { key: "today", title: "Today" };
    var thisWeek = addDays(today, -((new Date(utc(today)).getUTCDay() - weekStart + 7) % 7));
    if (end < addDays(thisWeek, 7)) return { key: "this-week", title: "This week" };
    if (end < addDays(thisWeek, 14)) return { key: "next-week", title: "Next week" };
    return { key: "later-" + end.slice(0, 7), title: MONTHS[+end.slice(5, 7) - 1] + " " + end.slice(0, 4) };
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
    return "raised " + (days <= 0 ? "today" : days === 1 ? "1 day ago" : days + " days ago");
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
      badge.textContent = card ? late + (late === 1 ? " day" : " days") + " late" : row ? late + "d late" : "overdue";
    }
    var age = item.querySelector(".task-meta > .age");
    if (age && item.dataset.raised) age.textContent = ageText(daysBetween(item.dataset.raised, today));
  }

  // An agenda's open tasks, regrouped; they are in deadline order, so groups come in order.
  function regroup(agenda, today, weekStart) {
    var items = Array.prototype.slice.call(agenda.querySelectorAll(".agenda-group > ul > li"));
    if (!items.length) return;
    var listClass = items[0].parentNode.className;
    var groups = [];
    items.forEach(function (item) {
      var bucket = bucketOf(item.dataset.due, today, weekStart);
      var last = groups[groups.length - 1];
      if (!last || last.key !== bucket.key) groups.push(last = { key: bucket.key, title: bucket.title, items: [] });
      last.items.push(item);
    });
    agenda.textContent = "";
    groups.forEach(function (group) {
      var section = element("section", "agenda-group agenda-" + group.key);
      section.id = group.key;
      section.setAttribute("aria-labelledby", "agenda-" + group.key);
      var heading = element("h2", "", group.title + " ");
      heading.id = "agenda-" + group.key;
      heading.appendChild(element("span", "count", String(group.items.length)));
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
      summary.appendChild(element("strong", "late", count + " overdue"));
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
      more.textContent = more.hasAttribute("data-total") ? total : total - shown.length;
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
    if (overdue > 0) overdueCell.appendChild(element("strong", "late", String(overdue)));
    var nextCell = row.querySelector("[data-next-due-cell]");
    nextCell.textContent = next ? dateLabel(next) : "";
    if (!next) nextCell.appendChild(element("span", "muted", "none"));
  }

  function redoMonthGrid(today) {
    document.querySelectorAll(".month-grid td").forEach(function (cell) {
      var time = cell.querySelector(".day-number time");
      var isToday = !!time && time.getAttribute("datetime") === today;
      cell.classList.toggle("is-today", isToday);
      var label = cell.querySelector(".today-label");
      if (isToday && !label) time.after(" ", element("span", "today-label", "Today"));
      if (!isToday && label) removeWithSpace(label);
    });
  }

  function bringUpToDate() {
    var body = document.body;
    var built = body.dataset.built;
    if (!built) return;
    var today = todayIn(body.dataset.timezone);
    // Before the build day the pages cannot know what was overdue then; leave them.
    if (today <= built) return;
    var pool = document.getElementById("deadline-pool");
    var ownerRows = document.querySelectorAll("tr[data-dues]");
    // The dashboard and the owners list carry the deadlines of a window after the build, not
    // all of them: past it they keep the build day's state, which "as of" names.
    if ((pool || ownerRows.length) && today > body.dataset.recomputeUntil) return;
    if (pool) redoDashboard(pool, today);
    ownerRows.forEach(function (row) { redoOwnerRow(row, today); });
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

  // Search: the index is a script file (search-index.js) loaded on first use, so it works
  // from a web server and from disk alike. Results are built with DOM nodes, never HTML strings.
  var box = document.getElementById("search");
  if (!box) return;
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  var root = box.getAttribute("data-root") || "";
  var docs = null;
  var loading = false;
  var active = -1;
  var timer = null;
  box.hidden = false;

  function load(then) {
    if (docs) return then();
    if (loading) return;
    loading = true;
    var script = document.createElement("script");
    script.src = box.getAttribute("data-index");
    script.onload = function () { docs = flatten(window.dossierSearchIndex || {}); then(); };
    document.head.appendChild(script);
  }

  function page(path) { return root + path + "index.html"; }

  // The same slug as dossier's for ASCII titles (the index leaves those out).
  function slugify(text) {
    return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  }

  // One entry per searchable thing: [kind, title, detail, href, haystack].
  function flatten(index) {
    var out = [];
    var people = index.people || [];
    var meetings = index.meetings || [];
    var topicSlugs = {};
    function names(numbers) {
      return numbers.map(function (n) { return (people[n] || ["", ""])[1]; }).join(", ");
    }
    meetings.forEach(function (m) {
      out.push(["Meeting", m[0], dateLabel(m[2]) + (m[3] ? " · " + m[3] : ""), page("meetings/" + m[1] + "/")]);
    });
    (index.topics || []).forEach(function (t) {
      var meeting = meetings[t[0]] || ["", ""];
      var slug = t[1] || slugify(t[2]);
      (topicSlugs[t[0]] = topicSlugs[t[0]] || []).push(slug);
      var who = names(t[4]);
      out.push(["Topic", t[2], [t[3], who].filter(Boolean).join(" — "), page("meetings/" + meeting[1] + "/" + slug + "/")]);
    });
    (index.tasks || []).forEach(function (k) {
      var meeting = meetings[k[0]] || ["", ""];
      var topic = k[1] >= 0 ? (topicSlugs[k[0]] || [])[k[1]] : null;
      var where = "meetings/" + meeting[1] + "/" + (topic ? topic + "/" : "");
      var detail = [names(k[3]), dateLabel(k[4]) || "no deadline", k[5] ? "done" : ""].filter(Boolean).join(" · ");
      out.push([k[5] ? "Done task" : "Task", k[2], detail, page(where)]);
    });
    people.forEach(function (p) {
      out.push(["Person", p[1], p[2], page("owners/" + p[0] + "/")]);
    });
    (index.initiatives || []).forEach(function (i) {
      out.push(["Initiative", i[1], i[2], page("initiatives/" + i[0] + "/")]);
    });
    out.forEach(function (d) { d.push((d[1] + " " + d[2]).toLowerCase()); });
    return out;
  }

  function search(query) {
    var terms = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (!terms.length) return [];
    var hits = [];
    for (var i = 0; i < docs.length && hits.length < 400; i++) {
      var hay = docs[i][4];
      var all = true;
      for (var j = 0; j < terms.length; j++) {
        if (hay.indexOf(terms[j]) < 0) { all = false; break; }
      }
      if (!all) continue;
      var title = docs[i][1].toLowerCase();
      var score = title.indexOf(terms[0]) === 0 ? 0 : (title.indexOf(terms[0]) >= 0 ? 1 : 2);
      hits.push([score, i]);
    }
    hits.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    return hits.slice(0, 20).map(function (h) { return docs[h[1]]; });
  }

  // Text with every search term wrapped in <mark>.
  function highlighted(text, terms) {
    var fragment = document.createDocumentFragment();
    var lower = text.toLowerCase();
    var at = 0;
    while (at < text.length) {
      var next = -1, length = 0;
      terms.forEach(function (term) {
        var found = lower.indexOf(term, at);
        if (found >= 0 && (next < 0 || found < next)) { next = found; length = term.length; }
      });
      if (next < 0) { fragment.appendChild(document.createTextNode(text.slice(at))); break; }
      if (next > at) fragment.appendChild(document.createTextNode(text.slice(at, next)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(next, next + length);
      fragment.appendChild(mark);
      at = next + length;
    }
    return fragment;
  }

  function render() {
    var query = input.value.trim();
    list.textContent = "";
    active = -1;
    if (!query || !docs) { close(); return; }
    var terms = query.toLowerCase().split(/\s+/).filter(Boolean);
    var results = search(query);
    if (!results.length) {
      var empty = document.createElement("li");
      empty.className = "search-empty";
      empty.textContent = "Nothing found for “" + query + "”";
      list.appendChild(empty);
    }
    results.forEach(function (doc, n) {
      var item = document.createElement("li");
      item.setAttribute("role", "option");
      item.id = "search-result-" + n;
      var link = document.createElement("a");
      link.href = doc[3];
      var kind = document.createElement("span");
      kind.className = "search-kind";
      kind.textContent = doc[0];
      var title = document.createElement("span");
      title.className = "search-title";
      title.appendChild(highlighted(doc[1], terms));
      var detail = document.createElement("span");
      detail.className = "search-detail";
      detail.appendChild(highlighted(doc[2], terms));
      link.appendChild(kind);
      link.appendChild(title);
      link.appendChild(detail);
      item.appendChild(link);
      list.appendChild(item);
    });
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
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

  input.addEventListener("focus", function () { load(render); });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { load(render); }, 60);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") { move(1); event.preventDefault(); }
    else if (event.key === "ArrowUp") { move(-1); event.preventDefault(); }
    else if (event.key === "Enter") {
      var items = list.querySelectorAll("[role=option] a");
      var target = items[active >= 0 ? active : 0];
      if (target) { window.location.href = target.href; event.preventDefault(); }
    } else if (event.key === "Escape") { input.value = ""; close(); }
  });
  document.addEventListener("keydown", function (event) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName);
    if (event.key === "/" && !typing) { input.focus(); event.preventDefault(); }
  });
  document.addEventListener("click", function (event) {
    if (!box.contains(event.target)) close();
  });
})();
