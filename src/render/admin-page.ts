/**
 * The page of the content manager at /admin/: Decap CMS (served from the project's own
 * dependencies, never a CDN), then admin.js, which fits it to the content format. Decap
 * reads its configuration from config.yml beside the page. Every address is relative, so
 * the page works under any path prefix and from `npm run cms`'s local server alike.
 */
import { html } from "./html.ts";
import { NOINDEX } from "./sitemap.ts";

export function adminPage(site: { title: string; language: string }): string {
  return html`<!DOCTYPE html>
<html lang="${site.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${NOINDEX}
<title>Content manager – ${site.title}</title>
</head>
<body>
<noscript><p>The content manager needs JavaScript. Without it, edit the files in content/ as docs/editing.md describes.</p></noscript>
<script src="decap-cms.js"></script>
<script src="admin.js"></script>
</body>
</html>
`.toString();
}
