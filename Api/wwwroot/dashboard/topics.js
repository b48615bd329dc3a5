// The topics of a day as a table: label and top terms, volume, sentiment and (for the whole day) the change against
// the day before. The cluster rebuilds topics every quarter of an hour or so, so the table asks the API again every
// minute instead of streaming. Needs common.js and api.js.
'use strict';

const Topics = (() => {
  const REFRESH_MS = 60000;
  const DAY_MS = 86400 * 1000;
  const utcDay = date => date.toISOString().slice(0, 10);
  const dayBefore = day => utcDay(new Date(Date.parse(day + 'T00:00:00Z') - DAY_MS));
  // A score within ±10 points of zero reads as mixed feelings rather than a leaning.
  const mood = score => (score >= 10 ? 'positive' : score <= -10 ? 'negative' : 'neutral');

  /** A build time as this browser's local time, with its date when it is not today's. */
  function builtTime(at) {
    const d = new Date(at);
    return d.toDateString() === new Date().toDateString()
      ? d.toLocaleTimeString('en-GB')
      : d.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });
  }

  /** The API reads a topics request only once this tab holds a key; the page's stream is what asks for it. */
  function keyed() {
    return new Promise(resolve => {
      const check = () => (sessionStorage.getItem(KEY_ITEM) ? resolve() : setTimeout(check, 250));
      check();
    });
  }

  function topicCell(t) {
    return el('td', { class: 'topic-cell' },
      el('div', { class: 'topic-label' }, t.label),
      el('ul', { class: 'terms' }, ...t.terms.map(term =>
        el('li', { 'data-term': term.term, title: 'weight ' + Number(term.weight).toFixed(3) }, term.term))));
  }

  function volumeCell(comments, max) {
    const bar = el('span');
    bar.style.width = (max ? comments / max * 100 : 0).toFixed(1) + '%';
    return el('td', { class: 'num volume-cell' }, el('span', { class: 'count' }, fmtInt(comments)), el('div', { class: 'volume' }, bar));
  }

  function sentimentCell(s) {
    const scored = s.positive + s.neutral + s.negative;
    const parts = [['positive', s.positive], ['neutral', s.neutral], ['negative', s.negative]];
    const shares = el('div', { class: 'shares' }, ...parts.map(([label, n]) => {
      const part = el('span', { class: label, 'data-value': n });
      part.style.width = (scored ? n / scored * 100 : 0).toFixed(1) + '%';
      return part;
    }));
    const title = parts.map(([label, n]) => `${label} ${(scored ? n / scored * 100 : 0).toFixed(0)} % (${fmtInt(n)})`).join(' · ');
    return el('td', { class: 'sentiment-cell', title },
      el('span', { class: 'score ' + mood(s.score) }, fmtScore(s.score)), shares);
  }

  function changeCell(t) {
    if (t.change === null || t.change === undefined) {
      return el('td', { class: 'num change new', title: 'not among the day before\'s topics' }, 'new');
    }
    const title = `${fmtInt(t.previousComments)} comments the day before`;
    if (t.change > 0) return el('td', { class: 'num change up', title }, '▲ ' + fmtInt(t.change));
    if (t.change < 0) return el('td', { class: 'num change down', title }, '▼ ' + fmtInt(-t.change));
    return el('td', { class: 'num change', title }, '0');
  }

  function rows(topics, dayColumns) {
    const max = Math.max(0, ...topics.map(t => t.comments));
    return topics.map((t, i) => el('tr', { 'data-topic-id': t.id, 'data-comments': t.comments },
      el('td', {}, i + 1), topicCell(t), volumeCell(t.comments, max), sentimentCell(t.sentiment),
      ...(dayColumns ? [el('td', { class: 'num' }, fmtInt(t.videos)), changeCell(t)] : [])));
  }

  /**
   * Keeps a topics section filled: its table (#id-table), heading, day picker and notes, from load(day), which
   * answers readApi's {status, body} for a DayTopics or VideoTopics. dayColumns adds the day's videos and change;
   * heading, noBuild, noTopic and describe word the heading, the two empty states and the build under the heading.
   */
  function follow({ prefix, load, dayColumns, heading, noBuild, noTopic, describe }) {
    const $ = suffix => document.getElementById(prefix + '-' + suffix);
    const table = $('table'), picker = $('date'), built = $('built'), note = $('note');
    const columns = table.querySelectorAll('thead th').length;
    let timer = null, generation = 0, picked = null; // picked: a day the user chose; none follows today past midnight

    const chosenDay = () => picked || utcDay(new Date());
    const message = text => el('tr', {}, el('td', { colspan: columns, class: 'empty' }, text));
    const problem = text => { note.textContent = text; note.classList.toggle('error', !!text); };

    /** When the chosen day has no build yet: when the cluster last built the day before, if it has. */
    async function lastBuildBefore(day) {
      const { status, body } = await readTopics(dayBefore(day), 1);
      return status === 200 && body.builtAt ? `; the last build, of ${body.date}, was at ${builtTime(body.builtAt)}` : '';
    }

    async function refresh() {
      clearTimeout(timer);
      const mine = ++generation; // a new day picked while a request is out: the older answer is dropped
      const day = chosenDay();
      const today = day === utcDay(new Date());
      picker.max = utcDay(new Date());
      picker.value = day;
      setText('#' + prefix + '-heading', heading(day, today));
      try {
        const { status, body } = await load(day);
        if (mine !== generation) return;
        if (status !== 200) {
          table.tBodies[0].replaceChildren(message('no topics to show'));
          built.textContent = '';
          problem(`${body?.title || 'error ' + status}${body?.detail ? ': ' + body.detail : ''}`);
          if (status === 400) return; // a day the API refuses stays refused
        } else if (!body.builtAt) {
          const earlier = today ? await lastBuildBefore(day) : '';
          if (mine !== generation) return;
          table.tBodies[0].replaceChildren(message(noBuild(day, today)));
          built.textContent = today ? 'no build yet' + earlier : '';
          problem('');
        } else {
          table.tBodies[0].replaceChildren(...(body.topics.length ? rows(body.topics, dayColumns) : [message(noTopic(body))]));
          built.textContent = `built at ${builtTime(body.builtAt)} ${describe(body)}`;
          problem('');
        }
      } catch (e) {
        if (mine !== generation) return;
        problem(`could not load the topics (${e.message}); trying again in a minute`);
      }
      timer = setTimeout(refresh, REFRESH_MS);
    }

    picker.addEventListener('change', () => { picked = picker.value || null; refresh(); });
    keyed().then(refresh);
  }

  return { follow, utcDay };
})();
