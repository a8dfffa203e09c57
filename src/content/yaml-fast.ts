/**
 * The fast way to read YAML: js-yaml, about ten times faster than `yaml` (docs/performance.md),
 * made to read exactly as `yaml` does with the YAML 1.2 core schema, or to decline.
 *
 * Scalars are resolved by a schema of our own whose rules are `yaml`'s core schema, rule
 * for rule (yaml/dist/schema/core): js-yaml's own CORE_SCHEMA differs (it reads 0b101 as
 * 5, +0x1F as 31 and -0 as 0, and leaves -.5 and 1e400 as text). What a schema cannot
 * change is declined, so that `yaml` reads it and gives its message and line:
 * - an explicit tag (`!!float 1`, `!foo`): the two resolve tags differently;
 * - a complex key (`? [a]`) or a collection as a key (`[a, b]: 1`): js-yaml joins it into
 *   text its own way;
 * - a null key (`null: 1`, `~: 1`): js-yaml names it "null", `yaml` "";
 * - an alias (`*name`): `yaml` refuses one that repeats a value exponentially, js-yaml
 *   does not. An alias starts a value: at the start of a line, or after `: `, `- `, `[`,
 *   `{` or `,`; a `*` inside text (Markdown emphasis in a quote) is not one. Anchors
 *   (`&name`) go with them: js-yaml takes an anchor before a key that `yaml` refuses;
 * - quoted text that runs onto another line: js-yaml takes continuation lines that are
 *   not indented enough, which `yaml` refuses;
 * - an empty entry of a sequence in a sequence (`- -`): js-yaml runs on into the next one;
 * - a flow collection (`[a, b]`, `{a: 1}`) running onto another line: js-yaml takes
 *   continuation lines that `yaml` refuses;
 * - a tab in a line's indentation, which `yaml` refuses where js-yaml may not;
 * - a directive (`%YAML 1.1`);
 * - a block scalar with an indentation indicator (`|2`): the two place its indentation
 *   differently.
 * test/content/yaml-fast-generated.test.ts holds the two to the same data over generated
 * scalars, keys, tags and collections (which found most of this list);
 * test/content/read-file-parsers.test.ts over every shipped file and a synthetic corpus,
 * which must stay on the fast path.
 */
import { FAILSAFE_SCHEMA, load, Type } from "js-yaml";
import { LIMITS } from "./limits.ts";

/**
 * One of yaml's core rules: which plain scalars it takes, and what it makes of them.
 * `starts` holds every character such a scalar can start with: most text is turned away
 * by its first character, without a regular expression (every plain scalar of every file
 * is tried against every rule).
 */
function coreType(tag: string, starts: string, rules: [RegExp, (text: string) => unknown][]): Type {
  const ruleFor = (text: string | null) =>
    text !== null && (text === "" || starts.includes(text[0]!)) ? rules.find(([test]) => test.test(text)) : undefined;
  return new Type(tag, {
    kind: "scalar",
    resolve: (text) => ruleFor(text) !== undefined,
    construct: (text) => ruleFor(text)![1](text!),
  });
}

/** yaml's core schema, in its order: null, bool, int (octal, decimal, hex), float (nan and inf, exponent, plain). */
const CORE_AS_YAML_READS_IT = FAILSAFE_SCHEMA.extend({
  implicit: [
    coreType("tag:yaml.org,2002:null", "~nN", [[/^(?:~|[Nn]ull|NULL)?$/, () => null]]),
    coreType("tag:yaml.org,2002:bool", "tTfF", [[/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (text) => text[0] === "t" || text[0] === "T"]]),
    coreType("tag:yaml.org,2002:int", "0123456789+-", [
      [/^0o[0-7]+$/, (text) => parseInt(text.slice(2), 8)],
      [/^[-+]?[0-9]+$/, (text) => parseInt(text, 10)],
      [/^0x[0-9a-fA-F]+$/, (text) => parseInt(text.slice(2), 16)],
    ]),
    coreType("tag:yaml.org,2002:float", "0123456789+-.", [
      [
        /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
        (text) => (text.slice(-3).toLowerCase() === "nan" ? NaN : text[0] === "-" ? -Infinity : Infinity),
      ],
      [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, parseFloat],
      [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, parseFloat],
    ]),
  ],
});

/**
 * What the two read differently however the scalars are resolved, each rule with a
 * character it cannot match without, looked for first: most files hold none of them, and
 * looking for one character is far quicker than trying a pattern at every position.
 */
const READ_DIFFERENTLY: [string[], RegExp | ((text: string) => boolean)][] = [
  // A tag: a `!` starting a node.
  [["!"], /(?:^|[\s[{,])!/m],
  // A complex key: a `?` starting a node.
  [["?"], /(?:^|[\s[{,-])\?(?:[ \t]|$)/m],
  // A collection as a key: `]` or `}` before a `:` that ends a key; a collection running on.
  [["]", "}"], /[\]}][ \t]*:(?:[ \t]|$)/m],
  [["[", "{"], (text) => flowRunsOn(text)],
  // An alias or an anchor starting a node.
  [["*", "&"], (text) => markStartsNode(text, "*") || markStartsNode(text, "&")],
  // Quoted text left open at the end of its line.
  [['"'], (text) => quoteLeftOpen(text, '"')],
  [["'"], (text) => quoteLeftOpen(text, "'")],
  // An empty sequence in a sequence.
  [["- -", "-\t"], /-[ \t]+-[ \t]*$/m],
  // A tab in indentation.
  [["\t"], /^ *\t/m],
  // A directive.
  [["%"], /^%/m],
  // An indentation indicator.
  [["|", ">"], /[|>](?:[1-9][-+]?|[-+][1-9])[ \t]*(?:#.*)?$/m],
];

function readsDifferently(text: string): boolean {
  return READ_DIFFERENTLY.some(
    ([marks, rule]) =>
      marks.some((mark) => text.includes(mark)) && (typeof rule === "function" ? rule(text) : rule.test(text)),
  );
}

/** True when a character can come before a node on its line: a line's start, `:`, `,`, `[`, `{` or `-`. */
function startsNode(text: string, index: number): boolean {
  let before = index - 1;
  while (before >= 0 && (text[before] === " " || text[before] === "\t")) before--;
  return before < 0 || ":,[{-\n".includes(text[before]!);
}

/** True when `mark` (`*` or `&`) starts a node and a name follows it (`**bold**` in text does not). */
function markStartsNode(text: string, mark: "*" | "&"): boolean {
  for (let index = text.indexOf(mark); index !== -1; index = text.indexOf(mark, index + 1)) {
    const next = text[index + 1];
    if (next !== undefined && !/[\s*]/.test(next) && startsNode(text, index)) return true;
  }
  return false;
}

/**
 * True when a quoted text (`"` or `'`) starts a node and is not closed on its line. Looked
 * for quote by quote, not with a pattern tried at every position: nearly every file has
 * quoted text, closed where it opened.
 */
function quoteLeftOpen(text: string, quote: '"' | "'"): boolean {
  for (let open = text.indexOf(quote); open !== -1; open = text.indexOf(quote, open + 1)) {
    if (!startsNode(text, open)) continue;
    let index = open + 1;
    for (; index < text.length && text[index] !== "\n"; index++) {
      if (quote === '"' && text[index] === "\\") {
        // A backslash at the end of the line carries the text onto the next.
        if (text[index + 1] === "\n") return true;
        index++;
      }
      else if (text[index] === quote) {
        if (quote === "'" && text[index + 1] === "'") index++;
        else break;
      }
    }
    if (index >= text.length || text[index] === "\n") return true;
    open = index;
  }
  return false;
}

const FLOW_LINE = /^.*[[{].*$/gm;

/** True when a line opens more brackets or braces than it closes: a flow collection runs on. */
function flowRunsOn(text: string): boolean {
  for (const [line] of text.matchAll(FLOW_LINE)) {
    let open = 0;
    for (const character of line) {
      if (character === "[" || character === "{") open++;
      else if (character === "]" || character === "}") open--;
    }
    if (open > 0) return true;
  }
  return false;
}

/** True when some mapping in the data has the key js-yaml gives a null key. */
function hasNullKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasNullKey);
  if (value === null || typeof value !== "object") return false;
  if (Object.hasOwn(value, "null")) return true;
  return Object.values(value).some(hasNullKey);
}

const INDENTED_PAST_THE_LIMIT = new RegExp(`^[ \\t-]{${LIMITS.nesting},}`, "m");

/**
 * False when the text cannot nest `limit` levels: each level takes a bracket or at least
 * one more column of indentation (or of '- '), so text with fewer than `limit` brackets
 * and no line indented that far never does. Most files are ruled out here, unwalked.
 */
function mayNestDeeperThan(text: string, limit: number): boolean {
  if (INDENTED_PAST_THE_LIMIT.test(text)) return true;
  let brackets = 0;
  for (let index = text.indexOf("["); index !== -1 && brackets < limit; index = text.indexOf("[", index + 1)) brackets++;
  for (let index = text.indexOf("{"); index !== -1 && brackets < limit; index = text.indexOf("{", index + 1)) brackets++;
  return brackets >= limit;
}

/** True when lists and groups nest deeper than `limit`: counted with a stack of its own, as the data may be deep. */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== "object") continue;
    if (depth + 1 > limit) return true;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * The data of a file js-yaml reads as `yaml` would; undefined for any other file, and for
 * one `yaml` must tell the editor about: a `__proto__` key, nesting past the limit (yaml-nodes.ts).
 */
export function readFast(yamlText: string): { data: unknown } | undefined {
  if (readsDifferently(yamlText) || yamlText.includes("__proto__")) return undefined;
  let data: unknown;
  try {
    data = load(yamlText, { schema: CORE_AS_YAML_READS_IT });
  } catch {
    return undefined;
  }
  if (mayNestDeeperThan(yamlText, LIMITS.nesting) && nestsDeeperThan(data, LIMITS.nesting)) return undefined;
  // An empty file is `undefined` to js-yaml and `null` to yaml.
  return hasNullKey(data) ? undefined : { data: data ?? null };
}
