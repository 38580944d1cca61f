// Building the page. Every piece of text that comes from the service goes in through text nodes only.
//
// Trusted Types: the page's CSP says require-trusted-types-for 'script', so an innerHTML, outerHTML,
// insertAdjacentHTML, document.write or eval with a string throws instead of running. The page creates no
// policy on purpose: nothing here ever needs to turn a string into markup or script, so there is nothing to
// allow. Build with h() and fill(); do not add a policy to get around a sink.

export const $ = (sel) => document.querySelector(sel);

const present = (k) => k !== null && k !== undefined && k !== false;

/** Builds an element. Strings become text nodes, never markup; null, undefined and false are skipped. */
export function h(tag, attrs, ...kids) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (!present(v)) continue;
    if (k === 'class') el.className = v;
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const kid of kids.flat(Infinity)) {
    if (present(kid)) el.append(kid instanceof Node ? kid : document.createTextNode(String(kid)));
  }
  return el;
}

/** replaceChildren that skips null/undefined/false, as h() does (the DOM would print "null"). */
export const fill = (el, ...kids) => el.replaceChildren(...kids.flat(Infinity).filter(present));

/** A NEW or GONE style marker. */
export const tag = (text, cls) => h('span', { class: cls ? `tag ${cls}` : 'tag' }, text);

export const isBlank = (v) => v === null || v === undefined;
export const same = (a, b) => (isBlank(a) && isBlank(b)) || JSON.stringify(a) === JSON.stringify(b);
/** A code made safe for a class name. */
export const token = (s) => String(s ?? '').replace(/[^A-Za-z0-9_-]/g, '');
export function setBusy(on, message) {
  document.body.dataset.busy = on ? 'true' : 'false';
  if (message !== undefined) $('#status').textContent = message;
}
