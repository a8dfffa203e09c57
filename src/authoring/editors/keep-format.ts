/**
 * Saving keeps the file as it was written, except what changed. Decap sends an entry's
 * whole file written again by its own YAML writer (its order, its quoting, its wrapping):
 * adding one improvement re-wrapped a file (15 lines added, 8 removed). Here what Decap
 * sends is merged into the file as it is, in its text: a field whose value is the same
 * keeps its lines, comments and wrapping; a changed one has its lines written again
 * (within a map, only the keys that changed, at any depth); a field removed loses its
 * lines; a new one is put after the field before it in Decap's order. The body is taken
 * as sent.
 *
 * The result is read back and compared with what Decap sent: when the two do not mean
 * the same (a file written in a way this does not follow, such as anchors or flow maps),
 * Decap's own text is kept, so a save never means other than what the form said.
 */
import { isDeepStrictEqual } from "node:util";
import { Document, isMap, isScalar, parse, parseDocument, type Pair, type YAMLMap } from "yaml";

interface Split {
  /** The YAML (a front matter's, or the whole file's), and what follows it. */
  yaml: string;
  before: string;
  after: string;
}

/** A file's front matter and body (`---` lines), or, for a YAML file, the whole of it as YAML. */
function split(text: string): Split {
  const matter = /^(---\r?\n)([\s\S]*?\r?\n)?(---\r?\n?)([\s\S]*)$/.exec(text);
  if (!matter) return { before: "", yaml: text, after: "" };
  return { before: matter[1]!, yaml: matter[2] ?? "", after: `${matter[3]!}${matter[4]!}` };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The start of the line `offset` is on. */
const lineStart = (text: string, offset: number) => text.lastIndexOf("\n", offset - 1) + 1;
/** Just after the end of the line `offset` is on (its newline included). */
function lineEnd(text: string, offset: number): number {
  const at = text.indexOf("\n", Math.max(offset - 1, 0));
  return at === -1 ? text.length : at + 1;
}

/** `key: value` as lines, at `indent` spaces, without folding long lines. */
function pairText(key: string, value: unknown, indent: number): string {
  const text = new Document({ [key]: value }).toString({ lineWidth: 0, minContentWidth: 0 });
  const pad = " ".repeat(indent);
  return text
    .split("\n")
    .map((line) => (line === "" ? line : `${pad}${line}`))
    .join("\n");
}

/** Where each pair of a block map is in the text: from its key's line to the end of its value's last line. */
function spans(text: string, map: YAMLMap): { key: string; start: number; end: number; pair: Pair }[] {
  return map.items.map((pair) => {
    const key = pair.key as { range?: [number, number, number]; value?: unknown };
    const value = pair.value as { range?: [number, number, number] } | null;
    if (!key?.range) throw new Error("a key without a place");
    const last = value?.range ? value.range[1] : key.range[1];
    return { key: String(key.value), start: lineStart(text, key.range[0]), end: lineEnd(text, last), pair };
  });
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The edits that turn the block map `map` (whose value was `old`) into `now`. */
function mapEdits(text: string, map: YAMLMap, old: Record<string, unknown>, now: Record<string, unknown>): Edit[] {
  const places = spans(text, map);
  const indent = places.length > 0 ? places[0]!.start : 0;
  const column = places.length > 0 ? (places[0]!.pair.key as { range: number[] }).range[0]! - indent : 0;
  const edits: Edit[] = [];
  for (const place of places) {
    if (!(place.key in now)) edits.push({ start: place.start, end: place.end, text: "" });
    else if (!isDeepStrictEqual(old[place.key], now[place.key]))
      edits.push(...valueEdits(text, place, old[place.key], now[place.key], column));
  }
  const keys = Object.keys(now);
  for (const [index, key] of keys.entries()) {
    if (key in old) continue;
    // After the nearest key before it (in Decap's order) that the file has, or first.
    const previous = keys
      .slice(0, index)
      .reverse()
      .map((name) => places.find((place) => place.key === name))
      .find(Boolean);
    const at = previous ? previous.end : (places[0]?.start ?? text.length);
    edits.push({ start: at, end: at, text: pairText(key, now[key], column) });
  }
  return edits;
}

function valueEdits(
  text: string,
  place: { key: string; start: number; end: number; pair: Pair },
  old: unknown,
  now: unknown,
  column: number,
): Edit[] {
  const node = place.pair.value;
  if (isMap(node) && node.flow !== true && isObject(old) && isObject(now)) return mapEdits(text, node, old, now);
  if (isScalar(node) && (node.type === "PLAIN" || node.type === "QUOTE_SINGLE" || node.type === "QUOTE_DOUBLE")) {
    // One line for one value: the key's line kept, the value written again.
    const range = node.range!;
    const written = pairText(place.key, now, 0);
    if (
      !isObject(now) &&
      !Array.isArray(now) &&
      written.split("\n").length === 2 &&
      text.slice(range[0], range[1]).indexOf("\n") === -1
    )
      return [{ start: range[0], end: range[1], text: written.slice(written.indexOf(":") + 2, -1) }];
  }
  return [{ start: place.start, end: place.end, text: pairText(place.key, now, column) }];
}

/** The YAML `text` (which means `old`) changed to mean `now`, keeping every line that need not change; undefined when it cannot be. */
function mergedYaml(text: string, now: unknown): string | undefined {
  const document = parseDocument(text);
  const old = document.toJS() as unknown;
  if (document.errors.length > 0 || !isMap(document.contents) || !isObject(old) || !isObject(now)) return undefined;
  const normalised = text.endsWith("\n") ? text : `${text}\n`;
  const edits = mapEdits(normalised, document.contents, old, now).sort((a, b) => b.start - a.start || b.end - a.end);
  let merged = normalised;
  for (const edit of edits) merged = `${merged.slice(0, edit.start)}${edit.text}${merged.slice(edit.end)}`;
  return merged;
}

/**
 * `sent` (Decap's whole file) merged into `existing` (the file as it is): the same meaning
 * as `sent`, in `existing`'s lines wherever they need not change.
 */
export function mergeFrontMatter(existing: string, sent: string): string {
  const was = split(existing);
  const now = split(sent);
  if ((was.before === "") !== (now.before === "")) return sent;
  let wanted: unknown;
  try {
    wanted = parse(now.yaml || "{}") as unknown;
    const merged = mergedYaml(was.yaml, wanted ?? {});
    if (merged === undefined) return sent;
    // The merged text must mean what Decap sent, or Decap's text is kept.
    if (!isDeepStrictEqual(parse(merged) ?? {}, wanted ?? {})) return sent;
    return `${was.before}${merged}${now.after}`;
  } catch {
    return sent;
  }
}
