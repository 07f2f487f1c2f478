// The auto-reply editor, live: at each pause in typing the form (with its antiforgery token) is
// posted to the web app's preview endpoint, and the previews, the segment counts and the problems
// of the message and of its translation are shown as the rules API computes them. Without this
// script the form still works.
const errorLines = errors => errors.map(error => {
  const line = document.createElement('p');
  line.className = 'error';
  line.textContent = error;
  return line;
});

for (const form of document.querySelectorAll('form[data-preview-url]')) {
  const message = form.querySelector('textarea:not([data-translation])');
  const translation = form.querySelector('textarea[data-translation]');
  const shown = {
    preview: form.querySelector('[data-preview]'),
    length: form.querySelector('[data-length]'),
    problems: form.querySelector('[data-problems]'),
    translationPreview: form.querySelector('[data-translation-preview]'),
    translationLength: form.querySelector('[data-translation-length]'),
    translationProblems: form.querySelector('[data-translation-problems]'),
  };
  let pause;
  let latest = 0;
  // A variable goes into the text last written in, the message or its translation.
  let target = message;

  const refresh = async () => {
    const asked = ++latest;
    const response = await fetch(form.dataset.previewUrl, { method: 'POST', body: new FormData(form) });
    if (asked !== latest || !response.ok) {
      return;
    }
    const answer = await response.json();
    shown.problems.replaceChildren(...errorLines(answer.errors));
    shown.preview.textContent = answer.preview ?? '';
    shown.length.textContent = answer.length ?? '';
    if (translation) {
      shown.translationProblems.replaceChildren(...errorLines(answer.translationErrors));
      shown.translationPreview.textContent = answer.translationPreview ?? '';
      shown.translationLength.textContent = answer.translationLength ?? '';
    }
  };

  for (const field of [message, translation].filter(Boolean)) {
    field.addEventListener('focus', () => { target = field; });
    field.addEventListener('input', () => {
      clearTimeout(pause);
      pause = setTimeout(refresh, 250);
    });
  }

  for (const button of form.querySelectorAll('[data-insert]')) {
    button.addEventListener('click', () => {
      target.setRangeText(button.dataset.insert, target.selectionStart, target.selectionEnd, 'end');
      target.focus();
      target.dispatchEvent(new Event('input'));
    });
  }
}
