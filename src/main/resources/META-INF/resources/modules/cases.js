// The case library: list the sample cases, open one, and decide again whenever the trainer changes an answer or
// the law applied. The one place that holds the session's state and talks to the service.
import { $, h, setBusy } from './dom.js';
import * as api from './api.js';
import {
  setQuestions, renderAnswers, resetAnswers, markAnswers, changes, originalAnswers, clearErrors, showErrors,
} from './answers.js';
import { renderResult, decisionLabel } from './result.js';

const state = {
  kase: null,           // GET /cases/{id}
  jurisdiction: null,   // the law applied now
  baseline: null,       // the identification of the case as told under baselineFor
  baselineFor: null,
  view: null,           // {before, after, changed}; before and changed are null when no answer was changed
  seq: 0,               // guards against out-of-order responses
  revision: 0,          // bumped on every rendered result (the browser test waits on it)
};

const interview = (answers) => ({ jurisdiction: state.jurisdiction, answers });

async function recompute() {
  const my = ++state.seq;
  const diff = changes();
  const n = Object.keys(diff).length;
  clearErrors();
  markAnswers(state.view && state.view.after);
  setBusy(true, n ? 'Deciding again\u2026' : 'Deciding\u2026');
  try {
    if (state.baselineFor !== state.jurisdiction) {
      const k = state.kase;
      // The case carries its live result under its own law (null when its answers are invalid).
      const own = state.jurisdiction === k.jurisdiction ? k.result : null;
      const base = own ?? await api.identify(interview(originalAnswers()));
      if (my !== state.seq) return;
      state.baseline = base;
      state.baselineFor = state.jurisdiction;
    }
    const view = n === 0
      ? { before: null, after: state.baseline, changed: null }
      : await api.compare(interview(originalAnswers()), diff);
    if (my !== state.seq) return;
    state.view = view;
    show(view, diff);
    const d = view.after.decision;
    setBusy(false, view.before && view.before.decision !== d
      ? `Decision changed: ${decisionLabel(view.before.decision)} \u2192 ${decisionLabel(d)}`
      : `Decision: ${decisionLabel(d)}`);
  } catch (e) {
    if (my !== state.seq) return;
    showErrors(e);
    markAnswers(state.view && state.view.after);
    $('#stale').hidden = !state.view;
    $('#decision').classList.add('stale');
    setBusy(false, 'The service refused the answers: see the message at the top.');
  }
}

function show(view, diff) {
  $('#stale').hidden = true;
  renderResult(view, state.kase.id, diff);
  renderExpectation();
  markAnswers(view.after);
  $('#decision').dataset.revision = String(++state.revision);
}

function renderExpectation() {
  const k = state.kase;
  const expected = k.expect.decision;
  $('#case-expect').textContent = `${decisionLabel(expected)} (${expected})`;
  const mark = $('#case-expect-match');
  mark.className = '';
  mark.textContent = '';
  if (state.baselineFor !== k.jurisdiction) return;
  const got = state.baseline.decision;
  mark.className = got === expected ? 'ok' : 'bad';
  mark.textContent = got === expected ? '\u2714 the service agrees' : `\u2716 the service says ${got}`;
}

function renderCaseHeader() {
  const k = state.kase;
  $('#case').hidden = false;
  document.querySelector('main.grid').hidden = false;
  $('#case-name').textContent = k.name;
  $('#case-summary').textContent = k.summary ?? '';
  $('#case-source').textContent = k.source ?? '\u2014';
  const laws = new Set([k.jurisdiction, ...Object.keys(k.result ? k.result.jurisdictions : {})]);
  const sel = $('#jurisdiction');
  sel.replaceChildren(...[...laws].map((j) => h('option', { value: j }, j)));
  sel.value = state.jurisdiction;
  sel.disabled = laws.size < 2;
  $('#reset').disabled = false;
  document.title = `${k.name} \u00b7 Tanuu trainers' page`;
}

async function selectCase(id) {
  const my = ++state.seq;
  clearErrors();
  setBusy(true, 'Loading the case\u2026');
  try {
    const k = await api.getCase(id);
    if (my !== state.seq) return;
    Object.assign(state, { kase: k, jurisdiction: k.jurisdiction, baseline: null, baselineFor: null, view: null });
    $('#gallery').hidden = true;
    renderCaseHeader();
    renderAnswers(k.answers, recompute);
    $('#case-list').value = id;
    try { history.replaceState(null, '', '#case=' + encodeURIComponent(id)); } catch (e) { /* file:// etc. */ }
    await recompute();
  } catch (e) {
    if (my !== state.seq) return;
    showErrors(e);
    setBusy(false, 'Could not load the case.');
  }
}

function listCases(cases) {
  const sel = $('#case-list');
  sel.replaceChildren(h('option', { value: '' }, cases.length ? `Choose one of ${cases.length} cases\u2026` : 'No cases'),
    ...cases.map((k) => h('option', { value: k.id, title: k.summary ?? '' }, k.name)));
  sel.disabled = cases.length === 0;
  $('#case-cards').replaceChildren(...cases.map((k) => h('li', null,
    h('button', { type: 'button', class: 'card', 'data-case': k.id, onclick: () => selectCase(k.id) },
      h('span', { class: 'card-name' }, k.name),
      k.summary ? h('span', { class: 'card-summary' }, k.summary) : null,
      h('span', { class: 'card-meta mono small' }, [k.jurisdiction, k.source].filter(Boolean).join(' \u00b7 '))))));
  $('#gallery').hidden = cases.length === 0;
}

/** Loads the cases and the questionnaire, wires the controls, and opens the case named in #case=, if any. */
export async function start() {
  $('#show-all').addEventListener('change', (ev) => $('#answers').classList.toggle('show-all', ev.target.checked));
  $('#reset').addEventListener('click', () => { resetAnswers(); recompute(); });
  $('#jurisdiction').addEventListener('change', (ev) => { state.jurisdiction = ev.target.value; recompute(); });
  $('#case-list').addEventListener('change', (ev) => { if (ev.target.value) selectCase(ev.target.value); });

  setBusy(true, 'Loading cases\u2026');
  let cases;
  try {
    const [c, qn] = await Promise.all([api.listCases(), api.getQuestionnaire()]);
    cases = c;
    setQuestions(qn.questions);
  } catch (e) {
    showErrors(e);
    setBusy(false, 'Could not load the cases.');
    $('#case-list').replaceChildren(h('option', { value: '' }, 'No cases'));
    return;
  }
  listCases(cases);
  const wanted = new URLSearchParams(location.hash.slice(1)).get('case');
  if (wanted && cases.some((k) => k.id === wanted)) {
    await selectCase(wanted);
  } else {
    setBusy(false, cases.length ? 'Choose a sample case.' : 'The service has no sample cases.');
  }
}
