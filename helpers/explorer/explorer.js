// The explorer page (helpers/explorer): term plot, contexts, search, quotations, shared passages.
// Corpus text only ever reaches the page through textContent; no eval, no network.
"use strict";
(function () {
  const D = JSON.parse(document.getElementById("explorer-data").textContent);
  const S = D.sampling, C = D.counts, T = D.terms;
  const SVGNS = "http://www.w3.org/2000/svg";
  const MAX_ROWS = 300; // rows a list shows at once
  const LABELS_TOP = 14, LABELS_BOTTOM = 6; // terms labelled in the plot for the highlighted outlet
  const CONTEXT = 70; // characters either side of a keyword

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function svg(tag, attrs) {
    const e = document.createElementNS(SVGNS, tag);
    for (const k in attrs) e.setAttribute(k, attrs[k]);
    return e;
  }
  function add(parent, ...kids) { kids.forEach(k => parent.appendChild(k)); return parent; }
  function fmt(n) { return Number(n).toLocaleString("en", {maximumFractionDigits: 2}); }
  function option(value, text) { const o = el("option", null, text); o.value = String(value); return o; }
  function select(id, label, options) {
    const wrap = el("label", "control", label + " ");
    const s = el("select"); s.id = id;
    options.forEach(([v, t]) => s.appendChild(option(v, t)));
    return [add(wrap, s), s];
  }
  function where(sentence) {
    const [sid, ai] = sentence, a = D.articles[ai] || ["", -1, "", ""];
    const ids = el("span", "ids", "article ");
    add(ids, el("span", "aid", a[0]), document.createTextNode(" · sentence "), el("span", "sid", sid));
    const parts = [el("span", "outlet", D.outlets[a[1]] || ""), ids];
    if (a[2]) parts.push(el("span", "date", a[2]));
    if (a[3]) parts.push(el("span", "headline", a[3]));
    const w = el("div", "where");
    parts.forEach((p, k) => { if (k) w.appendChild(document.createTextNode(" ")); w.appendChild(p); });
    return w;
  }
  function kwicRow(sentence, start, end) {
    const text = sentence[2], tr = el("tr");
    const left = text.slice(Math.max(0, start - CONTEXT), start), right = text.slice(end, end + CONTEXT);
    add(tr, el("td", "left", (start > CONTEXT ? "…" : "") + left), el("td", "kw", text.slice(start, end)),
        el("td", "right", right + (end + CONTEXT < text.length ? "…" : "")));
    const td = el("td", "src"); td.appendChild(where(sentence)); tr.appendChild(td);
    return tr;
  }
  function kwicTable(id, rows) {
    const t = el("table", "kwic"); t.id = id;
    const body = el("tbody");
    rows.slice(0, MAX_ROWS).forEach(([si, s, e]) => body.appendChild(kwicRow(D.sentences[si], s, e)));
    return add(t, body);
  }
  function section(id, title, intro) {
    const s = el("section"); s.id = id;
    add(s, el("h2", null, title));
    if (intro) s.appendChild(el("p", "intro", intro));
    document.getElementById("main").appendChild(s);
    return s;
  }

  // ---- header ---------------------------------------------------------------------------
  function header() {
    const main = el("main"); main.id = "main"; document.body.appendChild(main);
    add(main, el("h1", null, "Explore the corpus"));
    main.appendChild(el("p", null, "Corpus " + (D.corpus || "(in the notebook)") + ": " + fmt(D.outlets.length) +
      " outlets, " + fmt(C.sentences) + " sentences, " + fmt(C.terms) + " distinct terms, " + fmt(C.quotes) +
      " quotation rows, " + fmt(C.passages) + " shared passages. Every number comes from the report's data/ tables."));
    const nav = el("nav");
    [["terms", "Term plot"], ["search", "Search"], ["quotes", "Quotations"], ["passages", "Shared passages"],
     ["sampling", "What this page carries"]].forEach(([id, t]) => {
      const a = el("a", null, t); a.href = "#" + id; nav.appendChild(a);
    });
    main.appendChild(nav);
  }

  // ---- term plot ---------------------------------------------------------------------------
  let current = 0;
  function plot(box) {
    box.textContent = "";
    const W = 900, H = 520, M = {l: 54, r: 16, t: 14, b: 42};
    const pts = T.points.filter(p => p[4] > 0);
    if (!pts.length) { box.appendChild(el("p", null, "No distinctive terms in this report.")); return; }
    const lx = pts.map(p => Math.log10(p[4])), zs = pts.map(p => p[5]);
    const x0 = Math.min(...lx), x1 = Math.max(...lx) + 1e-9, z0 = Math.min(...zs, 0), z1 = Math.max(...zs, 0) + 1e-9;
    const X = v => M.l + (Math.log10(v) - x0) / (x1 - x0) * (W - M.l - M.r);
    const Y = v => H - M.b - (v - z0) / (z1 - z0) * (H - M.t - M.b);
    const s = svg("svg", {viewBox: `0 0 ${W} ${H}`, id: "plot", role: "img"});
    s.appendChild(svg("line", {x1: M.l, x2: W - M.r, y1: Y(0), y2: Y(0), class: "zero"}));
    const xl = svg("text", {x: (W + M.l) / 2, y: H - 8, class: "axis", "text-anchor": "middle"});
    xl.textContent = "uses per 1,000 words in the outlet (log scale)"; s.appendChild(xl);
    const yl = svg("text", {x: 14, y: H / 2, class: "axis", transform: `rotate(-90 14 ${H / 2})`, "text-anchor": "middle"});
    yl.textContent = "log-odds z against all other outlets"; s.appendChild(yl);
    for (let k = Math.floor(x0); k <= x1; k++) {
      [1, 2, 5].map(m => m * 10 ** k).filter(v => Math.log10(v) >= x0 && Math.log10(v) <= x1).forEach(v => {
        const t = svg("text", {x: X(v), y: H - 26, class: "tick", "text-anchor": "middle"});
        t.textContent = String(+v.toPrecision(1)); s.appendChild(t);
      });
    }
    const step = Math.max(1, Math.ceil((z1 - z0) / 8));
    for (let v = Math.ceil(z0 / step) * step; v <= z1; v += step) {
      const t = svg("text", {x: M.l - 6, y: Y(v) + 4, class: "tick", "text-anchor": "end"});
      t.textContent = String(v); s.appendChild(t);
    }
    const others = svg("g", {class: "others"}), mine = svg("g", {class: "mine"});
    T.points.forEach((p, i) => {
      if (p[4] <= 0) return;
      const c = svg("circle", {cx: X(p[4]).toFixed(1), cy: Y(p[5]).toFixed(1), r: p[0] === current ? 4 : 2.5});
      if (p[0] === current) {
        c.setAttribute("data-i", i); c.addEventListener("click", () => showKwic(i));
        const tip = svg("title", {}); tip.textContent = `${p[2]}: ${p[3]} uses, z ${p[5]}`; c.appendChild(tip);
        mine.appendChild(c);
      } else others.appendChild(c);
    });
    add(s, others, mine, labels(s, X, Y, W, H, M));
    box.appendChild(s);
  }
  function ranked() {
    const mine = T.points.map((p, i) => [p, i]).filter(([p]) => p[0] === current);
    return [...mine].sort((a, b) => b[0][5] - a[0][5]);
  }
  // Labels for the top and bottom terms by z, placed greedily where they overlap no label placed before.
  function labels(s, X, Y, W, H, M) {
    const g = svg("g", {class: "labels"}), placed = [], r = ranked();
    const chosen = [...r.slice(0, LABELS_TOP), ...r.slice(-LABELS_BOTTOM).reverse()]
      .filter((v, k, a) => a.indexOf(v) === k && v[0][4] > 0);
    chosen.forEach(([p, i]) => {
      const w = p[2].length * 6.6 + 4, h = 13, x = X(p[4]), y = Y(p[5]);
      const tries = [[x + 6, y - h / 2], [x - 6 - w, y - h / 2], [x - w / 2, y - h - 5], [x - w / 2, y + 5],
                     [x + 6, y - h - 4], [x - 6 - w, y + 4], [x + 6, y + 4], [x - 6 - w, y - h - 4],
                     [x + 6, y - 2 * h], [x - 6 - w, y + h], [x + 6, y + h], [x - 6 - w, y - 2 * h]];
      const spot = tries.find(([bx, by]) => bx >= M.l && bx + w <= W - M.r && by >= 0 && by + h <= H - M.b &&
        placed.every(q => bx + w <= q[0] || q[0] + q[2] <= bx || by + h <= q[1] || q[1] + q[3] <= by));
      if (!spot) return;
      placed.push([spot[0], spot[1], w, h]);
      const t = svg("text", {x: spot[0] + 2, y: spot[1] + h - 3, class: "label", "data-i": i});
      t.textContent = p[2]; t.addEventListener("click", () => showKwic(i));
      g.appendChild(t);
    });
    return g;
  }
  function termList(box) {
    box.textContent = "";
    const r = ranked();
    [["Most distinctive (highest z)", r.slice(0, 20)], ["Least (lowest z)", r.slice(-10).reverse()]].forEach(([h, list]) => {
      const d = el("div", "terms"); d.appendChild(el("h3", null, h));
      list.forEach(([p, i]) => {
        const b = el("button", "term", p[2]); b.setAttribute("data-i", i);
        b.title = `${p[3]} uses, ${p[4]} per 1,000 words, z ${p[5]}`;
        b.addEventListener("click", () => showKwic(i)); d.appendChild(b);
      });
      box.appendChild(d);
    });
  }
  function showKwic(i) {
    const p = T.points[i], box = document.getElementById("kwic-box");
    box.textContent = "";
    box.appendChild(el("h3", null, `"${p[2]}" in ${D.outlets[p[0]]}: ${fmt(p[3])} uses, ${fmt(p[4])} per 1,000 words, z ${fmt(p[5])}`));
    box.appendChild(el("p", "note", p[6].length < p[3]
      ? `${p[6].length} of its ${fmt(p[3])} uses, a random sample (seed ${S.seed}).` : `All ${p[6].length} uses.`));
    box.appendChild(kwicTable("kwic", p[6]));
  }
  function termsSection() {
    const s = section("terms", "Term plot: which words set each outlet apart",
      "Each dot is a term in one outlet: how often the outlet uses it (across) against its log-odds z " +
      "against all the other outlets together (up). The highlighted outlet's terms are dark; the others' are grey. " +
      "Click a term for its sentences.");
    const [lab, sel] = select("outlet", "Highlight outlet", D.outlets.map((o, i) => [i, o]));
    const box = el("div", "plotbox"), list = el("div", "termlist"), kwic = el("div"); kwic.id = "kwic-box";
    add(s, lab, box, list, kwic);
    sel.addEventListener("change", () => { current = Number(sel.value); plot(box); termList(list); kwic.textContent = ""; });
    plot(box); termList(list);
  }

  // ---- search --------------------------------------------------------------------------------
  function pattern(q) {
    const esc = q.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
    return new RegExp(`(?<![\\p{L}\\p{N}])${esc}(?![\\p{L}\\p{N}])`, "giu");
  }
  function search(q) {
    const out = document.getElementById("search-out"); out.textContent = "";
    q = q.trim(); if (!q) return;
    const terms = /\s/.test(q) ? [] : (T.forms[q.toLowerCase()] || []);
    const re = pattern(q), per = new Array(D.outlets.length).fill(0), lines = [];
    D.sentences.forEach((s, si) => {
      const o = (D.articles[s[1]] || [0, -1])[1];
      for (const m of s[2].matchAll(re)) { if (o >= 0) per[o]++; lines.push([si, m.index, m.index + m[0].length]); }
    });
    const t = el("table", "counts"); t.id = "search-counts";
    const head = el("tr"); add(head, el("th", null, "outlet"));
    terms.forEach(ti => head.appendChild(el("th", null, `term "${T.vocabulary[ti][2]}" (all its forms, term_counts.csv)`)));
    head.appendChild(el("th", null, `"${q}" as written, in the sentences this page carries`));
    const body = el("tbody"); add(t, add(el("thead"), head), body);
    D.outlets.forEach((o, oi) => {
      const tr = el("tr"); tr.setAttribute("data-outlet", o); add(tr, el("td", null, o));
      terms.forEach(ti => { const hit = T.vocabulary[ti][3].find(c => c[0] === oi); tr.appendChild(el("td", "n term-n", hit ? hit[1] : 0)); });
      tr.appendChild(el("td", "n text-n", per[oi])); body.appendChild(tr);
    });
    out.appendChild(t);
    out.appendChild(el("p", "note", (C.complete ? "The page carries every sentence of the corpus." :
      `The page carries ${fmt(D.sentences.length)} of the corpus's ${fmt(C.sentences)} sentences, so the last column is a sample.`) +
      (!/\s/.test(q) && !terms.length ? " No counted term has this form (a stopword, a number, or beyond the " +
      fmt(S.vocabulary_max) + " commonest terms)." : "")));
    out.appendChild(el("p", "note", `${fmt(lines.length)} lines` + (lines.length > MAX_ROWS ? `; the first ${MAX_ROWS} shown.` : ".")));
    out.appendChild(kwicTable("search-kwic", lines));
  }
  function searchSection() {
    const s = section("search", "Search a word or phrase",
      "A single word is looked up as the term the counts use (its stem, with all its forms): those counts are the " +
      "whole corpus's. Any text is also matched as written, case ignored, in the sentences this page carries.");
    const input = el("input"); input.id = "search-box"; input.type = "search"; input.placeholder = "a word or phrase";
    const go = el("button", null, "Search"); go.id = "search-go";
    const out = el("div"); out.id = "search-out";
    add(s, add(el("div", "control"), input, go), out);
    go.addEventListener("click", () => search(input.value));
    input.addEventListener("keydown", e => { if (e.key === "Enter") search(input.value); });
  }

  // ---- quotations ---------------------------------------------------------------------------
  function quotesSection() {
    const s = section("quotes", "Quotations: who is quoted, where, for which side",
      D.quotes.length < C.quotes ? `${fmt(D.quotes.length)} of ${fmt(C.quotes)} quotation rows: up to ` +
      `${S.quotes_per_speaker} per speaker and outlet, then a random sample (seed ${S.seed}).` : `All ${fmt(C.quotes)} rows of quotes.csv.`);
    const uniq = k => [...new Set(D.quotes.map(q => q[k]))].sort();
    const speakers = uniq(2), sides = uniq(3);
    const [a, sp] = select("q-speaker", "Speaker", [["", "(any)"], ...speakers.map((v, i) => [i, v || "(no speaker)"])]);
    const [b, ou] = select("q-outlet", "Outlet", [["", "(any)"], ...D.outlets.map((o, i) => [i, o])]);
    const [c, si] = select("q-side", "Side", [["", "(any)"], ...sides.map((v, i) => [i, v || "(none)"])]);
    const out = el("div"); add(s, add(el("div", "control"), a, b, c), out);
    const draw = () => {
      out.textContent = "";
      const rows = D.quotes.filter(q => (sp.value === "" || q[2] === speakers[Number(sp.value)]) &&
        (ou.value === "" || q[1] === Number(ou.value)) && (si.value === "" || q[3] === sides[Number(si.value)]));
      out.appendChild(el("p", "note", `${fmt(rows.length)} quotation rows` + (rows.length > MAX_ROWS ? `; the first ${MAX_ROWS} shown.` : ".")));
      const t = el("table", "quotes"); t.id = "quote-rows";
      const body = el("tbody");
      rows.slice(0, MAX_ROWS).forEach(q => {
        const tr = el("tr");
        add(tr, el("td", "speaker", q[2] || "(no speaker)"), el("td", null, q[3]), el("td", "quote", q[4]));
        const td = el("td", "src");
        if (q[0] >= 0) add(td, el("div", "sentence", D.sentences[q[0]][2]), where(D.sentences[q[0]]));
        tr.appendChild(td); body.appendChild(tr);
      });
      out.appendChild(add(t, add(el("thead"), add(el("tr"), el("th", null, "speaker"), el("th", null, "side"),
        el("th", null, "quotation"), el("th", null, "its sentence"))), body));
    };
    [sp, ou, si].forEach(x => x.addEventListener("change", draw));
    draw();
  }

  // ---- shared passages ------------------------------------------------------------------------
  function passagesSection() {
    const s = section("passages", "Shared passages, side by side",
      D.passages.length < C.passages ? `The ${S.passages_per_pair} most similar per outlet pair: ${fmt(D.passages.length)} of ${fmt(C.passages)}.`
        : `All ${fmt(C.passages)} rows of shared_passages.csv.`);
    const pairs = [...new Set(D.passages.map(p => p[0] + "|" + p[1]))].sort();
    const [lab, sel] = select("pair", "Outlet pair", [["", "(any pair)"], ...pairs.map(k => {
      const [a, b] = k.split("|").map(Number); return [k, `${D.outlets[a]} – ${D.outlets[b]}`]; })]);
    const out = el("div"); add(s, lab, out);
    const draw = () => {
      out.textContent = "";
      const rows = D.passages.filter(p => !sel.value || p[0] + "|" + p[1] === sel.value);
      out.appendChild(el("p", "note", `${fmt(rows.length)} passages` + (rows.length > MAX_ROWS ? `; the first ${MAX_ROWS} shown.` : ".")));
      rows.slice(0, MAX_ROWS).forEach(p => {
        const d = el("div", "pair");
        [[0, 2, 4, 6], [1, 3, 5, 7]].forEach(([o, a, sid, tx]) => {
          const art = D.articles[p[a]] || [""];
          add(d, add(el("div", "side"), el("div", "outlet", D.outlets[p[o]]),
            el("div", "ids", `article ${art[0]} · sentence ${p[sid]}`), el("p", null, p[tx])));
        });
        d.appendChild(el("div", "sim", `similarity ${p[8]}`)); out.appendChild(d);
      });
    };
    sel.addEventListener("change", draw); draw();
  }

  function samplingSection() {
    const s = section("sampling", "What this page carries");
    const ul = el("ul");
    [`The plot: per outlet its ${S.plot_top_z} highest and ${S.plot_bottom_z} lowest terms by z and its ${S.plot_top_n} commonest (distinctive_terms.csv).`,
     `Contexts: up to ${S.kwic_per_term} uses per plotted term and outlet, a random sample with seed ${S.seed} (term_occurrences.csv).`,
     `Word search: the ${fmt(Math.min(S.vocabulary_max, C.terms))} commonest of ${fmt(C.terms)} terms, with their exact counts (term_counts.csv).`,
     C.complete ? `Text search: every one of the corpus's ${fmt(C.sentences)} sentences.` :
       `Text search: ${fmt(D.sentences.length)} of ${fmt(C.sentences)} sentences (those shown elsewhere on this page, then a random sample, seed ${S.seed}, up to ${fmt(S.sentence_chars)} characters).`,
     `Quotations: ${fmt(D.quotes.length)} of ${fmt(C.quotes)} rows of quotes.csv; shared passages: ${fmt(D.passages.length)} of ${fmt(C.passages)}.`,
    ].forEach(t => ul.appendChild(el("li", null, t)));
    s.appendChild(ul);
  }

  header(); termsSection(); searchSection(); quotesSection(); passagesSection(); samplingSection();
})();
