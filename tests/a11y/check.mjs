#!/usr/bin/env node
// Accessibility check of a built edition of the book.
//
//   node check.mjs HTML_DIR [--scheme light,dark] [--screenshots OUT_DIR] [--page REL ...]
//
// Serves HTML_DIR (e.g. ../../_build/html/2025) on a local port, opens every HTML page in
// Debian's chromium (driven by playwright-core; no browser is downloaded), runs axe-core
// with the WCAG 2.0/2.1 level A and AA rules, and prints one JSON document on stdout:
//
//   {"pages": N, "schemes": [...], "violations": [{"page", "scheme", "id", "impact",
//    "help", "helpUrl", "nodes": [{"target", "html", "summary"}]}], "counts": {"<rule>": n},
//    "incomplete": {"<rule>": n}, "undecided": [{"page", "scheme", "id", "target", ...}]}
//    (incomplete/undecided: nodes axe could not decide, for a human look; not failures)
//
// Exit status: 0 when the check ran (whatever it found), 2 when it could not run.
// With --screenshots, a full-page PNG of every page is written to OUT_DIR as well.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { openEdition } from "./common.mjs";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

function fail(message) {
  process.stderr.write(`a11y check: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { root: null, schemes: ["light", "dark"], screenshots: null, pages: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--scheme") opts.schemes = argv[++i].split(",").filter(Boolean);
    else if (a === "--screenshots") opts.screenshots = argv[++i];
    else if (a === "--page") opts.pages.push(argv[++i]);
    else if (!opts.root) opts.root = a;
    else fail(`unexpected argument ${a}`);
  }
  if (!opts.root) fail("usage: node check.mjs HTML_DIR [--scheme light,dark] [--screenshots DIR] [--page REL]");
  opts.root = path.resolve(opts.root);
  return opts;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const { browser, server, base, pages, resolved } = await openEdition(opts, fail, ["axe-core/axe.min.js"]);
  const axePath = resolved["axe-core/axe.min.js"];
  const violations = [];
  const counts = {};
  const incomplete = {}; // rules axe could not decide (needs a human look); not failures
  const undecided = [];
  try {
    for (const scheme of opts.schemes) {
      const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      for (const rel of pages) {
        await page.goto(base + rel, { waitUntil: "load" });
        // The theme sets light/dark from prefers-color-scheme in a script; let it settle.
        await page.waitForTimeout(150);
        await page.addScriptTag({ path: axePath });
        const result = await page.evaluate(async (tags) => {
          // eslint-disable-next-line no-undef
          return await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations", "incomplete"] });
        }, WCAG_TAGS);
        for (const v of result.violations) {
          counts[v.id] = (counts[v.id] || 0) + v.nodes.length;
          violations.push({
            page: rel, scheme, id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
            nodes: v.nodes.map((n) => ({ target: n.target, html: n.html.slice(0, 300), summary: n.failureSummary })),
          });
        }
        for (const v of result.incomplete) {
          incomplete[v.id] = (incomplete[v.id] || 0) + v.nodes.length;
          for (const n of v.nodes) {
            undecided.push({ page: rel, scheme, id: v.id, target: n.target, html: n.html.slice(0, 200), summary: n.failureSummary });
          }
        }
        if (opts.screenshots) {
          await mkdir(opts.screenshots, { recursive: true });
          const name = `${rel.replace(/\.html$/, "").replace(/\//g, "__")}-${scheme}.png`;
          await page.screenshot({ path: path.join(opts.screenshots, name), fullPage: true });
        }
      }
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  process.stdout.write(JSON.stringify({ pages: pages.length, pageList: pages, schemes: opts.schemes, tags: WCAG_TAGS, violations, counts, incomplete, undecided }, null, 1) + "\n");
}

main().catch((e) => fail(e.stack || String(e)));
