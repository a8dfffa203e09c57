/**
 * Who may use `npm run cms`: only the page opened from the link it printed in its terminal.
 *
 * At start it makes a secret (32 random bytes) that lives only in its own memory. The link
 * carries a one-time token, not the secret: the page served for that link (and only for it)
 * holds the secret, and layouts/admin/admin.js keeps it in the browser's storage for this
 * address (scheme, host and port: no other local server can read it) and sends it with
 * every request of the page in the `X-CMS-Session` header. The API and the configuration
 * answer nothing without it. Once used, a token opens nothing again, so the link in the
 * terminal's history, or in a browser's command line where other users can read it, is
 * worthless; a new one is printed on request (src/cli/cms.ts).
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

/** The request header the page sends the secret in. */
export const SESSION_HEADER = "x-cms-session";

export interface CmsSession {
  /** A new one-time token for the link printed in the terminal. */
  newToken(): string;
  /** The secret, for the page served for `token`; undefined when the token is not a live one (it is used up). */
  redeem(token: string | null | undefined): string | undefined;
  /** Whether the request carries the secret. */
  admits(request: IncomingMessage): boolean;
}

const random = () => randomBytes(32).toString("base64url");
const digest = (text: string) => createHash("sha256").update(text).digest();

/** Compared as digests of equal length, in constant time. */
const same = (given: string, known: Buffer) => timingSafeEqual(digest(given), known);

export function createSession(): CmsSession {
  const secret = digest(random());
  const secretText = secret.toString("base64url");
  const secretDigest = digest(secretText);
  const tokens = new Set<string>();
  return {
    newToken() {
      const token = random();
      tokens.add(token);
      return token;
    },
    redeem(token) {
      if (typeof token !== "string" || token.length > 100) return undefined;
      for (const live of tokens) {
        if (!same(token, digest(live))) continue;
        tokens.delete(live);
        return secretText;
      }
      return undefined;
    },
    admits(request) {
      const given = request.headers[SESSION_HEADER];
      return typeof given === "string" && given.length <= 100 && same(given, secretDigest);
    },
  };
}
