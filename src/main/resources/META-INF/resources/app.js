// Tanuu trainers' page: replay a sample case, flip answers, watch the decision change.
// Plain browser JavaScript modules, no build step, no external resources. The modules, each under modules/:
//   i18n.js     the page's words (messages/<lang>.js) and the rule book's (from the service), counts, dates
//   dom.js      building elements from text only (the CSP enforces Trusted Types), small helpers
//   api.js      the service's endpoints and the shape of its errors
//   answers.js  the interview form: one control per question, the changes against the case as told
//   result.js   a decision with its offence, findings, elements, parameters, flags, laws, missing questions and trace
//   cases.js    the case library and the session: open a case or a blank interview, decide again on every change,
//               the language, the link that carries a what-if, the written conclusion
import { $ } from './modules/dom.js';
import { start } from './modules/cases.js';

function toggleBig(force) {
  const on = document.documentElement.classList.toggle('big', force);
  $('#bigger').setAttribute('aria-pressed', String(on));
  try { localStorage.setItem('tanuu.bigText', on ? '1' : '0'); } catch (e) { /* storage may be off */ }
}

try {
  if (localStorage.getItem('tanuu.bigText') === '1') toggleBig(true);
} catch (e) { /* storage may be off */ }
$('#bigger').addEventListener('click', () => toggleBig());

start();
