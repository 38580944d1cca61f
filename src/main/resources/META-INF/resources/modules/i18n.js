// The page's words: every string the page itself shows comes from one message table per language
// (modules/messages/<code>.js), falling back to English per key; the legal vocabulary (decisions, statuses,
// elements, flags, answer values, jurisdictions) comes from the service's own rule-book translations
// (GET /questionnaire?lang=), so the page shows what the service says. The languages offered are the service's.
import en from './messages/en.js';
import ru from './messages/ru.js';
import ky from './messages/ky.js';
import kk from './messages/kk.js';

const TABLES = { en, ru, ky, kk };
const STORE = 'tanuu.lang';

const state = { code: 'en', labels: {}, draft: false };

export const language = () => state.code;
export const isDraft = () => state.draft;

/** The page's text for key, with {name} placeholders filled from params. */
export function t(key, params) {
  const table = TABLES[state.code] ?? en;
  let text = table[key] ?? en[key];
  if (text === undefined) {
    console.warn('i18n: missing key', key);
    return key;
  }
  for (const [k, v] of Object.entries(params ?? {})) text = text.split(`{${k}}`).join(String(v));
  return text;
}

/** A count: the key's plural form for n in this language (Intl.PluralRules), e.g. changes.one, changes.few. */
export function tn(key, n, params) {
  const form = new Intl.PluralRules(state.code).select(n);
  const table = TABLES[state.code] ?? en;
  const k = table[`${key}.${form}`] !== undefined || en[`${key}.${form}`] !== undefined ? `${key}.${form}` : `${key}.other`;
  return t(k, { n: new Intl.NumberFormat(state.code).format(n), ...params });
}

/** A date (YYYY-MM-DD or an instant) in this language's way of writing dates. */
export function date(value, withTime) {
  if (!value) return '';
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00` : value);
  if (Number.isNaN(d.getTime())) return String(value);
  return new Intl.DateTimeFormat(state.code, withTime ? { dateStyle: 'long', timeStyle: 'short' } : { dateStyle: 'long' }).format(d);
}

/** The rule book's text for a key of GET /questionnaire's labels (labels.decision.X, flags.X.title, values.q.V), else fallback. */
export const label = (key, fallback) => state.labels[key] ?? fallback ?? key;

/**
 * An element by its code: the rule book's name for ACT, MEANS, PURPOSE; the page's for what the rule book names no
 * element of its own (CHILD: the questions that settle child status); else the code.
 */
export const elementName = (e) => state.labels[`labels.element.${e}`]
  ?? ((TABLES[state.code] ?? en)[`element.${e}`] ?? en[`element.${e}`] ?? e);

/** The language to start in: the link's, else the one chosen before, else the browser's, among those offered. */
export function initial(offered, fromLink) {
  const codes = offered.map((l) => l.code);
  let stored = null;
  try { stored = localStorage.getItem(STORE); } catch (e) { /* storage may be off */ }
  const browser = (navigator.languages ?? []).map((l) => l.split('-')[0]);
  return [fromLink, stored, ...browser].find((c) => c && codes.includes(c)) ?? 'en';
}

/** Switches the page's words to code; labels and draft from GET /questionnaire?lang=code. Remembers the choice. */
export function use(code, labels, draft, remember) {
  state.code = code;
  state.labels = labels ?? {};
  state.draft = !!draft;
  document.documentElement.lang = code;
  if (remember) {
    try { localStorage.setItem(STORE, code); } catch (e) { /* storage may be off */ }
  }
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-aria]')) el.setAttribute('aria-label', t(el.dataset.i18nAria));
  document.title = t('page.title');
}
