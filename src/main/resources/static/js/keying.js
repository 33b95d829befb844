// The keying page, keyboard first. Tab / Shift-Tab (and Enter) move between fields; Ctrl-Enter
// saves; Insert adds a row to the list the focus is in, Ctrl-Delete drops it; a click on a word of
// the page (or Ctrl-Down / Ctrl-Up to walk the words, Ctrl-Space to take one) copies it into the
// field; PageDown / PageUp go through the pages, F4 zooms; F9 says there is nothing to migrate, F7
// rejects with a reason, F2 rejects as unreadable, F8 skips. The document type is typed and
// picked with Enter: the form of that type comes, filled with what medrec reads as that type.
(function () {
  'use strict';
  var main = document.getElementById('keying');
  var keyed = document.getElementById('keyed');
  var cells = document.getElementById('cells');
  var entry = keyed || cells;
  var docType = document.getElementById('doc-type');
  var decision = document.getElementById('decision');
  var reject = document.getElementById('reject');
  var reason = document.getElementById('reason-input');
  var zoom = document.getElementById('zoom');
  var zooms = [1, 1.5, 2];
  var zoomAt = 0;
  var field = null;    // the field a picked word goes into
  var cursor = -1;     // the word Ctrl-Down / Ctrl-Up stands on
  var rejecting = false;
  var submit = medrecDecisions.submit;
  var words = Array.prototype.slice.call(document.querySelectorAll('.word'));

  function place(el, box) {
    var b = box.split(' ');
    el.style.left = b[0] + '%';
    el.style.top = b[1] + '%';
    el.style.width = b[2] + '%';
    el.style.height = b[3] + '%';
  }

  words.forEach(function (w) {
    place(w, w.getAttribute('data-box'));
    w.addEventListener('mousedown', function (e) { e.preventDefault(); });   // the field keeps the focus
    w.addEventListener('click', function () { pick(w); });
  });

  function inputs() {
    return entry ? Array.prototype.slice.call(entry.querySelectorAll('input[type=text], input[type=checkbox]')) : [];
  }

  function move(from, step) {
    var all = inputs();
    var i = all.indexOf(from) + step;
    if (i >= 0 && i < all.length) { all[i].focus(); if (all[i].select) { all[i].select(); } }
  }

  function pick(word) {
    if (!field) { return; }
    var text = word.getAttribute('data-text');
    field.value = field.value.trim() === '' || field.classList.contains('read') || field.classList.contains('doubtful')
      ? text : field.value.replace(/\s+$/, '') + ' ' + text;
    typed(field);
    field.focus();
  }

  function typed(input) {
    input.classList.remove('read');
    input.classList.remove('doubtful');
  }

  // the source of a value medrec read: its box on the page, in view
  var marker = document.createElement('span');
  marker.className = 'source-box hidden';
  function showSource(input) {
    var page = input.getAttribute('data-page');
    var box = input.getAttribute('data-box');
    var sheet = page && document.querySelector('.sheet[data-page="' + page + '"]');
    if (!box || !sheet) { marker.classList.add('hidden'); return; }
    var b = box.split(' ').map(Number);   // pixels of the original page
    var x = 100 / Number(sheet.getAttribute('data-width'));
    var y = 100 / Number(sheet.getAttribute('data-height'));
    sheet.appendChild(marker);
    place(marker, [b[0] * x, b[1] * y, b[2] * x, b[3] * y].join(' '));
    marker.classList.remove('hidden');
    marker.scrollIntoView({block: 'center', inline: 'nearest'});
  }

  function walk(step) {
    if (!words.length) { return; }
    if (cursor >= 0) { words[cursor].classList.remove('cursor'); }
    cursor = cursor < 0 ? (step > 0 ? 0 : words.length - 1) : (cursor + step + words.length) % words.length;
    words[cursor].classList.add('cursor');
    words[cursor].scrollIntoView({block: 'center', inline: 'nearest'});
  }

  function table(input) {
    return input && input.closest ? input.closest('fieldset.list') : null;
  }

  function renumber(list) {
    var path = list.getAttribute('data-list');
    list.querySelectorAll('tr.entry-row').forEach(function (row, i) {
      row.querySelectorAll('input').forEach(function (input) {
        var name = path + '[' + i + '].' + input.getAttribute('data-field');
        input.setAttribute('name', name);
        input.setAttribute('aria-label', input.getAttribute('aria-label').replace(/\d+$/, String(i + 1)));
      });
    });
  }

  function addRow(input) {
    var list = table(input);
    if (!list) { return; }
    var row = input.closest('tr');
    var copy = row.cloneNode(true);
    copy.querySelectorAll('input').forEach(function (i) {
      i.value = '';
      typed(i);
      i.removeAttribute('title');
      i.removeAttribute('data-page');
      i.removeAttribute('data-box');
    });
    copy.querySelectorAll('.why').forEach(function (e) { e.remove(); });
    copy.querySelectorAll('td').forEach(function (td) { td.classList.remove('refused'); });
    row.parentNode.insertBefore(copy, row.nextSibling);
    renumber(list);
    copy.querySelector('input').focus();
  }

  function dropRow(input) {
    var list = table(input);
    if (!list) { return; }
    var row = input.closest('tr');
    var rows = list.querySelectorAll('tr.entry-row');
    if (rows.length === 1) {
      row.querySelectorAll('input').forEach(function (i) { i.value = ''; typed(i); });
      row.querySelector('input').focus();
      return;
    }
    var column = Array.prototype.indexOf.call(row.querySelectorAll('input'), input);
    var next = row.nextElementSibling || row.previousElementSibling;
    row.remove();
    renumber(list);
    next.querySelectorAll('input')[Math.max(0, column)].focus();
  }

  function page(step) {
    var pane = document.getElementById('pages');
    if (!pane) { return; }
    var sheets = Array.prototype.slice.call(pane.querySelectorAll('.sheet'));
    var top = pane.scrollTop;
    var at = 0;
    sheets.forEach(function (s, i) { if (s.offsetTop - pane.offsetTop <= top + 5) { at = i; } });
    var target = sheets[Math.min(sheets.length - 1, Math.max(0, at + step))];
    if (target) { pane.scrollTop = target.offsetTop - pane.offsetTop; }
  }

  function pickType() {
    var typedType = docType.value.trim().toLowerCase();
    var options = Array.prototype.map.call(document.querySelectorAll('#doc-types option'), function (o) { return o.value; });
    var exact = options.filter(function (o) { return o.toLowerCase() === typedType; });
    var starts = options.filter(function (o) { return o.toLowerCase().indexOf(typedType) === 0; });
    var chosen = exact.length === 1 ? exact[0] : (starts.length === 1 ? starts[0] : null);
    if (!chosen || typedType === '') { docType.classList.add('unknown'); return; }
    location.assign(location.pathname + '?type=' + encodeURIComponent(chosen));
  }

  function decide(action, fixedReason) {
    document.getElementById('action').value = action;
    if (fixedReason) { reason.value = fixedReason; }
    submit(decision);
  }

  document.addEventListener('focusin', function (e) {
    var t = e.target;
    if (entry && entry.contains(t) && t.type === 'text' && t !== docType) {
      field = t;
      if (t.getAttribute('data-box')) { showSource(t); }
    }
  });
  document.addEventListener('input', function (e) {
    if (e.target.classList) { typed(e.target); e.target.classList.remove('unknown'); }
  });

  document.addEventListener('keydown', function (e) {
    if (!medrecDecisions.canDecide(main, e)) {
      return;
    }
    if (rejecting) {
      medrecDecisions.reasonKey(e, reason,
        function () { rejecting = false; reject.classList.add('hidden'); if (field) { field.focus(); } },
        function () { decide('reject'); });
      return;
    }
    var t = e.target;
    if (e.key === 'Enter' && e.ctrlKey) { e.preventDefault(); submit(entry); return; }
    if (e.key === 'Enter' && t === docType) { e.preventDefault(); pickType(); return; }
    if (e.key === 'Enter' && entry && entry.contains(t)) { e.preventDefault(); move(t, e.shiftKey ? -1 : 1); return; }
    if (e.key === 'Insert') { e.preventDefault(); addRow(t); return; }
    if (e.key === 'Delete' && e.ctrlKey) { e.preventDefault(); dropRow(t); return; }
    if (e.ctrlKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) { e.preventDefault(); walk(e.key === 'ArrowDown' ? 1 : -1); return; }
    if (e.ctrlKey && e.key === ' ') { e.preventDefault(); if (cursor >= 0) { pick(words[cursor]); } return; }
    if (e.key === 'PageDown' || e.key === 'PageUp') { e.preventDefault(); page(e.key === 'PageDown' ? 1 : -1); return; }
    if (e.key === 'F4' && zoom) {
      e.preventDefault();
      zoomAt = (zoomAt + 1) % zooms.length;
      zoom.style.width = (zooms[zoomAt] * 100) + '%';
      return;
    }
    if (e.key === 'F8') { e.preventDefault(); submit(document.getElementById('skip')); return; }
    if (e.key === 'F9') { e.preventDefault(); decide('accept'); return; }
    if (e.key === 'F2') { e.preventDefault(); decide('unreadable', 'unreadable in the source'); return; }
    if (e.key === 'F7') {
      e.preventDefault(); rejecting = true; reject.classList.remove('hidden'); reason.value = ''; reason.focus();
    }
  });

  // the first field: the document type until one is picked; a refused value; the clinic when none
  // is known; else the form's first field
  var clinic = document.getElementById('clinic');
  var first = docType && docType.value.trim() === '' ? docType
    : document.querySelector('.refused input')
      || (clinic && clinic.value.trim() === '' ? clinic : document.querySelector('#keyed fieldset input, #cells input'));
  if (first) { first.focus(); if (first.select) { first.select(); } }
})();
