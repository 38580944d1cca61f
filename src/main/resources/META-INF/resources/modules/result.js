// A decision and how it was reached: the decision, the criminal offence, the findings, the three elements,
// the flags, the decision under each law, the questions that would help and the rules that fired.
//
// Every renderer takes (before, after): after is an /identify response; before is the response for the case
// as told when answers were changed (POST /identify/compare), else null, and then nothing is marked changed.
import { $, h, fill, tag, token, words, show, plural } from './dom.js';
import { questionText, answerOf, focusQuestion, hasQuestion } from './answers.js';
import { getSource } from './api.js';

const ELEMENTS = ['ACT', 'MEANS', 'PURPOSE'];
const ELEMENT_TITLES = { ACT: 'Act', MEANS: 'Means', PURPOSE: 'Purpose' };
const DECISIONS = {
  IDENTIFIED: 'Identified as a victim',
  PRESUMED: 'Presumed victim',
  NOT_IDENTIFIED: 'Not identified',
  INSUFFICIENT_INFORMATION: 'Insufficient information',
};
const STATUS_MARKS = {
  ESTABLISHED: '\u2714', INDICATED: '\u25D0', NOT_FOUND: '\u2716', UNKNOWN: '?', MET: '\u2714', NOT_MET: '\u2716',
};
const OFFENCE_STATUS = { MET: 'Met', NOT_MET: 'Not met', UNKNOWN: 'Unknown' };

export const decisionLabel = (d) => DECISIONS[d] ?? words(d);

const was = (text) => h('span', { class: 'was' }, text);
const mark = (status) => h('span', { class: 'mark', 'aria-hidden': 'true' }, STATUS_MARKS[status] ?? '\u2022');
const mono = (text) => h('span', { class: 'mono small' }, text);
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
    `Law: ${after.jurisdiction}`,
    `Score ${after.score}${before && before.score !== after.score ? ` (was ${before.score})` : ''}`,
    after.child ? `Treated as a child${after.childBasis ? ' (' + words(after.childBasis).toLowerCase() + ')' : ''}` : 'Not treated as a child',
  ];
  let story;
  if (!before) story = 'The case as told.';
  else if (moved) story = h('span', null, 'Was ', h('s', null, decisionLabel(before.decision)), ` before ${plural(n, 'changed answer', 'changed answers')}.`);
  else story = `Unchanged by ${plural(n, 'changed answer', 'changed answers')}.`;
  fill(box,
    h('div', { class: 'd-main' },
      h('span', { class: 'd-label', 'data-testid': 'decision-label' }, decisionLabel(d)),
      h('span', { class: 'd-code mono', 'data-testid': 'decision-code' }, d)),
    moved ? h('div', { class: 'd-change' }, tag('CHANGED'), ' ', before.decision, ' \u2192 ', d) : null,
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
    h('h3', null, isNew ? [tag('NEW'), ' '] : null, gone ? [tag('NO LONGER APPLIES'), ' '] : null,
      gone ? h('s', null, o.article) : o.article, ' ', h('span', { class: 'off-edition' }, o.edition)),
    h('div', { class: 'el-status' }, mark(o.status), ' ', OFFENCE_STATUS[o.status] ?? words(o.status),
      statusMoved ? was(` was ${(OFFENCE_STATUS[b.status] ?? words(b.status)).toLowerCase()}`) : null),
    h('ul', { class: 'off-elements' }, ELEMENTS.filter((e) => o.elements[e]).map((e) => {
      const el = o.elements[e];
      const bel = b?.elements[e];
      const moved = !!b && bel?.status !== el.status;
      return h('li', { class: moved ? 'changed' : null, 'data-offence-element': e, 'data-status': el.status },
        mark(el.status), ' ', ELEMENT_TITLES[e], ': ', OFFENCE_STATUS[el.status] ?? words(el.status),
        moved ? was(bel ? ` was ${(OFFENCE_STATUS[bel.status] ?? words(bel.status)).toLowerCase()}` : ' (new)') : null,
        ' ', mono(el.rules.join(', ')));
    })),
    h('div', { class: 'off-citation' }, o.citation, ' ', mono(o.rule)));
  };
  const cards = after.offence.map((o) => card(o, earlier.get(o.rule), false));
  const now = new Set(after.offence.map((o) => o.rule));
  for (const [rule, b] of earlier) if (!now.has(rule)) cards.push(card(b, null, true));
  fill(box, cards.length ? cards
    : h('p', { class: 'none' }, `No criminal-law qualification under ${after.jurisdiction}.`));
}

/**
 * What else the law says about these facts (after.findings: {id, title, citation}); in a what-if, NEW and GONE as
 * the compare response's changed.findings gives them.
 */
function renderFindings(before, after, changed) {
  const box = $('#findings');
  const { added, removed } = changed ? changed.findings : { added: [], removed: [] };
  const item = (f, kind) => h('li', { class: kind, 'data-finding': f.id },
    kind === 'added' ? [tag('NEW'), ' '] : null,
    kind === 'removed' ? [tag('GONE'), ' '] : null,
    h('div', { class: 'finding-title' }, kind === 'removed' ? h('s', null, f.title) : f.title),
    h('div', { class: 'finding-cite' }, f.citation, ' ', mono(f.id)));
  fill(box,
    after.findings.map((f) => item(f, added.includes(f.id) ? 'added' : null)),
    before ? before.findings.filter((f) => removed.includes(f.id)).map((f) => item(f, 'removed')) : null);
  if (!box.childElementCount) box.append(none('No findings.'));
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
    const answer = (id) => mono(`${id} = ${show(answerOf(id))}`);
    const ev = h('ul', { class: 'evidence' });
    for (const id of e.evidence) {
      const added = !!b && !evBefore.includes(id);
      ev.append(h('li', { class: added ? 'added' : null, 'data-evidence': id },
        added ? [tag('NEW'), ' '] : null, questionText(id), ' ', answer(id)));
    }
    for (const id of gone) {
      ev.append(h('li', { class: 'removed', 'data-evidence': id }, tag('GONE'), ' ', h('s', null, questionText(id)), ' ', answer(id)));
    }
    if (!ev.childElementCount) ev.append(none('No supporting answers.'));
    box.append(h('article', {
      class: `el-card s-${token(e.status)}${anyMove ? ' changed' : ''}${e.required ? '' : ' optional'}`,
      'data-element': name, 'data-status': e.status, 'data-changed': String(anyMove),
    },
    h('h3', null, ELEMENT_TITLES[name], ' ', mono(name)),
    h('div', { class: 'el-status' }, mark(e.status), ' ', words(e.status),
      statusMoved ? was(` was ${words(b.status).toLowerCase()}`) : null),
    h('div', { class: 'el-req' }, e.required ? 'Required' : `Not required here${after.child ? ' (child)' : ''}`,
      reqMoved ? was(' (changed)') : null),
    h('div', { class: 'meter', role: 'img', 'aria-label': `score ${e.score} of 100` }, bar),
    h('div', { class: 'el-score' }, `Score ${e.score}`, scoreMoved ? was(` was ${b.score}`) : null),
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
      isNew ? [tag('NEW'), ' '] : null, words(f), ' ', mono(f)));
  }
  for (const f of removed) {
    box.append(h('li', { class: 'chip removed', 'data-flag': f }, tag('GONE'), ' ', h('s', null, words(f)), ' ', mono(f)));
  }
  if (!box.childElementCount) box.append(none('No flags.'));
}

function renderJurisdictions(before, after) {
  const tbody = h('tbody');
  for (const [j, r] of Object.entries(after.jurisdictions)) {
    const b = before ? before.jurisdictions[j] : null;
    const moved = !!b && b.decision !== r.decision;
    tbody.append(h('tr', { class: moved ? 'changed' : null, 'data-jurisdiction': j, 'data-decision': r.decision },
      h('th', { scope: 'row' }, j, j === after.jurisdiction ? h('span', { class: 'small' }, ' (applied)') : null),
      h('td', null, moved ? h('span', null, h('s', null, decisionLabel(b.decision)), ' \u2192 ') : null,
        h('span', { class: `dtext d-${token(r.decision)}` }, decisionLabel(r.decision))),
      h('td', { class: 'num' }, String(r.score))));
  }
  $('#jurisdictions').replaceChildren(
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Law'), h('th', { scope: 'col' }, 'Decision'), h('th', { scope: 'col', class: 'num' }, 'Score'))),
    tbody);
}

function renderMissing(after) {
  const box = $('#missing');
  box.replaceChildren();
  for (const m of after.missing) {
    const asked = hasQuestion(m.question);
    box.append(h('li', { 'data-missing': m.question },
      h('button', { type: 'button', class: 'link', disabled: !asked, onclick: () => focusQuestion(m.question) }, questionText(m.question)),
      ' ', mono([m.question, m.element, m.basis, m.strength && `strength ${m.strength}`].filter(Boolean).join(' \u00b7 '))));
  }
  if (!box.childElementCount) box.append(none(after.decision === 'INSUFFICIENT_INFORMATION' ? 'None listed.' : 'None: the answers are enough to decide.'));
}

/** A rule's @source, opening onto the lines it cites (fetched when opened; the note when the text is not kept here). */
function cited(citation) {
  const text = h('pre', { class: 'source-text' });
  const box = h('details', { class: 'source' }, h('summary', null, citation), text);
  box.addEventListener('toggle', async () => {
    if (!box.open || text.textContent) return;
    try {
      const excerpt = await getSource(citation);
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
  const row = (t, kind) => h('tr', { class: kind, 'data-rule': t.id },
    h('td', null,
      kind === 'added' ? [tag('NEW'), ' '] : null,
      kind === 'removed' ? [tag('NO LONGER FIRES'), ' '] : null,
      h('span', { class: 'mono rule-id' }, t.id),
      h('div', { class: 'rule-title' }, kind === 'removed' ? h('s', null, t.title) : t.title)),
    h('td', null, t.citation),
    h('td', { class: 'mono small' }, t.source ? cited(t.source) : '', h('div', null, `${t.file}:${t.line}`)),
    h('td', { class: 'facts' }, t.facts.map((f) => [h('span', { class: `chip mono small${touched.has(f) ? ' touched' : ''}` }, f), ' '])));
  for (const t of after.trace) tbody.append(row(t, added.includes(t.id) ? 'added' : null));
  for (const id of removed) tbody.append(row(before.trace.find((t) => t.id === id), 'removed'));
  if (!tbody.childElementCount) tbody.append(h('tr', null, h('td', { colspan: '4', class: 'none' }, 'No rule fired.')));
  $('#trace').replaceChildren(
    h('thead', null, h('tr', null,
      h('th', { scope: 'col' }, 'Rule'), h('th', { scope: 'col' }, 'Citation'),
      h('th', { scope: 'col' }, 'Source'), h('th', { scope: 'col' }, 'Answers it read'))),
    tbody);
}
