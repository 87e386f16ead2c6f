// The preview page's live reload, served as a file so that the page's
// strict CSP allows it. The server (preview.js) sends the current build's
// id and the last content error: a new id reloads the page, an error is
// shown above the widget (which keeps the last good build).
(() => {
  const banner = document.getElementById('preview-error');
  const shown = document.documentElement.dataset.build;
  const events = new EventSource('events');
  events.addEventListener('build', (event) => {
    const { build, error } = JSON.parse(event.data);
    if (String(build) !== shown) {
      location.reload();
      return;
    }
    banner.textContent = error ?? '';
    banner.hidden = !error;
  });
})();
