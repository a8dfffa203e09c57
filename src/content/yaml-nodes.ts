/**
 * What a content file's YAML may not hold, though YAML allows it, found in the parsed
 * document so that each is told at its line and field:
 * - a tag (`!!js/function`, `!!binary`, `!custom`): content is text, numbers, lists and
 *   groups of fields; a tag would be silently ignored and its text published as if it were
 *   plain. The tag is reported, then dropped, so the rest of the file is still checked.
 * - a `__proto__` key: JavaScript reads it as the object's prototype, not as a field, so
 *   it would vanish (or worse) on its way through; reported, then left out.
 * - nesting deeper than LIMITS.nesting: no content needs it, and reading it further
 *   (turning it into data, checking it, finding a field's line) recurses once per level.
 *
 * The walk is a loop with its own stack, not recursion, so no depth of nesting can
 * exhaust the call stack here.
 */
import type { Node, Pair } from "yaml";
import { LIMITS } from "./limits.ts";
import type { ContentProblem } from "./problems.ts";
import type { FieldPath } from "./source-file.ts";
import { fieldName } from "./schema-problems.ts";
import { yaml, yamlProblemAt, type ParsedYaml } from "./yaml-parse.ts";

const CORE_TAG = "tag:yaml.org,2002:";

/** A tag as the editor wrote it: `!!str`, `!custom`. */
function tagAsWritten(tag: string): string {
  return tag.startsWith(CORE_TAG) ? `!!${tag.slice(CORE_TAG.length)}` : tag;
}

interface Visit {
  node: unknown;
  path: FieldPath;
  depth: number;
}

/** Where a node's tag starts: the word before its value, on its line or the one above (a tagged list), if it starts with '!'. */
function tagOffset(text: string, start: number): number {
  let end = start - 1;
  while (end >= 0 && /\s/.test(text[end]!)) end--;
  let begin = end;
  while (begin > 0 && !/\s/.test(text[begin - 1]!)) begin--;
  return text[begin] === "!" ? begin : start;
}

export interface NodeProblems {
  problems: ContentProblem[];
  /** False when the document must not be made into data (nested too deeply). */
  readable: boolean;
}

/** Every tag, `__proto__` key and level of nesting past the limit in the document; tags and `__proto__` pairs are removed. */
export function nodeProblems(path: string, text: string, { document, lineCounter }: ParsedYaml): NodeProblems {
  const problems: ContentProblem[] = [];
  let readable = true;
  const at = (offset: number | undefined, field: FieldPath, message: string, fix: string) =>
    problems.push({ ...yamlProblemAt(path, lineCounter, offset ?? 0, message, fix), field: fieldName(field) });
  const stack: Visit[] = [{ node: document.contents, path: [], depth: 0 }];
  while (stack.length > 0) {
    const { node, path: field, depth } = stack.pop()!;
    if (!yaml().isNode(node)) continue;
    const tagged = node as Node & { tag?: string };
    if (tagged.tag && !yaml().isAlias(node)) {
      const written = tagAsWritten(tagged.tag);
      at(
        tagOffset(text, node.range?.[0] ?? 0),
        field,
        `'${written}' is a YAML tag, which content files do not use: the value would be read as plain text, and the tag ignored.`,
        `Delete '${written}' and write the value as plain text.`,
      );
      tagged.tag = undefined;
    }
    if (!yaml().isCollection(node)) continue;
    if (depth + 1 > LIMITS.nesting) {
      at(node.range?.[0], field, `Lists and groups of fields are nested more than ${LIMITS.nesting} levels deep here.`, "Content needs a few levels at most: check the indentation, and that every '[' and '{' is closed.");
      readable = false;
      continue;
    }
    if (yaml().isMap(node)) {
      node.items = node.items.filter((pair: Pair) => {
        const key = yaml().isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (key !== "__proto__") return true;
        at((pair.key as Node).range?.[0], [...field, key], "'__proto__' cannot be a field: JavaScript reads it as something else, so it would be lost.", "Delete it, or rename it if you meant another field.");
        return false;
      });
      for (const pair of [...node.items].reverse()) {
        const key = yaml().isScalar(pair.key) ? String(pair.key.value) : "?";
        stack.push({ node: pair.value, path: [...field, key], depth: depth + 1 }, { node: pair.key, path: field, depth: depth + 1 });
      }
    } else {
      node.items.forEach((item, index) => stack.push({ node: item, path: [...field, index], depth: depth + 1 }));
    }
  }
  return { problems, readable };
}

/**
 * The offset where the nesting in `text` first goes past the limit, found line by line
 * (indentation, '- ' and brackets): for a file so deep the parser could not finish.
 */
export function deepestLine(text: string): number {
  const indents: number[] = [];
  let flow = 0;
  let offset = 0;
  for (const line of text.split("\n")) {
    const content = line.trimStart();
    const indent = line.length - content.length;
    if (content !== "" && !content.startsWith("#")) {
      if (flow === 0) {
        while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
        indents.push(indent);
      }
      const dashes = (/^(?:-[ \t]+)*/.exec(content)?.[0] ?? "").split("-").length - 1;
      for (let index = 0; index < content.length; index++) {
        const character = content[index];
        if (character === "[" || character === "{") flow++;
        else if (character === "]" || character === "}") flow = Math.max(0, flow - 1);
        if (indents.length + dashes + flow > LIMITS.nesting) return offset + indent + index;
      }
    }
    offset += line.length + 1;
  }
  return 0;
}
