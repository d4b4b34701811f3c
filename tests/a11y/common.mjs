// Shared by check.mjs (axe-core) and layout.mjs (widths and figure text): the list of built
// pages, a static file server for a built edition, the chromium settings and the opening of a
// built edition in chromium (`openEdition`).
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";

export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run",
];
const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript",
  ".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg",
  ".woff": "font/woff", ".woff2": "font/woff2", ".ttf": "font/ttf", ".json": "application/json",
  ".csv": "text/csv", ".ico": "image/x-icon",
};
const SKIP = ["_static", "_sources", "_images", "_downloads"];

/** Every HTML page of a built edition (relative paths, sorted), without the theme's assets. */
export async function htmlPages(root) {
  const found = [];
  async function walk(dir) {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const rel = path.relative(root, full).split(path.sep).join("/");
      if (entry.isDirectory()) {
        if (!SKIP.includes(entry.name)) await walk(full);
      } else if (entry.name.endsWith(".html")) {
        found.push(rel);
      }
    }
  }
  await walk(root);
  return found.sort();
}

/** Serve ``root`` on a free local port; resolves to the listening server. */
export function serve(root) {
  const server = createServer(async (req, res) => {
    try {
      const rel = decodeURIComponent(new URL(req.url, "http://x").pathname);
      let file = path.join(root, rel);
      if (!file.startsWith(root)) throw new Error("outside root");
      if ((await stat(file)).isDirectory()) file = path.join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] || "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end("not found");
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const require = createRequire(import.meta.url);

/**
 * Open a built edition in Debian's chromium: check that the book and the browser exist, load
 * playwright-core (and resolve ``extraModules``, e.g. "axe-core/axe.min.js"), serve ``opts.root``
 * and launch the browser. ``fail(message)`` is called (and exits) when something is missing.
 * Resolves to ``{ browser, server, base, pages, resolved }``; the caller closes browser and server.
 */
export async function openEdition(opts, fail, extraModules = []) {
  if (!existsSync(path.join(opts.root, "index.html"))) fail(`no built book in ${opts.root} (index.html missing)`);
  if (!existsSync(CHROMIUM)) fail(`${CHROMIUM} not found: install Debian's chromium (scripts/install-browser-deps.sh)`);
  let chromium;
  const resolved = {};
  try {
    ({ chromium } = require("playwright-core"));
    for (const name of extraModules) resolved[name] = require.resolve(name);
  } catch (e) {
    fail(`node packages missing (${e.message}): run \`npm ci\` in tests/a11y`);
  }
  const pages = opts.pages.length ? opts.pages : await htmlPages(opts.root);
  const server = await serve(opts.root);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  return { browser, server, base, pages, resolved };
}
