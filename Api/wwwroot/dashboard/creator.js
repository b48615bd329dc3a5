'use strict';

const username = (new URLSearchParams(location.search).get('name') || '').replace(/^@/, '');
const REFRESH_MS = 5000;
const order = document.getElementById('order');
order.value = new URLSearchParams(location.search).get('by') || 'engagement';

function renderShares(sentiment) {
  const { positive, neutral, negative } = sentiment;
  const scored = positive + neutral + negative;
  const bar = document.getElementById('shares-chart');
  bar.replaceChildren();
  let x = 0;
  for (const [label, n] of [['positive', positive], ['neutral', neutral], ['negative', negative]]) {
    const share = scored ? n / scored : 0;
    setText('#share-' + label, `${(share * 100).toFixed(1)} % (${fmtInt(n)})`);
    bar.append(svg('rect', { class: label, x, y: 0, width: share * 600, height: 40, 'data-value': n }));
    x += share * 600;
  }
}

function render(c) {
  setText('#video-count', `${fmtInt(c.videos)} video${c.videos === 1 ? '' : 's'}`);
  setText('[data-total="videos"]', fmtInt(c.videos));
  for (const key of ['views', 'likes', 'shares', 'comments']) setText(`[data-total="${key}"]`, fmtInt(c.totals[key]));
  setText('#engagement', fmtPct(c.engagementRate));
  setText('#sentiment-score', fmtScore(c.sentiment.score));
  renderShares(c.sentiment);

  document.querySelector('#windows tbody').replaceChildren(...['5m', '1h', '24h'].filter(w => c.windows[w]).map(w => {
    const win = c.windows[w];
    return el('tr', { 'data-window': w }, el('td', {}, w), el('td', { class: 'num' }, fmtInt(win.comments)),
      el('td', { class: 'num' }, fmtInt(win.views)), el('td', { class: 'num' }, fmtPct(win.engagementRate)),
      el('td', { class: 'num' }, fmtScore(win.sentiment.score)));
  }));

  document.querySelector('#videos tbody').replaceChildren(...c.topVideos.map(v =>
    el('tr', { 'data-video-id': v.videoId },
      el('td', {}, v.rank), el('td', {}, describedVideoLink(v.videoId, v.description)),
      el('td', {}, new Date(v.createTime).toLocaleDateString('en-GB')),
      el('td', { class: 'num' }, fmtInt(v.totals.views)), el('td', { class: 'num' }, fmtInt(v.totals.comments)),
      el('td', { class: 'num' }, fmtPct(v.engagementRate)), el('td', { class: 'num' }, fmtScore(v.sentimentScore)))));
}

let timer = null, generation = 0;
async function refresh() {
  clearTimeout(timer);
  const mine = ++generation; // a change of order while a request is out starts over; the older answer is dropped
  const status = document.getElementById('status');
  try {
    const { status: code, body } = await readApi(`/api/creators/${encodeURIComponent(username)}?by=${encodeURIComponent(order.value)}&limit=50`);
    if (mine !== generation) return;
    document.getElementById('missing').hidden = code !== 404;
    if (code === 200) {
      render(body);
      setText('#updated', 'updated ' + new Date().toLocaleTimeString('en-GB'));
      status.textContent = 'live'; status.className = 'status live';
    } else if (code === 404) {
      status.textContent = 'no video yet'; status.className = 'status';
    } else {
      status.textContent = body?.detail || 'error ' + code; status.className = 'status down';
      return; // a name the API refuses stays refused
    }
  } catch {
    if (mine !== generation) return;
    status.textContent = 'reconnecting…'; status.className = 'status down';
  }
  timer = setTimeout(refresh, REFRESH_MS);
}

document.getElementById('title').textContent = '@' + username;
document.title = 'Insights — @' + username;
order.addEventListener('change', refresh);
if (username) {
  refresh();
} else {
  const missing = document.getElementById('missing');
  missing.hidden = false;
  missing.querySelector('p').textContent = 'Open this page as creator.html?name=<username>, or find a creator from the overview.';
  setText('#status', 'no creator');
}
