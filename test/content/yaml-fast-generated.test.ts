/**
 * The fast YAML path (src/content/yaml-fast.ts) against `yaml`, over generated documents
 * rather than a list someone thought of: numbers in every spelling the two might read
 * differently (signs, radix prefixes, fractions, exponents, underscores, infinities),
 * words that are null or true to one reader or the other, quoted text with escapes,
 * tags, anchors and aliases, null and collection keys, flow and block collections, and
 * block scalars, nested. For each, js-yaml must give `yaml`'s data exactly (-0 is not 0)
 * or decline, and must decline whatever `yaml` refuses. A seeded generator makes the same
 * documents every run; the seed and the document are in any failure.
 */
import { isDeepStrictEqual } from "node:util";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseDocument } from "yaml";
import { prng as generator } from "../../bench/corpus.ts";
import { readFast } from "../../src/content/yaml-fast.ts";

const test = suite("content: the fast YAML path over generated documents");

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const digits = (random: Random, alphabet = "0123456789", most = 3): string =>
  Array.from({ length: 1 + Math.floor(random() * most) }, () => pick(random, alphabet.split(""))).join("");

/** A number as someone might write one, or nearly. */
function numberish(random: Random): string {
  const sign = pick(random, ["", "", "+", "-"]);
  const body = pick(random, [
    () => digits(random),
    () => `0${digits(random)}`,
    () => `${pick(random, ["0x", "0X"])}${digits(random, "0123456789abcdefABCDEFg")}`,
    () => `${pick(random, ["0o", "0O"])}${digits(random, "012345678")}`,
    () => `0b${digits(random, "0123")}`,
    () => `.${digits(random)}`,
    () => `${digits(random)}.${pick(random, ["", digits(random)])}`,
    () =>
      `${pick(random, [digits(random), `.${digits(random)}`, `${digits(random)}.${digits(random)}`])}${pick(random, ["e", "E"])}${pick(random, ["", "+", "-"])}${pick(random, [digits(random), "400", "308", "324"])}`,
    () => pick(random, [".inf", ".Inf", ".INF", ".iNf", ".nan", ".NaN", ".NAN", "inf", "nan", "Infinity"]),
    () => `${digits(random)}_${digits(random)}`,
    () => `${digits(random)},${digits(random)}`,
    () => `${digits(random)}:${digits(random, "012345", 2)}`,
    () => `${digits(random, "0123456789", 20)}`,
  ])();
  return `${sign}${body}`;
}

/** Words one reader or the other may take for null or a boolean. */
const WORDS = [
  "null", "Null", "NULL", "nULL", "~", "true", "True", "TRUE", "tRUE", "false", "False", "FALSE",
  "yes", "Yes", "no", "No", "on", "On", "off", "OFF", "y", "n", "Y", "N",
  "2024-02-12", "2015-16", "2001-12-14t21:59:43.10-05:00", "=", "<<", "-", ".", "..", "...",
];

const ESCAPES = ["\\x41", "\\u00e9", "\\U0001F600", "\\t", "\\n", "\\N", "\\_", "\\L", "\\P", "\\0", "\\e", "\\a", "\\b", "\\v", "\\f", "\\r", '\\"', "\\\\", "\\ ", "\\/", "\\z", "\\x4"];

function quoted(random: Random): string {
  const text = pick(random, ["x", "it's", "a: b", "# hash", "*star*", "&amp", "!bang", "line\n  two", "", " spaced "]);
  if (random() < 0.5) return `'${text.replace(/'/g, "''")}'`;
  return `"${text.replace(/\\/g, "").replace(/"/g, "")}${random() < 0.6 ? pick(random, ESCAPES) : ""}"`;
}

/** Plain text running onto more lines, indented more, as much, or less than it should be. */
function runOn(random: Random): string {
  return `${pick(random, ["plain", "Good", "1"])}\n${pick(random, ["", " ", "  ", "    ", "\t"])}${pick(random, ["continued", "- no", "x: y", "# c", ""])}`;
}

function scalar(random: Random): string {
  return pick(random, [
    () => numberish(random),
    () => pick(random, WORDS),
    () => quoted(random),
    () => runOn(random),
    () => `${pick(random, ["x", "1", "null"])} # comment`,
    () => `${pick(random, ["x", "1"])}${pick(random, ["\t", "  ", " \t"])}`,
    () => pick(random, ["plain text", "Good", "requires improvement", "caf\u00e9 \u2013 \u201cquoted\u201d", "a #not", "x y: z", "@at", "`tick", "%pct", "a,b", "https://example.org/a?b=1#c"]),
  ])();
}

const TAGS = ["!!str", "!!int", "!!float", "!!bool", "!!null", "!!binary", "!!timestamp", "!!seq", "!!map", "!!set", "!!omap", "!foo", "!", "!<tag:yaml.org,2002:str>"];

/** A value that fits on the line after `key: ` or `- `. */
function inline(random: Random, depth: number): string {
  const roll = random();
  if (roll < 0.55 || depth > 2) return scalar(random);
  if (roll < 0.65) return `${pick(random, TAGS)} ${scalar(random)}`;
  if (roll < 0.7) return `&${pick(random, ["a", "b"])} ${scalar(random)}`;
  if (roll < 0.75) return `*${pick(random, ["a", "b", "c"])}`;
  if (roll < 0.88) return `[${Array.from({ length: Math.floor(random() * 3) }, () => inline(random, depth + 1)).join(", ")}]`;
  return `{${Array.from({ length: Math.floor(random() * 3) }, () => `${key(random, depth + 1)}: ${inline(random, depth + 1)}`).join(", ")}}`;
}

function key(random: Random, depth: number): string {
  const roll = random();
  if (roll < 0.45) return pick(random, ["a", "b", "title", "help-and-protection", "Requires improvement", "x y"]);
  if (roll < 0.65) return scalar(random);
  if (roll < 0.72) return pick(random, ["null", "~", "Null", "NULL", ""]);
  if (roll < 0.8 && depth < 2) return pick(random, [`[${scalar(random)}]`, `[a, b]`, `{a: 1}`, `[]`, `{}`]);
  if (roll < 0.85) return `${pick(random, TAGS)} ${pick(random, ["a", "1", "null"])}`;
  if (roll < 0.9) return `*${pick(random, ["a", "b"])}`;
  return `? ${scalar(random)}\n`;
}

/** A block: a mapping or a sequence, nested, at `indent`. */
function block(random: Random, indent: string, depth: number): string[] {
  const lines: string[] = [];
  const sequence = random() < 0.3;
  for (let count = 1 + Math.floor(random() * 3); count > 0; count--) {
    const lead = sequence ? `${indent}- ` : `${indent}${key(random, depth)}:`.replace(/\n:$/, "\n" + indent + ":");
    const roll = random();
    if (roll < 0.2 && depth < 3) lines.push(sequence ? `${indent}-` : lead, ...block(random, `${indent}  `, depth + 1));
    else if (roll < 0.3) lines.push(`${lead}${sequence ? "" : " "}${pick(random, ["|", ">", "|-", ">+", "|2"])}`, `${indent}  ${pick(random, ["text", "  indented", "# not a comment"])}`, `${indent}  more`);
    else lines.push(`${lead}${sequence ? "" : " "}${inline(random, depth)}`);
  }
  return lines;
}

function document(random: Random): string {
  const roll = random();
  if (roll < 0.1) return inline(random, 0);
  if (roll < 0.13) return `${pick(random, ["---", "--- # c", "..."])}\n${block(random, "", 0).join("\n")}${pick(random, ["", "\n...", "\n---\na: 1"])}`;
  if (roll < 0.16) return block(random, pick(random, [" ", "\t", "  "]), 0).join("\n");
  if (roll < 0.15) return `${pick(random, ["%YAML 1.1", "%YAML 1.2", "%TAG !e! tag:example.com,2000:"])}\n---\n${block(random, "", 0).join("\n")}`;
  return block(random, "", 0).join("\n");
}

function yamlReads(text: string): { data: unknown } | "refused" {
  const parsed = parseDocument(text, { schema: "core", uniqueKeys: true, prettyErrors: false, logLevel: "silent" });
  if (parsed.errors.length > 0) return "refused";
  try {
    return { data: parsed.toJS({ maxAliasCount: 100 }) };
  } catch {
    return "refused";
  }
}

const show = (value: unknown) =>
  JSON.stringify(value, (_key, item) =>
    typeof item === "number" && (!Number.isFinite(item) || Object.is(item, -0)) ? `<${Object.is(item, -0) ? "-0" : item}>` : item,
  );

test("js-yaml gives yaml's data or declines, over 6,000 generated documents", () => {
  const seed = 20261201;
  const random = generator(seed);
  let read = 0;
  let accepted = 0;
  for (let index = 0; index < 6000; index++) {
    const text = document(random);
    const expected = yamlReads(text);
    const fast = readFast(text);
    const where = `seed ${seed}, document ${index}:\n${text}\n`;
    if (expected === "refused") {
      assert.is(fast, undefined, `${where}yaml refuses it, so js-yaml must not read it (it read ${show(fast?.data)})`);
      continue;
    }
    accepted++;
    if (!fast) continue;
    read++;
    assert.ok(isDeepStrictEqual(fast.data, expected.data), `${where}js-yaml read ${show(fast.data)}, yaml ${show(expected.data)}`);
  }
  // The fast path must stay useful: it declines what holds a tag, an alias or the like
  // (a third of what is generated), and reads most of the rest.
  assert.ok(read > accepted * 0.4, `only ${read} of ${accepted} documents yaml reads were read fast`);
});

test("every generated scalar, as a value and as a key, is read as yaml reads it", () => {
  const random = generator(7);
  let read = 0;
  for (let index = 0; index < 4000; index++) {
    const item = scalar(random);
    for (const text of [`a: ${item}`, `- ${item}`, `${item}: a`, `[${item}]`]) {
      const expected = yamlReads(text);
      const fast = readFast(text);
      if (expected === "refused") assert.is(fast, undefined, `yaml refuses ${JSON.stringify(text)}`);
      else if (fast) {
        read++;
        assert.ok(isDeepStrictEqual(fast.data, expected.data), `${JSON.stringify(text)}: js-yaml read ${show(fast.data)}, yaml ${show(expected.data)}`);
      }
    }
  }
  assert.ok(read > 8000, `only ${read} of 16,000 read fast`);
});

test.run();
