// Drives the creator page and the overview's search in Debian's chromium with playwright-core. Run by
// CreatorPagesBrowserTests, which starts the silo and the API and posts the events first. DASHBOARD_SCENARIO picks
// what to check: "creator" (a creator page shows the creator's figures and videos, which lead to the video pages)
// or "search" (the overview's search finds creators by name and videos by creator or hashtag).
// Exits non-zero with a message on the first mismatch.
import path from 'node:path';
import { api, artifacts, base, fail, giveKey, inBrowser, until } from './dashboard-harness.mjs';

const scenario = process.env.DASHBOARD_SCENARIO;
const creator = process.env.DASHBOARD_CREATOR;
const hashtag = process.env.DASHBOARD_HASHTAG;
const sameSet = (a, b) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

const videoRows = (page, table) => page.$$eval(`#${table} tbody tr[data-video-id]`, trs => trs.map(tr => tr.dataset.videoId));

async function creatorPage(page) {
  await page.goto(`${base}/dashboard/creator.html?name=${encodeURIComponent(creator)}`);
  await giveKey(page);
  await until('the creator page to load', async () => (await page.textContent('#status')) === 'live' || await page.textContent('#status'));
  if ((await page.textContent('#title')) !== '@' + creator) fail('title: ' + await page.textContent('#title'));

  const stats = await api(`/api/creators/${encodeURIComponent(creator)}?by=engagement&limit=50`);
  await until('the totals to match GET /api/creators/{username}', async () => {
    const shown = await page.$$eval('[data-total]', cs => Object.fromEntries(cs.map(c => [c.dataset.total, c.textContent.replace(/,/g, '')])));
    const expected = { videos: String(stats.videos), ...Object.fromEntries(['views', 'likes', 'shares', 'comments'].map(k => [k, String(stats.totals[k])])) };
    return JSON.stringify(shown) === JSON.stringify(expected) || { shown, expected };
  });
  const windows = await page.$$eval('#windows tbody tr[data-window]', trs => trs.map(tr => tr.dataset.window));
  if (windows.join() !== '5m,1h,24h') fail('windows: ' + windows.join());
  const shares = await page.$$eval('#shares-chart rect', rs => rs.map(r => Number(r.dataset.value)));
  const { positive, neutral, negative } = stats.sentiment;
  if (shares.join() !== [positive, neutral, negative].join()) fail(`sentiment shares ${shares} vs ${[positive, neutral, negative]}`);

  const expectedOrder = stats.topVideos.map(v => v.videoId);
  await until('the videos ranked by engagement as the API ranks them', async () => {
    const shown = await videoRows(page, 'videos');
    return shown.join() === expectedOrder.join() || { shown, expectedOrder };
  });
  const described = await page.$$eval('#videos tbody a.described', as => as.map(a => a.textContent));
  if (described.join('|') !== stats.topVideos.map(v => v.description).join('|')) fail('descriptions: ' + described.join('|'));

  await page.selectOption('#order', 'views');
  const byViews = (await api(`/api/creators/${encodeURIComponent(creator)}?by=views&limit=50`)).topVideos.map(v => v.videoId);
  await until('the videos ranked by views', async () => {
    const shown = await videoRows(page, 'videos');
    return shown.join() === byViews.join() || { shown, byViews };
  });
  await page.screenshot({ path: path.join(artifacts, 'creator.png'), fullPage: true });

  const first = byViews[0];
  await page.click(`#videos tbody tr[data-video-id="${first}"] a`);
  await page.waitForURL(u => u.pathname.endsWith('/dashboard/video.html') && u.searchParams.get('id') === first);
  await until('the video page to stream for the video', async () => (await page.textContent('#status')) === 'live' || await page.textContent('#status'));
  console.log('creator page ok');
}

async function searchPanel(page) {
  await page.goto(base + '/dashboard/');
  await giveKey(page);

  const part = creator.slice(0, 4).toUpperCase();
  const expectedCreators = (await api(`/api/creators?search=${encodeURIComponent(part)}&limit=10`)).map(c => c.username);
  if (!expectedCreators.includes(creator)) fail(`the API does not find ${creator} by '${part}': ${expectedCreators}`);
  await page.fill('#search-text', part);
  await page.press('#search-text', 'Enter');
  await until(`creators matching '${part}'`, async () => {
    const shown = await page.$$eval('#found-creators li[data-username]', lis => lis.map(li => li.dataset.username));
    return shown.join() === expectedCreators.join() || { shown, expectedCreators };
  });

  const own = (await api(`/api/videos?creator=${encodeURIComponent(creator)}`)).map(v => v.videoId);
  await page.fill('#search-text', '@' + creator);
  await page.press('#search-text', 'Enter');
  await until(`the videos of @${creator}`, async () => {
    const shown = await videoRows(page, 'found-videos');
    return (own.length > 0 && sameSet(shown, own)) || { shown, own };
  });

  const tagged = (await api(`/api/videos?hashtag=${encodeURIComponent(hashtag)}`)).map(v => v.videoId);
  // Typed, not submitted: the search runs once typing pauses.
  await page.fill('#search-text', '#' + hashtag.toUpperCase());
  await until(`the videos tagged #${hashtag}`, async () => {
    const shown = await videoRows(page, 'found-videos');
    return (tagged.length > 0 && sameSet(shown, tagged)) || { shown, tagged };
  });
  const creatorsOfTagged = await page.$$eval('#found-videos tbody td a[data-username]', as => as.map(a => a.dataset.username));
  if (creatorsOfTagged.length !== tagged.length) fail('each found video should name its creator: ' + creatorsOfTagged);
  await page.screenshot({ path: path.join(artifacts, 'search.png'), fullPage: true });

  await page.click(`#found-videos a[data-username="${creator}"]`);
  await page.waitForURL(u => u.pathname.endsWith('/dashboard/creator.html') && u.searchParams.get('name') === creator);
  await until('the creator page opened from the search', async () => (await page.textContent('#status')) === 'live' || await page.textContent('#status'));
  console.log('search ok');
}

await inBrowser(async ({ page }) => {
  if (scenario === 'creator') await creatorPage(page);
  else if (scenario === 'search') await searchPanel(page);
  else fail('DASHBOARD_SCENARIO must be creator or search, not ' + scenario);
});
