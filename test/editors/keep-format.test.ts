/**
 * Saving in the content manager keeps the file's own lines except what changed
 * (src/authoring/editors/keep-format.ts): Decap sends the whole file written again by its
 * YAML writer, here as `yaml`'s stringify at its default width does it, and the merge
 * gives back the file with only the changed lines different, meaning exactly what was sent.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parse, stringify } from "yaml";
import { mergeFrontMatter } from "../../src/authoring/editors/keep-format.ts";
import { projectRoot } from "../browser/support.ts";

const keep = suite("saving keeps the file's formatting except what changed");

const FILE = readFileSync(join(projectRoot, "content/inspections/oxfordshire/2024-standard-inspection.md"), "utf8");

/** The file as Decap sends it after the form changed `data` with `change`: its own writer, its own wrapping. */
function asDecapSends(text: string, change: (data: Record<string, unknown>) => void, body?: string): string {
  const [, front, rest] = /^---\n([\s\S]*?\n)---\n([\s\S]*)$/.exec(text)!;
  const data = parse(front!) as Record<string, unknown>;
  change(data);
  return `---\n${stringify(data)}---\n${body ?? rest!}`;
}

/** The lines of `after` not in `before`, and of `before` not in `after`, as a plain line diff counts them. */
function lineDiff(before: string, after: string): { added: string[]; removed: string[] } {
  const a = before.split("\n");
  const b = after.split("\n");
  // Longest common subsequence, small files only.
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
  const added: string[] = [];
  const removed: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) [i, j] = [i + 1, j + 1];
    else if (j < b.length && (i === a.length || table[i]![j + 1]! >= table[i + 1]![j]!)) added.push(b[j++]!);
    else removed.push(a[i++]!);
  }
  return { added, removed };
}

const meaning = (text: string) => parse(/^---\n([\s\S]*?\n)---\n/.exec(text)![1]!) as unknown;

keep("Decap's own writing of the sample re-wraps it: the problem this solves", () => {
  const sent = asDecapSends(FILE, (data) => (data.improvements as string[]).push("Keep records up to date."));
  const { added, removed } = lineDiff(FILE, sent);
  assert.ok(added.length + removed.length > 4, `Decap's text differs in ${added.length + removed.length} lines`);
});

keep("one improvement added is one line added", () => {
  const sent = asDecapSends(FILE, (data) => (data.improvements as string[]).push("Keep records up to date."));
  const merged = mergeFrontMatter(FILE, sent);
  assert.equal(lineDiff(FILE, merged), { added: ["  - Keep records up to date."], removed: [] });
  assert.equal(meaning(merged), meaning(sent));
});

keep("one grade changed is one line changed, the folded summary and the quotes untouched", () => {
  const sent = asDecapSends(FILE, (data) => {
    (data.judgements as Record<string, string>)["care-leavers"] = "outstanding";
  });
  const merged = mergeFrontMatter(FILE, sent);
  assert.equal(lineDiff(FILE, merged), {
    added: ["  care-leavers: outstanding"],
    removed: ["  care-leavers: good"],
  });
});

keep("a field emptied is removed, a new one put after the field before it, a changed date is its line", () => {
  const sent = asDecapSends(FILE, (data) => {
    delete data.leadInspector;
    data.published = "2024-04-10";
    const entries = Object.entries(data);
    const at = entries.findIndex(([key]) => key === "report");
    entries.splice(at + 1, 0, ["example", true]);
    for (const key of Object.keys(data)) delete data[key];
    Object.assign(data, Object.fromEntries(entries));
  });
  const merged = mergeFrontMatter(FILE, sent);
  assert.equal(lineDiff(FILE, merged), {
    added: ["published: 2024-04-10", "example: true"],
    removed: ["published: 2024-04-09", "leadInspector: Nicki Shaw HMI"],
  });
  assert.ok(merged.indexOf("example: true") > merged.indexOf("report:"), "after the field before it in the form");
  assert.equal(meaning(merged), meaning(sent));
});

keep("the body is taken as sent, and a summary changed is written again, the rest kept", () => {
  const sent = asDecapSends(
    FILE,
    (data) => {
      data.summary = "Good in every area.";
    },
    "A new explainer.\n",
  );
  const merged = mergeFrontMatter(FILE, sent);
  const { added, removed } = lineDiff(FILE, merged);
  assert.ok(added.includes("summary: Good in every area.") && added.includes("A new explainer."), added.join("\n"));
  assert.ok(removed.includes("summary: >-"));
  assert.ok(merged.endsWith("---\nA new explainer.\n"));
  assert.ok(merged.includes("    role: Cabinet member for children, education and young people's services"));
});

keep("a YAML file (no front matter) is merged the same way, comments kept", () => {
  const file = "# A scale\nname: Four-point scale # its name\ngrades:\n  - id: good\n    label: Good\n";
  const sent = stringify({ name: "Four-point scale", grades: [{ id: "good", label: "Good!" }] });
  const merged = mergeFrontMatter(file, sent);
  assert.is(merged, "# A scale\nname: Four-point scale # its name\ngrades:\n  - id: good\n    label: Good!\n");
});

keep("what it cannot follow is saved as Decap sent it, never with another meaning", () => {
  const file = "---\nbase: &b\n  a: 1\ncopy: *b\n---\nBody\n";
  const sent = "---\nbase:\n  a: 2\ncopy:\n  a: 1\n---\nBody\n";
  const merged = mergeFrontMatter(file, sent);
  assert.equal(meaning(merged), meaning(sent));
  const unreadable = "---\nkey: [unclosed\n---\n";
  assert.is(mergeFrontMatter(unreadable, sent), sent);
});

keep.run();
