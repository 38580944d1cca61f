// The conclusion's window (print.html): tells the trainers' page it is ready, takes the conclusion's HTML from it
// (same origin only), shows it and prints it. The HTML is the service's own document, already escaped by its template.
addEventListener('message', (ev) => {
  if (ev.origin !== location.origin || ev.source !== window.opener || typeof ev.data?.html !== 'string') return;
  document.open();
  document.write(ev.data.html);
  document.close();
  setTimeout(() => window.print(), 100);
});
if (window.opener) window.opener.postMessage('ready', location.origin);
