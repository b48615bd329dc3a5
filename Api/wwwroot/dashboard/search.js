// The overview's search: creators by part of their name, videos by creator or hashtag ('@name', '#tag', or plain
// text for both). Needs common.js and api.js.
'use strict';

(() => {
  const form = document.getElementById('search');
  const input = document.getElementById('search-text');
  const results = document.getElementById('search-results');
  const note = document.getElementById('search-note');
  let generation = 0, typing = null;

  const q = (path, params) => path + '?' + new URLSearchParams(params).toString();

  function showCreators(creators, searched) {
    document.getElementById('found-creators').replaceChildren(...(creators.length
      ? creators.map(c => el('li', { 'data-username': c.username }, creatorLink(c.username), el('span', {}, `${fmtInt(c.videos)} video${c.videos === 1 ? '' : 's'}`)))
      : [el('li', { class: 'empty' }, searched ? 'no creator' : 'a hashtag search looks for videos only')]));
  }

  function showVideos(videos) {
    document.querySelector('#found-videos tbody').replaceChildren(...(videos.length
      ? videos.map(v => el('tr', { 'data-video-id': v.videoId },
          el('td', {}, describedVideoLink(v.videoId, v.description)),
          el('td', {}, creatorLink(v.username)),
          el('td', { class: 'tags-cell' }, v.hashtags.map(t => '#' + t).join(' '))))
      : [el('tr', {}, el('td', { colspan: 3, class: 'empty' }, 'no video'))]));
  }

  async function search(text) {
    const mine = ++generation;
    const name = text.startsWith('#') ? null : text.replace(/^@/, '');
    const tag = text.startsWith('@') ? null : text.replace(/^#/, '');
    const answers = await Promise.all([
      name ? readApi(q('/api/creators', { search: name, limit: 10 })) : null,
      tag ? readApi(q('/api/videos', { hashtag: tag, limit: 20 })) : null,
    ]);
    const creators = answers[0]?.status === 200 ? answers[0].body : [];
    let videos = answers[1]?.status === 200 ? answers[1].body : [];
    // The creator whose name is the text (ignoring case) brings its videos too.
    const exact = name && creators.find(c => c.username.toLowerCase() === name.toLowerCase());
    if (exact) {
      const own = await readApi(q('/api/videos', { creator: exact.username, limit: 20 }));
      if (own.status === 200) videos = own.body.concat(videos.filter(v => !own.body.some(o => o.videoId === v.videoId)));
    }
    if (mine !== generation) return;
    const refused = answers.filter(a => a && a.status === 400);
    note.textContent = refused.length === answers.filter(a => a).length ? (refused[0]?.body?.detail ?? '') : '';
    showCreators(creators, !!name);
    showVideos(videos);
    results.hidden = false;
  }

  function run() {
    clearTimeout(typing);
    const text = input.value.trim();
    if (!text) { results.hidden = true; note.textContent = ''; return; }
    search(text).catch(() => { note.textContent = 'The search failed; try again.'; });
  }

  form.addEventListener('submit', e => { e.preventDefault(); run(); });
  input.addEventListener('input', () => { clearTimeout(typing); typing = setTimeout(run, 400); });
})();
