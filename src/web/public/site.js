/*
 * Shortlist: the small client script (plain ES2019, progressive enhancement only; every page
 * works without it). It does four things on the Agency Search form:
 *   1. narrows the "Industry Sub Sector" list to the chosen industry;
 *   2. suggests places as you type in "Location" (a <datalist> filled from /api/places);
 *   3. checks the three required fields before the request, with the server's exact messages;
 *   4. on the results page, says so when the query has been changed (aria-live).
 * It also reveals the "Print this list" button on the favourites page and the "Copy" button of a
 * calendar feed's address, and on a saved interview's
 * plan page and the public follow-up page (5.) show the draft checker's findings as a draft is
 * typed, and (6.) on the public follow-up form show how each note will read in the drafts.
 */
(function () {
  'use strict';

  function each(list, fn) {
    Array.prototype.forEach.call(list, fn);
  }

  // 1. Sub-sectors follow the chosen industry.
  function enhanceSubsectors(form) {
    var industry = form.querySelector('#industry');
    var sub = form.querySelector('#subsector');
    if (!industry || !sub) return;
    var groups = [];
    each(sub.querySelectorAll('optgroup'), function (group) {
      groups.push({ industry: group.getAttribute('data-industry'), node: group });
    });
    function filter() {
      var chosen = industry.value;
      var current = sub.value;
      groups.forEach(function (g) {
        if (g.node.parentNode) g.node.parentNode.removeChild(g.node);
      });
      var keep = false;
      groups.forEach(function (g) {
        if (chosen !== '' && g.industry === chosen) {
          sub.appendChild(g.node);
          each(g.node.querySelectorAll('option'), function (o) {
            if (o.value === current) keep = true;
          });
        }
      });
      sub.value = keep ? current : '';
    }
    industry.addEventListener('change', filter);
    filter();
  }

  // 2. Place suggestions in a datalist; the box stays a plain text box without JavaScript.
  function enhancePlaces(form) {
    var input = form.querySelector('[data-place-input]');
    if (!input || !window.fetch) return;
    var list = document.createElement('datalist');
    list.id = input.id + '-places';
    input.parentNode.appendChild(list);
    input.setAttribute('list', list.id);
    var timer = null;
    var controller = null;
    var last = '';
    function load() {
      var text = input.value.trim();
      if (text.length < 2 || text === last) return;
      last = text;
      if (controller && controller.abort) controller.abort();
      controller = window.AbortController ? new AbortController() : null;
      fetch(
        '/api/places?q=' + encodeURIComponent(text),
        controller ? { signal: controller.signal } : {},
      )
        .then(function (response) {
          return response.ok ? response.json() : { places: [] };
        })
        .then(function (body) {
          while (list.firstChild) list.removeChild(list.firstChild);
          (body.places || []).forEach(function (place) {
            var option = document.createElement('option');
            option.value = place.label;
            list.appendChild(option);
          });
        })
        .catch(function () {
          /* Suggestions are a convenience: typing still works. */
        });
    }
    input.addEventListener('input', function () {
      if (timer) clearTimeout(timer);
      timer = setTimeout(load, 150);
    });
  }

  // 3. The required fields, checked before the request with the server's messages.
  function clearErrors(form) {
    each(form.querySelectorAll('.field-error'), function (el) {
      el.parentNode.removeChild(el);
    });
    each(form.querySelectorAll('.form-group-error'), function (el) {
      el.classList.remove('form-group-error');
    });
    each(form.querySelectorAll('[aria-invalid]'), function (el) {
      el.removeAttribute('aria-invalid');
      var ids = (el.getAttribute('aria-describedby') || '').split(' ').filter(function (id) {
        return id !== '' && id !== el.id + '-error';
      });
      if (ids.length > 0) el.setAttribute('aria-describedby', ids.join(' '));
      else el.removeAttribute('aria-describedby');
    });
    each(document.querySelectorAll('[data-error-summary]'), function (el) {
      el.parentNode.removeChild(el);
    });
  }

  function showError(form, name, message) {
    var control = form.querySelector('#' + name);
    var group = form.querySelector('[data-field="' + name + '"]');
    if (!control || !group) return;
    group.classList.add('form-group-error');
    var p = document.createElement('p');
    p.className = 'field-error';
    p.id = name + '-error';
    var hidden = document.createElement('span');
    hidden.className = 'visually-hidden';
    hidden.textContent = 'Error: ';
    p.appendChild(hidden);
    p.appendChild(document.createTextNode(message));
    control.parentNode.insertBefore(p, control);
    control.setAttribute('aria-invalid', 'true');
    var ids = (control.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
    ids.push(p.id);
    control.setAttribute('aria-describedby', ids.join(' '));
  }

  function showSummary(form, errors) {
    var box = document.createElement('div');
    box.className = 'error-summary';
    box.setAttribute('data-error-summary', '');
    box.setAttribute('tabindex', '-1');
    box.setAttribute('aria-labelledby', 'error-summary-title');
    var h = document.createElement('h2');
    h.className = 'error-summary-title';
    h.id = 'error-summary-title';
    h.textContent = 'There is a problem';
    box.appendChild(h);
    var ul = document.createElement('ul');
    errors.forEach(function (e) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = '#' + e.name;
      a.textContent = e.message;
      li.appendChild(a);
      ul.appendChild(li);
    });
    box.appendChild(ul);
    form.parentNode.insertBefore(box, form);
  }

  function enhanceValidation(form) {
    form.addEventListener('submit', function (event) {
      var errors = [];
      [
        ['industry', 'data-message-industry'],
        ['purpose', 'data-message-purpose'],
        ['location', 'data-message-location'],
      ].forEach(function (pair) {
        var control = form.querySelector('#' + pair[0]);
        if (control && control.value.trim() === '') {
          errors.push({ name: pair[0], message: form.getAttribute(pair[1]) });
        }
      });
      if (errors.length === 0) return;
      event.preventDefault();
      clearErrors(form);
      errors.forEach(function (e) {
        showError(form, e.name, e.message);
      });
      showSummary(form, errors);
      if (document.title.indexOf('Error: ') !== 0) document.title = 'Error: ' + document.title;
      form.querySelector('#' + errors[0].name).focus();
    });
  }

  // 4. "You have changed your query..." once the visitor changes a field on the results page.
  function enhanceChangedNotice(form) {
    var text = form.getAttribute('data-changed-text');
    var notice = form.querySelector('[data-changed-notice]');
    if (!text || !notice) return;
    function changed() {
      if (notice.textContent !== text) notice.textContent = text;
    }
    form.addEventListener('change', changed);
    form.addEventListener('input', changed);
  }

  // 5. A saved interview's drafts: the checker's findings, refreshed as the draft is typed.
  // Without JavaScript "Save and check my draft" shows them; this only saves the round trip.
  function renderFindings(box, findings) {
    var notice = document.createElement('div');
    var p = document.createElement('p');
    if (findings.length === 0) {
      notice.className = 'notice notice-success';
      p.textContent = box.getAttribute('data-none-text');
      notice.appendChild(p);
    } else {
      notice.className = 'notice notice-warning';
      var one = box.getAttribute('data-found-one');
      var many = box.getAttribute('data-found-many');
      if (one && many) {
        // The same words as the page's own: "The checker found 2 things to look at:".
        var strong = document.createElement('strong');
        strong.textContent =
          findings.length === 1 ? one : many.replace('{n}', String(findings.length));
        p.appendChild(strong);
      } else {
        p.textContent = box.getAttribute('data-found-text');
      }
      notice.appendChild(p);
      var ul = document.createElement('ul');
      findings.forEach(function (finding) {
        var li = document.createElement('li');
        li.textContent = finding.message;
        ul.appendChild(li);
      });
      notice.appendChild(ul);
    }
    while (box.firstChild) box.removeChild(box.firstChild);
    box.appendChild(notice);
  }

  function enhanceLiveCheck(textarea) {
    var url = textarea.getAttribute('data-live-check');
    var box = document.getElementById(textarea.getAttribute('data-live-findings') || '');
    var form = textarea.form;
    // A saved interview's draft posts JSON; the public page posts its whole form (it keeps no
    // interview on the server), urlencoded, and the server reads it as "Check my edits" does.
    var urlencoded = textarea.getAttribute('data-live-form') === 'urlencoded';
    if (!url || !box || !form || !window.fetch || !window.JSON) return;
    if (urlencoded && !(window.FormData && window.URLSearchParams)) return;
    var subjectName = textarea.getAttribute('data-live-subject') || 'subject';
    var subject = form.querySelector('[name="' + subjectName + '"]');
    var csrf = form.querySelector('input[name="_csrf"]');
    var timer = null;
    var controller = null;
    var sequence = 0;
    var last = '';
    function check() {
      var payload;
      if (urlencoded) {
        payload = new URLSearchParams(new FormData(form)).toString();
      } else {
        var draft = { body: textarea.value };
        if (subject && subject.value.trim() !== '') draft.subject = subject.value;
        payload = JSON.stringify({ draft: draft });
      }
      // An empty draft is not checked: saving it goes back to the suggested one.
      if (textarea.value.trim() === '' || payload === last) return;
      last = payload;
      sequence += 1;
      var mine = sequence;
      if (controller && controller.abort) controller.abort();
      controller = window.AbortController ? new AbortController() : null;
      var options = {
        method: 'POST',
        credentials: 'same-origin',
        headers: urlencoded
          ? { 'content-type': 'application/x-www-form-urlencoded' }
          : { 'content-type': 'application/json', 'x-csrf-token': csrf ? csrf.value : '' },
        body: payload,
      };
      if (controller) options.signal = controller.signal;
      fetch(url, options)
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .then(function (body) {
          if (mine !== sequence || !body || !body.findings) return;
          renderFindings(box, body.findings);
        })
        .catch(function () {
          /* The live check is a convenience: "Save and check my draft" still works. */
        });
    }
    function schedule() {
      if (timer) clearTimeout(timer);
      timer = setTimeout(check, 400);
    }
    textarea.addEventListener('input', schedule);
    if (subject) subject.addEventListener('input', schedule);
  }

  // As notes are typed, show the sentence each becomes in the drafts (the plan page shows the
  // same list after submitting, without JavaScript).
  function enhanceNotePreview(box) {
    var url = box.getAttribute('data-note-preview-url');
    var form = box.closest ? box.closest('form') : null;
    if (!url || !form || !window.fetch || !window.FormData || !window.URLSearchParams) return;
    var timer = null;
    var sequence = 0;
    var last = '';
    function render(previews) {
      while (box.firstChild) box.removeChild(box.firstChild);
      if (!previews.length) {
        box.hidden = true;
        return;
      }
      var heading = document.createElement('p');
      heading.textContent = 'How your notes will read:';
      box.appendChild(heading);
      var list = document.createElement('ul');
      previews.forEach(function (preview) {
        var li = document.createElement('li');
        li.textContent = '"' + preview.note + '": ' + preview.text;
        list.appendChild(li);
      });
      box.appendChild(list);
      box.hidden = false;
    }
    function preview() {
      var payload = new URLSearchParams(new FormData(form)).toString();
      if (payload === last) return;
      last = payload;
      sequence += 1;
      var mine = sequence;
      fetch(url, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: payload,
      })
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .then(function (body) {
          if (mine !== sequence || !body || !body.previews) return;
          render(body.previews);
        })
        .catch(function () {
          /* A convenience: the plan page shows the same after submitting. */
        });
    }
    function schedule() {
      if (timer) clearTimeout(timer);
      timer = setTimeout(preview, 500);
    }
    each(
      form.querySelectorAll('textarea[name^="notes."], textarea[name$=".notes"]'),
      function (area) {
        area.addEventListener('input', schedule);
      },
    );
  }

  function init() {
    each(document.querySelectorAll('form[data-search-form]'), function (form) {
      enhanceSubsectors(form);
      enhancePlaces(form);
      enhanceValidation(form);
      enhanceChangedNotice(form);
    });
    each(document.querySelectorAll('textarea[data-live-check]'), enhanceLiveCheck);
    each(document.querySelectorAll('[data-note-preview-url]'), enhanceNotePreview);
    each(document.querySelectorAll('[data-print]'), function (button) {
      button.hidden = false;
      button.addEventListener('click', function () {
        window.print();
      });
    });
    // A "Copy" button beside something shown once (the calendar feed's address): hidden without
    // JavaScript, where the address is selected and copied by hand.
    each(document.querySelectorAll('[data-copy]'), function (button) {
      var source = document.getElementById(button.getAttribute('data-copy'));
      var status = document.getElementById(button.getAttribute('data-copy') + '-status');
      if (!source || !navigator.clipboard) return;
      button.hidden = false;
      button.addEventListener('click', function () {
        navigator.clipboard.writeText(source.textContent || '').then(
          function () {
            if (status) status.textContent = 'Copied.';
          },
          function () {
            if (status) status.textContent = 'Could not copy: select the address and copy it.';
          },
        );
      });
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
