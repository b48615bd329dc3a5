// Charts of a video's series (GET /api/videos/{id}/series): one bucket per x slot, drawn as SVG by hand (the page's
// CSP allows only its own scripts). Hovering a chart shows the bucket's time and values in one shared tooltip.
'use strict';

const CHART = { W: 600, H: 180, L: 40, R: 8, T: 10, B: 20 };

/** Formats a bucket start for axis labels and tooltips: times for short windows, dates for long ones. */
function bucketTime(iso, bucketSeconds) {
  const d = new Date(iso);
  if (bucketSeconds >= 86400) return d.toLocaleDateString('en-GB', { day: '2-digit', month: 'short', timeZone: 'UTC' }) + ' UTC';
  if (bucketSeconds >= 3600) {
    return d.toLocaleDateString('en-GB', { day: '2-digit', month: 'short' }) + ' ' + d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  }
  return d.toLocaleTimeString('en-GB', bucketSeconds < 60 ? {} : { hour: '2-digit', minute: '2-digit' });
}

function chartTooltip() {
  let tip = document.getElementById('chart-tooltip');
  if (!tip) {
    tip = el('div', { id: 'chart-tooltip', class: 'tooltip', role: 'tooltip', hidden: '' });
    document.body.append(tip);
  }
  return tip;
}

/**
 * Draws one chart of a series into an <svg>.
 *   kind 'line':  a polyline through the buckets whose value is not null, a circle.point per such bucket;
 *   kind 'bars':  a rect.bar per bucket;
 *   kind 'stack': per bucket with comments, three rects (positive, neutral, negative) stacked to 100 %.
 * value(bucket) gives the plotted number (null: no point); describe(bucket) the tooltip lines.
 */
function seriesChart(target, series, { kind, value, describe, min, max, unit = '' }) {
  const { W, H, L, R, T, B } = CHART;
  const buckets = series?.buckets ?? [];
  target.replaceChildren();
  target.setAttribute('viewBox', `0 0 ${W} ${H}`);
  target.dataset.buckets = String(buckets.length);
  if (buckets.length === 0) {
    const t = svg('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle' });
    t.textContent = series ? 'no data in this period' : 'loading…';
    target.append(t);
    return;
  }

  const slot = (W - L - R) / buckets.length;
  const x = i => L + (i + 0.5) * slot;
  const values = kind === 'stack' ? [] : buckets.map(value).filter(v => v !== null && v !== undefined);
  let y0 = min ?? Math.min(0, ...values), y1 = max ?? Math.max(1, ...values);
  if (y1 === y0) y1 = y0 + 1;
  if (kind === 'stack') { y0 = 0; y1 = 1; }
  const y = v => H - B - (v - y0) / (y1 - y0) * (H - T - B);

  for (const v of [y0, (y0 + y1) / 2, y1]) {
    target.append(svg('line', { class: 'grid', x1: L, x2: W - R, y1: y(v), y2: y(v) }));
    const label = svg('text', { x: L - 4, y: y(v) + 3, 'text-anchor': 'end' });
    label.textContent = kind === 'stack' ? Math.round(v * 100) + '%' : (Number.isInteger(v) ? fmtInt(v) : v.toFixed(1)) + unit;
    target.append(label);
  }
  target.append(svg('line', { class: 'axis', x1: L, x2: W - R, y1: H - B, y2: H - B }));
  const first = svg('text', { x: L, y: H - 6, 'text-anchor': 'start' });
  first.textContent = bucketTime(buckets[0].start, series.bucketSeconds);
  const last = svg('text', { x: W - R, y: H - 6, 'text-anchor': 'end' });
  last.textContent = bucketTime(buckets[buckets.length - 1].start, series.bucketSeconds);
  target.append(first, last);

  const barWidth = Math.max(1, slot * 0.8);
  if (kind === 'line') {
    const points = buckets.map((b, i) => ({ i, v: value(b) })).filter(p => p.v !== null && p.v !== undefined);
    if (points.length > 1) {
      target.append(svg('polyline', { class: 's0', points: points.map(p => `${x(p.i).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ') }));
    }
    for (const p of points) {
      target.append(svg('circle', { class: 's0 point', cx: x(p.i).toFixed(1), cy: y(p.v).toFixed(1), r: Math.min(3, Math.max(1.5, slot / 3)), 'data-index': p.i, 'data-start': buckets[p.i].start, 'data-value': p.v }));
    }
  } else if (kind === 'bars') {
    buckets.forEach((b, i) => {
      const v = value(b) ?? 0;
      const top = y(Math.max(v, y0)), base = y(Math.max(0, y0));
      target.append(svg('rect', { class: 'bar', x: (x(i) - barWidth / 2).toFixed(1), y: Math.min(top, base).toFixed(1), width: barWidth.toFixed(1), height: Math.abs(base - top).toFixed(1), 'data-index': i, 'data-start': b.start, 'data-value': v }));
    });
  } else {
    buckets.forEach((b, i) => {
      const s = b.sentiment, n = s.positive + s.neutral + s.negative;
      if (!n) return;
      let acc = 0;
      for (const label of ['negative', 'neutral', 'positive']) {
        const share = s[label] / n;
        target.append(svg('rect', { class: label + ' share', x: (x(i) - barWidth / 2).toFixed(1), y: y(acc + share).toFixed(1), width: barWidth.toFixed(1), height: (y(acc) - y(acc + share)).toFixed(1), 'data-index': i, 'data-value': share.toFixed(4) }));
        acc += share;
      }
    });
  }

  // Hover anywhere over the plot: the nearest bucket's values.
  const guide = svg('line', { class: 'guide', x1: 0, x2: 0, y1: T, y2: H - B, visibility: 'hidden' });
  const overlay = svg('rect', { class: 'hover', x: L, y: T, width: W - L - R, height: H - T - B });
  target.append(guide, overlay);
  const tip = chartTooltip();
  const show = event => {
    const box = target.getBoundingClientRect();
    const sx = (event.clientX - box.left) / box.width * W;
    const i = Math.min(buckets.length - 1, Math.max(0, Math.floor((sx - L) / slot)));
    const b = buckets[i];
    guide.setAttribute('x1', x(i)); guide.setAttribute('x2', x(i)); guide.setAttribute('visibility', 'visible');
    tip.replaceChildren(el('b', {}, bucketTime(b.start, series.bucketSeconds)), ...describe(b).map(line => el('div', {}, line)));
    tip.dataset.index = String(i);
    tip.hidden = false;
    tip.style.left = Math.min(window.innerWidth - 220, event.clientX + 12) + 'px';
    tip.style.top = (event.clientY + 12) + 'px';
  };
  overlay.addEventListener('mousemove', show);
  overlay.addEventListener('mouseenter', show);
  overlay.addEventListener('mouseleave', () => { tip.hidden = true; guide.setAttribute('visibility', 'hidden'); });
}
