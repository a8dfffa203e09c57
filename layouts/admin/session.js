/**
 * `npm run cms` only (src/authoring/editors/cms-session.ts): loaded before Decap, it keeps the secret
 * the page was served with (once, for the one-time link printed in the terminal) in this
 * address's storage, takes the link's token out of the address bar, and sends the secret
 * with every request this page makes to its own server, in the `X-CMS-Session` header.
 * Without the secret the server answers nothing but this page and Decap's own scripts.
 */
(() => {
  const KEY = "explainers-cms-session";
  const meta = document.querySelector('meta[name="cms-session"]');
  if (meta) {
    localStorage.setItem(KEY, meta.content);
    meta.remove();
  }
  if (new URLSearchParams(location.search).has("token")) {
    history.replaceState(null, "", location.pathname + location.hash);
  }
  const send = window.fetch.bind(window);
  window.fetch = (input, init = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    const secret = localStorage.getItem(KEY);
    if (url.origin !== location.origin || !secret) return send(input, init);
    const headers = new Headers(init.headers ?? (input instanceof Request ? input.headers : undefined));
    headers.set("X-CMS-Session", secret);
    return send(input, { ...init, headers });
  };
})();
