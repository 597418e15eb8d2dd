/* NewsWeave web UI: plain JavaScript, no build step, no network but this server.
 *
 * Safety rule: every piece of data from the API reaches the page through textContent
 * or setAttribute on a harmless attribute (never as markup), and links to article URLs
 * are kept only when they are http(s). The server's CSP forbids inline scripts anyway.
 */
"use strict";

(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const LANGUAGES = ["en", "ar", "el", "fr", "de", "es", "it", "pt", "ru", "tr", "uk", "fa", "he", "zh", "ja", "hi"];
  const CATEGORIES = ["disaster", "conflict", "politics", "economy", "crime", "health", "science/tech", "sports",
    "culture", "other"];
  // describe's breaking score: (articles in the last 6 h beyond the usual rate) / sqrt(rate + 1)
  const BREAKING = 1.0;
  const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
    "#7f7f7f", "#bcbd22"];
  const app = document.getElementById("app");
  const form = document.getElementById("search");
  let langNames = null;
  try {
    langNames = new Intl.DisplayNames([navigator.language || "en", "en"], { type: "language" });
  } catch (e) { langNames = null; }
  let worldPromise = null;
  let renderToken = 0;

  // ---------------------------------------------------------------- helpers
  /** Build an element; string/number children become text nodes (never HTML). */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }
  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG, tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }
  function setAttrs(node, attrs) {
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.setAttribute("class", v);
      else if (k.startsWith("on") && typeof v === "function") node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : String(v));
    }
  }
  function append(node, children) {
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    }
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function langName(code) {
    if (!code || code === "und") return "Unknown language";
    try { return (langNames && langNames.of(code)) || code; } catch (e) { return code; }
  }
  function safeUrl(u) {
    try {
      const url = new URL(u, location.href);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (e) { return null; }
  }
  function fmtTime(iso) {
    if (!iso) return "";
    const d = new Date(iso);
    if (isNaN(d)) return iso;
    return d.toLocaleString(undefined, { year: "numeric", month: "short", day: "numeric", hour: "2-digit",
      minute: "2-digit", timeZone: "UTC", timeZoneName: "short" });
  }
  function fmtDate(iso) {
    if (!iso) return "";
    const d = new Date(iso.length === 10 ? iso + "T00:00:00Z" : iso);
    if (isNaN(d)) return iso;
    return d.toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
  }
  function eventHref(id) { return "#/event/" + encodeURIComponent(id); }
  function colorFor(langs) {
    const map = {};
    langs.forEach((l, i) => { map[l] = PALETTE[i % PALETTE.length]; });
    return map;
  }

  async function api(path) {
    const res = await fetch(path, { headers: { Accept: "application/json" }, credentials: "same-origin" });
    let body = null;
    try { body = await res.json(); } catch (e) { body = null; }
    if (!res.ok) {
      const msg = body && body.error ? body.error : res.status + " " + res.statusText;
      throw new Error(msg);
    }
    return body;
  }
  function showError(err) {
    clear(app);
    app.appendChild(el("p", { class: "error", role: "alert" }, "Could not load: ", err.message || String(err)));
  }

  // ---------------------------------------------------------------- search form
  function fillSelect(select, values, label) {
    const have = new Set(Array.from(select.options).map((o) => o.value));
    for (const v of values) {
      if (!v || have.has(v)) continue;
      select.appendChild(el("option", { value: v }, label(v)));
      have.add(v);
    }
  }
  fillSelect(form.language, LANGUAGES, (c) => langName(c) + " (" + c + ")");
  fillSelect(form.category, CATEGORIES, (c) => c);

  function readForm() {
    const p = new URLSearchParams();
    const q = form.q.value.trim();
    if (q) p.set("q", q);
    if (form.language.value) p.set("language", form.language.value);
    if (form.category.value) p.set("category", form.category.value);
    const country = form.country.value.trim().toUpperCase();
    if (country) p.set("country", country);
    if (form.breaking.checked) p.set("breaking", "true");
    return p;
  }
  function writeForm(p) {
    form.q.value = p.get("q") || "";
    fillSelect(form.language, [p.get("language")], (c) => langName(c) + " (" + c + ")");
    form.language.value = p.get("language") || "";
    fillSelect(form.category, [p.get("category")], (c) => c);
    form.category.value = p.get("category") || "";
    form.country.value = p.get("country") || "";
    form.breaking.checked = p.get("breaking") === "true";
  }
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const p = readForm().toString();
    location.hash = "#/" + (p ? "?" + p : "");
  });
  for (const name of ["language", "category", "breaking"]) {
    form[name].addEventListener("change", () => form.requestSubmit());
  }

  // ---------------------------------------------------------------- map
  function loadWorld() {
    if (!worldPromise) {
      worldPromise = fetch("/static/world.json").then((r) => {
        if (!r.ok) throw new Error("world map: " + r.status);
        return r.json();
      });
    }
    return worldPromise;
  }

  /** A world map (equirectangular, as built by build_world.py) with one dot per located event. */
  function drawMap(container, events, opts) {
    const options = opts || {};
    const figure = el("figure", { class: "map" + (options.small ? " small" : "") });
    container.appendChild(figure);
    loadWorld().then((world) => {
      const root = svg("svg", { viewBox: "0 0 " + world.width + " " + world.height, role: "img",
        "aria-label": "Map of events", class: "world" });
      root.appendChild(svg("rect", { class: "sea", x: 0, y: 0, width: world.width, height: world.height }));
      const land = svg("g", { class: "land" });
      for (const c of world.countries) {
        land.appendChild(svg("path", { d: c.d }, svg("title", {}, c.name)));
      }
      root.appendChild(land);
      const dots = svg("g", { class: "dots" });
      const located = events.filter((e) => e.location && typeof e.location.lat === "number" &&
        typeof e.location.lon === "number");
      const biggest = Math.max(1, ...located.map((e) => e.size || 1));
      for (const e of located) {
        const r = 1.2 + 2.6 * Math.sqrt((e.size || 1) / biggest);
        const x = Math.max(0, Math.min(world.width, e.location.lon + 180));
        const y = Math.max(0, Math.min(world.height, 90 - e.location.lat));
        const link = svg("a", { href: eventHref(e.id), class: "dot" + (e.breaking >= BREAKING ? " hot" : ""),
          "data-event": e.id });
        link.appendChild(svg("circle", { cx: x.toFixed(2), cy: y.toFixed(2), r: r.toFixed(2) }));
        link.appendChild(svg("title", {}, e.title + " — " + e.location.name));
        dots.appendChild(link);
      }
      root.appendChild(dots);
      figure.appendChild(root);
      const missing = events.length - located.length;
      figure.appendChild(el("figcaption", {}, located.length + " located event" + (located.length === 1 ? "" : "s") +
        (missing > 0 ? " · " + missing + " without a place" : "")));
    }).catch((err) => figure.appendChild(el("figcaption", { class: "error" }, "Map unavailable: " + err.message)));
    return figure;
  }

  // ---------------------------------------------------------------- timeline
  /** Stacked bars of articles per time bucket, one colour per language. */
  function drawTimeline(container, tl, colors) {
    const figure = el("figure", { class: "timeline" });
    container.appendChild(figure);
    const n = tl.buckets.length;
    const langs = Object.keys(tl.series);
    if (!n) {
      figure.appendChild(el("figcaption", {}, "No dated articles: no timeline."));
      return figure;
    }
    const W = 720, H = 180, left = 34, bottom = 28, top = 8, right = 8;
    const totals = tl.buckets.map((_, i) => langs.reduce((s, l) => s + tl.series[l][i], 0));
    const max = Math.max(1, ...totals);
    const slot = (W - left - right) / n;
    const barW = Math.max(1, Math.min(slot * 0.8, 36));
    const scale = (H - top - bottom) / max;
    const root = svg("svg", { viewBox: "0 0 " + W + " " + H, role: "img", class: "chart",
      "aria-label": "Articles per " + tl.bucket + " by language" });
    // axes and gridlines
    const ticks = max <= 4 ? max : 4;
    for (let t = 0; t <= ticks; t++) {
      const v = Math.round((max * t) / ticks);
      const y = H - bottom - v * scale;
      root.appendChild(svg("line", { class: "grid", x1: left, x2: W - right, y1: y, y2: y }));
      root.appendChild(svg("text", { class: "axis", x: left - 4, y: y + 3, "text-anchor": "end" }, v));
    }
    const bars = svg("g", { class: "bars" });
    for (let i = 0; i < n; i++) {
      let y = H - bottom;
      for (const l of langs) {
        const v = tl.series[l][i];
        if (!v) continue;
        const h = v * scale;
        y -= h;
        bars.appendChild(svg("rect", { x: (left + i * slot + (slot - barW) / 2).toFixed(2), y: y.toFixed(2),
          width: barW.toFixed(2), height: h.toFixed(2), fill: colors[l] || "#888", "data-lang": l },
        svg("title", {}, langName(l) + ": " + v + " · " + fmtTime(tl.buckets[i]))));
      }
    }
    root.appendChild(bars);
    const label = (iso) => (tl.bucket === "hour" ? fmtTime(iso) : fmtDate(iso));
    root.appendChild(svg("text", { class: "axis", x: left, y: H - 8, "text-anchor": "start" }, label(tl.buckets[0])));
    if (n > 1) {
      root.appendChild(svg("text", { class: "axis", x: W - right, y: H - 8, "text-anchor": "end" },
        label(tl.buckets[n - 1])));
    }
    figure.appendChild(root);
    const legend = el("figcaption", { class: "legend" }, "Articles per " + tl.bucket + " (UTC): ");
    for (const l of langs) {
      const sw = svg("svg", { class: "swatch", viewBox: "0 0 10 10", width: 10, height: 10, "aria-hidden": "true" },
        svg("rect", { width: 10, height: 10, fill: colors[l] || "#888" }));
      const total = tl.series[l].reduce((a, b) => a + b, 0);
      legend.appendChild(el("span", { class: "key" }, sw, " " + langName(l) + " " + total));
    }
    const undated = Object.entries(tl.undated || {}).reduce((s, [, v]) => s + v, 0);
    if (undated) legend.appendChild(el("span", { class: "key" }, " · undated " + undated));
    figure.appendChild(legend);
    return figure;
  }

  // ---------------------------------------------------------------- views
  function eventCard(e) {
    const loc = e.location ? e.location.name + (e.location.country_code ? ", " + e.location.country_code : "") : null;
    return el("li", { class: "card", "data-event": e.id },
      el("a", { class: "title", href: eventHref(e.id), dir: "auto" }, e.title || "(untitled event)"),
      e.breaking >= BREAKING ? el("span", { class: "badge hot" }, "breaking") : null,
      el("span", { class: "badge" }, e.category || "other"),
      e.summary ? el("p", { class: "summary", dir: "auto" }, e.summary) : null,
      el("p", { class: "meta" },
        [e.date ? fmtDate(e.date) : "date unknown", loc, e.size + " article" + (e.size === 1 ? "" : "s")]
          .filter(Boolean).join(" · "),
        " · ",
        e.languages.map((l) => el("abbr", { class: "lang", title: langName(l), lang: l }, l))));
  }

  async function listView(params, token) {
    writeForm(params);
    const query = new URLSearchParams(params);
    query.set("limit", "50");
    const data = await api("/events?" + query.toString());
    if (token !== renderToken) return;
    clear(app);
    const filters = [];
    for (const [k, v] of params.entries()) filters.push(k + ": " + v);
    app.appendChild(el("h1", { class: "view-title" },
      params.get("breaking") === "true" ? "Breaking first" : "Latest events",
      filters.length ? el("small", {}, " — " + filters.join(", ")) : null));
    const layout = el("div", { class: "list-layout" });
    app.appendChild(layout);
    const list = el("ol", { class: "events", id: "events" });
    const side = el("aside", { class: "side" });
    layout.appendChild(list);
    layout.appendChild(side);
    const shown = [];
    const mapBox = el("div", {});
    side.appendChild(mapBox);
    const render = (events) => {
      for (const e of events) list.appendChild(eventCard(e));
      shown.push(...events);
      fillSelect(form.category, events.map((e) => e.category), (c) => c);
      clear(mapBox);
      drawMap(mapBox, shown);
    };
    if (!data.events.length) {
      list.appendChild(el("li", { class: "empty" }, "No events match. Try fewer words or filters."));
    }
    render(data.events);
    let next = data.next_cursor;
    if (next) {
      const more = el("button", { class: "more", type: "button" }, "Load more");
      more.addEventListener("click", async () => {
        more.disabled = true;
        try {
          query.set("cursor", next);
          const page = await api("/events?" + query.toString());
          render(page.events);
          next = page.next_cursor;
          if (!next) more.remove();
        } catch (err) {
          more.replaceWith(el("p", { class: "error" }, err.message));
        } finally {
          more.disabled = false;
        }
      });
      app.appendChild(more);
    }
  }

  function articleBlock(a, heading) {
    const url = a.url ? safeUrl(a.url) : null;
    const lang = a.language && a.language !== "und" ? a.language : null;
    return el("article", { class: "article", "data-article": a.id, lang: lang },
      el(heading || "h3", { dir: "auto" }, a.title),
      el("p", { class: "meta", dir: "ltr", lang: "en" },
        [a.source, a.published ? fmtTime(a.published) : "undated"].filter(Boolean).join(" · "),
        a.duplicate_of ? el("span", { class: "badge" }, "copy of " + a.duplicate_of) : null,
        url ? [" · ", el("a", { href: url, rel: "noopener noreferrer nofollow", target: "_blank" }, "source")]
          : null,
        " · ", el("a", { href: "#/article/" + encodeURIComponent(a.id) }, "why here?")),
      el("div", { class: "text", dir: "auto" }, a.text));
  }

  async function eventView(id, token) {
    const e = await api("/events/" + encodeURIComponent(id));
    if (token !== renderToken) return;
    clear(app);
    document.title = (e.title || "Event") + " · NewsWeave";
    const langs = Object.keys(e.articles);
    const colors = colorFor(Object.keys(e.timeline.series).concat(langs.filter((l) => !(l in e.timeline.series))));
    const loc = e.location;
    const head = el("header", { class: "event-head" },
      el("p", { class: "crumbs" }, el("a", { href: "#/" }, "← all events"),
        e.story_id ? [" · ", el("a", { href: "#/story/" + encodeURIComponent(e.story_id) }, "the story")] : null),
      el("h1", { dir: "auto", id: "headline" }, e.title || "(untitled event)"),
      e.breaking >= BREAKING ? el("span", { class: "badge hot" }, "breaking") : null,
      el("span", { class: "badge" }, e.category),
      e.summary ? el("p", { class: "lede", dir: "auto" }, e.summary) : null);
    app.appendChild(head);
    const facts = el("dl", { class: "facts" });
    const fact = (k, ...v) => { facts.appendChild(el("dt", {}, k)); facts.appendChild(el("dd", {}, ...v)); };
    fact("When", e.date ? fmtDate(e.date) : "unknown",
      e.first_seen ? el("small", {}, " (reported " + fmtTime(e.first_seen) + " – " + fmtTime(e.last_seen) + ")") : null);
    fact("Where", loc ? el("span", { dir: "auto" }, loc.name + (loc.country_code ? ", " + loc.country_code : ""))
      : "unknown");
    fact("Who", e.entities.length ? e.entities.map((x, i) => [i ? ", " : "",
      el("span", { class: "entity", dir: "auto", title: x.type }, x.name)]) : "—");
    if (e.key_numbers.length) {
      fact("Numbers", e.key_numbers.map((n, i) => [i ? "; " : "",
        el("span", { dir: "auto", title: n.sentence }, n.text)]));
    }
    fact("Coverage", e.article_count + " articles in " + langs.length + " language" + (langs.length === 1 ? "" : "s"));
    const removed = Object.entries(e.removed);
    if (removed.length) {
      fact("Removed", removed.map(([k, v]) => k + " " + v).join(", "));
    }
    const top = el("section", { class: "event-top" });
    top.appendChild(facts);
    const mapBox = el("div", { class: "event-map" });
    top.appendChild(mapBox);
    app.appendChild(top);
    drawMap(mapBox, loc ? [e] : [], { small: true });
    app.appendChild(el("h2", {}, "Coverage by language"));
    drawTimeline(app, e.timeline, colors);
    app.appendChild(el("h2", {}, "Articles" + (e.articles_truncated ? " (first " +
      langs.reduce((s, l) => s + e.articles[l].length, 0) + " of " + e.article_count + ")" : "")));
    const grid = el("div", { class: "langs", id: "langs" });
    for (const l of langs) {
      const col = el("section", { class: "lang-col", "data-lang": l },
        el("h3", { class: "lang-head" },
          svg("svg", { class: "swatch", viewBox: "0 0 10 10", width: 10, height: 10, "aria-hidden": "true" },
            svg("rect", { width: 10, height: 10, fill: colors[l] || "#888" })),
          " " + langName(l) + " · " + e.articles[l].length));
      for (const a of e.articles[l]) col.appendChild(articleBlock(a));
      grid.appendChild(col);
    }
    app.appendChild(grid);
  }

  async function storyView(id, token) {
    const s = await api("/stories/" + encodeURIComponent(id));
    if (token !== renderToken) return;
    clear(app);
    document.title = (s.title || "Story") + " · NewsWeave";
    app.appendChild(el("p", { class: "crumbs" }, el("a", { href: "#/" }, "← all events")));
    app.appendChild(el("h1", { dir: "auto" }, s.title || "(untitled story)"));
    app.appendChild(el("p", { class: "meta" }, s.events.length + " events · " + fmtTime(s.first_seen) + " – " +
      fmtTime(s.last_seen)));
    const layout = el("div", { class: "list-layout" });
    const list = el("ol", { class: "events timeline-list" });
    for (const e of s.events) list.appendChild(eventCard(e));
    const side = el("aside", { class: "side" });
    layout.appendChild(list);
    layout.appendChild(side);
    app.appendChild(layout);
    drawMap(side, s.events);
  }

  async function articleView(id, token) {
    const a = await api("/articles/" + encodeURIComponent(id));
    if (token !== renderToken) return;
    clear(app);
    document.title = (a.title || "Article") + " · NewsWeave";
    app.appendChild(el("p", { class: "crumbs" }, el("a", { href: "#/" }, "← all events"),
      a.event_id ? [" · ", el("a", { href: eventHref(a.event_id) }, "its event")] : null));
    app.appendChild(articleBlock(a, "h1"));
    const s = a.assignment;
    if (!s) {
      app.appendChild(el("p", { class: "note" }, "This article has not been assigned to an event."));
      return;
    }
    app.appendChild(el("h2", {}, "Why it is in this event"));
    app.appendChild(el("p", {}, s.new_event ? "It opened a new event (no existing event was likely enough among " +
      s.candidates + " candidates)." : "P(same event) = " + s.probability.toFixed(3) + ", best of " + s.candidates +
      " candidate events."));
    const rows = Object.entries(s.contributions).sort((x, y) => Math.abs(y[1]) - Math.abs(x[1]));
    const table = el("table", { class: "parts" }, el("thead", {}, el("tr", {}, el("th", {}, "feature"),
      el("th", {}, "value"), el("th", {}, "contribution to the logit"))));
    const body = el("tbody", {});
    const maxAbs = Math.max(1e-9, ...rows.map((r) => Math.abs(r[1])));
    for (const [name, c] of rows) {
      const w = (60 * Math.abs(c)) / maxAbs;
      const bar = svg("svg", { viewBox: "0 0 120 10", width: 120, height: 10, class: "contrib" },
        svg("line", { x1: 60, x2: 60, y1: 0, y2: 10, class: "zero" }),
        svg("rect", { x: c >= 0 ? 60 : 60 - w, y: 1, width: w, height: 8, class: c >= 0 ? "pos" : "neg" }));
      body.appendChild(el("tr", {}, el("td", {}, name), el("td", {}, String(s.features[name] ?? "")),
        el("td", {}, bar, " " + c.toFixed(2))));
    }
    table.appendChild(body);
    app.appendChild(table);
  }

  // ---------------------------------------------------------------- router
  async function route() {
    const token = ++renderToken;
    const hash = location.hash.replace(/^#/, "") || "/";
    const [path, qs] = hash.split("?");
    const params = new URLSearchParams(qs || "");
    document.title = "NewsWeave";
    app.setAttribute("aria-busy", "true");
    try {
      let m;
      if ((m = path.match(/^\/event\/(.+)$/))) await eventView(decodeURIComponent(m[1]), token);
      else if ((m = path.match(/^\/story\/(.+)$/))) await storyView(decodeURIComponent(m[1]), token);
      else if ((m = path.match(/^\/article\/(.+)$/))) await articleView(decodeURIComponent(m[1]), token);
      else await listView(params, token);
      if (token === renderToken) window.scrollTo(0, 0);
    } catch (err) {
      if (token === renderToken) showError(err);
    } finally {
      if (token === renderToken) {
        app.removeAttribute("aria-busy");
        app.setAttribute("data-ready", "1");
      }
    }
  }
  window.addEventListener("hashchange", route);
  route();
})();
