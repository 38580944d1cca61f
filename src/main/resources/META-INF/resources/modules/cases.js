// The session: list the sample cases, open one (or a blank interview), and decide again whenever the trainer
// changes an answer, the law applied or the language. The one place that holds the session's state, talks to the
// service and keeps the link: the case, the law, the language and the changed answers live in the URL's #fragment
// (never sent to the service), so a trainer can send the what-if and opening the link restores it.
import { $, h, setBusy } from './dom.js';
import * as api from './api.js';
import * as i18n from './i18n.js';
import { t, tn } from './i18n.js';
import {
  setQuestions, renderAnswers, resetAnswers, markAnswers, changes, originalAnswers, currentAnswers, parseAnswer,
  clearErrors, showErrors,
} from './answers.js';
import { renderResult, renderParameters, decisionLabel, lawLabel } from './result.js';

const state = {
  cases: [],            // GET /cases
  languages: [],        // GET /questionnaire's languages
  jurisdictions: [],    // GET /jurisdictions
  kase: null,           // GET /cases/{id}, or a blank interview {id: '', answers: {}}
  jurisdiction: null,   // the law applied now (null: the service's default, until it answers)
  baseline: null,       // the identification of the case as told under baselineFor
  baselineFor: null,
  view: null,           // {before, after, changed}; before and changed are null when no answer was changed
  parameters: new Map(),// GET /parameters/in-force by law and day
  seq: 0,               // guards against out-of-order responses
  revision: 0,          // bumped on every rendered result (the browser test waits on it)
};

const interview = (answers) => ({
  ...(state.jurisdiction ? { jurisdiction: state.jurisdiction } : {}),
  ...(state.kase.id ? { reference: state.kase.id } : {}),
  answers,
});

// ---------------------------------------------------------------- the link

/** The state as a #fragment: case (or blank), law, lang, and a.<question>=<answer> for each change (empty: removed). */
function link() {
  const p = new URLSearchParams();
  if (state.kase.id) p.set('case', state.kase.id);
  else p.set('blank', '1');
  if (state.jurisdiction) p.set('law', state.jurisdiction);
  p.set('lang', i18n.language());
  for (const [q, v] of Object.entries(changes())) p.set('a.' + q, v === null ? '' : String(v));
  return '#' + p.toString();
}

function keepLink() {
  try { history.replaceState(null, '', link()); } catch (e) { /* file:// etc. */ }
  $('#share-link').value = location.href;
}

const fromLink = () => new URLSearchParams(location.hash.slice(1));

/** The changed answers a link carries. */
function changesFrom(params) {
  const out = {};
  for (const [k, v] of params) if (k.startsWith('a.')) out[k.slice(2)] = v === '' ? null : parseAnswer(k.slice(2), v);
  return out;
}

// ---------------------------------------------------------------- deciding

async function recompute() {
  const my = ++state.seq;
  const diff = changes();
  const n = Object.keys(diff).length;
  clearErrors();
  markAnswers(state.view && state.view.after);
  setBusy(true, t(n ? 'status.decidingAgain' : 'status.deciding'));
  try {
    const key = `${state.jurisdiction}|${i18n.language()}`;
    if (state.baselineFor !== key) {
      // A case carries its live result under its own law, in English; any other law or language is asked for.
      const k = state.kase;
      const own = k.result && state.jurisdiction === k.jurisdiction && i18n.language() === 'en' ? k.result : null;
      const base = own ?? await api.identify(interview(originalAnswers()));
      if (my !== state.seq) return;
      state.baseline = base;
      state.jurisdiction = base.jurisdiction;
      state.baselineFor = `${state.jurisdiction}|${i18n.language()}`;
    }
    const view = n === 0
      ? { before: null, after: state.baseline, changed: null }
      : await api.compare(interview(originalAnswers()), diff);
    if (my !== state.seq) return;
    state.view = view;
    show(view, diff);
    keepLink();
    const d = view.after.decision;
    setBusy(false, view.before && view.before.decision !== d
      ? t('status.changed', { before: decisionLabel(view.before.decision), after: decisionLabel(d) })
      : t('status.decision', { decision: decisionLabel(d) }));
    await showParameters(my);
  } catch (e) {
    if (my !== state.seq) return;
    showErrors(e);
    markAnswers(state.view && state.view.after);
    $('#stale').hidden = !state.view;
    $('#decision').classList.add('stale');
    keepLink();
    setBusy(false, t('status.refused'));
  }
}

function show(view, diff) {
  $('#stale').hidden = true;
  $('#jurisdiction').value = state.jurisdiction;
  renderLanguages();
  renderResult(view, state.kase.id, diff);
  renderExpectation();
  markAnswers(view.after);
  $('#decision').dataset.revision = String(++state.revision);
}

/** The parameters in force under the law applied on the events date of the answers on screen (today when undated). */
async function showParameters(my) {
  const day = currentAnswers()['case.eventsDate'] ?? '';
  const key = `${state.jurisdiction}|${day}`;
  try {
    if (!state.parameters.has(key)) state.parameters.set(key, await api.parametersInForce(state.jurisdiction, day));
  } catch (e) {
    return; // a trainer without the role, or a date the service refuses (the decision already says so)
  }
  if (my === state.seq) renderParameters(state.parameters.get(key), state.jurisdiction, day);
}

function renderExpectation() {
  const k = state.kase;
  $('#case-meta').hidden = !k.id;
  if (!k.id) return;
  const expected = k.expect.decision;
  $('#case-expect').textContent = decisionLabel(expected);
  const mark = $('#case-expect-match');
  mark.className = '';
  mark.textContent = '';
  if (state.jurisdiction !== k.jurisdiction) return;
  const got = state.baseline.decision;
  mark.className = got === expected ? 'ok' : 'bad';
  mark.textContent = got === expected ? t('case.agrees') : t('case.disagrees', { decision: decisionLabel(got) });
}

// ---------------------------------------------------------------- the header

function renderCaseHeader() {
  const k = state.kase;
  $('#case').hidden = false;
  document.querySelector('main.grid').hidden = false;
  // A case's name and summary are the rule book's, in English until its cases are translated.
  $('#case-name').textContent = k.id ? k.name : t('case.blankName');
  $('#case-name').lang = k.id ? 'en' : '';
  $('#case-summary').textContent = k.id ? k.summary ?? '' : t('case.blankSummary');
  $('#case-summary').lang = k.id ? 'en' : '';
  $('#case-source').textContent = k.source ?? '\u2014';
  $('#reset').disabled = false;
  document.title = `${k.id ? k.name : t('case.blankName')} \u00b7 ${t('page.title')}`;
}

function renderLaws() {
  const sel = $('#jurisdiction');
  sel.replaceChildren(...state.jurisdictions.map((j) => h('option', { value: j.code }, lawLabel(j.code))));
  if (state.jurisdiction) sel.value = state.jurisdiction;
  sel.disabled = !state.kase || state.jurisdictions.length < 2;
}

function renderCaseList() {
  const cases = state.cases;
  const sel = $('#case-list');
  sel.replaceChildren(h('option', { value: '' }, cases.length ? tn('case.choose', cases.length) : t('case.noCases')),
    ...cases.map((k) => h('option', { value: k.id, title: k.summary ?? '', lang: 'en' }, k.name)));
  sel.value = state.kase?.id ?? '';
  sel.disabled = cases.length === 0;
  $('#case-cards').replaceChildren(...cases.map((k) => h('li', null,
    h('button', { type: 'button', class: 'card', 'data-case': k.id, onclick: () => selectCase(k.id) },
      h('span', { class: 'card-name', lang: 'en' }, k.name),
      k.summary ? h('span', { class: 'card-summary', lang: 'en' }, k.summary) : null,
      h('span', { class: 'card-meta mono small', translate: 'no' }, [k.jurisdiction, k.source].filter(Boolean).join(' \u00b7 '))))));
}

/** The languages, those the screeners of the law applied use first (GET /jurisdictions, in its order), then the rest. */
function renderLanguages() {
  const first = state.jurisdictions.find((j) => j.code === state.jurisdiction)?.languages ?? [];
  const rank = (code) => (first.includes(code) ? first.indexOf(code) : first.length);
  const sel = $('#language');
  sel.replaceChildren(...[...state.languages].sort((a, b) => rank(a.code) - rank(b.code))
    .map((l) => h('option', { value: l.code, lang: l.code }, l.name)));
  sel.value = i18n.language();
  sel.disabled = state.languages.length < 2;
  $('#draft').hidden = !i18n.isDraft();
}

/** A banner when the last edit of the rule book was rejected: the rule book in service is the one before it. */
async function showRejection() {
  let rules;
  try {
    rules = await api.ruleBookStatus();
  } catch (e) {
    return; // GET /rules is the reviewers': a trainer's page shows no banner
  }
  const a = rules.lastAttempt;
  const box = $('#rejected');
  box.hidden = !a || a.accepted;
  if (box.hidden) return;
  box.replaceChildren(h('h2', null, t('rejected.title', { date: i18n.date(a.at, true) })),
    h('p', null, t('rejected.serving'), ' ', h('span', { class: 'mono', translate: 'no' }, rules.version)),
    h('ul', null, a.errors.map((e) => h('li', { 'data-problem': `${e.file}:${e.line}` },
      h('span', { class: 'mono', translate: 'no' }, `${e.file}:${e.line}:${e.column}`), ' ', h('span', { lang: 'en' }, e.message)))));
}

// ---------------------------------------------------------------- opening a case

/** Opens a case (a blank interview when id is ''); law and changed answers from a link, when given. */
async function selectCase(id, law, changed) {
  const my = ++state.seq;
  clearErrors();
  setBusy(true, t('status.loadingCase'));
  try {
    const k = id ? await api.getCase(id) : { id: '', answers: {}, jurisdiction: null };
    if (my !== state.seq) return;
    const known = (j) => state.jurisdictions.some((x) => x.code === j);
    Object.assign(state, { kase: k, jurisdiction: known(law) ? law : k.jurisdiction, baseline: null, baselineFor: null, view: null });
    $('#gallery').hidden = true;
    renderCaseHeader();
    renderLaws();
    const current = { ...k.answers };
    for (const [q, v] of Object.entries(changed ?? {})) {
      if (v === null) delete current[q];
      else current[q] = v;
    }
    renderAnswers(k.answers, recompute, current);
    $('#case-list').value = id;
    await recompute();
  } catch (e) {
    if (my !== state.seq) return;
    showErrors(e);
    setBusy(false, t('status.caseFailed'));
  }
}

/** Puts the page in another language: the rule book's words from the service, the page's from its table. */
async function useLanguage(code, remember) {
  const q = await api.getQuestionnaire(code);
  setQuestions(q.questions);
  i18n.use(code, q.labels, q.language.draft, remember);
  renderLanguages();
  renderCaseList();
  renderLaws();
  if (state.kase) {
    const current = currentAnswers();
    renderCaseHeader();
    renderAnswers(state.kase.answers, recompute, current);
    await recompute();
  }
}

/** Loads the languages, the cases and the laws, wires the controls, and restores the state a link carries. */
export async function start() {
  $('#show-all').addEventListener('change', (ev) => $('#answers').classList.toggle('show-all', ev.target.checked));
  $('#reset').addEventListener('click', () => { resetAnswers(); recompute(); });
  $('#jurisdiction').addEventListener('change', (ev) => { state.jurisdiction = ev.target.value; recompute(); });
  $('#case-list').addEventListener('change', (ev) => { if (ev.target.value) selectCase(ev.target.value); });
  $('#blank').addEventListener('click', () => selectCase('', state.jurisdiction));
  $('#language').addEventListener('change', (ev) => useLanguage(ev.target.value, true).catch((e) => showErrors(e)));
  $('#share-copy').addEventListener('click', () => {
    $('#share-link').select();
    navigator.clipboard?.writeText($('#share-link').value).then(() => setBusy(false, t('share.copied')), () => {});
  });
  $('#print').addEventListener('click', printConclusion);

  const params = fromLink();
  i18n.use('en', {}, false, false);
  setBusy(true, t('status.loading'));
  try {
    const [languages, cases, jurisdictions] = await Promise.all([
      api.getQuestionnaire(null).then((q) => q.languages), api.listCases(), api.listJurisdictions()]);
    Object.assign(state, { languages, cases, jurisdictions });
    await useLanguage(i18n.initial(languages, params.get('lang')), false);
  } catch (e) {
    showErrors(e);
    setBusy(false, t('status.casesFailed'));
    $('#case-list').replaceChildren(h('option', { value: '' }, t('case.noCases')));
    return;
  }
  $('#blank').disabled = false;
  $('#gallery').hidden = state.cases.length === 0;
  showRejection();
  const wanted = params.get('case');
  if (wanted && state.cases.some((k) => k.id === wanted)) {
    await selectCase(wanted, params.get('law'), changesFrom(params));
  } else if (params.get('blank')) {
    await selectCase('', params.get('law'), changesFrom(params));
  } else {
    setBusy(false, t(state.cases.length ? 'status.choose' : 'status.noCases'));
  }
}

// ---------------------------------------------------------------- the written conclusion

/** POST /identify/conclusion as HTML, for the answers on screen, shown in a window of its own to print. */
async function printConclusion() {
  clearErrors();
  setBusy(true, t('status.conclusion'));
  try {
    const html = await api.conclusion(interview(currentAnswers()), {
      name: $('#identifier-name').value, organisation: $('#identifier-organisation').value, place: $('#identifier-place').value,
    });
    // The conclusion's own window (print.html) says when it is ready, and is handed the HTML: never a URL, never stored.
    const win = window.open('print.html', '_blank');
    const ready = (ev) => {
      if (ev.source !== win || ev.origin !== location.origin || ev.data !== 'ready') return;
      removeEventListener('message', ready);
      win.postMessage({ html }, location.origin);
    };
    if (win) addEventListener('message', ready);
    setBusy(false, t(win ? 'status.conclusionReady' : 'status.popupBlocked'));
  } catch (e) {
    showErrors(e);
    setBusy(false, t('status.refused'));
  }
}
