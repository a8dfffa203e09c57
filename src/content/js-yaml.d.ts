/** js-yaml 4 ships JavaScript without declarations; this is the part src/content/read-file.ts uses. https://github.com/nodeca/js-yaml */
declare module "js-yaml" {
  export const CORE_SCHEMA: unknown;
  export function load(text: string, options?: { schema?: unknown; filename?: string; json?: boolean }): unknown;
}
