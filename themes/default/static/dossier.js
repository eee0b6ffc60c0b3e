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
