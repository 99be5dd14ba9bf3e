/**
 * The one error type of the domain. A DomainError carries every problem found at once, each
 * naming the field at fault by its path in the input (`interviewers[3].email`) or null.
 */

/** Kebab-case codes shared by the domain, the API and the CLI. Issues may add their own. */
export type ProblemCode =
  | 'required'
  | 'not-in-list'
  | 'invalid'
  | 'too-long'
  | 'out-of-range'
  | 'not-found'
  | 'unauthenticated'
  | 'rate-limited'
  | (string & {});

export interface Suggestion {
  label: string;
  [key: string]: unknown;
}

export interface Problem {
  field: string | null;
  code: ProblemCode;
  message: string;
  suggestions?: Suggestion[];
  /** For problems found in a CSV file: the line (the header is line 1). */
  line?: number;
}

export class DomainError extends Error {
  readonly problems: Problem[];

  constructor(problems: Problem[]) {
    const first = problems[0];
    super(first ? first.message : 'Something is wrong with the input');
    this.name = 'DomainError';
    this.problems = problems;
  }

  /** The code of the first problem: what the HTTP and CLI edges map to a status. */
  get code(): ProblemCode {
    return this.problems[0]?.code ?? 'invalid';
  }

  static single(
    code: ProblemCode,
    message: string,
    field: string | null = null,
    suggestions?: Suggestion[],
  ): DomainError {
    return new DomainError([{ field, code, message, ...(suggestions ? { suggestions } : {}) }]);
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}

/** Collects problems while validating, so that every bad field is reported at once. */
export class ProblemList {
  readonly items: Problem[] = [];

  add(field: string | null, code: ProblemCode, message: string, suggestions?: Suggestion[]): void {
    this.items.push({ field, code, message, ...(suggestions ? { suggestions } : {}) });
  }

  get isEmpty(): boolean {
    return this.items.length === 0;
  }

  /** Throws a DomainError holding every problem collected, when there is any. */
  throwIfAny(): void {
    if (this.items.length > 0) throw new DomainError([...this.items]);
  }
}
