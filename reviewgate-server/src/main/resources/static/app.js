// Reviewgate's only script. Loaded from /static (CSP: script-src 'self'), no inline handlers.
(() => {
  'use strict';

  const csrfToken = () => document.querySelector('meta[name="csrf-token"]')?.content;

  // Every htmx request carries the session's CSRF token.
  document.addEventListener('htmx:configRequest', (event) => {
    const token = csrfToken();
    if (token) event.detail.headers['X-CSRF-Token'] = token;
  });

  // Remote images are fetched only when the reviewer asks: agent output must not make the
  // browser talk to other hosts on its own.
  document.addEventListener('click', (event) => {
    const button = event.target.closest('button.remote-image');
    if (!button) return;
    const src = button.dataset.src || '';
    if (!/^https?:\/\//i.test(src)) return;
    const img = document.createElement('img');
    img.src = src;
    img.alt = button.textContent.replace(/^Load image:?\s*/, '');
    img.referrerPolicy = 'no-referrer';
    button.replaceWith(img);
  });

  // A JSON editor says at once when its text is not JSON, and the form will not submit until it is.
  document.addEventListener('input', (event) => {
    const editor = event.target.closest('textarea[data-json-editor]');
    if (!editor) return;
    const message = document.getElementById(editor.getAttribute('aria-describedby'));
    let problem = '';
    try {
      JSON.parse(editor.value);
    } catch (e) {
      problem = `Not valid JSON: ${e.message}`;
    }
    editor.setCustomValidity(problem);
    editor.setAttribute('aria-invalid', problem ? 'true' : 'false');
    if (message) {
      message.textContent = problem;
      message.hidden = !problem;
    }
  });

  // Once any retry is chosen, "Send instructions" replaces "Approve" (as in gotoHuman).
  const retryChosen = () => [...document.querySelectorAll('[data-retry]')]
    .some((el) => (el.type === 'checkbox' ? el.checked : el.value.trim() !== ''));
  const updateActions = () => {
    const retry = document.querySelector('[data-retry-form]');
    const decide = document.querySelector('[data-decide]');
    const chosen = retryChosen();
    if (retry) retry.hidden = !chosen;
    if (decide) decide.hidden = chosen;
  };
  const markDirty = (event) => {
    const form = event.target.closest('form[data-track-dirty]');
    if (form && !event.target.matches('[data-retry]')) form.classList.add('dirty');
    updateActions();
  };
  document.addEventListener('input', markDirty);
  document.addEventListener('change', markDirty);
  document.addEventListener('DOMContentLoaded', updateActions);

  // Inbox selection: checked rows are decided together on the versions they show.
  const checked = () => [...document.querySelectorAll('input[name="item"][form="bulk-form"]:checked')];
  const updateCount = () => {
    const count = document.querySelector('[data-selected-count]');
    if (count) count.textContent = checked().length === 0 ? 'None selected' : `${checked().length} selected`;
  };
  document.addEventListener('change', (event) => {
    if (event.target.matches('input[name="item"]')) updateCount();
  });

  // "Approve 3 reviews?": the count is confirmed here and sent along; without it the server asks again.
  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (form.matches('form[data-confirm]') && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
      return;
    }
    if (!form.matches('form[data-bulk]')) return;
    const action = event.submitter?.value;
    const n = checked().length;
    const reason = form.querySelector('[name="reason"]');
    let question = `${action === 'reject' ? 'Reject' : 'Approve'} ${n} review${n === 1 ? '' : 's'}?`;
    if (n === 0) {
      window.alert('Select the reviews to decide first (click their boxes, or press x on a row).');
      question = null;
    } else if (action === 'reject' && reason.value.trim() === '') {
      window.alert('Give a reason for rejecting the selected reviews.');
      reason.focus();
      question = null;
    }
    if (question === null || !window.confirm(question)) {
      event.preventDefault();
      return;
    }
    form.querySelector('[name="confirmed"]').value = String(n);
  });

  // The review panel refreshes itself when the agent sends a new version, unless the reviewer
  // has typed something that the refresh would throw away; then it only says so. The inbox's
  // rows stay as they are while some are selected.
  document.addEventListener('htmx:beforeSwap', (event) => {
    const target = event.detail.target;
    if (target?.id === 'queue-rows' && checked().length > 0) {
      event.detail.shouldSwap = false;
      return;
    }
    if (!target || !target.hasAttribute('data-live')) return;
    if (document.querySelector('form.dirty') || retryChosen()) {
      event.detail.shouldSwap = false;
      let notice = document.getElementById('live-notice');
      if (!notice) {
        notice = document.createElement('p');
        notice.id = 'live-notice';
        notice.className = 'banner';
        notice.setAttribute('role', 'status');
        target.prepend(notice);
      }
      notice.textContent = 'This review changed while you were typing. Save or reload to see the latest version.';
    }
  });
  document.addEventListener('htmx:afterSwap', () => { updateActions(); selectRow(selected); });

  // Keyboard: j/k move in the inbox, x selects, Enter opens, e edits, a approves, r rejects, ? helps.
  let selected = -1;
  const rows = () => [...document.querySelectorAll('tr.queue-row')];
  const selectRow = (index) => {
    const all = rows();
    if (all.length === 0 || index < 0) return;
    selected = Math.min(index, all.length - 1);
    all.forEach((row, i) => row.classList.toggle('selected', i === selected));
    all[selected].scrollIntoView({ block: 'nearest' });
    all[selected].querySelector('a')?.focus();
  };
  const showHelp = () => document.getElementById('shortcuts')?.showModal();
  document.addEventListener('click', (event) => {
    if (event.target.closest('[data-help]')) showHelp();
  });
  document.addEventListener('keydown', (event) => {
    if (event.metaKey || event.ctrlKey || event.altKey) return;
    if (event.target.closest('input, textarea, select, [contenteditable]')) return;
    switch (event.key) {
      case 'j': selectRow(selected + 1); break;
      case 'k': selectRow(Math.max(0, selected - 1)); break;
      case 'x': {
        const box = rows()[selected]?.querySelector('input[name="item"]');
        if (!box) return;
        box.checked = !box.checked;
        updateCount();
        break;
      }
      case 'e': {
        document.querySelector('[data-edit-details]')?.setAttribute('open', '');
        document.querySelector('#edit-form textarea:not([readonly]), #edit-form input:not([type=hidden]):not([readonly])')?.focus();
        break;
      }
      case 'a': {
        const approve = document.querySelector('[data-decide]:not([hidden]) [data-action="approve"]');
        approve?.click();
        break;
      }
      case 'r': document.getElementById('reason')?.focus(); break;
      case '?': showHelp(); break;
      default: return;
    }
    event.preventDefault();
  });
})();
