/**
 * Control characters other than tab and newline (NUL, ESC, backspace, the C1 controls
 * U+0080 to U+009F) have no place in text an editor writes: they are invisible in most
 * editors, usually pasted from a PDF or a terminal, and would reach the pages, the feeds
 * and the open data as they are (an ESC in a CSV opened in a terminal starts an escape
 * sequence). Each line holding one is a problem; the characters are then read as U+FFFD
 * (the replacement character, one column wide as they were) so that the rest of the file
 * is still checked in the same pass. Carriage returns never get here: the reader has
 * already made every line break a newline.
 */
import type { ContentProblem } from "./problems.ts";

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const EVERY_CONTROL = new RegExp(CONTROL.source, "g");

/** Lines told one by one before the rest are counted in one problem: a binary file would otherwise list thousands. */
const LINES_TOLD = 10;

const NAMES: Record<number, string> = { 0x00: "NUL", 0x08: "backspace", 0x0c: "form feed", 0x1b: "escape (ESC)", 0x7f: "delete" };

function describe(character: string): string {
  const code = character.codePointAt(0)!;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  return NAMES[code] ? `${hex} (${NAMES[code]})` : hex;
}

export function controlCharacters(path: string, text: string): { text: string; problems: ContentProblem[] } {
  if (!CONTROL.test(text)) return { text, problems: [] };
  const problems: ContentProblem[] = [];
  const untold: number[] = [];
  text.split("\n").forEach((line, index) => {
    const column = line.search(CONTROL);
    if (column === -1) return;
    if (problems.length === LINES_TOLD) {
      untold.push(index + 1);
      return;
    }
    const count = line.match(EVERY_CONTROL)!.length;
    problems.push({
      file: path,
      line: index + 1,
      column: column + 1,
      field: "",
      message: `This line holds ${count === 1 ? `a control character, ${describe(line[column]!)}` : `${count} control characters, the first ${describe(line[column]!)}`}: invisible in most editors, it would be published as it is.`,
      fix: "Delete it: retype the text around it if you cannot see it (it usually comes from copying out of a PDF or a terminal).",
    });
  });
  if (untold.length > 0) {
    problems.push({
      file: path,
      line: untold[0]!,
      column: 1,
      field: "",
      message: `${untold.length} more ${untold.length === 1 ? "line holds" : "lines hold"} control characters, from this line on.`,
      fix: "If the file is not text (an image or a PDF saved with a .md or .yaml name), remove it from the content folder; otherwise delete them.",
    });
  }
  return { text: text.replace(EVERY_CONTROL, "\uFFFD"), problems };
}
