// The pages' only script (no inline scripts: the Content-Security-Policy forbids them). htmx does the partial
// updates; this file adds the CSRF token to htmx's requests, asks before destructive actions and sends filter forms
// when a select changes. Listeners are delegated from the document so content htmx swaps in behaves the same.
(() => {
    const meta = (name) => document.querySelector(`meta[name="${name}"]`);

    document.addEventListener("htmx:configRequest", (event) => {
        const header = meta("csrf-header");
        const token = meta("csrf-token");
        if (header && token) {
            event.detail.headers[header.content] = token.content;
        }
    });

    // <form data-confirm="..."> asks before it is sent (plain submit and htmx alike)
    document.addEventListener("submit", (event) => {
        const form = event.target;
        if (form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
            event.preventDefault();
            event.stopImmediatePropagation();
        }
    }, true);

    // <select data-submit> sends its form when changed (filters); keyboard users change it with the arrow keys
    document.addEventListener("change", (event) => {
        const select = event.target;
        if (select.matches && select.matches("select[data-submit]") && select.form) {
            select.form.requestSubmit();
        }
    });

    // <button data-copy="#id"> copies the text of an element (a hash to paste into a report)
    document.addEventListener("click", (event) => {
        const button = event.target.closest ? event.target.closest("button[data-copy]") : null;
        if (button) {
            const source = document.querySelector(button.dataset.copy);
            if (source && navigator.clipboard) {
                navigator.clipboard.writeText(source.textContent.trim());
                button.dataset.copied = "true";
            }
        }
    });
})();
