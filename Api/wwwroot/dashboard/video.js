'use strict';

const videoId = new URLSearchParams(location.search).get('id') || '';
const HOUR = 3600 * 1000;
const samples = []; // {t, perMinute, s5, s1h}: one per update, plus one every 5 s while nothing changes
let latest = null;

function sample(stats) {
  const w5 = stats.windows['5m'] || { comments: 0, sentiment: { score: 0 } };
  const w1 = stats.windows['1h'] || { sentiment: { score: 0 } };
  const now = Date.now();
  samples.push({ t: now, perMinute: w5.comments / 5, s5: w5.sentiment.score, s1h: w1.sentiment.score });
  while (samples.length && samples[0].t < now - HOUR) samples.shift();
}

function tagList(id, terms, prefix) {
  document.getElementById(id).replaceChildren(...(terms.length
    ? terms.map(t => el('li', { 'data-term': t.term }, prefix + t.term, el('span', {}, fmtInt(t.count))))
    : [el('li', { class: 'empty' }, 'none yet')]));
}

function drawCharts() {
  lineChart(document.getElementById('comments-chart'),
    [{ name: 'comments per minute', points: samples.map(s => ({ t: s.t, v: s.perMinute })) }], { min: 0 });
  lineChart(document.getElementById('sentiment-chart'), [
    { name: 'last 5 min', points: samples.map(s => ({ t: s.t, v: s.s5 })) },
    { name: 'last hour', points: samples.map(s => ({ t: s.t, v: s.s1h })) },
  ], { min: -100, max: 100 });
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
  latest = s;
  sample(s);

  const name = videoName({ videoId, username: s.video?.username, description: s.video?.description });
  setText('#title', name);
  document.getElementById('title').title = 'id ' + videoId;
  document.title = 'Insights — ' + name;
  setText('#creator', s.video ? '@' + s.video.username : '');
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
  drawCharts();
}

document.getElementById('title').textContent = 'Video ' + videoId;
document.title = 'Insights — video ' + videoId;
drawCharts();
setInterval(() => { if (latest) { sample(latest); drawCharts(); } }, 5000);
if (/^[A-Za-z0-9_-]{1,64}$/.test(videoId)) {
  listen('/api/dashboard/videos/' + encodeURIComponent(videoId) + '/stream', render);
} else {
  const missing = document.getElementById('missing');
  missing.hidden = false;
  missing.querySelector('p').textContent = 'Open this page as video.html?id=<video id> (1 to 64 letters, digits, _ or -).';
  setText('#status', 'no video');
}
