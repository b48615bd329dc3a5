// Drives the overview's topics panel and a video page's topics in Debian's chromium with playwright-core. Run by
// TopicsBrowserTests, which starts the silo and the API, posts themed comments and builds the day's topics first.
// Both tables must show what GET /api/topics and GET /api/videos/{id}/topics answer: the same topics in the same
// order, with their labels, terms, comments, sentiment scores and (on the overview) videos and change; an earlier
// day without a build must say so. Exits non-zero with a message on the first mismatch.
import path from 'node:path';
import { api, artifacts, base, fail, giveKey, inBrowser, until } from './dashboard-harness.mjs';

const day = process.env.DASHBOARD_DAY;
const videoId = process.env.DASHBOARD_VIDEO;

/** The topics table as the page shows it, one object per row. */
const shownTopics = page => page.$$eval('#topics-table tbody tr[data-topic-id]', trs => trs.map(tr => {
  const cells = [...tr.children];
  return {
    id: tr.dataset.topicId,
    label: tr.querySelector('.topic-label').textContent,
    terms: [...tr.querySelectorAll('ul.terms li')].map(li => li.dataset.term),
    comments: tr.querySelector('.volume-cell .count').textContent,
    score: tr.querySelector('.sentiment-cell .score').textContent,
    shares: [...tr.querySelectorAll('.shares span')].map(s => Number(s.dataset.value)),
    rest: cells.slice(4).map(td => td.textContent),
  };
}));

const fmtInt = n => Number(n).toLocaleString('en-US');
const change = t => (t.change === null ? 'new' : t.change > 0 ? '▲ ' + fmtInt(t.change) : t.change < 0 ? '▼ ' + fmtInt(-t.change) : '0');

/** What the page should show for the API's topics; dayColumns: the overview's videos and change. */
const expectedTopics = (topics, dayColumns) => topics.map(t => ({
  id: t.id,
  label: t.label,
  terms: t.terms.map(x => x.term),
  comments: fmtInt(t.comments),
  score: Number(t.sentiment.score).toFixed(1),
  shares: [t.sentiment.positive, t.sentiment.neutral, t.sentiment.negative],
  rest: dayColumns ? [fmtInt(t.videos), change(t)] : [],
}));

async function sameAsApi(page, what, apiPath, dayColumns) {
  let answer;
  await until(`${what} to show what GET ${apiPath} answers`, async () => {
    answer = await api(apiPath);
    const expected = expectedTopics(answer.topics, dayColumns);
    const shown = await shownTopics(page);
    return (expected.length > 0 && JSON.stringify(shown) === JSON.stringify(expected)) || { shown, expected };
  });
  const built = await page.textContent('#topics-built');
  if (!built.startsWith('built at ') || !built.includes(fmtInt(answer.comments) + ' comment')) fail(`${what}: the build note says '${built}'`);
  return answer;
}

await inBrowser(async ({ page }) => {
  // --- overview: the day's top topics ---
  await page.goto(base + '/dashboard/');
  await giveKey(page);
  if ((await page.textContent('#topics-heading')) !== 'Topics today') fail('heading: ' + await page.textContent('#topics-heading'));
  const dayTopics = await sameAsApi(page, 'the overview\'s topics panel', `/api/topics?date=${day}&limit=10`, true);
  if (await page.inputValue('#topics-date') !== day) fail('the day picker shows ' + await page.inputValue('#topics-date'));
  const widths = await page.$$eval('#topics-table .volume span', spans => spans.map(s => parseFloat(s.style.width)));
  const top = Math.max(...dayTopics.topics.map(t => t.comments));
  const expectedWidths = dayTopics.topics.map(t => t.comments / top * 100);
  if (widths.some((w, i) => Math.abs(w - expectedWidths[i]) > 0.1)) fail(`volume bars ${widths} vs ${expectedWidths}`);
  console.log(`overview: ${dayTopics.topics.length} topics: ${dayTopics.topics.map(t => `${t.label} (${t.comments})`).join(', ')}`);
  await page.screenshot({ path: path.join(artifacts, 'topics.png'), fullPage: true });

  // --- an earlier day: no build, and the page says so ---
  const earlier = new Date(Date.parse(day + 'T00:00:00Z') - 7 * 86400000).toISOString().slice(0, 10);
  const earlierTopics = await api(`/api/topics?date=${earlier}`);
  if (earlierTopics.builtAt !== null) fail(`${earlier} has a build: ${JSON.stringify(earlierTopics)}`);
  await page.fill('#topics-date', earlier);
  await until(`the panel to show ${earlier} without a build`, async () => {
    const heading = await page.textContent('#topics-heading'), body = await page.textContent('#topics-table tbody');
    return (heading === 'Topics · ' + earlier && body === `no topics were built for ${earlier}`) || { heading, body };
  });
  await page.fill('#topics-date', day);
  await sameAsApi(page, 'the overview\'s topics panel, back on the day', `/api/topics?date=${day}&limit=10`, true);

  // --- video page: the video's own comments and sentiment per topic ---
  await page.goto(`${base}/dashboard/video.html?id=${encodeURIComponent(videoId)}`);
  const videoTopics = await sameAsApi(page, 'the video page\'s topics', `/api/videos/${encodeURIComponent(videoId)}/topics?date=${day}`, false);
  const dayIds = new Set(dayTopics.topics.map(t => t.id));
  // The page's labels are the day's: every topic of the video carries the label the overview shows for it.
  for (const t of videoTopics.topics) {
    const same = dayTopics.topics.find(d => d.id === t.id);
    if (dayIds.has(t.id) && same.label !== t.label) fail(`topic ${t.id} is '${t.label}' on the video page and '${same.label}' on the overview`);
  }
  console.log(`video ${videoId}: ${videoTopics.topics.map(t => `${t.label} (${t.comments})`).join(', ')}`);
  await page.screenshot({ path: path.join(artifacts, 'video-topics.png'), fullPage: true });

  console.log('topics ok');
});
