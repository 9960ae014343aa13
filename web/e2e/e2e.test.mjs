// Browser tests of hearsay's HTML report and server, driving Debian's
// chromium through playwright-core (which never downloads a browser).
//
//   HEARSAY_REPORT     the report file written by `hearsay report`
//   HEARSAY_URL        the base URL of a running `hearsay serve`
//   HEARSAY_ARTIFACTS  where screenshots go (default: a new temp dir)
//   CHROMIUM           the browser (default /usr/bin/chromium)
//
// run.sh sets all of these up; a test whose input is not given is skipped.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { QUOTE, TITLE, OUTLET } from './hostile.mjs';

const REPORT = process.env.HEARSAY_REPORT || '';
const BASE = (process.env.HEARSAY_URL || '').replace(/\/?$/, '/');
const ARTIFACTS = process.env.HEARSAY_ARTIFACTS || mkdtempSync(join(tmpdir(), 'hearsay-shots-'));
mkdirSync(ARTIFACTS, { recursive: true });

let context;
let profile;

before(async () => {
  profile = mkdtempSync(join(tmpdir(), 'hearsay-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
  });
  console.log(`screenshots: ${ARTIFACTS}`);
});

after(async () => {
  if (context) await context.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

// open returns a page that records what must never happen: dialogs,
// script errors, blocked inline code, requests leaving the machine.
async function open(url, viewport) {
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const trouble = { dialogs: [], errors: [], csp: [], external: [] };
  page.on('dialog', async (d) => { trouble.dialogs.push(d.message()); await d.dismiss(); });
  page.on('pageerror', (e) => trouble.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) trouble.csp.push(m.text());
  });
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith('file:') && !u.startsWith('data:') && !(BASE && u.startsWith(BASE.replace(/\/$/, '')))) trouble.external.push(u);
  });
  await page.goto(url);
  return { page, trouble };
}

async function assertClean(page, trouble) {
  assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined', 'hostile script ran');
  assert.equal(await page.evaluate(() => typeof window.__pwned_source), 'undefined', 'the article page\'s own script ran');
  assert.deepEqual(trouble.dialogs, [], 'a dialog opened');
  assert.deepEqual(trouble.errors, [], 'script errors');
  assert.deepEqual(trouble.csp, [], 'the page\'s own style or script was blocked');
  assert.deepEqual(trouble.external, [], 'requests left the machine');
  const bad = await page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) out.push(`${el.tagName} ${a.name}`);
        if (/href|src|action/i.test(a.name) && /^\s*javascript:/i.test(a.value)) out.push(`${el.tagName} ${a.name}=${a.value}`);
      }
    }
    out.push(...[...document.querySelectorAll('img, iframe, object, embed')].map((e) => e.tagName));
    return out;
  });
  assert.deepEqual(bad, [], 'markup from article text');
}

async function shot(page, name, locator) {
  const path = join(ARTIFACTS, name);
  if (locator) await locator.screenshot({ path });
  else await page.screenshot({ path });
}

// followClusterToArticle goes story → shared quotation → the quotation in
// an article, and checks the spans are highlighted there.
async function followClusterToArticle(page) {
  const cluster = page.locator('article.cluster').first();
  await cluster.scrollIntoViewIfNeeded();
  const clusterId = await cluster.getAttribute('id');
  assert.match(clusterId, /^qc\d+$/);
  // from the coverage matrix row to the cluster
  await page.locator(`.matrix a[href$="#${clusterId}"]`).first().click();
  await page.waitForFunction((id) => location.hash === '#' + id, clusterId);
  // from the second variant (another outlet) to its article
  const member = cluster.locator('.variant:not(.missing) .v-head a').nth(1);
  const href = await member.getAttribute('href');
  assert.match(href, /#d\d+-q\d+$/);
  const qid = href.split('#')[1];
  await member.click();
  await page.waitForFunction((id) => location.hash === '#' + id, qid);
  const segs = page.locator(`[data-q="${qid}"]`);
  assert.ok(await segs.count() > 0, 'the quotation is highlighted in the article');
  await page.waitForFunction((id) => document.querySelector(`[data-q="${id}"]`).classList.contains('flash'), qid);
  assert.ok(await segs.first().isVisible());
  const article = page.locator('article.article').filter({ has: segs.first() });
  assert.ok(await article.locator('.q').count() > 0, 'quotes highlighted');
  assert.ok(await article.locator('.lbl').count() > 0, 'span labels');
  assert.ok(await article.locator('.legend li').count() > 0, 'legend');
  return { article, qid };
}

test('report: story → quote cluster → article, highlighted spans', { skip: !REPORT }, async () => {
  const { page, trouble } = await open(pathToFileURL(REPORT).href);
  assert.equal(await page.title(), 'hearsay report');
  await shot(page, 'report-top.png');
  await page.locator('.toc a').first().click();
  await page.waitForFunction(() => /^#s\d+$/.test(location.hash));
  assert.ok(await page.locator('.doc-card').count() >= 6, 'document overview');
  assert.ok(await page.locator('.matrix tbody tr').count() > 0, 'coverage matrix');
  assert.ok(await page.locator('.conflict').count() > 0, 'number conflicts');
  assert.ok(await page.locator('svg .node').count() > 5, 'provenance graph');
  await shot(page, 'report-cluster.png', page.locator('article.cluster').first());
  await shot(page, 'report-graph.png', page.locator('figure.graph').first());
  const { article } = await followClusterToArticle(page);
  assert.ok(await article.locator('.num').count() > 0, 'numbers highlighted');
  await shot(page, 'report-article.png');
  await assertClean(page, trouble);
  await page.close();
});

test('report: search box', { skip: !REPORT }, async () => {
  const { page, trouble } = await open(pathToFileURL(REPORT).href);
  await page.fill('#q', 'speaker:Varga hidden');
  await page.waitForSelector('#results:not([hidden]) .hit');
  const hits = page.locator('#results .hit');
  const n = await hits.count();
  assert.ok(n > 0, 'results');
  for (let i = 0; i < n; i++) assert.match((await hits.nth(i).locator('.hit-text').textContent()).toLowerCase(), /hidden/);
  assert.match(await page.locator('#results-title').textContent(), /^\d+ results?/);
  await shot(page, 'report-search.png');
  const href = await hits.first().locator('a').getAttribute('href');
  await hits.first().locator('a').click();
  await page.waitForFunction((h) => location.hash === h, href);
  assert.ok(await page.locator(`[data-q="${href.slice(1)}"]`).count() > 0);
  // filters: anonymous quotations only
  await page.fill('#q', 'anonymous:yes');
  // every hit is an anonymous quotation (and the list is not the old one)
  await page.waitForFunction(() => {
    const hits = [...document.querySelectorAll('#results .hit')];
    return hits.length > 0 && hits.every((h) => h.querySelector('.tag') && h.querySelector('.kind').textContent === 'quote');
  });
  await page.fill('#q', 'zzzz-nothing-matches');
  await page.waitForFunction(() => /^0 results/.test(document.getElementById('results-title').textContent));
  await assertClean(page, trouble);
  await page.close();
});

test('report: hostile article renders as text', { skip: !REPORT }, async () => {
  const { page, trouble } = await open(pathToFileURL(REPORT).href);
  await page.fill('#q', 'onerror');
  await page.waitForSelector('#results:not([hidden]) .hit');
  const texts = await page.locator('#results .hit-text').allTextContents();
  assert.ok(texts.some((t) => t.includes(QUOTE.slice(0, 40))), 'the hostile quotation is found, as text');
  await page.locator('#results .hit a', { hasText: 'Vell' }).first().click();
  const art = page.locator('article.article', { hasText: 'The crane was inspected' });
  await art.scrollIntoViewIfNeeded();
  // the literal markup is visible as text
  assert.ok((await art.locator('h4').textContent()).includes(TITLE), 'title shown literally');
  assert.ok((await art.locator('.body').innerText()).includes(QUOTE.slice(0, -1)), 'quotation shown literally');
  assert.ok((await art.locator('.meta').textContent()).includes(OUTLET), 'outlet shown literally');
  await page.getByText(QUOTE.slice(0, 30)).first().scrollIntoViewIfNeeded();
  await shot(page, 'report-hostile.png');
  await assertClean(page, trouble);
  await page.close();
});

test('report: narrow screen', { skip: !REPORT }, async () => {
  const { page, trouble } = await open(pathToFileURL(REPORT).href, { width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `page scrolls sideways by ${overflow}px`);
  await shot(page, 'report-narrow.png');
  await assertClean(page, trouble);
  await page.close();
});

test('serve: story → quote cluster → article, search, API', { skip: !BASE || BASE === '/' }, async () => {
  const { page, trouble } = await open(BASE);
  assert.match(await page.locator('.summary').textContent(), /documents/);
  await page.locator('.toc a').first().click();
  await page.waitForURL(/\/story\/\d+/);
  await followClusterToArticle(page);
  await shot(page, 'serve-article.png');
  // the search form goes to the store
  await page.fill('#q', 'speaker:Varga');
  await page.press('#q', 'Enter');
  await page.waitForURL(/\/search\?q=/);
  const hits = page.locator('.search-page .hit');
  assert.ok(await hits.count() > 0, 'search results from the store');
  await shot(page, 'serve-search.png');
  await hits.first().locator('a').click();
  await page.waitForURL(/\/story\/\d+#d\d+-q\d+$/);
  const qid = new URL(page.url()).hash.slice(1);
  assert.ok(await page.locator(`[data-q="${qid}"]`).count() > 0);
  await assertClean(page, trouble);

  const stories = await (await page.request.get(BASE + 'api/stories')).json();
  assert.ok(Array.isArray(stories) && stories.length > 0);
  const csv = await page.request.get(BASE + 'export/quotes.csv');
  assert.equal(csv.status(), 200);
  assert.match(csv.headers()['content-type'], /text\/csv/);
  const headers = (await page.request.get(BASE)).headers();
  assert.match(headers['content-security-policy'], /script-src 'nonce-/);
  assert.equal(headers['x-content-type-options'], 'nosniff');
  await page.close();
});

test('serve: hostile article renders as text', { skip: !BASE || BASE === '/' }, async () => {
  const { page, trouble } = await open(BASE + 'search?q=' + encodeURIComponent('crane inspected'));
  const hit = page.locator('.search-page .hit', { hasText: 'onerror' }).first();
  assert.ok(await hit.count() > 0, 'the hostile quotation is found');
  assert.ok((await hit.locator('.hit-text').textContent()).includes(QUOTE.slice(0, 40)));
  await hit.locator('a').click();
  await page.waitForURL(/\/story\/\d+#d\d+/);
  const art = page.locator('article.article', { hasText: 'The crane was inspected' });
  assert.ok((await art.locator('h4').textContent()).includes(TITLE));
  await shot(page, 'serve-hostile.png');
  await assertClean(page, trouble);
  await page.close();
});
