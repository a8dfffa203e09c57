/**
 * Compile each Nunjucks template string once per build, not once per page.
 *
 * Eleventy 3.1 hands Nunjucks a new `Template` for every page it renders from a string: the
 * body of a paginated template (one template, N pages), its
 * `permalink` (three times a page) and each `eleventyComputed` value. Nunjucks caches only
 * templates loaded from files (layouts, includes), so every page paid for lexing,
 * parsing, code generation and `new Function` again: about half a millisecond a page,
 * more than a bare Eleventy page costs in all (docs/performance.md).
 *
 * This keeps the compiled code of each (template path, source) pair of Eleventy's own
 * Nunjucks environment and gives it to later `Template`s with the same source, the way
 * Nunjucks uses precompiled templates. Compiled code is a pure function of the source and
 * the environment; rendering still runs per page with that page's data, so output is
 * byte-identical. A new environment (after a config change in `npm start`) starts a new
 * cache; a changed template is new source and compiles anew.
 */
import type { EleventyConfig } from "./types.ts";

interface CompiledProps {
  root: unknown;
  [block: `b_${string}`]: unknown;
}

interface NunjucksTemplate {
  env: object;
  path?: string | null;
  tmplStr?: unknown;
  tmplProps?: CompiledProps;
  blocks: Record<string, unknown>;
  rootRenderFunc: unknown;
  _compile(): void;
}

interface NunjucksModule {
  Template: { prototype: NunjucksTemplate };
}

const caches = new WeakMap<object, Map<string, CompiledProps>>();
const patched = new WeakSet<object>();

function cacheCompiles(nunjucks: NunjucksModule, environment: object): void {
  caches.set(environment, new Map());
  const proto = nunjucks.Template?.prototype;
  // Only the Nunjucks 3 internals this relies on; anything else is left as it is.
  if (!proto || typeof proto._compile !== "function" || patched.has(proto)) return;
  patched.add(proto);
  const compile = proto._compile;
  proto._compile = function (this: NunjucksTemplate): void {
    const cache = caches.get(this.env);
    if (!cache || this.tmplProps || typeof this.tmplStr !== "string") return compile.call(this);
    const key = `${this.path ?? ""}\u0000${this.tmplStr}`;
    const props = cache.get(key);
    if (props) {
      this.tmplProps = props;
      return compile.call(this);
    }
    compile.call(this);
    const compiled: CompiledProps = { root: this.rootRenderFunc };
    for (const [name, block] of Object.entries(this.blocks)) compiled[`b_${name}`] = block;
    cache.set(key, compiled);
  };
}

export default function nunjucksCachePlugin(eleventyConfig: EleventyConfig): void {
  // https://www.11ty.dev/docs/languages/nunjucks/#access-to-nunjucks-environment
  const on = eleventyConfig.on as unknown as (
    event: string,
    callback: (details: { nunjucks: NunjucksModule; environment: object }) => void,
  ) => void;
  on.call(eleventyConfig, "eleventy.engine.njk", ({ nunjucks, environment }) => cacheCompiles(nunjucks, environment));
}
