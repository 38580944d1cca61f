// The service's HTTP API. Paths are relative, so the page also works under a non-root HTTP path.
//
// Error shapes: a refused request (400, 413) answers {"errors": [{"field", "message"}]}, where field is
// "body", "jurisdiction", "answers.<question>", "interview.answers.<question>" or "changes.<question>". Other
// failures (404 for an unknown case, 5xx, no network) carry no such body; they become one error without a field.
// Every call that returns words passes ?lang=, the language the page is in, so the service answers in it.
import { t, language } from './i18n.js';

export class ApiError extends Error {
  constructor(errors, status) {
    super(errors.map((e) => e.message).join('; '));
    this.errors = errors;
    this.status = status;
  }
}

const lang = (path, code = language()) => path + (path.includes('?') ? '&' : '?') + 'lang=' + encodeURIComponent(code);

async function call(method, path, body, accept = 'application/json') {
  const init = { method, headers: { Accept: accept } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(path, init);
  } catch (e) {
    throw new ApiError([{ field: null, message: t('errors.network', { reason: e.message }) }]);
  }
  if (res.ok) return accept === 'application/json' ? res.json() : res.text();
  const refused = res.status === 400 || res.status === 413;
  const errors = refused ? (await res.json()).errors
    : [{ field: null, message: t('errors.http', { call: `${method} /${path.split('?')[0]}`, status: res.status }) }];
  throw new ApiError(errors, res.status);
}

/** GET /sources?citation=: the cited lines of a rule's @source, {citation, file, first, last, text, note}. */
export const getSource = (citation) => call('GET', 'sources?citation=' + encodeURIComponent(citation));

/** GET /cases: [{id, name, summary, source, jurisdiction}]. */
export const listCases = () => call('GET', 'cases');

/** GET /cases/{id}: the case with its answers and expect (its live result is English; the page decides again with ?lang=). */
export const getCase = (id) => call('GET', 'cases/' + encodeURIComponent(id));

/** GET /jurisdictions: [{code, name, folders, instruments}]. */
export const listJurisdictions = () => call('GET', 'jurisdictions');

/**
 * GET /questionnaire?lang=: {questions: [{id, kind, values, element, text, ...}], labels: {key: text}, language:
 * {code, name, draft}, languages: [{code, name, draft}]}; without a language (code null) the languages alone matter.
 */
export const getQuestionnaire = (code) => call('GET', code === null ? 'questionnaire' : lang('questionnaire', code));

/** GET /parameters/in-force?jurisdiction=&date=: [{name, description, value: {from, value, citation, source, todo}, readBy}]. */
export const parametersInForce = (jurisdiction, date) => call('GET', 'parameters/in-force?jurisdiction='
  + encodeURIComponent(jurisdiction) + (date ? '&date=' + encodeURIComponent(date) : ''));

/** GET /rules: the catalogue, with lastAttempt and errors of a rejected reload (reviewers only: a trainer gets 403). */
export const ruleBookStatus = () => call('GET', 'rules');

/** POST /identify?lang=. */
export const identify = (interview) => call('POST', lang('identify'), interview);

/** POST /identify/compare?lang=: {before, after, changed: {decision, elements, jurisdictions, offence, flags, findings, rules}}. */
export const compare = (interview, changes) => call('POST', lang('identify/compare'), { interview, changes });

/** POST /identify/conclusion?lang= as printable HTML: the draft written conclusion for the identifier to sign. */
export const conclusion = (interview, identifier) =>
  call('POST', lang('identify/conclusion'), { interview, identifier }, 'text/html');
