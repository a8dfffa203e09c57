/** js-yaml 4 ships JavaScript without declarations; this is the part src/content/yaml-fast.ts uses. https://github.com/nodeca/js-yaml */
declare module "js-yaml" {
  export class Type {
    constructor(
      tag: string,
      options: { kind: "scalar"; resolve(data: string | null): boolean; construct(data: string | null): unknown },
    );
  }
  export interface Schema {
    extend(types: { implicit?: Type[]; explicit?: Type[] }): Schema;
  }
  export const FAILSAFE_SCHEMA: Schema;
  export function load(text: string, options?: { schema?: Schema; filename?: string; json?: boolean }): unknown;
}
