// What the item page and the keying page share: a form is sent once; on an item the technician
// cannot decide, Enter goes to the next item; a rejection's reason is typed, or 1, 2, 3 for the
// usual ones, and Esc gives it up.
var medrecDecisions = (function () {
  'use strict';
  var sent = false;
  var presets = {'1': 'not in the source', '2': 'wrong patient', '3': 'duplicate of another value'};

  function submit(form) {
    if (form && !sent) { sent = true; form.submit(); }
  }

  // A key on a page whose item cannot be decided here; true when the page can decide it
  function canDecide(main, e) {
    if (main.getAttribute('data-can-decide') === 'true') { return true; }
    var next = document.getElementById('next');
    if (e.key === 'Enter' && next) { e.preventDefault(); submit(next); }
    return false;
  }

  // A key while a reason is typed into `reason`: Esc calls `cancel`, Enter `send` (a preset typed as its number)
  function reasonKey(e, reason, cancel, send) {
    if (e.key === 'Escape') {
      e.preventDefault();
      cancel();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      var typed = reason.value.trim();
      if (presets[typed]) { reason.value = presets[typed]; }
      if (reason.value.trim() !== '') { send(); }
    }
  }

  return {submit: submit, canDecide: canDecide, reasonKey: reasonKey};
})();
