// The service's HTTP API. Paths are relative, so the page also works under a non-root HTTP path.
//
// Error shapes: a refused request (400, 413) answers {"errors": [{"field", "message"}]}, where field is
// "body", "jurisdiction", "answers.<question>", "interview.answers.<question>" or "changes.<question>". Other
// failures (404 for an unknown case, 5xx, no network) carry no such body; they become one error without a field.

export class ApiError extends Error {
  constructor(errors, status) {
    super(errors.map((e) => e.message).join('; '));
    this.errors = errors;
    this.status = status;
  }
}

async function call(method, path, body) {
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
  if (res.ok) return res.json();
  const refused = res.status === 400 || res.status === 413;
  const errors = refused ? (await res.json()).errors
    : [{ field: null, message: `${method} /${path} failed with HTTP ${res.status}.` }];
  throw new ApiError(errors, res.status);
}

/** GET /sources?citation=: the cited lines of a rule's @source, {citation, file, first, last, text, note}. */
export const getSource = (citation) => call('GET', 'sources?citation=' + encodeURIComponent(citation));

/** GET /cases: [{id, name, summary, source, jurisdiction}]. */
export const listCases = () => call('GET', 'cases');

/** GET /cases/{id}: the case with its answers, expect and live result (null when its answers are invalid). */
export const getCase = (id) => call('GET', 'cases/' + encodeURIComponent(id));

/** GET /questionnaire: {questions: [{id, kind (yesno|int|enum|date), values, element, text, ...}], version}. */
export const getQuestionnaire = () => call('GET', 'questionnaire');

/** POST /identify. */
export const identify = (interview) => call('POST', 'identify', interview);

/** POST /identify/compare: {before, after, changed: {decision, elements, jurisdictions, offence, flags, findings, rules}}. */
export const compare = (interview, changes) => call('POST', 'identify/compare', { interview, changes });
