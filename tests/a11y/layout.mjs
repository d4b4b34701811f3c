#!/usr/bin/env node
// Layout check of a built edition: does every page read on a phone and on a desktop screen?
//
//   node layout.mjs HTML_DIR --min-font PX [--widths 390,1400] [--scheme light,dark] [--page REL ...]
//
// Serves HTML_DIR, opens every HTML page in Debian's chromium (playwright-core) at each
// width and colour scheme, and prints one JSON document on stdout:
//
//   {"pages": [...], "widths": [...], "schemes": [...], "checked": {"tables": n, "figures": n,
//    "figureTexts": n}, "problems": [{"page", "width", "scheme", "kind", "what", ...}]}
//
// Problems (kinds):
//   page-wider       the document is wider than the viewport (horizontal scrolling of the page)
//   table-overflow   a table runs past the right edge of the text column; on a narrow screen a
//                    table may be wider when it scrolls inside its own container that fits
//   figure-overflow  a figure (or its image) runs past the text column
//   figure-text      text in an SVG figure, as drawn at this width, is smaller than --min-font
//                    CSS pixels (sizes read from the SVG: matplotlib draws each text as glyphs
//                    scaled from 100 units; <text> elements are read from their font size)
//   figure-unread    an SVG figure whose text sizes could not be read (the check cannot judge it)
//
// Exit status: 0 when the check ran (whatever it found), 2 when it could not run.
import path from "node:path";
import { openEdition } from "./common.mjs";

function fail(message) {
  process.stderr.write(`layout check: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { root: null, widths: [390, 1400], schemes: ["light", "dark"], pages: [], minFont: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--widths") opts.widths = argv[++i].split(",").map(Number);
    else if (a === "--scheme") opts.schemes = argv[++i].split(",").filter(Boolean);
    else if (a === "--min-font") opts.minFont = Number(argv[++i]);
    else if (a === "--page") opts.pages.push(argv[++i]);
    else if (!opts.root) opts.root = a;
    else fail(`unexpected argument ${a}`);
  }
  if (!opts.root || !(opts.minFont > 0)) fail("usage: node layout.mjs HTML_DIR --min-font PX [--widths 390,1400] [--scheme light,dark] [--page REL]");
  opts.root = path.resolve(opts.root);
  return opts;
}

/** Text sizes (SVG user units) of every text drawn in a matplotlib SVG, and its viewBox width. */
export function svgTextSizes(svg) {
  const vb = svg.match(/viewBox="\s*[-\d.]+\s+[-\d.]+\s+([\d.]+)\s+[\d.]+\s*"/);
  const texts = [];
  let unread = 0;
  // matplotlib (svg.fonttype "path"): <g id="text_N"> <!-- label --> <g ... transform="... scale(s -s)">
  const groups = svg.split(/<g id="text_\d+">/).slice(1);
  for (const g of groups) {
    const label = (g.match(/^\s*<!--\s*([\s\S]*?)\s*-->/) || [null, ""])[1];
    const scale = g.match(/transform="[^"]*scale\(([\d.]+)\s+-[\d.]+\)"/);
    const font = g.match(/<text[^>]*style="[^"]*font(?:-size)?:\s*(?:[a-z-]+\s+)*([\d.]+)px/) || g.match(/<text[^>]*font-size="([\d.]+)/);
    if (!label) continue; // an empty text object draws nothing
    if (scale) texts.push({ label, size: Number(scale[1]) * 100 });
    else if (font) texts.push({ label, size: Number(font[1]) });
    else unread++;
  }
  return { viewBoxWidth: vb ? Number(vb[1]) : null, texts, unread };
}

function measure() {
  const col = document.querySelector("article.bd-article") || document.querySelector("main") || document.body;
  const cs = getComputedStyle(col);
  const cr = col.getBoundingClientRect();
  const right = cr.right - parseFloat(cs.paddingRight) + 1; // 1 px for rounding
  const captionOf = (el) => {
    const fig = el.closest("figure, table");
    const cap = fig && (fig.querySelector("figcaption, caption"));
    return (cap ? cap.textContent : el.getAttribute("alt") || el.tagName).replace(/\s+/g, " ").replace(/[#¶]/g, "").trim().slice(0, 90);
  };
  const scroller = (el) => {
    for (let p = el.parentElement; p && p !== col.parentElement; p = p.parentElement) {
      const ox = getComputedStyle(p).overflowX;
      if (ox === "auto" || ox === "scroll" || ox === "hidden") return p;
    }
    return null;
  };
  const visible = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const tables = [...col.querySelectorAll("table")].filter(visible).map((t) => {
    const r = t.getBoundingClientRect();
    const s = scroller(t);
    return { what: captionOf(t), over: Math.round(r.right - right), scrollerFits: s ? s.getBoundingClientRect().right <= right : false };
  });
  const figures = [...col.querySelectorAll("figure, figure img, img, svg")].filter(visible).map((f) => ({
    what: captionOf(f), over: Math.round(f.getBoundingClientRect().right - right),
  }));
  const svgs = [...col.querySelectorAll("img")].filter(visible).filter((i) => /\.svg(\?|$)/.test(i.getAttribute("src") || ""))
    .map((i) => ({ src: new URL(i.getAttribute("src"), location.href).href, width: i.getBoundingClientRect().width, what: captionOf(i) }));
  return {
    pageWidth: document.documentElement.scrollWidth, viewport: window.innerWidth,
    widest: [...document.querySelectorAll("body *")].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(-1).map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join(".")}`)[0] || null,
    tables, figures, svgs,
  };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const { browser, server, base, pages } = await openEdition(opts, fail);
  const problems = [];
  const checked = { tables: 0, figures: 0, figureTexts: 0 };
  const svgCache = new Map();
  try {
    for (const scheme of opts.schemes) {
      for (const width of opts.widths) {
        const context = await browser.newContext({ colorScheme: scheme, viewport: { width, height: 900 } });
        const page = await context.newPage();
        for (const rel of pages) {
          await page.goto(base + rel, { waitUntil: "load" });
          await page.waitForTimeout(100);
          const m = await page.evaluate(measure);
          const at = { page: rel, width, scheme };
          if (m.pageWidth > m.viewport) problems.push({ ...at, kind: "page-wider", what: m.widest, over: m.pageWidth - m.viewport });
          for (const t of m.tables) {
            checked.tables++;
            const allowedToScroll = width < 700 && t.scrollerFits;
            if (t.over > 0 && !allowedToScroll) problems.push({ ...at, kind: "table-overflow", what: t.what, over: t.over });
          }
          for (const f of m.figures) {
            checked.figures++;
            if (f.over > 0) problems.push({ ...at, kind: "figure-overflow", what: f.what, over: f.over });
          }
          for (const s of m.svgs) {
            if (!svgCache.has(s.src)) svgCache.set(s.src, svgTextSizes(await (await fetch(s.src)).text()));
            const info = svgCache.get(s.src);
            if (!info.viewBoxWidth || info.unread || !info.texts.length) {
              problems.push({ ...at, kind: "figure-unread", what: s.what, src: s.src.replace(base, "") });
              continue;
            }
            const scale = s.width / info.viewBoxWidth;
            const smallest = info.texts.reduce((a, b) => (b.size < a.size ? b : a));
            checked.figureTexts += info.texts.length;
            const px = smallest.size * scale;
            if (px < opts.minFont - 1e-6) {
              problems.push({ ...at, kind: "figure-text", what: s.what, src: s.src.replace(base, ""),
                text: smallest.label, px: Math.round(px * 10) / 10, drawnWidth: Math.round(s.width) });
            }
          }
        }
        await context.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  process.stdout.write(JSON.stringify({ pages, widths: opts.widths, schemes: opts.schemes, minFont: opts.minFont, checked, problems }, null, 1) + "\n");
}

if (import.meta.url === `file://${process.argv[1]}`) main().catch((e) => fail(e.stack || String(e)));
