// Reads the REST API from the dashboard pages with the key of this tab (sessionStorage), sent in the X-Api-Key
// header and never in a URL. Needs common.js.
'use strict';

/** The key of this tab; asks for one when there is none, or waits when another part of the page already asks. */
async function tabKey(message) {
  for (;;) {
    const key = sessionStorage.getItem(KEY_ITEM);
    if (key) return key;
    if (document.getElementById('auth').hidden) await askForKey(message);
    else await new Promise(resolve => setTimeout(resolve, 250));
  }
}

/**
 * GETs an API path and answers {status, body}: body is the JSON answer, or the problem for a 4xx. A refused key is
 * dropped and asked for again; network failures and 5xx throw.
 */
async function readApi(path) {
  let message = '';
  for (;;) {
    const key = await tabKey(message);
    const response = await fetch(path, { headers: { 'X-Api-Key': key, Accept: 'application/json' }, cache: 'no-store' });
    if (response.status === 401 || response.status === 403) {
      sessionStorage.removeItem(KEY_ITEM);
      message = (await response.json().catch(() => ({}))).detail || 'The key was refused.';
      continue;
    }
    if (response.status >= 500) throw new Error(path + ': ' + response.status);
    return { status: response.status, body: await response.json().catch(() => null) };
  }
}

/** A link to a creator's page showing '@name'. */
function creatorLink(username) {
  return el('a', { href: 'creator.html?name=' + encodeURIComponent(username), 'data-username': username }, '@' + username);
}

/** A link to a video's page showing its description, or its id when it has none. */
function describedVideoLink(videoId, description) {
  return el('a', { href: 'video.html?id=' + encodeURIComponent(videoId), title: videoId, class: 'described' }, description || videoId);
}

/** The topics of a UTC day (YYYY-MM-DD), most comments first, from the day's last build. */
function readTopics(day, limit = 10) {
  return readApi(`/api/topics?date=${encodeURIComponent(day)}&limit=${limit}`);
}

/** One video's topics on a UTC day, with the video's own comments and sentiment per topic. */
function readVideoTopics(videoId, day) {
  return readApi(`/api/videos/${encodeURIComponent(videoId)}/topics?date=${encodeURIComponent(day)}`);
}
