'use strict';

const videoId = new URLSearchParams(location.search).get('id') || '';
const validId = /^[A-Za-z0-9_-]{1,64}$/.test(videoId);
const DAY = 86400 * 1000;

/**
 * The history windows of the page: the grain's rolling windows (live, by event time) and two longer ranges from the
 * warehouse marts (as of its last load). refresh: how often the page asks again.
 */
const WINDOWS = {
  '5m': { query: () => 'window=5m', refresh: 5000, label: 'last 5 minutes, 10-second buckets' },
  '1h': { query: () => 'window=1h', refresh: 10000, label: 'last hour, 1-minute buckets' },
  '24h': { query: () => 'window=24h', refresh: 30000, label: 'last 24 hours, 15-minute buckets' },
  '7d': { query: () => rangeQuery(7 * DAY, 'hour'), refresh: 60000, label: 'last 7 days, hourly, from the warehouse' },
  '30d': { query: () => rangeQuery(30 * DAY, 'day'), refresh: 60000, label: 'last 30 days, daily, from the warehouse' },
};

let chosen = WINDOWS[new URLSearchParams(location.search).get('window')] ? new URLSearchParams(location.search).get('window') : '1h';
let series = null;
let refreshTimer = null;

function rangeQuery(span, grain) {
  const to = new Date();
  return `from=${encodeURIComponent(new Date(to.getTime() - span).toISOString())}&to=${encodeURIComponent(to.toISOString())}&grain=${grain}`;
}

/** Resolves once this tab holds a key: the stream (listen in common.js) is what asks for it. */
function keyReady() {
  return new Promise(resolve => {
    const check = () => { const key = sessionStorage.getItem(KEY_ITEM); if (key) resolve(key); else setTimeout(check, 300); };
    check();
  });
}

/** GET with the tab's key in the header (never in a URL). */
async function getWithKey(path) {
  const key = await keyReady();
  return fetch(path, { headers: { 'X-Api-Key': key }, cache: 'no-store' });
}

const seriesPath = (suffix, query) => `/api/videos/${encodeURIComponent(videoId)}/${suffix}?${query}`;

async function loadSeries() {
  clearTimeout(refreshTimer);
  const win = chosen;
  try {
    const response = await getWithKey(seriesPath('series', WINDOWS[win].query()));
    if (win !== chosen) return; // the user picked another window meanwhile
    if (response.ok) {
      series = await response.json();
      setText('#series-note', `${WINDOWS[win].label}; ${series.source === 'warehouse'
        ? 'comments by comment time, views by snapshot time, as of the last warehouse load'
        : 'by event time, live from the video grain'}.`);
    } else {
      const problem = await response.json().catch(() => ({}));
      series = response.status === 404 ? { buckets: [], bucketSeconds: 60 } : series;
      setText('#series-note', `${problem.title || response.status}: ${problem.detail || 'try again shortly'}`);
    }
    drawSeries();
  } catch (e) {
    setText('#series-note', 'could not load the history: ' + e.message);
  } finally {
    if (win === chosen) refreshTimer = setTimeout(loadSeries, WINDOWS[win].refresh);
  }
}

function drawSeries() {
  const perMinute = b => b.comments * 60 / series.bucketSeconds;
  const shares = b => {
    const s = b.sentiment, n = s.positive + s.neutral + s.negative;
    return n ? `positive ${(s.positive / n * 100).toFixed(0)} % · neutral ${(s.neutral / n * 100).toFixed(0)} % · negative ${(s.negative / n * 100).toFixed(0)} %` : 'no comment';
  };
  seriesChart(document.getElementById('comments-chart'), series, {
    kind: 'line', min: 0, value: perMinute,
    describe: b => [`${fmtInt(b.comments)} comments (${perMinute(b).toFixed(1)} per minute)`],
  });
  seriesChart(document.getElementById('views-chart'), series, {
    kind: 'bars', min: 0, value: b => b.views,
    describe: b => [`+${fmtInt(b.views)} views, +${fmtInt(b.likes)} likes, +${fmtInt(b.shares)} shares`, `engagement ${fmtPct(b.engagementRate)}`],
  });
  seriesChart(document.getElementById('sentiment-chart'), series, {
    kind: 'line', min: -100, max: 100, value: b => (b.comments ? b.sentiment.score : null),
    describe: b => [b.comments ? `sentiment score ${fmtScore(b.sentiment.score)}` : 'no comment', shares(b)],
  });
  seriesChart(document.getElementById('shares-history'), series, {
    kind: 'stack',
    describe: b => [shares(b), `${fmtInt(b.sentiment.positive)} / ${fmtInt(b.sentiment.neutral)} / ${fmtInt(b.sentiment.negative)} comments`],
  });
}

function choose(win) {
  chosen = win;
  for (const b of document.querySelectorAll('#window-picker button')) b.setAttribute('aria-pressed', String(b.dataset.window === win));
  const url = new URL(location.href);
  url.searchParams.set('window', win);
  history.replaceState(null, '', url);
  series = null;
  drawSeries();
  loadSeries();
}

/** Downloads an export: fetched with the key, handed to the browser as a Blob (a link cannot carry the header). */
async function download(suffix, query, fallbackName) {
  const status = document.getElementById('export-status');
  status.textContent = 'preparing…';
  try {
    const response = await getWithKey(seriesPath(suffix, query));
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      status.textContent = `${problem.title || response.status}${problem.detail ? ': ' + problem.detail : ''}`;
      return;
    }
    const name = /filename="?([^";]+)"?/.exec(response.headers.get('Content-Disposition') || '')?.[1] || fallbackName;
    const url = URL.createObjectURL(await response.blob());
    const link = el('a', { href: url, download: name, hidden: '' });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    const freshness = response.headers.get('X-Insights-Warehouse-Last-Load');
    status.textContent = `${name} downloaded` + (freshness ? ` (warehouse as of its load at ${new Date(freshness).toLocaleTimeString('en-GB')})` : '');
  } catch (e) {
    status.textContent = 'download failed: ' + e.message;
  }
}

function tagList(id, terms, prefix) {
  document.getElementById(id).replaceChildren(...(terms.length
    ? terms.map(t => el('li', { 'data-term': t.term }, prefix + t.term, el('span', {}, fmtInt(t.count))))
    : [el('li', { class: 'empty' }, 'none yet')]));
}

function render(snapshot) {
  const s = snapshot.stats;
  document.getElementById('missing').hidden = !!s;
  const banner = document.getElementById('alert');
  banner.hidden = !snapshot.alert;
  if (snapshot.alert) {
    const a = snapshot.alert;
    banner.textContent = `Alert at ${new Date(a.firedAt).toLocaleTimeString()}: ${a.text}`;
  }
  if (!s) return;

  const name = videoName({ videoId, username: s.video?.username, description: s.video?.description });
  setText('#title', name);
  document.getElementById('title').title = 'id ' + videoId;
  document.title = 'Insights — ' + name;
  document.getElementById('creator').replaceChildren(s.video?.username
    ? el('a', { href: 'creator.html?name=' + encodeURIComponent(s.video.username) }, '@' + s.video.username)
    : '');
  setText('#description', s.video?.description ?? '');
  for (const key of ['views', 'likes', 'shares', 'comments']) setText(`[data-counter="${key}"]`, fmtInt(s.totals[key]));
  setText('#engagement', fmtPct(s.engagementRate));
  setText('#sentiment-score', fmtScore(s.sentiment.score));

  const { positive, neutral, negative } = s.sentiment;
  const scored = positive + neutral + negative;
  const share = n => scored ? n / scored : 0;
  const bar = document.getElementById('shares-chart');
  bar.replaceChildren();
  let x = 0;
  for (const [label, n] of [['positive', positive], ['neutral', neutral], ['negative', negative]]) {
    setText('#share-' + label, `${(share(n) * 100).toFixed(1)} % (${fmtInt(n)})`);
    const w = share(n) * 600;
    bar.append(svg('rect', { class: label, x, y: 0, width: w, height: 40, 'data-value': n }));
    x += w;
  }

  document.querySelector('#windows tbody').replaceChildren(...['5m', '1h', '24h'].filter(w => s.windows[w]).map(w => {
    const win = s.windows[w];
    return el('tr', { 'data-window': w }, el('td', {}, w), el('td', { class: 'num' }, fmtInt(win.comments)),
      el('td', { class: 'num' }, fmtInt(win.views)), el('td', { class: 'num' }, fmtPct(win.engagementRate)),
      el('td', { class: 'num' }, fmtScore(win.sentiment.score)));
  }));

  document.getElementById('recent-comments').replaceChildren(...(s.recentComments.length
    ? s.recentComments.map(c => el('li', { 'data-comment-id': c.commentId },
        el('span', { class: 'badge ' + c.label }, c.label + ' ' + Number(c.score).toFixed(2)),
        el('span', { class: 'who' }, '@' + (c.username || '?')),
        el('span', { class: 'text' }, c.text)))
    : [el('li', { class: 'empty' }, 'no comment yet')]));
  tagList('top-terms', s.topTerms, '');
  tagList('top-hashtags', s.topHashtags, '#');
}

document.getElementById('title').textContent = 'Video ' + videoId;
document.title = 'Insights — video ' + videoId;
for (const b of document.querySelectorAll('#window-picker button')) b.addEventListener('click', () => choose(b.dataset.window));
document.getElementById('export-series').addEventListener('click', () =>
  download('series.csv', WINDOWS[chosen].query(), `video-${videoId}-series.csv`));
document.getElementById('export-comments').addEventListener('click', () =>
  download('comments.csv', '', `video-${videoId}-comments.csv`));
if (validId) {
  choose(chosen);
  listen('/api/dashboard/videos/' + encodeURIComponent(videoId) + '/stream', render);
  Topics.follow({
    prefix: 'topics',
    load: day => readVideoTopics(videoId, day),
    dayColumns: false,
    heading: (day, today) => (today ? 'Topics today' : 'Topics · ' + day),
    noBuild: (day, today) => (today ? 'no topics built today yet' : `no topics were built for ${day}`),
    noTopic: () => 'none of this video\'s comments of the day has a topic',
    describe: v => `from ${fmtInt(v.comments)} comment${v.comments === 1 ? '' : 's'} of this video`,
  });
} else {
  document.getElementById('topics-panel').hidden = true;
  drawSeries();
  const missing = document.getElementById('missing');
  missing.hidden = false;
  missing.querySelector('p').textContent = 'Open this page as video.html?id=<video id> (1 to 64 letters, digits, _ or -).';
  setText('#status', 'no video');
}
