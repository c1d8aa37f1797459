// Time to the first events shown (/events) and to the dyad chart drawn (/dyad?a=…&b=…) in headless Chromium,
// measured in the page (performance.now() since navigation start, when the element first appears). Run by
// bench/web.sh:  node web.bench.mjs GATEWAY_URL DYAD_A DYAD_B ROUNDS   → one JSON line on stdout.
// The services are warmed up first (another browser profile, not measured). Round 1 is a cold browser cache;
// later rounds reuse the cached assets (hashed, immutable) like a returning analyst; every round is a new page,
// so the app starts and queries afresh.
import { launch } from './browser.mjs';

const [gateway, a, b, roundsArg] = process.argv.slice(2);
if (!gateway || !a || !b) {
  console.error('usage: node web.bench.mjs GATEWAY_URL DYAD_A DYAD_B [ROUNDS]');
  process.exit(2);
}
const rounds = Number(roundsArg ?? 5);

// Installed before any script of the page runs: notes when each watched element first appears.
function watch(selectors) {
  window.__firstSeen = {};
  const check = () => {
    for (const [name, selector] of Object.entries(selectors)) {
      if (!(name in window.__firstSeen) && document.querySelector(selector)) {
        window.__firstSeen[name] = performance.now();
      }
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
}

async function measure(context, url, name, selector) {
  const page = await context.newPage();
  await page.addInitScript(watch, { [name]: selector });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction((n) => n in (window.__firstSeen ?? {}), name, { timeout: 60_000 });
  const ms = await page.evaluate((n) => window.__firstSeen[n], name);
  const bytes = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((r) => r.initiatorType === 'script' || r.name.endsWith('.js'))
    .reduce((sum, r) => sum + (r.transferSize || 0), 0));
  await page.close();
  return { ms: Math.round(ms), scriptBytesTransferred: bytes };
}

const median = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : Math.round((s[s.length / 2 - 1] + s[s.length / 2]) / 2)) : null;
};

/**
 * Just-started services answer their first queries slowly, past the gateway's backend timeout on a busy
 * machine: the page would show UPSTREAM_UNAVAILABLE. Both views are loaded in another browser (its own
 * profile, so the measured one starts with an empty cache) until each has shown its data three times.
 */
async function warmUp(urls) {
  const warm = await launch();
  try {
    const deadline = Date.now() + 300_000;
    for (const [url, selector] of urls) {
      for (let ok = 0; ok < 3;) {
        if (Date.now() > deadline) throw new Error(`${url} did not show ${selector} within the warm-up`);
        const page = await warm.context.newPage();
        await page.goto(url, { waitUntil: 'domcontentloaded' });
        const shown = await page.waitForSelector(selector, { timeout: 30_000 }).then(() => true, () => false);
        if (shown && (await page.locator('[role=alert]').count()) === 0) ok++;
        await page.close();
      }
    }
  } finally {
    await warm.close();
  }
}

const EVENTS_URL = `${gateway}/events`;
const DYAD_URL = `${gateway}/dyad?a=${a}&b=${b}&interval=MONTH`;
await warmUp([[EVENTS_URL, '[data-testid=event-card]'], [DYAD_URL, '[data-testid=dyad-chart] canvas']]);

const browser = await launch();
try {
  const events = [];
  const dyad = [];
  for (let i = 0; i < rounds; i++) {
    events.push(await measure(browser.context, EVENTS_URL, 'firstEvent', '[data-testid=event-card]'));
    dyad.push(await measure(browser.context, DYAD_URL, 'chart', '[data-testid=dyad-chart] canvas'));
  }
  const summary = (list) => ({
    cold: list[0].ms,
    warmMedian: median(list.slice(1).map((r) => r.ms)),
    warmMin: list.length > 1 ? Math.min(...list.slice(1).map((r) => r.ms)) : null,
    warmMax: list.length > 1 ? Math.max(...list.slice(1).map((r) => r.ms)) : null,
    all: list.map((r) => r.ms),
    coldScriptBytes: list[0].scriptBytesTransferred,
  });
  console.log(JSON.stringify({ chromium: browser.context.browser()?.version() ?? null, rounds,
    firstEvents: summary(events), dyadChart: summary(dyad) }));
} finally {
  await browser.close();
}
