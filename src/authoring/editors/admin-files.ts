/**
 * What the content manager at /admin/ is made of: its page, its configuration (generated
 * from the content, decap-config.ts), admin.js (layouts/admin/), and Decap CMS's own
 * prebuilt files, copied from the project's dependencies as they were installed. The
 * build publishes them (src/eleventy/cms-plugin.ts); `npm run cms` serves them.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import type { CmsSettings, SiteSettings } from "../../model/site-settings.ts";
import { adminPage } from "../../render/admin-page.ts";
import { adminContentSecurityPolicy } from "../../render/security-headers.ts";
import type { EditorChoices } from "./choices.ts";
import { decapConfig, type DecapConfigOptions } from "./decap-config.ts";

/** node_modules/decap-cms/dist: the bundle Decap publishes, loaded by the page. */
export const DECAP_DIST = join(dirname(createRequire(import.meta.url).resolve("decap-cms/package.json")), "dist");

const ADMIN_SCRIPT = fileURLToPath(new URL("../../../layouts/admin/admin.js", import.meta.url));

/**
 * The files of Decap's bundle the page needs: the main script, the pieces it loads when
 * they are first used (`<n>.decap-cms.js`, WebAssembly), and its licence notice. Not the
 * source maps (25 MB), nor `cms.js`, a second copy of the same bundle.
 */
export function decapFiles(): string[] {
  return readdirSync(DECAP_DIST)
    .filter((name) => /^(?:\d+\.)?decap-cms\.js$|\.wasm$|^decap-cms\.js\.LICENSE\.txt$/.test(name))
    .sort();
}

/** The page, the configuration and admin.js, by file name. */
export function adminFiles(
  choices: EditorChoices,
  site: Pick<SiteSettings, "title" | "language">,
  options: DecapConfigOptions,
): Map<string, string> {
  const config = `# Written by the build from src/authoring/editors/decap-config.ts and the content: do not edit.\n${stringify(decapConfig(choices, options), { lineWidth: 0, aliasDuplicateObjects: false })}`;
  return new Map([
    ["index.html", adminPage(site)],
    ["config.yml", config],
    ["admin.js", readFileSync(ADMIN_SCRIPT, "utf8")],
  ]);
}

/** The origins Decap talks to for a git host, for the page's Content-Security-Policy. */
export function adminPolicyFor(cms: CmsSettings): string {
  const origin = (url: string) => new URL(url).origin;
  const api =
    cms.apiRoot ??
    { github: "https://api.github.com", gitlab: "https://gitlab.com", bitbucket: "https://api.bitbucket.org" }[
      cms.backend
    ];
  const connect = [origin(api), ...(cms.baseUrl ? [origin(cms.baseUrl)] : [])];
  // The signed-in editor's picture, shown in the corner.
  const images = cms.backend === "github" ? ["https://avatars.githubusercontent.com"] : [];
  return adminContentSecurityPolicy({ connect: [...new Set(connect)], images });
}
