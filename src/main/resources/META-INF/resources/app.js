// Tanuu trainers' page: replay a sample case, flip answers, watch the decision change.
// Plain browser JavaScript, no build step, no external resources. Every piece of text that comes from the
// service is put into the page with textContent / text nodes only (the page's CSP also enforces Trusted
// Types, so an accidental innerHTML would throw instead of rendering markup).
'use strict';
(() => {
  const ELEMENTS = ['ACT', 'MEANS', 'PURPOSE'];
  const GROUPS = ['ACT', 'MEANS', 'PURPOSE', 'CONTEXT'];
  const YESNO = ['YES', 'NO', 'UNKNOWN', 'DECLINED'];
  const DECISIONS = {
    IDENTIFIED: 'Identified as a victim',
    PRESUMED: 'Presumed victim',
    NOT_IDENTIFIED: 'Not identified',
    INSUFFICIENT_INFORMATION: 'Insufficient information',
  };
  const GROUP_TITLES = {
    ACT: 'Act: what was done to the person',
    MEANS: 'Means: how it was done',
    PURPOSE: 'Purpose: exploitation',
    CONTEXT: 'Context: the person and the situation',
  };
  const ELEMENT_TITLES = { ACT: 'Act', MEANS: 'Means', PURPOSE: 'Purpose' };
  const STATUS_MARKS = { ESTABLISHED: '\u2714', INDICATED: '\u25D0', NOT_FOUND: '\u2716', UNKNOWN: '?' };
  const NOT_ASKED = '\u2014 not asked \u2014';
  const BAD_INPUT = Symbol('bad input');

  const state = {
    questions: [],        // from GET /questionnaire, in catalogue order
    qById: new Map(),
    cases: [],            // GET /cases
    kase: null,           // GET /cases/{id}
    jurisdiction: null,   // the law applied now
    original: {},         // the answers as the case tells them
    answers: {},          // the answers on screen
    baseline: null,       // identify response for the original answers under `baselineFor`
    baselineFor: undefined,
    view: null,           // {before, after, changed}; before is null when nothing was changed
    rows: new Map(),      // question id -> {row, ctl, note, q}
    seq: 0,               // guards against out-of-order responses
    revision: 0,          // bumped on every rendered result (tests wait on it)
  };

  // ---------------------------------------------------------------- small helpers

  const $ = (sel) => document.querySelector(sel);

  /** Builds an element. Strings become text nodes, never markup. */
  function h(tag, attrs, ...kids) {
    const el = document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v === null || v === undefined || v === false) continue;
        if (k === 'class') el.className = v;
        else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
        else el.setAttribute(k, v === true ? '' : String(v));
      }
    }
    for (const kid of kids.flat(Infinity)) {
      if (kid === null || kid === undefined || kid === false) continue;
      el.append(kid instanceof Node ? kid : document.createTextNode(String(kid)));
    }
    return el;
  }

  /** replaceChildren that skips null/false, like h() does (the DOM would print "null"). */
  const fill = (el, ...kids) => el.replaceChildren(...kids.flat(Infinity).filter((k) => k !== null && k !== undefined && k !== false));
  const isBlank = (v) => v === null || v === undefined;
  const same = (a, b) => (isBlank(a) && isBlank(b)) || JSON.stringify(a) === JSON.stringify(b);
  const token = (s) => String(s ?? '').replace(/[^A-Za-z0-9_-]/g, '');
  const words = (code) => {
    const s = String(code ?? '').replace(/_/g, ' ').toLowerCase();
    return s.charAt(0).toUpperCase() + s.slice(1);
  };
  const decisionLabel = (d) => DECISIONS[d] || words(d);
  const show = (v) => (isBlank(v) ? 'not asked' : String(v));
  const codeOf = (x) => (x && typeof x === 'object' ? (x.id ?? x.code ?? x.name ?? x.flag ?? JSON.stringify(x)) : String(x));
  const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
  /** The law a case is told under: its own jurisdiction, else the one its stored result names. */
  const caseJurisdiction = (k) => (k && (k.jurisdiction || (k.result && k.result.jurisdiction))) || null;
  const questionText = (id) => (state.qById.get(id) || {}).text || id;

  class ApiError extends Error {
    constructor(errors, status) {
      super(errors.map((e) => e.message).join('; '));
      this.errors = errors;
      this.status = status;
    }
  }

  /** Calls the service. Paths are relative so the page also works under a non-root HTTP path. */
  async function api(method, path, body) {
    const init = { method, headers: { Accept: 'application/json' } };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let res;
    try {
      res = await fetch(path, init);
    } catch (e) {
      throw new ApiError([{ field: null, message: `Cannot reach the service (${e.message}).` }]);
    }
    const text = await res.text();
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
    if (!res.ok) {
      const errors = data && Array.isArray(data.errors) && data.errors.length
        ? data.errors
        : [{ field: null, message: `${method} /${path} failed with HTTP ${res.status}${text && !data ? ': ' + text.slice(0, 200) : ''}` }];
      throw new ApiError(errors, res.status);
    }
    if (data === null) throw new ApiError([{ field: null, message: `${method} /${path} returned no JSON.` }]);
    return data;
  }

  function setBusy(on, message) {
    document.body.dataset.busy = on ? 'true' : 'false';
    if (message !== undefined) $('#status').textContent = message;
  }

  // ---------------------------------------------------------------- errors

  function clearErrors() {
    const box = $('#errors');
    box.replaceChildren();
    box.hidden = true;
    for (const r of state.rows.values()) {
      r.row.classList.remove('invalid');
      r.ctl.removeAttribute('aria-invalid');
      r.error.textContent = '';
    }
  }

  /** Finds the question an error's field points at: "answers.person.age", "changes.person.age", ... */
  function questionOfField(field) {
    if (!field) return null;
    const m = /(?:^|\.)(?:answers|changes)[.[]"?([^"\]]+)"?\]?$/.exec(field);
    const candidate = m ? m[1] : field;
    if (state.rows.has(candidate)) return candidate;
    for (const id of state.rows.keys()) if (field.endsWith('.' + id)) return id;
    return null;
  }

  function showErrors(err) {
    const list = err instanceof ApiError ? err.errors : [{ field: null, message: String(err && err.message || err) }];
    const box = $('#errors');
    box.replaceChildren(h('h2', null, err.status === 400 ? 'The service refused these answers' : 'Something went wrong'));
    const ul = h('ul');
    for (const e of list) {
      const qid = questionOfField(e.field);
      const li = h('li', { 'data-field': e.field || '' },
        e.field ? h('span', { class: 'mono field' }, e.field) : null,
        e.field ? ': ' : null,
        String(e.message ?? ''));
      if (qid) {
        const r = state.rows.get(qid);
        r.row.classList.add('invalid');
        r.row.classList.remove('unasked');
        r.ctl.setAttribute('aria-invalid', 'true');
        r.error.textContent = String(e.message ?? '');
        li.append(' ', h('button', { type: 'button', class: 'link', onclick: () => r.ctl.focus() }, 'Go to the question'));
      }
      ul.append(li);
    }
    box.append(ul);
    box.hidden = false;
  }

  // ---------------------------------------------------------------- questions and answers

  function question(id, sample) {
    const known = state.qById.get(id);
    if (known) return known;
    let kind = 'text';
    if (typeof sample === 'number') kind = 'int';
    else if (YESNO.includes(sample)) kind = 'yesno';
    else if (/^\d{4}-\d{2}-\d{2}$/.test(String(sample))) kind = 'date';
    const prefix = id.split('.')[0].toUpperCase();
    return { id, kind, element: GROUPS.includes(prefix) ? prefix : 'CONTEXT', text: id };
  }

  function makeControl(q, domId) {
    let ctl;
    if (q.kind === 'int') {
      ctl = h('input', { type: 'number', step: '1', inputmode: 'numeric' });
    } else if (q.kind === 'date') {
      ctl = h('input', { type: 'date' });
    } else if (q.kind === 'yesno' || q.kind === 'enum' || Array.isArray(q.values)) {
      const values = Array.isArray(q.values) && q.values.length ? q.values : YESNO;
      ctl = h('select', null, h('option', { value: '' }, NOT_ASKED), values.map((v) => h('option', { value: v }, String(v))));
    } else {
      ctl = h('input', { type: 'text' });
    }
    ctl.id = domId;
    ctl.dataset.question = q.id;
    ctl.dataset.testid = 'answer-' + q.id;
    ctl.addEventListener('change', () => onAnswer(q, ctl));
    return ctl;
  }

  function setControl(ctl, value) {
    const v = isBlank(value) ? '' : String(value);
    if (ctl.tagName === 'SELECT' && v !== '' && ![...ctl.options].some((o) => o.value === v)) {
      ctl.append(h('option', { value: v }, v)); // a value the catalogue does not list: still show it
    }
    ctl.value = v;
  }

  function readControl(q, ctl) {
    const raw = ctl.value.trim();
    if (raw === '') return ctl.validity && ctl.validity.badInput ? BAD_INPUT : null;
    if (q.kind === 'int') {
      const n = Number(raw);
      return Number.isFinite(n) ? n : raw;
    }
    return raw;
  }

  function renderAnswers() {
    const box = $('#answers');
    box.replaceChildren();
    state.rows = new Map();
    const ids = state.questions.map((q) => q.id);
    for (const id of Object.keys(state.original)) if (!state.qById.has(id)) ids.push(id);
    const groups = new Map();
    for (const id of ids) {
      const q = question(id, state.original[id]);
      const g = GROUPS.includes(q.element) ? q.element : 'CONTEXT';
      if (!groups.has(g)) groups.set(g, []);
      groups.get(g).push(q);
    }
    let n = 0;
    for (const g of GROUPS) {
      if (!groups.has(g)) continue;
      const section = h('section', { class: 'group', 'data-group': g }, h('h3', null, GROUP_TITLES[g] || words(g)));
      for (const q of groups.get(g)) {
        const domId = 'q-' + (n++);
        const ctl = makeControl(q, domId);
        setControl(ctl, state.original[q.id]);
        const note = h('div', { class: 'q-note' });
        const error = h('div', { class: 'q-error' });
        const row = h('div', { class: 'q', 'data-question-row': q.id, 'data-kind': q.kind },
          h('label', { for: domId }, h('span', { class: 'q-text' }, q.text || q.id), ' ', h('span', { class: 'q-id mono' }, q.id)),
          h('div', { class: 'q-ctl' }, ctl),
          note, error);
        state.rows.set(q.id, { row, ctl, note, error, q });
        section.append(row);
      }
      box.append(section);
    }
  }

  function changes() {
    const out = {};
    const keys = new Set([...Object.keys(state.original), ...Object.keys(state.answers)]);
    for (const k of keys) if (!same(state.original[k], state.answers[k])) out[k] = isBlank(state.answers[k]) ? null : state.answers[k];
    return out;
  }

  function updateAnswerMarks() {
    const after = state.view ? state.view.after : null;
    const missing = new Map(((after && after.missing) || []).map((m) => [m.question, m]));
    const evidence = new Set();
    for (const e of Object.values((after && after.elements) || {})) for (const id of e.evidence || []) evidence.add(id);
    for (const [id, r] of state.rows) {
      const orig = state.original[id];
      const cur = state.answers[id];
      const changed = !same(orig, cur);
      const m = isBlank(cur) ? missing.get(id) : null;
      r.row.classList.toggle('changed', changed);
      r.row.dataset.changed = String(changed);
      r.row.classList.toggle('missing', !!m);
      r.row.classList.toggle('evidence', evidence.has(id) && !isBlank(cur));
      r.row.classList.toggle('unasked', isBlank(orig) && isBlank(cur) && !m && !r.row.classList.contains('invalid'));
      fill(r.note,
        changed ? h('span', { class: 'tag changed-tag' }, 'CHANGED') : null,
        changed ? ` The case says: ${show(orig)}` : null,
        m ? h('span', { class: 'tag missing-tag' }, 'WOULD HELP') : null,
        m ? ` Unanswered; ${m.element ? words(m.element) : 'an element'} evidence${m.strength ? ', strength ' + m.strength : ''}.` : null,
      );
    }
    for (const g of document.querySelectorAll('#answers .group')) {
      g.classList.toggle('empty', !g.querySelector('.q:not(.unasked)'));
    }
  }

  function onAnswer(q, ctl) {
    const value = readControl(q, ctl);
    const r = state.rows.get(q.id);
    if (value === BAD_INPUT) {
      r.row.classList.add('invalid');
      r.error.textContent = 'Type a whole number, or leave it empty for "not asked".';
      return;
    }
    if (isBlank(value)) delete state.answers[q.id];
    else state.answers[q.id] = value;
    recompute();
  }

  // ---------------------------------------------------------------- deciding

  function interview(answers) {
    const iv = { answers };
    if (state.jurisdiction) iv.jurisdiction = state.jurisdiction;
    return iv;
  }

  async function recompute() {
    const my = ++state.seq;
    const diff = changes();
    const n = Object.keys(diff).length;
    clearErrors();
    updateAnswerMarks();
    setBusy(true, n ? 'Deciding again\u2026' : 'Deciding\u2026');
    try {
      if (state.baselineFor !== state.jurisdiction || !state.baseline) {
        const k = state.kase;
        const own = k.result && k.result.decision && state.jurisdiction === caseJurisdiction(k);
        const base = own ? k.result : await api('POST', 'identify', interview(state.original));
        if (my !== state.seq) return;
        state.baseline = base;
        state.baselineFor = state.jurisdiction;
      }
      let view;
      if (n === 0) {
        view = { before: null, after: state.baseline, changed: null };
      } else {
        const cmp = await api('POST', 'identify/compare', { interview: interview(state.original), changes: diff });
        view = { before: cmp.before || state.baseline, after: cmp.after, changed: cmp.changed || {} };
      }
      if (my !== state.seq) return;
      state.view = view;
      renderResult();
      const d = view.after.decision;
      setBusy(false, view.before && view.before.decision !== d
        ? `Decision changed: ${decisionLabel(view.before.decision)} \u2192 ${decisionLabel(d)}`
        : `Decision: ${decisionLabel(d)}`);
    } catch (e) {
      if (my !== state.seq) return;
      showErrors(e);
      updateAnswerMarks();
      $('#stale').hidden = !state.view;
      $('#decision').classList.add('stale');
      setBusy(false, 'The service refused the answers: see the message at the top.');
    }
  }

  // ---------------------------------------------------------------- rendering the result

  function renderResult() {
    const { before, after } = state.view;
    $('#stale').hidden = true;
    renderDecision(before, after);
    renderElements(before, after);
    renderFlags(before, after);
    renderJurisdictions(before, after);
    renderMissing(after);
    renderTrace(before, after);
    renderExpectation();
    const version = after.rulebook && after.rulebook.version;
    const rb = $('#rulebook');
    rb.textContent = version ? String(version).replace(/^sha256:/, '').slice(0, 12) : 'unknown';
    rb.title = version ? String(version) : '';
    updateAnswerMarks();
    $('#decision').dataset.revision = String(++state.revision);
  }

  function renderDecision(before, after) {
    const box = $('#decision');
    const d = after.decision;
    const moved = !!before && before.decision !== d;
    const n = Object.keys(changes()).length;
    box.className = `decision d-${token(d)}${moved ? ' changed' : ''}`;
    box.dataset.decision = d;
    box.dataset.case = state.kase.id;
    box.dataset.changed = String(moved);
    box.dataset.before = moved ? before.decision : '';
    const facts = [
      `Law: ${after.jurisdiction || state.jurisdiction || '\u2014'}`,
      isBlank(after.score) ? null : `Score ${after.score}${before && before.score !== after.score ? ` (was ${before.score})` : ''}`,
      after.child ? `Treated as a child${after.childBasis ? ' (' + words(after.childBasis).toLowerCase() + ')' : ''}` : 'Not treated as a child',
    ].filter(Boolean);
    let story;
    if (!before) story = 'The case as told.';
    else if (moved) story = h('span', null, 'Was ', h('s', null, decisionLabel(before.decision)), ` before ${plural(n, 'changed answer', 'changed answers')}.`);
    else story = `Unchanged by ${plural(n, 'changed answer', 'changed answers')}.`;
    fill(box,
      h('div', { class: 'd-main' },
        h('span', { class: 'd-label', 'data-testid': 'decision-label' }, decisionLabel(d)),
        h('span', { class: 'd-code mono', 'data-testid': 'decision-code' }, d)),
      moved ? h('div', { class: 'd-change' },
        h('span', { class: 'tag' }, 'CHANGED'), ' ', before.decision, ' \u2192 ', d) : null,
      h('div', { class: 'd-facts' }, facts.join(' \u00b7 ')),
      h('div', { class: 'd-story' }, story),
    );
  }

  function renderElements(before, after) {
    const box = $('#elements');
    box.replaceChildren();
    const names = [...ELEMENTS, ...Object.keys(after.elements || {}).filter((k) => !ELEMENTS.includes(k))];
    for (const name of names) {
      const e = (after.elements || {})[name];
      if (!e) continue;
      const b = before && before.elements ? before.elements[name] : null;
      const statusMoved = !!b && b.status !== e.status;
      const scoreMoved = !!b && b.score !== e.score;
      const reqMoved = !!b && b.required !== e.required;
      const evNow = e.evidence || [];
      const evBefore = b ? b.evidence || [] : evNow;
      const gone = evBefore.filter((x) => !evNow.includes(x));
      const anyMove = statusMoved || scoreMoved || reqMoved || gone.length > 0 || evNow.some((x) => !evBefore.includes(x));
      const score = Number(e.score);
      const bar = h('div', { class: 'meter-fill' });
      bar.style.width = `${Number.isFinite(score) ? Math.max(0, Math.min(100, score)) : 0}%`;
      const ev = h('ul', { class: 'evidence' });
      for (const id of evNow) {
        const added = !!b && !evBefore.includes(id);
        ev.append(h('li', { class: added ? 'added' : null, 'data-evidence': id },
          added ? h('span', { class: 'tag' }, 'NEW') : null, added ? ' ' : null,
          questionText(id), ' ', h('span', { class: 'mono small' }, `${id} = ${show(state.answers[id])}`)));
      }
      for (const id of gone) {
        ev.append(h('li', { class: 'removed', 'data-evidence': id },
          h('span', { class: 'tag' }, 'GONE'), ' ', h('s', null, questionText(id)), ' ', h('span', { class: 'mono small' }, `${id} = ${show(state.answers[id])}`)));
      }
      if (!ev.childElementCount) ev.append(h('li', { class: 'none' }, 'No supporting answers.'));
      box.append(h('article', {
        class: `el-card s-${token(e.status)}${anyMove ? ' changed' : ''}${e.required === false ? ' optional' : ''}`,
        'data-element': name, 'data-status': e.status || '', 'data-changed': String(anyMove),
      },
      h('h3', null, ELEMENT_TITLES[name] || words(name), ' ', h('span', { class: 'mono small' }, name)),
      h('div', { class: 'el-status' },
        h('span', { class: 'mark', 'aria-hidden': 'true' }, STATUS_MARKS[e.status] || '\u2022'), ' ',
        words(e.status),
        statusMoved ? h('span', { class: 'was' }, ` was ${words(b.status).toLowerCase()}`) : null),
      h('div', { class: 'el-req' }, e.required === false
        ? `Not required here${after.child ? ' (child)' : ''}`
        : 'Required', reqMoved ? h('span', { class: 'was' }, ' (changed)') : null),
      h('div', { class: 'meter', role: 'img', 'aria-label': `score ${isBlank(e.score) ? 'none' : e.score} of 100` }, bar),
      h('div', { class: 'el-score' }, `Score ${isBlank(e.score) ? '\u2014' : e.score}`,
        scoreMoved ? h('span', { class: 'was' }, ` was ${b.score}`) : null),
      ev));
    }
  }

  function diffList(before, after, given) {
    const now = (after || []).map(codeOf);
    if (!before) return { now, added: [], removed: [] };
    const was = (before || []).map(codeOf);
    const added = given && Array.isArray(given.added) ? given.added.map(codeOf) : now.filter((x) => !was.includes(x));
    const removed = given && Array.isArray(given.removed) ? given.removed.map(codeOf) : was.filter((x) => !now.includes(x));
    return { now, added, removed };
  }

  function renderFlags(before, after) {
    const box = $('#flags');
    const changed = state.view.changed || {};
    const { now, added, removed } = diffList(before && before.flags, after.flags, changed.flags);
    box.replaceChildren();
    for (const f of now) {
      const isNew = added.includes(f);
      box.append(h('li', { class: `chip${isNew ? ' added' : ''}`, 'data-flag': f },
        isNew ? h('span', { class: 'tag' }, 'NEW') : null, isNew ? ' ' : null, words(f), ' ', h('span', { class: 'mono small' }, f)));
    }
    for (const f of removed.filter((x) => !now.includes(x))) {
      box.append(h('li', { class: 'chip removed', 'data-flag': f },
        h('span', { class: 'tag' }, 'GONE'), ' ', h('s', null, words(f)), ' ', h('span', { class: 'mono small' }, f)));
    }
    if (!box.childElementCount) box.append(h('li', { class: 'none' }, 'No flags.'));
  }

  function renderJurisdictions(before, after) {
    const table = $('#jurisdictions');
    const all = after.jurisdictions && Object.keys(after.jurisdictions).length
      ? after.jurisdictions
      : { [after.jurisdiction || state.jurisdiction || '\u2014']: after };
    const tbody = h('tbody');
    for (const [j, r] of Object.entries(all)) {
      const b = before && before.jurisdictions ? before.jurisdictions[j] : null;
      const moved = !!b && b.decision !== r.decision;
      tbody.append(h('tr', { class: moved ? 'changed' : null, 'data-jurisdiction': j, 'data-decision': r.decision },
        h('th', { scope: 'row' }, j, j === (after.jurisdiction || state.jurisdiction) ? h('span', { class: 'small' }, ' (applied)') : null),
        h('td', null, moved ? h('span', null, h('s', null, decisionLabel(b.decision)), ' \u2192 ') : null,
          h('span', { class: `dtext d-${token(r.decision)}` }, decisionLabel(r.decision))),
        h('td', { class: 'num' }, isBlank(r.score) ? '\u2014' : String(r.score))));
    }
    table.replaceChildren(
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Law'), h('th', { scope: 'col' }, 'Decision'), h('th', { scope: 'col', class: 'num' }, 'Score'))),
      tbody);
  }

  function renderMissing(after) {
    const box = $('#missing');
    box.replaceChildren();
    for (const m of after.missing || []) {
      const r = state.rows.get(m.question);
      box.append(h('li', { 'data-missing': m.question },
        h('button', {
          type: 'button', class: 'link', disabled: !r,
          onclick: () => { r.row.classList.remove('unasked'); r.row.scrollIntoView({ block: 'center' }); r.ctl.focus(); },
        }, questionText(m.question)),
        ' ', h('span', { class: 'mono small' }, [m.question, m.element, m.strength && `strength ${m.strength}`].filter(Boolean).join(' \u00b7 '))));
    }
    if (!box.childElementCount) box.append(h('li', { class: 'none' }, after.decision === 'INSUFFICIENT_INFORMATION' ? 'None listed.' : 'None: the answers are enough to decide.'));
  }

  function renderTrace(before, after) {
    const table = $('#trace');
    const changed = state.view.changed || {};
    const fired = after.trace || [];
    const { added, removed } = diffList(before && before.trace, fired, changed.rules);
    const touched = new Set(Object.keys(changes()));
    const tbody = h('tbody');
    const row = (t, kind) => {
      const facts = h('td', { class: 'facts' });
      for (const f of (t.facts || []).map(codeOf)) facts.append(h('span', { class: `chip mono small${touched.has(f) ? ' touched' : ''}` }, f), ' ');
      const where = [t.file && `${t.file}${isBlank(t.line) ? '' : ':' + t.line}`].filter(Boolean);
      return h('tr', { class: kind, 'data-rule': codeOf(t) },
        h('td', null,
          kind === 'added' ? h('span', { class: 'tag' }, 'NEW') : null,
          kind === 'removed' ? h('span', { class: 'tag' }, 'NO LONGER FIRES') : null,
          kind ? ' ' : null,
          h('span', { class: 'mono rule-id' }, codeOf(t)),
          h('div', { class: 'rule-title' }, kind === 'removed' ? h('s', null, t.title || '') : (t.title || ''))),
        h('td', null, t.citation || '\u2014'),
        h('td', { class: 'mono small' }, t.source || '', where.length ? h('div', null, where[0]) : null),
        facts);
    };
    for (const t of fired) tbody.append(row(t, added.includes(codeOf(t)) ? 'added' : null));
    const firedIds = new Set(fired.map(codeOf));
    const beforeTrace = (before && before.trace) || [];
    for (const id of removed) {
      if (firedIds.has(id)) continue;
      const given = (changed.rules && Array.isArray(changed.rules.removed) ? changed.rules.removed : []).find((x) => typeof x === 'object' && codeOf(x) === id);
      tbody.append(row(given || beforeTrace.find((t) => codeOf(t) === id) || { id }, 'removed'));
    }
    if (!tbody.childElementCount) tbody.append(h('tr', null, h('td', { colspan: '4', class: 'none' }, 'No rule fired.')));
    table.replaceChildren(
      h('thead', null, h('tr', null,
        h('th', { scope: 'col' }, 'Rule'), h('th', { scope: 'col' }, 'Citation'),
        h('th', { scope: 'col' }, 'Source'), h('th', { scope: 'col' }, 'Answers it read'))),
      tbody);
  }

  function expectedDecision(k) {
    const e = k && k.expect;
    if (isBlank(e)) return null;
    return typeof e === 'string' ? e : (e.decision ?? null);
  }

  function renderExpectation() {
    const k = state.kase;
    const expected = expectedDecision(k);
    $('#case-expect').textContent = expected ? `${decisionLabel(expected)} (${expected})` : 'not stated';
    const mark = $('#case-expect-match');
    mark.className = '';
    mark.textContent = '';
    if (!expected || !state.baseline || state.baselineFor !== caseJurisdiction(k)) return;
    const got = state.baseline.decision;
    mark.className = got === expected ? 'ok' : 'bad';
    mark.textContent = got === expected ? '\u2714 the service agrees' : `\u2716 the service says ${got}`;
  }

  // ---------------------------------------------------------------- cases

  function renderCaseHeader() {
    const k = state.kase;
    $('#case').hidden = false;
    document.querySelector('main.grid').hidden = false;
    $('#case-name').textContent = k.name || k.id;
    $('#case-summary').textContent = k.summary || '';
    $('#case-source').textContent = k.source || '\u2014';
    const sel = $('#jurisdiction');
    const options = new Set([k.jurisdiction, k.result && k.result.jurisdiction,
      ...Object.keys((k.result && k.result.jurisdictions) || {})].filter(Boolean));
    sel.replaceChildren(...[...options].map((j) => h('option', { value: j }, j)));
    if (state.jurisdiction) sel.value = state.jurisdiction;
    sel.disabled = options.size < 2;
    $('#reset').disabled = false;
    document.title = `${k.name || k.id} \u00b7 Tanuu trainers' page`;
  }

  async function selectCase(id) {
    const my = ++state.seq;
    clearErrors();
    setBusy(true, 'Loading the case\u2026');
    try {
      const k = await api('GET', 'cases/' + encodeURIComponent(id));
      if (my !== state.seq) return;
      state.kase = k;
      $('#gallery').hidden = true;
      state.jurisdiction = caseJurisdiction(k);
      state.original = { ...(k.answers || {}) };
      state.answers = { ...state.original };
      state.baseline = null;
      state.baselineFor = undefined;
      state.view = null;
      renderCaseHeader();
      renderAnswers();
      $('#case-list').value = id;
      try { history.replaceState(null, '', '#case=' + encodeURIComponent(id)); } catch (e) { /* file:// etc. */ }
      await recompute();
    } catch (e) {
      if (my !== state.seq) return;
      showErrors(e);
      setBusy(false, 'Could not load the case.');
    }
  }

  function resetAnswers() {
    state.answers = { ...state.original };
    for (const [id, r] of state.rows) setControl(r.ctl, state.original[id]);
    recompute();
  }

  async function start() {
    try {
      if (localStorage.getItem('tanuu.bigText') === '1') toggleBig(true);
    } catch (e) { /* storage may be off */ }
    $('#bigger').addEventListener('click', () => toggleBig());
    $('#show-all').addEventListener('change', (ev) => $('#answers').classList.toggle('show-all', ev.target.checked));
    $('#reset').addEventListener('click', resetAnswers);
    $('#jurisdiction').addEventListener('change', (ev) => { state.jurisdiction = ev.target.value || null; recompute(); });
    $('#case-list').addEventListener('change', (ev) => { if (ev.target.value) selectCase(ev.target.value); });

    setBusy(true, 'Loading cases\u2026');
    let cases;
    try {
      const [c, qn] = await Promise.all([
        api('GET', 'cases'),
        api('GET', 'questionnaire').catch(() => ({ questions: [] })), // the page still works without it
      ]);
      cases = Array.isArray(c) ? c : [];
      state.questions = (qn && Array.isArray(qn.questions) ? qn.questions : []).filter((q) => q && q.id);
      state.qById = new Map(state.questions.map((q) => [q.id, q]));
    } catch (e) {
      showErrors(e);
      setBusy(false, 'Could not load the cases.');
      $('#case-list').replaceChildren(h('option', { value: '' }, 'No cases'));
      return;
    }
    state.cases = cases;
    const sel = $('#case-list');
    sel.replaceChildren(h('option', { value: '' }, cases.length ? `Choose one of ${cases.length} cases\u2026` : 'No cases'),
      ...cases.map((k) => h('option', { value: k.id, title: k.summary || '' }, k.name || k.id)));
    sel.disabled = cases.length === 0;
    $('#case-cards').replaceChildren(...cases.map((k) => h('li', null,
      h('button', { type: 'button', class: 'card', 'data-case': k.id, onclick: () => selectCase(k.id) },
        h('span', { class: 'card-name' }, k.name || k.id),
        k.summary ? h('span', { class: 'card-summary' }, k.summary) : null,
        h('span', { class: 'card-meta mono small' }, [k.jurisdiction, k.source].filter(Boolean).join(' \u00b7 '))))));
    $('#gallery').hidden = cases.length === 0;
    const wanted = new URLSearchParams(location.hash.slice(1)).get('case');
    if (wanted && cases.some((k) => k.id === wanted)) {
      await selectCase(wanted);
    } else {
      setBusy(false, cases.length ? 'Choose a sample case.' : 'The service has no sample cases.');
    }
  }

  function toggleBig(force) {
    const on = document.documentElement.classList.toggle('big', force);
    $('#bigger').setAttribute('aria-pressed', String(on));
    try { localStorage.setItem('tanuu.bigText', on ? '1' : '0'); } catch (e) { /* ignore */ }
  }

  start();
})();
