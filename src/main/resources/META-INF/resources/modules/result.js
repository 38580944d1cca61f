// A decision and how it was reached: the decision, the criminal offence, the findings, the three elements,
// the flags, the decision under each law, the questions that would help and the rules that fired.
//
// Every renderer takes (before, after): after is an /identify response; before is the response for the case
// as told when answers were changed (POST /identify/compare), else null, and then nothing is marked changed.
import { $, h, fill, tag, token } from './dom.js';
import { questionText, answerOf, answerText, focusQuestion, hasQuestion } from './answers.js';
import { getSource } from './api.js';
import { t, tn, label, date, elementName } from './i18n.js';

const ELEMENTS = ['ACT', 'MEANS', 'PURPOSE'];
const STATUS_MARKS = {
  ESTABLISHED: '\u2714', INDICATED: '\u25D0', NOT_FOUND: '\u2716', UNKNOWN: '?', MET: '\u2714', NOT_MET: '\u2716',
};

// The legal vocabulary in the rule book's own words (rules/i18n), as GET /questionnaire?lang= gives it.
export const decisionLabel = (d) => label(`labels.decision.${d}`, d);
export const lawLabel = (j) => label(`labels.jurisdiction.${j}`, j);
const statusLabel = (s) => label(`labels.status.${s}`, s);
const elementLabel = elementName;
const flagLabel = (f) => label(`flags.${f}.title`, f);

const was = (text) => h('span', { class: 'was' }, ' ', text);
const mark = (status) => h('span', { class: 'mark', 'aria-hidden': 'true' }, STATUS_MARKS[status] ?? '\u2022');
/** An id or a code: shown as written, in every language (translate="no" marks it for the page's language check). */
const mono = (text) => h('span', { class: 'mono small', translate: 'no' }, text);
/** A citation: stays in the language of its source. */
const cite = (cls, ...kids) => h('div', { class: cls, translate: 'no' }, ...kids);
const none = (text) => h('li', { class: 'none' }, text);

/**
 * Renders view = {before, after, changed} (changed: the compare response's own diff, or null) for a case.
 * changedAnswers: the answers that differ from the case as told.
 */
export function renderResult(view, caseId, changedAnswers) {
  const { before, after, changed } = view;
  const n = Object.keys(changedAnswers).length;
  renderDecision(before, after, caseId, n);
  renderOffence(before, after);
  renderFindings(before, after, changed);
  renderElements(before, after);
  renderFlags(after, changed);
  renderJurisdictions(before, after);
  renderMissing(after);
  renderTrace(before, after, changed, new Set(Object.keys(changedAnswers)));
  const rb = $('#rulebook');
  rb.textContent = after.rulebook.version;
}

function renderDecision(before, after, caseId, n) {
  const box = $('#decision');
  const d = after.decision;
  const moved = !!before && before.decision !== d;
  box.className = `decision d-${token(d)}${moved ? ' changed' : ''}`;
  box.dataset.decision = d;
  box.dataset.case = caseId;
  box.dataset.changed = String(moved);
  box.dataset.before = moved ? before.decision : '';
  const facts = [
    t('decision.law', { law: lawLabel(after.jurisdiction) }),
    t('decision.score', { score: after.score }) + (before && before.score !== after.score ? ' ' + t('was', { what: before.score }) : ''),
    after.child ? t(after.childBasis ? 'decision.childBasis' : 'decision.child', { basis: label(`labels.childBasis.${after.childBasis}`, after.childBasis) })
      : t('decision.notChild'),
  ];
  let story;
  if (!before) story = t('decision.asTold');
  else if (moved) story = h('span', null, t('decision.wasBefore'), ' ', h('s', null, decisionLabel(before.decision)), ' ', tn('decision.changedAnswers', n));
  else story = tn('decision.unchangedBy', n);
  fill(box,
    h('div', { class: 'd-main' },
      h('span', { class: 'd-label', 'data-testid': 'decision-label' }, decisionLabel(d)),
      h('span', { class: 'd-code mono', 'data-testid': 'decision-code', translate: 'no' }, d)),
    moved ? h('div', { class: 'd-change' }, tag(t('tag.changed')), ' ', mono(before.decision), ' \u2192 ', mono(d)) : null,
    h('div', { class: 'd-facts' }, facts.join(' \u00b7 ')),
    h('div', { class: 'd-story' }, story),
  );
}

/**
 * The criminal-law qualification: one card per article and edition that could apply (after.offence, keyed by
 * its rule), with its status (MET, NOT_MET, UNKNOWN), the status of each of its elements and the rules that
 * decided it. In a what-if, a card whose status or elements moved is marked, and one that no longer applies
 * (for instance when the age or the date of the events changes) is shown struck through.
 */
function renderOffence(before, after) {
  const box = $('#offence');
  const earlier = new Map((before ? before.offence : []).map((o) => [o.rule, o]));
  const card = (o, b, gone) => {
    const statusMoved = !!b && b.status !== o.status;
    const elementsMoved = !!b && ELEMENTS.some((e) => b.elements[e]?.status !== o.elements[e]?.status);
    const isNew = !!before && !b && !gone;
    const changed = statusMoved || elementsMoved || isNew || gone;
    return h('article', {
      class: `off-card s-${token(o.status)}${changed ? ' changed' : ''}${gone ? ' removed' : ''}`,
      'data-offence': o.rule, 'data-article': o.article, 'data-status': o.status, 'data-changed': String(changed),
    },
    h('h3', null, isNew ? [tag(t('tag.new')), ' '] : null, gone ? [tag(t('tag.noLongerApplies')), ' '] : null,
      h('span', { translate: 'no' }, gone ? h('s', null, o.article) : o.article, ' ', h('span', { class: 'off-edition' }, o.edition))),
    h('div', { class: 'el-status', 'data-was': statusMoved ? b.status : null }, mark(o.status), ' ', statusLabel(o.status),
      statusMoved ? was(t('was', { what: statusLabel(b.status) })) : null),
    h('ul', { class: 'off-elements' }, ELEMENTS.filter((e) => o.elements[e]).map((e) => {
      const el = o.elements[e];
      const bel = b?.elements[e];
      const moved = !!b && bel?.status !== el.status;
      return h('li', { class: moved ? 'changed' : null, 'data-offence-element': e, 'data-status': el.status },
        mark(el.status), ' ', elementLabel(e), ': ', statusLabel(el.status),
        moved ? was(bel ? t('was', { what: statusLabel(bel.status) }) : t('new')) : null,
        ' ', mono(el.rules.join(', ')));
    })),
    cite('off-citation', o.citation, ' ', mono(o.rule)));
  };
  const cards = after.offence.map((o) => card(o, earlier.get(o.rule), false));
  const now = new Set(after.offence.map((o) => o.rule));
  for (const [rule, b] of earlier) if (!now.has(rule)) cards.push(card(b, null, true));
  fill(box, cards.length ? cards
    : h('p', { class: 'none' }, t('offence.none', { law: lawLabel(after.jurisdiction) })));
}

/**
 * What else the law says about these facts (after.findings: {id, title, citation}); in a what-if, NEW and GONE as
 * the compare response's changed.findings gives them.
 */
function renderFindings(before, after, changed) {
  const box = $('#findings');
  const { added, removed } = changed ? changed.findings : { added: [], removed: [] };
  const item = (f, kind) => h('li', { class: kind, 'data-finding': f.id },
    kind === 'added' ? [tag(t('tag.new')), ' '] : null,
    kind === 'removed' ? [tag(t('tag.gone')), ' '] : null,
    h('div', { class: 'finding-title' }, kind === 'removed' ? h('s', null, f.title) : f.title),
    cite('finding-cite', f.citation, ' ', mono(f.id)));
  fill(box,
    after.findings.map((f) => item(f, added.includes(f.id) ? 'added' : null)),
    before ? before.findings.filter((f) => removed.includes(f.id)).map((f) => item(f, 'removed')) : null);
  if (!box.childElementCount) box.append(none(t('findings.none')));
}

function renderElements(before, after) {
  const box = $('#elements');
  box.replaceChildren();
  for (const name of ELEMENTS) {
    const e = after.elements[name];
    const b = before ? before.elements[name] : null;
    const statusMoved = !!b && b.status !== e.status;
    const scoreMoved = !!b && b.score !== e.score;
    const reqMoved = !!b && b.required !== e.required;
    const evBefore = b ? b.evidence : e.evidence;
    const gone = evBefore.filter((x) => !e.evidence.includes(x));
    const anyMove = statusMoved || scoreMoved || reqMoved || gone.length > 0 || e.evidence.some((x) => !evBefore.includes(x));
    const bar = h('div', { class: 'meter-fill' });
    bar.style.width = `${Math.max(0, Math.min(100, e.score))}%`;
    const answer = (id) => [' ', mono(id), ' = ', h('span', { class: 'small' }, answerText(id, answerOf(id)))];
    const ev = h('ul', { class: 'evidence' });
    for (const id of e.evidence) {
      const added = !!b && !evBefore.includes(id);
      ev.append(h('li', { class: added ? 'added' : null, 'data-evidence': id },
        added ? [tag(t('tag.new')), ' '] : null, questionText(id), answer(id)));
    }
    for (const id of gone) {
      ev.append(h('li', { class: 'removed', 'data-evidence': id }, tag(t('tag.gone')), ' ', h('s', null, questionText(id)), answer(id)));
    }
    if (!ev.childElementCount) ev.append(none(t('elements.noAnswers')));
    box.append(h('article', {
      class: `el-card s-${token(e.status)}${anyMove ? ' changed' : ''}${e.required ? '' : ' optional'}`,
      'data-element': name, 'data-status': e.status, 'data-changed': String(anyMove),
    },
    h('h3', null, elementLabel(name), ' ', mono(name)),
    h('div', { class: 'el-status' }, mark(e.status), ' ', statusLabel(e.status),
      statusMoved ? was(t('was', { what: statusLabel(b.status) })) : null),
    h('div', { class: 'el-req' }, t(e.required ? 'elements.required' : after.child ? 'elements.notRequiredChild' : 'elements.notRequired'),
      reqMoved ? was(t('changed')) : null),
    h('div', { class: 'meter', role: 'img', 'aria-label': t('elements.scoreOf', { score: e.score }) }, bar),
    h('div', { class: 'el-score' }, t('decision.score', { score: e.score }), scoreMoved ? was(t('was', { what: b.score })) : null),
    ev));
  }
}

/** Flags are codes; in a what-if the compare response's changed.flags says which were added and removed. */
function renderFlags(after, changed) {
  const box = $('#flags');
  const { added, removed } = changed ? changed.flags : { added: [], removed: [] };
  box.replaceChildren();
  for (const f of after.flags) {
    const isNew = added.includes(f);
    box.append(h('li', { class: `chip${isNew ? ' added' : ''}`, 'data-flag': f },
      isNew ? [tag(t('tag.new')), ' '] : null, flagLabel(f), ' ', mono(f)));
  }
  for (const f of removed) {
    box.append(h('li', { class: 'chip removed', 'data-flag': f }, tag(t('tag.gone')), ' ', h('s', null, flagLabel(f)), ' ', mono(f)));
  }
  if (!box.childElementCount) box.append(none(t('flags.none')));
}

/** Every law side by side: the applied one and the baseline, each with its decision, its elements and its score. */
function renderJurisdictions(before, after) {
  const tbody = h('tbody');
  for (const [j, r] of Object.entries(after.jurisdictions)) {
    const b = before ? before.jurisdictions[j] : null;
    const moved = !!b && b.decision !== r.decision;
    tbody.append(h('tr', { class: moved ? 'changed' : null, 'data-jurisdiction': j, 'data-decision': r.decision },
      h('th', { scope: 'row' }, lawLabel(j), j === after.jurisdiction ? h('span', { class: 'small' }, ' ', t('laws.applied')) : null),
      h('td', null, moved ? h('span', null, h('s', null, decisionLabel(b.decision)), ' \u2192 ') : null,
        h('span', { class: `dtext d-${token(r.decision)}` }, decisionLabel(r.decision))),
      ELEMENTS.map((e) => h('td', { 'data-element': e, 'data-status': r.elements[e]?.status ?? '' },
        r.elements[e] ? [mark(r.elements[e].status), ' ', statusLabel(r.elements[e].status)] : '\u2014')),
      h('td', { class: 'num' }, String(r.score))));
  }
  $('#jurisdictions').replaceChildren(
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('laws.law')), h('th', { scope: 'col' }, t('laws.decision')),
      ELEMENTS.map((e) => h('th', { scope: 'col' }, elementLabel(e))),
      h('th', { scope: 'col', class: 'num' }, t('laws.score')))),
    tbody);
}

function renderMissing(after) {
  const box = $('#missing');
  box.replaceChildren();
  for (const m of after.missing) {
    const asked = hasQuestion(m.question);
    box.append(h('li', { 'data-missing': m.question },
      h('button', { type: 'button', class: 'link', disabled: !asked, onclick: () => focusQuestion(m.question) }, questionText(m.question)),
      ' ', h('span', { class: 'small' }, [elementLabel(m.element), m.basis && label(`labels.basis.${m.basis}`, m.basis),
        m.strength && label(`labels.strength.${m.strength}`, m.strength)].filter(Boolean).join(' \u00b7 ')),
      ' ', mono(m.question)));
  }
  if (!box.childElementCount) box.append(none(t(after.decision === 'INSUFFICIENT_INFORMATION' ? 'missing.noneListed' : 'missing.none')));
}

/** A parameter's value as the rules read it: a number or a date as such, a combination as its counts or statuses. */
function parameterValue(v) {
  if (Array.isArray(v)) return h('ul', null, v.map((x) => h('li', null, parameterValue(x))));
  if (v && typeof v === 'object') {
    // An element's least status ({act: INDICATED}), or a count of indicators by strength ({strong: 2}); an element
    // a combination does not constrain is null, and a combination's scope is told by the parameter's description.
    return Object.entries(v).filter(([k, x]) => x !== null && k !== 'scope').map(([k, x]) => (ELEMENTS.includes(k.toUpperCase())
      ? `${elementLabel(k.toUpperCase())} \u2265 ${statusLabel(String(x).toUpperCase())}` : t(`count.${k}`, { n: x })))
      .join(', ');
  }
  return /^\d{4}-\d{2}-\d{2}$/.test(String(v)) ? date(v) : String(v);
}

/** The legal parameters in force under the law applied on the day of the events (GET /parameters/in-force). */
export function renderParameters(list, jurisdiction, day) {
  $('#parameters-when').textContent = t(day ? 'parameters.when' : 'parameters.today', { law: lawLabel(jurisdiction), date: date(day) });
  $('#parameters-list').replaceChildren(...list.filter((p) => p.value).flatMap((p) => [
    h('dt', { 'data-parameter': p.name }, mono(p.name), ' ', h('span', { lang: 'en' }, p.description)),
    h('dd', { 'data-parameter-value': p.name },
      h('div', { class: 'param-value' }, parameterValue(p.value.value)),
      p.value.from ? h('div', { class: 'small' }, t('parameters.from', { date: date(p.value.from) })) : null,
      cite('small param-cite', p.value.citation),
      p.readBy.length ? h('div', { class: 'small' }, t('parameters.readBy'), ' ', mono(p.readBy.join(', '))) : null),
  ]));
}

/** A rule's @source, opening onto the lines it cites (fetched when opened; the note when the text is not kept here). */
function cited(citation) {
  const text = h('pre', { class: 'source-text' });
  const box = h('details', { class: 'source' }, h('summary', { translate: 'no' }, citation), text);
  box.addEventListener('toggle', async () => {
    if (!box.open || text.textContent) return;
    try {
      const excerpt = await getSource(citation);
      // The cited lines stay as their source wrote them; the service's note (no text kept here) is in English.
      if (excerpt.text.length) text.translate = false;
      else text.lang = 'en';
      text.textContent = excerpt.text.length ? excerpt.text.join('\n') : excerpt.note;
    } catch (e) {
      text.textContent = e.message;
    }
  }, { once: false });
  return box;
}

/**
 * The rules that fired, in firing order; in a what-if the compare response's changed.rules names the rule ids
 * that fire now and did not before (NEW) and those that no longer fire (shown from the trace before).
 */
function renderTrace(before, after, changed, touched) {
  const { added, removed } = changed ? changed.rules : { added: [], removed: [] };
  const tbody = h('tbody');
  const row = (r, kind) => h('tr', { class: kind, 'data-rule': r.id },
    h('td', null,
      kind === 'added' ? [tag(t('tag.new')), ' '] : null,
      kind === 'removed' ? [tag(t('tag.noLongerFires')), ' '] : null,
      h('span', { class: 'mono rule-id', translate: 'no' }, r.id),
      h('div', { class: 'rule-title' }, kind === 'removed' ? h('s', null, r.title) : r.title)),
    h('td', { class: 'rule-cite', translate: 'no' }, r.citation),
    h('td', { class: 'mono small', translate: 'no' }, r.source ? cited(r.source) : '', h('div', null, `${r.file}:${r.line}`)),
    h('td', { class: 'facts', translate: 'no' }, r.facts.map((f) => [h('span', { class: `chip mono small${touched.has(f) ? ' touched' : ''}` }, f), ' '])));
  for (const r of after.trace) tbody.append(row(r, added.includes(r.id) ? 'added' : null));
  for (const id of removed) tbody.append(row(before.trace.find((r) => r.id === id), 'removed'));
  if (!tbody.childElementCount) tbody.append(h('tr', null, h('td', { colspan: '4', class: 'none' }, t('trace.none'))));
  $('#trace').replaceChildren(
    h('thead', null, h('tr', null,
      h('th', { scope: 'col' }, t('trace.rule')), h('th', { scope: 'col' }, t('trace.citation')),
      h('th', { scope: 'col' }, t('trace.source')), h('th', { scope: 'col' }, t('trace.facts')))),
    tbody);
}
