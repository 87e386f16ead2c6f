// The test page's playground: form controls that set the playground
// widget's attributes, and a log of the events it fires. Host-page code: it
// uses only the widget's public surface (attributes, events, articles()).
'use strict';

(() => {
  const form = document.getElementById('playground-controls');
  const widget = document.getElementById('playground-widget');
  const log = document.getElementById('playground-events');
  if (!form || !widget || !log) return;

  // Attributes mirror the form; an empty value removes the attribute. Typed
  // Markdown goes through the JS API (a script element's text would need a
  // Trusted Types policy of the page's own under a strict CSP).
  form.addEventListener('input', (event) => {
    const control = event.target;
    if (control.name === 'markdown') {
      window.ArticleWidget?.mount(widget).update({ markdown: control.value.trim() ? control.value : null });
      return;
    }
    if (control.value) widget.setAttribute(control.name, control.value);
    else widget.removeAttribute(control.name);
  });
  form.addEventListener('submit', (event) => event.preventDefault());

  for (const type of ['ready', 'render', 'navigate', 'error']) {
    widget.addEventListener(`article-widget:${type}`, (event) => {
      const item = document.createElement('li');
      item.textContent = `${type} ${JSON.stringify(event.detail)}`;
      log.prepend(item);
      while (log.children.length > 8) log.lastElementChild.remove();
    });
  }

  // The article choices come from the widget's own catalog.
  widget.addEventListener('article-widget:ready', () => {
    const select = form.elements.article;
    for (const { slug, title } of window.ArticleWidget.articles()) {
      const option = document.createElement('option');
      option.value = slug;
      option.textContent = title;
      select.append(option);
    }
  }, { once: true });
})();
