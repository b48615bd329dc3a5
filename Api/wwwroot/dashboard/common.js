// Shared helpers of the dashboard pages. Data never goes through innerHTML: text is set with textContent.
'use strict';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Creates an element with attributes and children (strings become text nodes). */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== undefined && v !== null) node.setAttribute(k, String(v));
  }
  for (const child of children) {
    node.append(child instanceof Node ? child : document.createTextNode(String(child ?? '')));
  }
  return node;
}

function svg(tag, attrs) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  return node;
}

const fmtInt = n => Number(n ?? 0).toLocaleString('en-US');
const fmtPct = r => (Number(r ?? 0) * 100).toFixed(2) + ' %';
const fmtScore = s => Number(s ?? 0).toFixed(1);

/** How a person knows a video: "@creator — description"; its id only when neither is known yet. */
function videoName(v) {
  const who = v.username ? '@' + v.username : '', what = (v.description || '').trim();
  return who && what ? who + ' — ' + what : who || what || v.videoId;
}

function setText(selector, text, root = document) {
  const node = root.querySelector(selector);
  if (node) node.textContent = text;
}

const KEY_ITEM = 'insights.apiKey';

/** Thrown when the API wants a (better) key: the page asks for one. */
class KeyNeeded extends Error {}

/**
 * Shows the key form and resolves once the user submitted a key. The key lives in sessionStorage: this tab only,
 * gone when it closes, and never put in a URL.
 */
function askForKey(message) {
  const form = document.getElementById('auth');
  const input = document.getElementById('api-key');
  document.getElementById('auth-error').textContent = message || '';
  form.hidden = false;
  input.focus();
  return new Promise(resolve => {
    form.onsubmit = e => {
      e.preventDefault();
      const key = input.value.trim();
      if (!key) return;
      sessionStorage.setItem(KEY_ITEM, key);
      input.value = '';
      form.hidden = true;
      resolve();
    };
  });
}

/**
 * A short-lived stream token for the stored key (EventSource cannot send headers, so streams open with
 * ?access_token=, which only stream routes accept). Throws KeyNeeded when there is no key or it is refused.
 */
async function streamToken() {
  const key = sessionStorage.getItem(KEY_ITEM);
  if (!key) throw new KeyNeeded('');
  const response = await fetch('/api/dashboard/stream-token', { method: 'POST', headers: { 'X-Api-Key': key }, cache: 'no-store' });
  if (response.status === 401 || response.status === 403) {
    sessionStorage.removeItem(KEY_ITEM);
    const problem = await response.json().catch(() => ({}));
    throw new KeyNeeded(problem.detail || 'The key was refused.');
  }
  if (!response.ok) throw new Error('stream token: ' + response.status);
  return response.json();
}

/**
 * Listens to a Server-Sent Events stream. The server ends a stream when its token expires, so the stream is
 * replaced with a fresh token before then; a refused or lost stream is reopened the same way.
 */
function listen(url, onData) {
  const status = document.getElementById('status');
  let current = null, renew = null, retry = null, opening = false, delay = 1000;
  const down = text => { status.textContent = text; status.className = 'status down'; };
  const later = () => { clearTimeout(retry); retry = setTimeout(open, delay); delay = Math.min(delay * 2, 30000); };

  async function open() {
    if (opening) return;
    opening = true;
    clearTimeout(renew); clearTimeout(retry);
    let token;
    try {
      for (;;) {
        try {
          token = await streamToken();
          break;
        } catch (e) {
          if (!(e instanceof KeyNeeded)) { down('reconnecting…'); later(); return; }
          down('key needed');
          await askForKey(e.message);
        }
      }
    } finally {
      opening = false;
    }
    const source = new EventSource(url + (url.includes('?') ? '&' : '?') + 'access_token=' + encodeURIComponent(token.token));
    source.onopen = () => {
      // Swap streams only once the new one is up, so a renewal never shows a gap.
      if (current && current !== source) current.close();
      current = source;
      delay = 1000;
      status.textContent = 'live'; status.className = 'status live';
    };
    source.onerror = () => {
      down('reconnecting…');
      if (source.readyState === EventSource.CLOSED) {
        // Refused (token expired, key revoked, bad id): EventSource gives up; start over with a new token.
        if (current === source) current = null;
        later();
      }
    };
    source.onmessage = e => {
      onData(JSON.parse(e.data));
      const stamp = document.getElementById('updated');
      if (stamp) stamp.textContent = 'updated ' + new Date().toLocaleTimeString('en-GB');
    };
    renew = setTimeout(open, Math.max(5, token.expiresIn * 0.8) * 1000);
  }

  open();
}

/**
 * Draws a line chart of one or more series of {t, v} points into an <svg>: one polyline and one circle per
 * point (the last 120) per series. Width follows the viewBox; times on x, values on y.
 */
function lineChart(target, series, opts = {}) {
  const W = 400, H = 180, L = 34, R = 8, T = 10, B = 20;
  target.replaceChildren();
  target.setAttribute('viewBox', `0 0 ${W} ${H}`);
  const all = series.flatMap(s => s.points);
  if (all.length === 0) {
    const t = svg('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle' });
    t.textContent = 'waiting for data…';
    target.append(t);
    return;
  }
  const t0 = Math.min(...all.map(p => p.t)), t1 = Math.max(...all.map(p => p.t), t0 + 1000);
  let y0 = opts.min ?? Math.min(0, ...all.map(p => p.v)), y1 = opts.max ?? Math.max(1, ...all.map(p => p.v));
  if (y1 === y0) y1 = y0 + 1;
  const x = t => L + (t - t0) / (t1 - t0) * (W - L - R);
  const y = v => H - B - (v - y0) / (y1 - y0) * (H - T - B);
  for (const v of [y0, (y0 + y1) / 2, y1]) {
    target.append(svg('line', { class: 'grid', x1: L, x2: W - R, y1: y(v), y2: y(v) }));
    const label = svg('text', { x: L - 4, y: y(v) + 3, 'text-anchor': 'end' });
    label.textContent = Number.isInteger(v) ? String(v) : v.toFixed(1);
    target.append(label);
  }
  target.append(svg('line', { class: 'axis', x1: L, x2: W - R, y1: H - B, y2: H - B }));
  for (const [t, anchor] of [[t0, 'start'], [t1, 'end']]) {
    const label = svg('text', { x: x(t), y: H - 6, 'text-anchor': anchor });
    label.textContent = new Date(t).toLocaleTimeString('en-GB');
    target.append(label);
  }
  series.forEach((s, i) => {
    if (s.points.length === 0) return;
    const cls = 's' + i;
    const path = svg('polyline', { class: cls, points: s.points.map(p => `${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ') });
    path.setAttribute('data-series', s.name);
    target.append(path);
    for (const p of s.points.slice(-120)) {
      target.append(svg('circle', { class: cls, cx: x(p.t).toFixed(1), cy: y(p.v).toFixed(1), r: 2.5, 'data-value': p.v }));
    }
  });
}

/** Horizontal bars of labelled values. */
function barChart(target, items) {
  const W = 400, rowH = 20, L = 110, R = 40;
  const H = Math.max(rowH, items.length * rowH);
  target.replaceChildren();
  target.setAttribute('viewBox', `0 0 ${W} ${H}`);
  target.style.height = H + 'px';
  const max = Math.max(1, ...items.map(i => i.value));
  items.forEach((item, i) => {
    const label = svg('text', { x: L - 6, y: i * rowH + 13, 'text-anchor': 'end' });
    label.textContent = item.label;
    const bar = svg('rect', { class: 'bar', x: L, y: i * rowH + 3, height: rowH - 6, width: Math.max(1, item.value / max * (W - L - R)), 'data-value': item.value });
    const value = svg('text', { x: L + item.value / max * (W - L - R) + 4, y: i * rowH + 13 });
    value.textContent = fmtInt(item.value);
    target.append(label, bar, value);
  });
}
