'use strict';

function videoLink(entry) {
  return el('a', { href: 'video.html?id=' + encodeURIComponent(entry.videoId), title: entry.videoId }, entry.videoId);
}

function fillTable(id, entries, cells) {
  const body = document.querySelector('#' + id + ' tbody');
  if (entries.length === 0) {
    body.replaceChildren(el('tr', {}, el('td', { colspan: 5, class: 'empty' }, 'no video in this window yet')));
    return;
  }
  body.replaceChildren(...entries.map(e =>
    el('tr', { 'data-video-id': e.videoId, 'data-value': e.value, 'data-comments': e.comments },
      el('td', {}, e.rank), el('td', {}, videoLink(e)), el('td', { class: 'who-cell' }, e.username ? '@' + e.username : ''),
      ...cells(e).map(c => el('td', { class: 'num' }, c)))));
}

function render(o) {
  for (const [key, value] of Object.entries(o.totals)) setText(`[data-total="${key}"]`, fmtInt(value));

  fillTable('top-engagement', o.topEngagement, e => [fmtPct(e.value), fmtInt(e.comments)]);
  fillTable('top-comments', o.topComments, e => [fmtInt(e.value), (e.value / 5).toFixed(1)]);
  fillTable('top-sentiment', o.topSentiment, e => [fmtScore(e.value), fmtInt(e.comments)]);
  barChart(document.getElementById('velocity-chart'),
    o.topComments.map(e => ({ label: (e.username ? '@' + e.username : e.videoId), value: e.value })));

  const tags = document.getElementById('hashtags');
  tags.replaceChildren(...(o.trendingHashtags.length
    ? o.trendingHashtags.map(t => el('li', { 'data-tag': t.term }, '#' + t.term, el('span', {}, fmtInt(t.count))))
    : [el('li', { class: 'empty' }, 'none yet')]));

  const alerts = document.getElementById('alerts');
  alerts.replaceChildren(...(o.alerts.length
    ? o.alerts.map(a => el('li', { 'data-video-id': a.videoId, 'data-rule': a.rule },
        el('a', { href: 'video.html?id=' + encodeURIComponent(a.videoId) }, a.username ? '@' + a.username : a.videoId),
        ` ${new Date(a.firedAt).toLocaleTimeString()} — ${a.text}`))
    : [el('li', { class: 'empty' }, 'no alert in the last hour')]));
  setText('#alert-rule', 'Evaluated in the cluster and sent to the subscribed webhooks. ' + o.alertRules.join(' '));
}

listen('/api/dashboard/stream', render);
