/**
 * Half a character: a YAML escape in double quotes may write one half of a UTF-16
 * surrogate pair on its own ("\uD800"), which is no character at all. Bytes on disk are
 * checked to be UTF-8 (read-file.ts), so only such an escape can make one. Published, it
 * would become U+FFFD (�) in the pages, the feeds and the open data, with nothing said; so
 * each text holding one is a problem at its field, with the fix.
 */
import type { ContentProblem } from "./problems.ts";
import type { FieldPath, SourceFile } from "./source-file.ts";
import { fieldName } from "./schema-problems.ts";

const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** An escape that can write one: \uD800 to \uDFFF (YAML's \U takes eight digits). */
const SURROGATE_ESCAPE = /\\(?:u|U0000)[dD][89a-fA-F][0-9a-fA-F]{2}/;

function problem(file: SourceFile, path: FieldPath, text: string): ContentProblem {
  const code = text.charCodeAt(text.search(LONE)).toString(16).toUpperCase();
  const { line, column } = file.locate(path);
  return {
    file: file.path,
    line,
    column,
    field: fieldName(path).replace(new RegExp(LONE.source, "g"), "\uFFFD"),
    message: `This text holds half of a character (U+${code}, a lone surrogate, written as an escape): it is no character at all, and would be published as �.`,
    fix: "Write the character itself instead of its escape, or both halves of its escape together (\\uD83D\\uDE00 is 😀), or delete it.",
  };
}

/** Every key and text of the file's data holding a lone surrogate, where `yamlText` has an escape that can write one. */
export function loneSurrogates(file: SourceFile, yamlText: string): ContentProblem[] {
  if (!SURROGATE_ESCAPE.test(yamlText)) return [];
  const problems: ContentProblem[] = [];
  const stack: { value: unknown; path: FieldPath }[] = [{ value: file.data, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === "string") {
      if (LONE.test(value)) problems.push(problem(file, path, value));
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push({ value: item, path: [...path, index] }));
    } else if (value !== null && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) {
        if (LONE.test(key)) problems.push(problem(file, [...path, key], key));
        else stack.push({ value: item, path: [...path, key] });
      }
    }
  }
  return problems.reverse();
}
