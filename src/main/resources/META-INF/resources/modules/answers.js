// The interview form: one control per question of GET /questionnaire, grouped by element, showing the case's
// answers; a trainer flips them and the form reports the changes against the case as told.
import { $, h, fill, tag, isBlank, same } from './dom.js';
import { t, label, elementName } from './i18n.js';

const GROUPS = ['ACT', 'MEANS', 'PURPOSE', 'CONTEXT'];
const YESNO = ['YES', 'NO', 'UNKNOWN', 'DECLINED'];
const BAD_INPUT = Symbol('bad input');

const form = {
  questions: [],       // GET /questionnaire, in catalogue order
  byId: new Map(),
  original: {},        // the answers as the case tells them
  answers: {},         // the answers on screen
  rows: new Map(),     // question id -> {row, ctl, note, error}
};

export function setQuestions(questions) {
  form.questions = questions;
  form.byId = new Map(questions.map((q) => [q.id, q]));
}

export const questionText = (id) => form.byId.get(id)?.text ?? id;
export const questionKind = (id) => form.byId.get(id)?.kind;

/** An answer as the rule book words it in this language: the label of a listed value, else the value itself. */
export function answerText(id, v) {
  if (isBlank(v)) return t('answers.notAsked');
  const q = form.byId.get(id);
  if (q && q.kind === 'yesno') return label(`values.yesno.${v}`, String(v));
  if (q && q.kind === 'enum') return label(`values.${id}.${v}`, String(v));
  return String(v);
}
export const answerOf = (id) => form.answers[id];
export const originalAnswers = () => ({ ...form.original });
export const currentAnswers = () => ({ ...form.answers });

/** A value as its question takes it: a number for a whole-number question, else the text (a link carries text). */
export const parseAnswer = (id, text) => (form.byId.get(id)?.kind === 'int' && /^-?\d+$/.test(text) ? Number(text) : text);

/** The answers that differ from the case as told: {question id: new answer, or null where it was removed}. */
export function changes() {
  const out = {};
  for (const k of new Set([...Object.keys(form.original), ...Object.keys(form.answers)])) {
    if (!same(form.original[k], form.answers[k])) out[k] = form.answers[k] ?? null;
  }
  return out;
}

function makeControl(q, domId, onChange) {
  let ctl;
  if (q.kind === 'int') ctl = h('input', { type: 'number', step: '1', inputmode: 'numeric' });
  else if (q.kind === 'date') ctl = h('input', { type: 'date' });
  else {
    const values = q.kind === 'enum' ? q.values : YESNO;
    ctl = h('select', null, h('option', { value: '' }, `\u2014 ${t('answers.notAsked')} \u2014`),
      values.map((v) => h('option', { value: v }, answerText(q.id, v))));
  }
  ctl.id = domId;
  ctl.dataset.question = q.id;
  ctl.dataset.testid = 'answer-' + q.id;
  ctl.addEventListener('change', () => onControl(q, ctl, onChange));
  return ctl;
}

const setControl = (ctl, value) => { ctl.value = isBlank(value) ? '' : String(value); };

function readControl(q, ctl) {
  const raw = ctl.value.trim();
  if (raw === '') return ctl.validity.badInput ? BAD_INPUT : null;
  return q.kind === 'int' ? Number(raw) : raw;
}

function onControl(q, ctl, onChange) {
  const value = readControl(q, ctl);
  if (value === BAD_INPUT) {
    const r = form.rows.get(q.id);
    r.row.classList.add('invalid');
    r.error.textContent = t('answers.wholeNumber');
    return;
  }
  if (isBlank(value)) delete form.answers[q.id];
  else form.answers[q.id] = value;
  onChange();
}

/** Builds the form for a case's answers (current: the answers on screen, by default the case's); onChange runs after every accepted change. */
export function renderAnswers(original, onChange, current = original) {
  form.original = { ...original };
  form.answers = { ...current };
  form.rows = new Map();
  const box = $('#answers');
  box.replaceChildren();
  let n = 0;
  for (const g of GROUPS) {
    const questions = form.questions.filter((q) => q.element === g);
    if (!questions.length) continue;
    const section = h('section', { class: 'group', 'data-group': g }, h('h3', null, t(`group.${g}`)));
    for (const q of questions) {
      const domId = 'q-' + (n++);
      const ctl = makeControl(q, domId, onChange);
      setControl(ctl, form.answers[q.id]);
      const note = h('div', { class: 'q-note' });
      const error = h('div', { class: 'q-error' });
      const row = h('div', { class: 'q', 'data-question-row': q.id, 'data-kind': q.kind },
        h('label', { for: domId }, h('span', { class: 'q-text' }, q.text), ' ', h('span', { class: 'q-id mono', translate: 'no' }, q.id)),
        h('div', { class: 'q-ctl' }, ctl),
        note, error);
      form.rows.set(q.id, { row, ctl, note, error });
      section.append(row);
    }
    box.append(section);
  }
}

/** Puts the case's own answers back. */
export function resetAnswers() {
  form.answers = { ...form.original };
  for (const [id, r] of form.rows) setControl(r.ctl, form.original[id]);
}

/** Shows a question that is hidden as unasked, and moves the focus to it. */
export function focusQuestion(id) {
  const r = form.rows.get(id);
  r.row.classList.remove('unasked');
  r.row.scrollIntoView({ block: 'center' });
  r.ctl.focus();
}
export const hasQuestion = (id) => form.rows.has(id);

/** Marks each answer: changed from the case, evidence for an element, or missing and worth asking. */
export function markAnswers(after) {
  const missing = new Map((after ? after.missing : []).map((m) => [m.question, m]));
  const evidence = new Set(after ? Object.values(after.elements).flatMap((e) => e.evidence) : []);
  for (const [id, r] of form.rows) {
    const orig = form.original[id];
    const cur = form.answers[id];
    const changed = !same(orig, cur);
    const m = isBlank(cur) ? missing.get(id) : null;
    r.row.classList.toggle('changed', changed);
    r.row.dataset.changed = String(changed);
    r.row.classList.toggle('missing', !!m);
    r.row.classList.toggle('evidence', evidence.has(id) && !isBlank(cur));
    r.row.classList.toggle('unasked', isBlank(orig) && isBlank(cur) && !m && !r.row.classList.contains('invalid'));
    fill(r.note,
      changed ? tag(t('tag.changed'), 'changed-tag') : null,
      changed ? ' ' + t('answers.caseSays', { answer: answerText(id, orig) }) : null,
      m ? tag(t('tag.wouldHelp'), 'missing-tag') : null,
      m ? ' ' + t(m.strength ? 'answers.unansweredStrength' : 'answers.unanswered', {
        element: elementName(m.element),
        strength: label(`labels.strength.${m.strength}`, m.strength) }) : null,
    );
  }
  for (const g of document.querySelectorAll('#answers .group')) {
    g.classList.toggle('empty', !g.querySelector('.q:not(.unasked)'));
  }
}

// ---------------------------------------------------------------- the service's errors, beside the answers

/** The question an error's field names: "answers.x", "interview.answers.x" or "changes.x". */
function questionOfField(field) {
  const m = /^(?:interview\.)?(?:answers|changes)\.(.+)$/.exec(field ?? '');
  return m && form.rows.has(m[1]) ? m[1] : null;
}

export function clearErrors() {
  const box = $('#errors');
  box.replaceChildren();
  box.hidden = true;
  for (const r of form.rows.values()) {
    r.row.classList.remove('invalid');
    r.ctl.removeAttribute('aria-invalid');
    r.error.textContent = '';
  }
}

/** Lists the errors at the top, and marks each answer an error names. err: an ApiError or any Error. */
export function showErrors(err) {
  const list = err.errors ?? [{ field: null, message: String(err.message ?? err) }];
  const ul = h('ul');
  for (const e of list) {
    const qid = questionOfField(e.field);
    const li = h('li', { 'data-field': e.field ?? '' },
      e.field ? [h('span', { class: 'mono field', translate: 'no' }, e.field), ': '] : null, h('span', { lang: 'en' }, e.message));
    if (qid) {
      const r = form.rows.get(qid);
      r.row.classList.add('invalid');
      r.row.classList.remove('unasked');
      r.ctl.setAttribute('aria-invalid', 'true');
      r.error.textContent = e.message;
      li.append(' ', h('button', { type: 'button', class: 'link', onclick: () => r.ctl.focus() }, t('errors.goTo')));
    }
    ul.append(li);
  }
  const box = $('#errors');
  box.replaceChildren(h('h2', null, t(err.status === 400 ? 'errors.refused' : 'errors.wrong')), ul);
  box.hidden = false;
}
