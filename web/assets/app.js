// hearsay report: follow links to quotations, and search the page's data.
// Text from articles is only ever set with textContent, never as HTML.
(function () {
  'use strict';

  function clearFlash() {
    var old = document.querySelectorAll('.flash');
    for (var i = 0; i < old.length; i++) old[i].classList.remove('flash');
  }

  // Outline the span a link points to and open the details around it.
  function showTarget() {
    var id = location.hash.slice(1);
    try { id = decodeURIComponent(id); } catch (e) { return; }
    if (!id) return;
    var el = document.getElementById(id);
    if (!el) return;
    for (var p = el.parentElement; p; p = p.parentElement) {
      if (p.tagName === 'DETAILS') p.open = true;
    }
    clearFlash();
    var marked = false;
    var segs = document.querySelectorAll('[data-q]');
    for (var i = 0; i < segs.length; i++) {
      if (segs[i].getAttribute('data-q') === id) { segs[i].classList.add('flash'); marked = true; }
    }
    if (!marked && el.classList.contains('anchor')) {
      var next = el.nextElementSibling;
      while (next && next.classList.contains('anchor')) next = next.nextElementSibling;
      if (next) { next.classList.add('flash'); marked = true; }
    }
    if (el.scrollIntoView) el.scrollIntoView({ block: 'center' });
  }
  window.addEventListener('hashchange', showTarget);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', showTarget);
  else showTarget();

  // Search, in the one-file report only (the server searches its store).
  var dataEl = document.getElementById('hs-data');
  var form = document.getElementById('search-form');
  var input = document.getElementById('q');
  var box = document.getElementById('results');
  var list = document.getElementById('results-list');
  var title = document.getElementById('results-title');
  var closer = document.getElementById('results-close');
  if (!dataEl || !form || !input || !box || !list) return;
  var items = [];
  try { items = JSON.parse(dataEl.textContent || '[]') || []; } catch (e) { items = []; }
  var LIMIT = 200;

  // parse reads `speaker:"Jane Doe" outlet:Lantern anonymous:yes kind:quote words`.
  function parse(q) {
    var out = { words: [], speaker: '', outlet: '', anonymous: null, kind: '' };
    var re = /([A-Za-z]+):"([^"]*)"|([A-Za-z]+):(\S+)|"([^"]*)"|(\S+)/g;
    var m;
    while ((m = re.exec(q)) !== null) {
      var key = (m[1] || m[3] || '').toLowerCase();
      var val = m[2] !== undefined ? m[2] : (m[4] || '');
      if (key === 'speaker') out.speaker = val.toLowerCase();
      else if (key === 'outlet') out.outlet = val.toLowerCase();
      else if (key === 'anonymous') out.anonymous = /^(yes|y|true|1)$/i.test(val);
      else if (key === 'kind') out.kind = val.toLowerCase();
      else if (m[5] !== undefined) { if (m[5]) out.words.push(m[5].toLowerCase()); }
      else out.words.push(m[0].toLowerCase());
    }
    return out;
  }

  function matches(it, q) {
    if (q.kind && it.k !== q.kind) return false;
    if (q.speaker && (it.s || '').toLowerCase().indexOf(q.speaker) < 0) return false;
    if (q.outlet && ((it.o || '') + ' ' + (it.d || '')).toLowerCase().indexOf(q.outlet) < 0) return false;
    if (q.anonymous !== null && (it.k !== 'quote' || !!it.a !== q.anonymous)) return false;
    if (q.words.length) {
      var hay = (it.t + ' ' + (it.s || '') + ' ' + (it.o || '') + ' ' + (it.d || '')).toLowerCase();
      for (var i = 0; i < q.words.length; i++) if (hay.indexOf(q.words[i]) < 0) return false;
    }
    return true;
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function clip(s, n) { return s.length > n ? s.slice(0, n - 1) + '…' : s; }

  function run() {
    var raw = input.value.trim();
    while (list.firstChild) list.removeChild(list.firstChild);
    if (!raw) { box.hidden = true; return; }
    var q = parse(raw);
    var found = [];
    for (var i = 0; i < items.length; i++) if (matches(items[i], q)) found.push(items[i]);
    title.textContent = found.length + (found.length === 1 ? ' result' : ' results') +
      (found.length > LIMIT ? ' (first ' + LIMIT + ' shown)' : '');
    for (var j = 0; j < found.length && j < LIMIT; j++) {
      var it = found[j];
      var li = el('li', 'hit');
      li.appendChild(el('span', 'kind k-' + String(it.k).replace(/[^a-z]/g, ''), it.k));
      li.appendChild(document.createTextNode(' '));
      var a = el('a', '', it.d || '');
      // Links in the index are this page's own fragments.
      a.setAttribute('href', /^#[A-Za-z0-9-]+$/.test(it.h) ? it.h : '#main');
      li.appendChild(a);
      if (it.s) li.appendChild(el('span', 'muted', ' · ' + it.s));
      if (it.a) { li.appendChild(document.createTextNode(' ')); li.appendChild(el('span', 'tag', 'anonymous')); }
      li.appendChild(el('div', 'hit-text', clip(it.t || '', 300)));
      list.appendChild(li);
    }
    box.hidden = false;
  }

  var timer = 0;
  input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(run, 120); });
  form.addEventListener('submit', function (e) { e.preventDefault(); clearTimeout(timer); run(); });
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') { input.value = ''; run(); }
  });
  if (closer) closer.addEventListener('click', function () { input.value = ''; run(); input.focus(); });
  if (input.value) run();
})();
