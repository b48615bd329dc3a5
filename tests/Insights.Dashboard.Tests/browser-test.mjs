// Drives the dashboard in Debian's chromium with playwright-core. Run by DashboardBrowserTests, which starts the
// silo and the API, then posts a second batch of events when this script prints READY.
// Exits non-zero with a message on the first mismatch.
import path from 'node:path';
import fs from 'node:fs';
import { api, apiKey, artifacts, base, fail, inBrowser, sleep, until } from './dashboard-harness.mjs';

const videoId = process.env.DASHBOARD_VIDEO;
const alertVideo = process.env.DASHBOARD_ALERT_VIDEO;

/** The rows of a leaderboard table as [videoId, value] (value as rendered in data-value). */
const rows = (page, table) => page.$$eval(`#${table} tbody tr[data-video-id]`,
  trs => trs.map(tr => [tr.dataset.videoId, Number(tr.dataset.value)]));
const apiRows = async by => (await api(`/api/videos/top?by=${by}&window=5m&limit=10`)).map(e => [e.videoId, e.value]);
const same = (a, b) => a.length === b.length && a.every(([id, v], i) => id === b[i][0] && Math.abs(v - b[i][1]) < 1e-9);

await inBrowser(async ({ page, urls, errors }) => {
  // --- the key: asked once per tab, a wrong one is refused, never sent in a URL ---
  await page.goto(base + '/dashboard/');
  await page.waitForSelector('#auth:not([hidden])');
  if ((await page.textContent('#status')) !== 'key needed') fail('the page did not say it needs a key: ' + await page.textContent('#status'));
  await page.fill('#api-key', 'not-the-key');
  await page.click('#auth button[type=submit]');
  await until('the wrong key to be refused', async () => /not valid/.test(await page.textContent('#auth-error')) || await page.textContent('#auth-error'));
  await page.screenshot({ path: path.join(artifacts, 'key.png') });
  // The refused token request is logged by the browser as a failed resource load: expected here, and only here.
  await sleep(300);
  errors.splice(0, errors.length, ...errors.filter(e => !/status of 401/.test(e)));
  await page.fill('#api-key', apiKey);
  await page.click('#auth button[type=submit]');
  await page.waitForSelector('#auth[hidden]', { state: 'attached' });

  // --- overview ---
  await until('the overview to show the first batch', async () => (await rows(page, 'top-comments')).length > 0 || 'no rows');
  const before = await rows(page, 'top-comments');
  const totalsBefore = await page.textContent('[data-total="comments"]');
  console.log('overview before:', JSON.stringify(before), 'comments total', totalsBefore);
  console.log('READY');

  await until('the comment velocity table to change and match GET /api/videos/top?by=comments', async () => {
    const shown = await rows(page, 'top-comments');
    if (same(shown, before)) return { unchanged: shown };
    const expected = await apiRows('comments');
    return same(shown, expected) || { shown, expected };
  });
  if (process.env.DASHBOARD_EXPECT_TOP_COMMENTS) {
    const [id, count] = process.env.DASHBOARD_EXPECT_TOP_COMMENTS.split(':');
    const first = (await rows(page, 'top-comments'))[0];
    if (first[0] !== id || first[1] !== Number(count)) fail(`expected ${id} first with ${count} comments, the page shows ${JSON.stringify(first)}`);
  }
  for (const by of ['engagement', 'sentiment']) {
    await until(`the ${by} table to match the API`, async () => {
      const shown = await rows(page, 'top-' + by), expected = await apiRows(by);
      return same(shown, expected) || { shown, expected };
    });
  }
  await until('the totals to change', async () => (await page.textContent('[data-total="comments"]')) !== totalsBefore || 'unchanged');
  if (alertVideo) {
    await until(`a sentiment alert for ${alertVideo}`, async () =>
      (await page.$(`#alerts li[data-video-id="${alertVideo}"]`)) !== null || await page.textContent('#alerts'));
    // Named by creator and description, like the rankings, not by its id.
    const alertName = await page.textContent(`#alerts li[data-video-id="${alertVideo}"] a`);
    if (!alertName.startsWith('@') || alertName.includes(alertVideo)) fail(`the alert names its video '${alertName}'`);
  }
  await until('trending hashtags', async () => (await page.$$('#hashtags li[data-tag]')).length > 0 || 'none');
  if (process.env.DASHBOARD_EXPECT_TAG) {
    // A hashtag of a video and of none of its comments: trending counts the videos' own hashtags.
    await until(`#${process.env.DASHBOARD_EXPECT_TAG} among the trending hashtags`, async () =>
      (await page.$(`#hashtags li[data-tag="${process.env.DASHBOARD_EXPECT_TAG}"]`)) !== null || await page.textContent('#hashtags'));
  }
  // Videos are named "@creator — description"; the id is only in the tooltip.
  for (const table of ['top-engagement', 'top-comments', 'top-sentiment']) {
    const names = await page.$$eval(`#${table} tbody tr[data-video-id]`, trs => trs.map(tr => {
      const a = tr.querySelector('a.video-name');
      return { id: tr.dataset.videoId, text: a?.textContent ?? '', title: a?.title ?? '' };
    }));
    for (const n of names) {
      if (!/^@\S+ — \S/.test(n.text) || n.text.includes(n.id)) fail(`${table}: a video is not named by creator and description: ${JSON.stringify(n)}`);
      if (!n.title.includes(n.id)) fail(`${table}: the id is not in the tooltip: ${JSON.stringify(n)}`);
    }
  }
  // The rule of each ranking under its table.
  const rules = Object.fromEntries(await Promise.all(['engagement', 'comments', 'sentiment'].map(async t => [t, await page.textContent('#rule-' + t)])));
  if (!/at least [\d,]+ views/.test(rules.engagement) || !/shrunk toward/.test(rules.engagement)) fail('engagement rule not shown: ' + rules.engagement);
  if (!/at least [\d,]+ scored comments/.test(rules.sentiment) || !/shrunk toward/.test(rules.sentiment)) fail('sentiment rule not shown: ' + rules.sentiment);
  if (!/^Comments posted in the last 5 min/.test(rules.comments)) fail('comments rule not shown: ' + rules.comments);
  const bars = await page.$$eval('#velocity-chart rect.bar', r => r.length);
  if (bars < 1) fail('the velocity chart has no bar');
  await page.screenshot({ path: path.join(artifacts, 'overview.png'), fullPage: true });
  console.log('overview ok: screenshot saved');

  // --- video page ---
  if (videoId) {
    await page.goto(`${base}/dashboard/video.html?id=${encodeURIComponent(videoId)}`);
    await until('the video page to stream with the key of this tab, without asking again', async () =>
      (await page.textContent('#status')) === 'live' && await page.$eval('#auth', f => f.hidden) || await page.textContent('#status'));
    await until('the video counters to match GET /api/videos/{id}', async () => {
      const stats = await api('/api/videos/' + encodeURIComponent(videoId));
      const shown = await page.$$eval('[data-counter]', cs => Object.fromEntries(cs.map(c => [c.dataset.counter, c.textContent.replace(/,/g, '')])));
      const expected = Object.fromEntries(['views', 'likes', 'shares', 'comments'].map(k => [k, String(stats.totals[k])]));
      return JSON.stringify(shown) === JSON.stringify(expected) || { shown, expected };
    });
    if (process.env.DASHBOARD_VIDEO_NAME) {
      await until('the header to name the video by creator and description', async () =>
        (await page.textContent('#title')) === process.env.DASHBOARD_VIDEO_NAME || await page.textContent('#title'));
      await until('the creator to link to the creator page', async () => {
        const href = await page.$eval('#creator a', a => a.getAttribute('href')).catch(() => null);
        return (href && process.env.DASHBOARD_VIDEO_NAME.startsWith('@' + decodeURIComponent(href.replace('creator.html?name=', '')) + ' ')) || href || 'no link';
      });
    }
    // History at once: the hour the video already had is on the charts as soon as the page has its series, one
    // slot per minute; sampling while the page is open could not have drawn 40 busy minutes.
    const shape = () => page.evaluate(() => {
      const values = sel => [...document.querySelectorAll(sel)].map(x => Number(x.dataset.value));
      const comments = values('#comments-chart circle.point');
      const starts = [...document.querySelectorAll('#comments-chart circle.point')].map(x => ({ t: Date.parse(x.dataset.start), v: Number(x.dataset.value) }));
      return {
        starts,
        commentPoints: comments.length,
        busyMinutes: comments.filter(v => v > 0).length,
        commentSum: comments.reduce((a, b) => a + b, 0),
        viewBars: values('#views-chart rect.bar').length,
        viewBarsWithGrowth: values('#views-chart rect.bar').filter(v => v > 0).length,
        sentimentPoints: values('#sentiment-chart circle.point').length,
        shareRects: values('#shares-history rect.share').length,
      };
    });
    let opened;
    await until('the charts to open with the last hour of history', async () => {
      opened = await shape();
      return (opened.commentPoints === 60 && opened.busyMinutes >= 40 && opened.viewBars === 60 && opened.viewBarsWithGrowth >= 8
        && opened.sentimentPoints >= 40 && opened.shareRects >= 120) || opened;
    }, 10000);
    console.log('history on open:', JSON.stringify({ ...opened, starts: opened.starts.length }));

    // Values on hover: the tooltip names the bucket's time and its figures.
    const busy = await page.$('#comments-chart circle.point:not([data-value="0"])');
    const box = await busy.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await until('the tooltip to show the hovered bucket', async () => {
      const tip = await page.$eval('#chart-tooltip', t => ({ hidden: t.hidden, text: t.textContent, index: t.dataset.index }));
      return (!tip.hidden && /\d\d:\d\d/.test(tip.text) && /\d+ comments? \(/.test(tip.text) && tip.index === await busy.getAttribute('data-index')) || tip;
    }, 5000);
    await page.mouse.move(5, 5);

    // Live: new comments reach the chart without reloading the page.
    console.log('VIDEO_READY');
    // Compared over the latest minutes only: the window moves on meanwhile, and its oldest minutes leave it.
    const since = Math.max(...opened.starts.map(p => p.t)) - 120000;
    const recent = s => s.starts.filter(p => p.t >= since).reduce((a, p) => a + p.v, 0);
    await until('the comments chart to take the 5 comments posted after it opened', async () => {
      const now = await shape();
      return recent(now) >= recent(opened) + 5 || { before: recent(opened), now: recent(now) };
    }, 30000);

    // Other periods: the grain's 24 hours in quarter hours, the warehouse's 7 days in hours.
    await page.click('#window-picker button[data-window="24h"]');
    await until('the 24-hour window', async () => (await page.$eval('#comments-chart', s => s.dataset.buckets)) === '96' || 'not yet');
    await page.click('#window-picker button[data-window="7d"]');
    await until('the 7-day range from the warehouse', async () => {
      const buckets = Number(await page.$eval('#comments-chart', s => s.dataset.buckets));
      const note = await page.textContent('#series-note');
      return (buckets >= 168 && buckets <= 169 && /warehouse/.test(note)) || { buckets, note };
    });
    await page.click('#window-picker button[data-window="1h"]');
    await until('the hour again', async () => (await page.$eval('#comments-chart', s => s.dataset.buckets)) === '60' || 'not yet');

    // Exports: fetched with the key, saved by the browser.
    const saved = async button => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
      return { name: download.suggestedFilename(), text: fs.readFileSync(await download.path(), 'utf8') };
    };
    const seriesCsv = await saved('#export-series');
    const seriesLines = seriesCsv.text.split('\r\n').filter(l => l);
    if (!seriesLines[0].startsWith('start,comments,views,likes,shares') || seriesLines.length !== 61) {
      fail(`series CSV ${seriesCsv.name}: ${seriesLines.length} lines, header ${seriesLines[0]}`);
    }
    await until('the warehouse to hold the video\'s comments', async () => {
      await fetch(base + '/api/warehouse/load', { method: 'POST', headers: { 'X-Api-Key': apiKey } });
      const r = await fetch(`${base}/api/videos/${encodeURIComponent(videoId)}/comments.csv`, { headers: { 'X-Api-Key': apiKey } });
      const lines = (await r.text()).split('\r\n').filter(l => l).length - 1;
      return lines >= 60 || { status: r.status, lines };
    }, 60000);
    const commentsCsv = await saved('#export-comments');
    const commentLines = commentsCsv.text.split('\r\n').filter(l => l);
    if (!commentLines[0].startsWith('comment_id,video_id,') || commentLines.length < 61 || !commentsCsv.name.endsWith('-comments.csv')) {
      fail(`comments CSV ${commentsCsv.name}: ${commentLines.length} lines, header ${commentLines[0]}`);
    }
    console.log(`exports ok: ${seriesCsv.name} (${seriesLines.length} lines), ${commentsCsv.name} (${commentLines.length} lines)`);
    const comments = await page.$$eval('#recent-comments li .text', xs => xs.map(x => x.textContent));
    if (!comments.some(t => t.includes('<script>window.__pwned=1</script>'))) fail('the injection comment is not shown as text: ' + JSON.stringify(comments));
    if (await page.$('#recent-comments img, #recent-comments script')) fail('comment text was turned into markup');
    if (await page.evaluate(() => window.__pwned !== undefined)) fail('comment text ran script');
    if ((await page.$$('#top-terms li[data-term]')).length === 0) fail('no top term shown');
    await page.screenshot({ path: path.join(artifacts, 'video.png'), fullPage: true });
    console.log('video page ok: screenshot saved');
  }
  if (!urls.some(u => u.includes('/stream?access_token='))) fail('no stream was opened with a stream token: ' + urls.join(' '));
});
