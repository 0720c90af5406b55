/**
 * The few error classes archdoc throws. Every expected failure is a UserError carrying its exit
 * code; the entry point (src/entry/main.ts) is the only place that catches, prints one line and exits.
 */
/** A refused operation, or `check` found errors. */
export const EXIT_REFUSED = 1;
/** Bad usage or a bad configuration file. */
export const EXIT_USAGE = 2;

const BRAND = Symbol.for('archdoc.UserError');

export class UserError extends Error {
  /**
   * Each command is bundled on its own (docs/adr, "Ship a bundled build"), so the entry point and
   * a command may hold different copies of this class: `instanceof` checks a brand, not identity.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[BRAND] === true &&
      // biome-ignore lint/complexity/noThisInStatic: `this` is the class `instanceof` asks about, a subclass included
      (this === UserError || Function.prototype[Symbol.hasInstance].call(this, value))
    );
  }
  readonly [BRAND] = true;

  constructor(
    message: string,
    readonly exitCode: number = EXIT_REFUSED,
    /** Extra lines printed after the message (allowed next statuses, suggestions). */
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** Usage or configuration problem: exit 2. */
export class UsageError extends UserError {
  constructor(message: string, details: string[] = []) {
    super(message, EXIT_USAGE, details);
    this.name = 'UsageError';
  }
}

/** A refused operation (workflow guard, unknown id, existing file): exit 1. */
export class RefusedError extends UserError {
  constructor(message: string, details: string[] = []) {
    super(message, EXIT_REFUSED, details);
    this.name = 'RefusedError';
  }
}
