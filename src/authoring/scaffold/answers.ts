/**
 * Where `npm run new` gets each value: from its option (`--start 2025-06-02`) or, when a
 * person is at a terminal and left it out, from a question. A value that is wrong is
 * explained and asked again at a terminal; given as an option, it stops the command.
 */

/** A value the command cannot use, or one it needs and was not given: exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

export const accept = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const refuse = (problem: string): Parsed<never> => ({ ok: false, problem });

export interface Choice {
  id: string;
  label: string;
}

/** Asks a person. Only used when stdin is a terminal; tests pass scripted answers. */
export interface Prompter {
  /** One line of text; `suggestion` is used when the answer is empty. */
  question(text: string, suggestion?: string): Promise<string>;
  /** Says something without asking. */
  say(text: string): void;
}

export interface Ask<T> {
  /** The option's name without dashes, as the error messages name it. */
  option: string;
  /** The question, as a person would be asked it. */
  question: string;
  /** What the value is, for the message when the option is missing: "the first day of the visit, YYYY-MM-DD". */
  what: string;
  parse: (answer: string) => Parsed<T>;
  /** Offered at a terminal, numbered; an answer can be the number or the id. */
  choices?: readonly Choice[];
  /** Used for an empty answer at a terminal. */
  suggestion?: string;
}

export class Answers {
  constructor(
    private readonly options: Readonly<Record<string, string | undefined>>,
    private readonly prompter: Prompter | undefined,
  ) {}

  get interactive(): boolean {
    return this.prompter !== undefined;
  }

  given(option: string): boolean {
    return this.options[option] !== undefined;
  }

  say(text: string): void {
    this.prompter?.say(text);
  }

  /** An optional value: undefined when it is neither given nor (at a terminal) answered. */
  async optional<T>(ask: Ask<T | undefined>): Promise<T | undefined> {
    if (!this.given(ask.option) && !this.prompter) return undefined;
    return this.get({ ...ask, parse: (answer) => (answer === "" ? accept(undefined) : ask.parse(answer)) });
  }

  async get<T>(ask: Ask<T>): Promise<T> {
    const given = this.options[ask.option];
    if (given !== undefined) {
      const parsed = ask.parse(given.trim());
      if (!parsed.ok) throw new UsageError(`--${ask.option} ${given}: ${parsed.problem}`);
      return parsed.value;
    }
    if (!this.prompter) {
      const choices = ask.choices
        ? ` One of: ${ask.choices.map((choice) => `${choice.id} (${choice.label})`).join(", ")}.`
        : "";
      throw new UsageError(`Give --${ask.option}: ${ask.what}.${choices}`);
    }
    if (ask.choices) {
      this.prompter.say(ask.question);
      ask.choices.forEach((choice, index) => this.prompter!.say(`  ${index + 1}. ${choice.label} (${choice.id})`));
    }
    for (;;) {
      const answer = (
        await this.prompter.question(ask.choices ? "Your choice (number or id):" : ask.question, ask.suggestion)
      ).trim();
      const picked = ask.choices && /^\d+$/.test(answer) ? ask.choices[Number(answer) - 1]?.id : undefined;
      const parsed = ask.parse(picked ?? (answer === "" && ask.suggestion !== undefined ? ask.suggestion : answer));
      if (parsed.ok) return parsed.value;
      this.prompter.say(parsed.problem);
    }
  }
}
