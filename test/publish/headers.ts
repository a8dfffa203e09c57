/**
 * Reads a Netlify-style `_headers` file as a host would: lines that start at the margin
 * are path patterns (`*` matches the rest of a path), indented `Name: value` lines follow.
 */
export interface ParsedRule {
  path: string;
  headers: Record<string, string>;
}

export function parseHeadersFile(file: string): ParsedRule[] {
  const rules: ParsedRule[] = [];
  for (const line of file.split("\n")) {
    if (!line.trim() || line.trim().startsWith("#")) continue;
    const header = /^\s+([^:]+):\s*(.*)$/.exec(line);
    if (!/^\s/.test(line)) rules.push({ path: line.trim(), headers: {} });
    else if (header && rules.length > 0) rules[rules.length - 1]!.headers[header[1]!] = header[2]!;
  }
  return rules;
}

export function ruleMatches(rule: ParsedRule, path: string): boolean {
  return rule.path.endsWith("*") ? path.startsWith(rule.path.slice(0, -1)) : path === rule.path;
}

/**
 * The headers an address gets. A header set by two matching rules is an error: hosts
 * differ in what they send then, and a browser enforces every policy it is sent.
 */
export function headersFor(rules: readonly ParsedRule[], path: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules.filter((candidate) => ruleMatches(candidate, path))) {
    for (const [name, value] of Object.entries(rule.headers)) {
      if (name in headers)
        throw new Error(`${path} gets ${name} from two rules of _headers (the second is ${rule.path}).`);
      headers[name] = value;
    }
  }
  return headers;
}
