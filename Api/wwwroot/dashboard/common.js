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

function setText(selector, text, root = document) {
  const node = root.querySelector(selector);
  if (node) node.textContent = text;
}

/** Listens to a Server-Sent Events stream; EventSource reconnects by itself. */
function listen(url, onData) {
  const status = document.getElementById('status');
  const source = new EventSource(url);
  source.onopen = () => { status.textContent = 'live'; status.className = 'status live'; };
  source.onerror = () => { status.textContent = 'reconnecting…'; status.className = 'status down'; };
  source.onmessage = e => {
    onData(JSON.parse(e.data));
    const stamp = document.getElementById('updated');
    if (stamp) stamp.textContent = 'updated ' + new Date().toLocaleTimeString('en-GB');
  };
  return source;
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
