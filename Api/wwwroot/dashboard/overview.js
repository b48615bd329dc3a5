'use strict';

/** The video as "@creator — description", its id and first hashtags in the tooltip. */
function videoLink(entry) {
  const tags = (entry.hashtags || []).slice(0, 3).map(t => '#' + t).join(' ');
  const title = [videoName(entry), tags, 'id ' + entry.videoId].filter(Boolean).join('\n');
  return el('a', { href: 'video.html?id=' + encodeURIComponent(entry.videoId), title, class: 'video-name' },
    entry.username ? el('span', { class: 'creator' }, '@' + entry.username) : '',
    entry.username && entry.description ? el('span', { class: 'sep' }, ' — ') : '',
    el('span', { class: 'description' }, entry.username || entry.description ? (entry.description || '') : entry.videoId));
}

/** A numeric cell: a value, or [value, tooltip]. */
const numCell = c => Array.isArray(c) ? el('td', { class: 'num', title: c[1] }, c[0]) : el('td', { class: 'num' }, c);

function fillTable(id, entries, cells) {
  const body = document.querySelector('#' + id + ' tbody');
  if (entries.length === 0) {
    const columns = document.querySelectorAll('#' + id + ' thead th').length;
    body.replaceChildren(el('tr', {}, el('td', { colspan: columns, class: 'empty' }, 'no video in this window yet')));
    return;
  }
  body.replaceChildren(...entries.map(e =>
    el('tr', { 'data-video-id': e.videoId, 'data-value': e.value, 'data-comments': e.comments },
      el('td', {}, e.rank), el('td', { class: 'video-cell' }, videoLink(e)), ...cells(e).map(numCell))));
}

/** The rule of a ranking under its table, as the leaderboard applies it now. */
function showRule(id, rule) {
  setText('#' + id, rule ? rule.description : '');
}

function render(o) {
  for (const [key, value] of Object.entries(o.totals)) setText(`[data-total="${key}"]`, fmtInt(value));

  fillTable('top-engagement', o.topEngagement, e => [[fmtPct(e.value), 'measured ' + fmtPct(e.engagementRate)], fmtInt(e.views), fmtInt(e.comments)]);
  fillTable('top-comments', o.topComments, e => [fmtInt(e.value), (e.value / 5).toFixed(1)]);
  fillTable('top-sentiment', o.topSentiment, e => [[fmtScore(e.value), 'measured ' + fmtScore(e.sentimentScore)], fmtInt(e.comments)]);
  const rules = o.rules || {};
  showRule('rule-engagement', rules.engagement);
  showRule('rule-comments', rules.comments);
  showRule('rule-sentiment', rules.sentiment);
  barChart(document.getElementById('velocity-chart'),
    o.topComments.map(e => ({ label: (e.username ? '@' + e.username : e.videoId), value: e.value })));

  const tags = document.getElementById('hashtags');
  tags.replaceChildren(...(o.trendingHashtags.length
    ? o.trendingHashtags.map(t => el('li', { 'data-tag': t.term }, '#' + t.term, el('span', {}, fmtInt(t.count))))
    : [el('li', { class: 'empty' }, 'none yet')]));

  const alerts = document.getElementById('alerts');
  alerts.replaceChildren(...(o.alerts.length
    ? o.alerts.map(a => el('li', { 'data-video-id': a.videoId, 'data-rule': a.rule },
        el('a', { href: 'video.html?id=' + encodeURIComponent(a.videoId), title: 'id ' + a.videoId, class: 'video-name' }, videoName(a)),
        ` ${new Date(a.firedAt).toLocaleTimeString()} — ${a.text}`))
    : [el('li', { class: 'empty' }, 'no alert in the last hour')]));
  setText('#alert-rule', 'Evaluated in the cluster and sent to the subscribed webhooks. ' + o.alertRules.join(' '));
}

listen('/api/dashboard/stream', render);

Topics.follow({
  prefix: 'topics',
  load: day => readTopics(day, 10),
  dayColumns: true,
  heading: (day, today) => (today ? 'Topics today' : 'Topics · ' + day),
  noBuild: (day, today) => (today ? 'no topics built today yet' : `no topics were built for ${day}`),
  noTopic: () => 'no topic: too few comments with something to go on',
  describe: d => `from ${fmtInt(d.comments)} comments${d.model ? ' · ' + d.model : ''}`,
});
