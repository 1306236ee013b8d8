/* Search box in the site header, backed by the Pagefind index that `briefing index SITE` writes
   into SITE/pagefind/ (no CDN, no second index). Works under any base path (GitHub project pages):
   every URL is derived from this script's own address. Index text is untrusted: snippets are
   rebuilt from text nodes, keeping only Pagefind's <mark> highlights.
   Filters: place, person, organisation and month come from the pages' data-pagefind-filter
   attributes; "in section" keeps briefings whose match is in their quotes, figures or open
   questions (Pagefind's sub-results under those headings). */
(function () {
  "use strict";

  var SCRIPT = document.currentScript && document.currentScript.src;
  if (!SCRIPT) return;
  var ROOT = new URL("../../", SCRIPT);          // assets/javascripts/ -> the site root
  var BUNDLE = new URL("pagefind/pagefind.js", ROOT).href;
  var PAGE_SIZE = 8;
  var SCAN_LIMIT = 60;                          // results read per page when a section is chosen
  var FACETS = [["place", "Place"], ["person", "Person"], ["organisation", "Organisation"],
                ["month", "Month"]];
  var SECTIONS = [["", "anywhere"], ["key-quotes", "quotes"], ["figures", "figures"],
                  ["open-questions", "open questions"]];
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"];

  var pagefind = null;
  var loading = null;
  var state = { query: "", filters: {}, section: "", results: [], pending: [], scanned: 0, serial: 0,
                facetCounts: {} };
  var ui = null;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text != null) node.textContent = text;
    return node;
  }

  function monthLabel(value) {
    var m = /^(\d{4})-(\d{2})$/.exec(value || "");
    return m && +m[2] >= 1 && +m[2] <= 12 ? MONTHS[+m[2] - 1] + " " + m[1] : value;
  }

  function load() {
    if (!loading) {
      if (location.protocol === "file:") {
        loading = Promise.reject(new Error("file"));
      } else {
        loading = import(BUNDLE).then(function (module) {
          pagefind = module;
          // noWorker: Pagefind searches in the page instead of starting its worker (one script
          // less to fetch and start, no message per result read); a first search came about
          // 0.2 s sooner on the 10,000-briefing site, and a search once loaded takes milliseconds
          return pagefind.options({ baseUrl: ROOT.pathname, excerptLength: 24, noWorker: true }).then(function () {
            return pagefind.init ? pagefind.init() : null;
          });
        });
      }
      loading.catch(function () {});
    }
    return loading;
  }

  // Pagefind's excerpt is HTML with <mark> around matches: keep the text and the marks only.
  function snippet(html) {
    var out = el("span", "briefing-search__snippet");
    var doc = new DOMParser().parseFromString("<body>" + (html || "") + "</body>", "text/html");
    doc.body.childNodes.forEach(function (node) {
      if (node.nodeType === 1 && node.tagName === "MARK") out.appendChild(el("mark", null, node.textContent));
      else out.appendChild(document.createTextNode(node.textContent));
    });
    return out;
  }

  function safeHref(url) {
    return /^(\/|https?:\/\/)/.test(url || "") ? url : "#";
  }

  function build(host) {
    var box = el("div", "briefing-search");
    box.setAttribute("role", "search");
    var input = el("input", "briefing-search__input");
    input.type = "search";
    input.placeholder = "Search briefings";
    input.setAttribute("aria-label", "Search briefings");
    input.autocomplete = "off";
    input.spellcheck = false;
    var panel = el("div", "briefing-search__panel");
    panel.hidden = true;
    var bar = el("div", "briefing-search__bar");
    var sectionLabel = el("label", "briefing-search__section", "In ");
    var section = el("select", "briefing-search__section-select");
    section.setAttribute("aria-label", "Search in section");
    SECTIONS.forEach(function (s) {
      var option = el("option", null, s[1]);
      option.value = s[0];
      section.appendChild(option);
    });
    sectionLabel.appendChild(section);
    var active = el("span", "briefing-search__active");
    bar.appendChild(sectionLabel);
    bar.appendChild(active);
    var status = el("p", "briefing-search__status");
    status.setAttribute("aria-live", "polite");
    var facets = el("div", "briefing-search__facets");
    var list = el("ol", "briefing-search__results");
    var more = el("button", "briefing-search__more", "More results");
    more.type = "button";
    more.hidden = true;
    [bar, status, facets, list, more].forEach(function (n) { panel.appendChild(n); });
    box.appendChild(input);
    box.appendChild(panel);
    var source = host.querySelector(".md-header__source");
    host.insertBefore(box, source || null);

    // No pause before a search: a typed query runs at once, one search at a time; keys typed
    // while one runs are searched together as soon as it has its results (the latest text wins).
    // A fixed pause (120 ms before) delayed every first result by that much.
    var running = false;
    function typed() {
      if (running) return;
      var query = input.value.trim();
      if (query === state.query && ui && ui.list.dataset.query === query) return;
      state.query = query;
      running = true;
      search().then(function () {
        running = false;
        if (input.value.trim() !== state.query) typed();
      });
    }
    input.addEventListener("focus", function () { load(); if (state.query) panel.hidden = false; });
    input.addEventListener("input", typed);
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { panel.hidden = true; input.blur(); }
      if (event.key === "Enter") {
        var first = list.querySelector("a");
        if (first) first.click();
      }
    });
    section.addEventListener("change", function () { state.section = section.value; search(); });
    more.addEventListener("click", function () { show(state.serial); });
    document.addEventListener("click", function (event) {
      // a chip that was clicked is already replaced by the time the click reaches the document
      if (event.target.isConnected && !box.contains(event.target)) panel.hidden = true;
    });
    list.addEventListener("click", function (event) {
      if (event.target.closest("a")) panel.hidden = true;
    });
    return { box: box, input: input, panel: panel, status: status, facets: facets, list: list,
             more: more, active: active, section: section };
  }

  function setFilter(name, value) {
    if (value == null || state.filters[name] === value) delete state.filters[name];
    else state.filters[name] = value;
    search();
  }

  function renderActive() {
    ui.active.textContent = "";
    Object.keys(state.filters).forEach(function (name) {
      var label = FACETS.filter(function (f) { return f[0] === name; })[0][1];
      var value = name === "month" ? monthLabel(state.filters[name]) : state.filters[name];
      var chip = el("button", "briefing-search__chip briefing-search__chip--active", label + ": " + value + " ×");
      chip.type = "button";
      chip.dataset.filter = name;
      chip.setAttribute("aria-label", "Remove filter " + label + ": " + value);
      chip.addEventListener("click", function () { setFilter(name, null); });
      ui.active.appendChild(chip);
    });
  }

  function search() {
    var serial = ++state.serial;
    renderActive();
    ui.list.textContent = "";
    delete ui.list.dataset.query;
    ui.facets.textContent = "";
    ui.more.hidden = true;
    if (!state.query) { ui.panel.hidden = true; return Promise.resolve(); }
    ui.panel.hidden = false;
    ui.status.textContent = "Searching…";
    var filters = {};
    Object.keys(state.filters).forEach(function (k) { filters[k] = state.filters[k]; });
    // resolves when the index has answered (before the results' fragments are read)
    var answered = load().then(function () {
      return pagefind.search(state.query, { filters: filters });
    });
    answered.then(function (response) {
      if (serial !== state.serial || !response) return;
      state.results = response.results;
      state.pending = [];
      state.scanned = 0;
      state.facetCounts = {};
      return show(serial);
    }).catch(function (error) {
      if (serial !== state.serial) return;
      ui.status.textContent = error && error.message === "file"
        ? "Search needs the site served over http: run python3 -m http.server -d site and open http://localhost:8000/"
        : "Search is not available (the index was not built: run briefing index site).";
    });
    return answered.then(function () {}, function () {});
  }

  // The sub-result to show: the best one inside the chosen section, else the best one.
  function pick(data) {
    var subs = data.sub_results || [];
    if (state.section) {
      var inside = subs.filter(function (s) { return (s.url || "").split("#")[1] === state.section; });
      return inside.length ? inside[0] : null;
    }
    // the section under the page's own title is the page itself: link the page, not its anchor
    var title = (data.meta || {}).title;
    var ranked = subs.filter(function (s) { return s.title !== title && s.url !== data.url; })
      .sort(function (a, b) { return (b.locations || []).length - (a.locations || []).length; });
    return ranked.length ? ranked[0] : null;
  }

  // Reads results in order and shows the next PAGE_SIZE; with a section chosen, only those whose
  // match lies in that section (reading at most SCAN_LIMIT more results per page). Each result is
  // shown as soon as it and the ones before it are read, not when the slowest of the page is.
  function show(serial) {
    var found = [];
    var budget = state.scanned + SCAN_LIMIT + PAGE_SIZE;
    function add(data, sub) {
      if (found.length >= PAGE_SIZE) { state.pending.push([data, sub]); return; }
      found.push([data, sub]);
      ui.list.appendChild(item(data, sub));
      count(data);
    }
    state.pending.splice(0, PAGE_SIZE).forEach(function (pair) { add(pair[0], pair[1]); });
    function next() {
      if (serial !== state.serial) return null;
      if (found.length >= PAGE_SIZE || state.scanned >= state.results.length || state.scanned >= budget) {
        return finish();
      }
      var size = state.section ? 12 : PAGE_SIZE - found.length;
      var batch = state.results.slice(state.scanned, state.scanned + size);
      state.scanned += batch.length;
      var chain = Promise.resolve();
      batch.map(function (r) { return r.data(); }).forEach(function (reading) {
        chain = chain.then(function () { return reading; }).then(function (data) {
          if (serial !== state.serial) return;
          var sub = pick(data);
          if (state.section && !sub) return;
          add(data, sub);
        });
      });
      return chain.then(next);
    }
    function finish() {
      ui.list.dataset.query = state.query;  // which query the list shows (a search typed on replaces it)
      renderFacets();
      var total = state.results.length;
      var shown = ui.list.children.length;
      if (!total) ui.status.textContent = "No briefings match.";
      else if (state.section) ui.status.textContent = shown + " with matches in " +
        ui.section.options[ui.section.selectedIndex].text + " (" + state.scanned + " of " + total + " results read)";
      else ui.status.textContent = total + " result" + (total === 1 ? "" : "s");
      ui.more.hidden = !state.pending.length && state.scanned >= total;
      return found.length;
    }
    return next();
  }

  function count(data) {
    var filters = data.filters || {};
    FACETS.forEach(function (f) {
      (filters[f[0]] || []).forEach(function (value) {
        var bucket = state.facetCounts[f[0]] || (state.facetCounts[f[0]] = {});
        bucket[value] = (bucket[value] || 0) + 1;
      });
    });
  }

  // "Refine" chips: the filter values most common among the results shown so far.
  function renderFacets() {
    ui.facets.textContent = "";
    FACETS.forEach(function (f) {
      if (state.filters[f[0]]) return;
      var bucket = state.facetCounts[f[0]] || {};
      var values = Object.keys(bucket).sort(function (a, b) {
        return f[0] === "month" ? (a < b ? 1 : -1) : bucket[b] - bucket[a] || (a < b ? -1 : 1);
      }).slice(0, 5);
      if (!values.length) return;
      var row = el("div", "briefing-search__facet");
      row.dataset.filter = f[0];
      row.appendChild(el("span", "briefing-search__facet-name", f[1] + ":"));
      values.forEach(function (value) {
        var chip = el("button", "briefing-search__chip", f[0] === "month" ? monthLabel(value) : value);
        chip.type = "button";
        chip.dataset.value = value;
        chip.addEventListener("click", function () { setFilter(f[0], value); });
        row.appendChild(chip);
      });
      ui.facets.appendChild(row);
    });
  }

  function item(data, sub) {
    var meta = data.meta || {};
    var title = meta.title || data.url;
    var li = el("li", "briefing-search__result");
    var link = el("a", "briefing-search__link");
    link.href = safeHref(sub ? sub.url : data.url);
    var top = el("span", "briefing-search__meta");
    var kind = meta.kind && meta.kind !== "briefing" ? meta.kind.charAt(0).toUpperCase() + meta.kind.slice(1) : "";
    top.appendChild(el("span", "briefing-search__date", meta.date || kind || "Undated"));
    if (sub && sub.title && sub.title !== title) top.appendChild(el("span", "briefing-search__where", " · " + sub.title));
    link.appendChild(top);
    link.appendChild(el("span", "briefing-search__title", title));
    link.appendChild(snippet(sub ? sub.excerpt : data.excerpt));
    li.appendChild(link);
    return li;
  }

  function mount() {
    if (document.querySelector(".briefing-search")) return;
    var host = document.querySelector(".md-header__inner") || document.body;
    ui = build(host);
  }

  // Pagefind's script, WebAssembly and page list (about 250 KB at 10,000 briefings, cached for
  // the rest of the visit) start loading as soon as this script runs, so a search typed at once
  // need not wait for them; not when the reader asked to save data (then they load when the box
  // is focused).
  var saveData = navigator.connection && navigator.connection.saveData;
  if (!saveData && location.protocol !== "file:") load();

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.key !== "/" || !ui || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.isContentEditable) return;
    event.preventDefault();
    ui.input.focus();
  });

  // The theme puts its scripts at the end of the body, so the header is already parsed when this
  // script runs: mount at once (the box is there and Pagefind starts loading before the other
  // scripts run and the document is complete). Material's instant navigation swaps the page body,
  // not the header: mount once; Material's document$ and the DOM being ready only catch a page
  // whose header came later.
  if (document.querySelector(".md-header__inner")) mount();
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(mount);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
  else mount();
})();
