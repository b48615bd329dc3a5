// What the dashboard's browser scripts share: the API's address and key from the test's environment, failing with a
// message, polling until the page shows what is expected, and a chromium page kept offline (anything not from the
// API's origin fails) whose errors, and any API key put in a URL, fail the run.
import { createRequire } from 'node:module';
import path from 'node:path';

export const base = process.env.DASHBOARD_URL ?? 'http://127.0.0.1:5080';
export const artifacts = process.env.DASHBOARD_ARTIFACTS ?? path.resolve(import.meta.dirname, 'artifacts');
export const apiKey = process.env.DASHBOARD_API_KEY ?? '';
const nodeFolder = process.env.DASHBOARD_NODE ?? path.resolve(import.meta.dirname, '../../.local/dashboard-node');
const { chromium } = createRequire(path.join(nodeFolder, 'package.json'))('playwright-core');

export const fail = message => { console.error('FAIL: ' + message); process.exitCode = 1; throw new Error(message); };
export const sleep = ms => new Promise(r => setTimeout(r, ms));
export const api = async p => { const r = await fetch(base + p, { headers: { 'X-Api-Key': apiKey } }); if (!r.ok) fail(`GET ${p}: ${r.status}`); return r.json(); };

export async function until(what, check, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await check();
    if (last === true) return;
    await sleep(250);
  }
  fail(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${JSON.stringify(last, null, 1)}`);
}

/** Gives the page's key prompt the test's key and waits until the prompt is gone. */
export async function giveKey(page) {
  await page.waitForSelector('#auth:not([hidden])');
  await page.fill('#api-key', apiKey);
  await page.click('#auth button[type=submit]');
  await page.waitForSelector('#auth[hidden]', { state: 'attached' });
}

/**
 * Runs <scenario>({ page, urls, errors }) in a fresh chromium page; afterwards a page error, a console error, an
 * off-origin request or the key in a requested URL fails the run. Sets a non-zero exit code on any failure.
 */
export async function inBrowser(scenario) {
  const browser = await chromium.launch({
    executablePath: process.env.DASHBOARD_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', e => errors.push(e.message));
    page.on('console', m => { if (m.type() === 'error') errors.push(m.text()); });
    // Offline by construction: anything not from the API's origin fails the test.
    await page.route('**/*', route => route.request().url().startsWith(base) ? route.continue() : (errors.push('off-origin request ' + route.request().url()), route.abort()));
    const urls = [];
    page.on('request', r => urls.push(r.url()));

    await scenario({ page, urls, errors });

    const leaked = urls.filter(u => u.includes(encodeURIComponent(apiKey)) || u.includes(apiKey));
    if (leaked.length) fail('the API key was put in a URL: ' + leaked.join(' '));
    if (errors.length) fail('page errors: ' + errors.join(' | '));
  } catch (e) {
    if (!process.exitCode) { console.error('FAIL: ' + (e?.stack ?? e)); process.exitCode = 1; }
  } finally {
    await browser.close();
  }
}
