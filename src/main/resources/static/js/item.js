// The item page, keyboard first: Enter accepts (or saves what was typed), typing replaces the
// value, Delete rejects (asks for a reason), F2 marks unreadable, F4 shows the whole page, F8
// skips, Esc clears, Insert adds a value the page shows that extraction missed. The keys of an
// item kind's own actions come from the page (data-key).
(function () {
  'use strict';
  var main = document.getElementById('item');
  var form = document.getElementById('decision');
  var value = document.getElementById('value');
  var reject = document.getElementById('reject');
  var reason = document.getElementById('reason-input');
  var action = document.getElementById('action');
  var submit = medrecDecisions.submit;
  var rejecting = null;

  function togglePage() {
    var crop = document.getElementById('crop');
    var page = document.getElementById('page');
    if (!crop || !page) { return; }
    if (!page.getAttribute('src')) { page.setAttribute('src', page.getAttribute('data-src')); }
    crop.classList.toggle('hidden');
    page.classList.toggle('hidden');
  }

  function actionFor(key) {
    var items = document.querySelectorAll('#actions li[data-action]');
    for (var i = 0; i < items.length; i++) {
      if (items[i].getAttribute('data-key') === key) { return items[i]; }
    }
    return null;
  }

  function decide(item) {
    var fixed = item.getAttribute('data-fixed-reason');
    if (item.getAttribute('data-takes-reason') === 'true' && !fixed) {
      rejecting = item.getAttribute('data-action');
      reject.classList.remove('hidden');
      reason.value = '';
      reason.focus();
      return;
    }
    action.value = item.getAttribute('data-action');
    if (fixed && reason) { reason.value = fixed; }
    submit(form);
  }

  // adding what the page shows and extraction missed: Insert opens it (and adds another value),
  // Enter adds, Esc closes
  var additions = document.getElementById('additions');
  var adding = false;
  function addPair() {
    var pairs = additions.querySelectorAll('.addition');
    var last = pairs[pairs.length - 1];
    if (adding) {
      var copy = last.cloneNode(true);
      copy.querySelectorAll('input').forEach(function (i) {
        i.value = '';
        i.setAttribute('name', i.getAttribute('name').replace(/\d+$/, String(pairs.length)));
      });
      last.parentNode.insertBefore(copy, last.nextSibling);
      last = copy;
    }
    adding = true;
    additions.classList.remove('hidden');
    last.querySelector('input').focus();
  }

  document.addEventListener('keydown', function (e) {
    if (e.key === 'F4') { e.preventDefault(); togglePage(); return; }
    if (additions && e.key === 'Insert') { e.preventDefault(); addPair(); return; }
    if (adding) {
      if (e.key === 'Escape') {
        e.preventDefault(); adding = false; additions.classList.add('hidden'); if (value) { value.focus(); }
      } else if (e.key === 'Enter') {
        e.preventDefault(); submit(additions);
      }
      return;
    }
    if (!medrecDecisions.canDecide(main, e)) {
      return;
    }
    if (rejecting) {
      medrecDecisions.reasonKey(e, reason,
        function () { rejecting = null; reject.classList.add('hidden'); if (value) { value.focus(); } },
        function () { action.value = rejecting; submit(form); });
      return;
    }
    if (e.key === 'F8') { e.preventDefault(); submit(document.getElementById('skip')); return; }
    if (e.key === 'Escape') { e.preventDefault(); if (value) { value.value = ''; value.focus(); } return; }
    var typedValue = value ? value.value.trim() : '';
    if (e.key === 'Enter') {
      e.preventDefault();
      if (typedValue !== '') { action.value = 'value'; submit(form); return; }
      var accept = actionFor('Enter');
      if (accept) { decide(accept); }
      return;
    }
    if (e.key === 'Delete' && typedValue !== '') { return; }   // editing what was typed
    var item = actionFor(e.key);
    if (item) { e.preventDefault(); decide(item); return; }
    // any other printable key types the value, wherever the focus was
    if (value && document.activeElement !== value && e.key.length === 1 && !e.ctrlKey && !e.altKey && !e.metaKey) {
      value.focus();
    }
  });

  // the whole page is fetched once the field's crop is shown, so that F4 shows it at once
  var crop = document.getElementById('crop');
  var whole = document.getElementById('page');
  if (crop && whole) {
    var preload = function () { if (!whole.getAttribute('src')) { whole.setAttribute('src', whole.getAttribute('data-src')); } };
    if (crop.complete) { setTimeout(preload, 50); } else { crop.addEventListener('load', preload); crop.addEventListener('error', preload); }
  }
  if (value) { value.focus(); value.setSelectionRange(value.value.length, value.value.length); }
})();
