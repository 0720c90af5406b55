/**
 * Prompts, behind one wrapper: nothing prompts unless stdin and stdout are TTYs and neither
 * `--yes` nor `--no-interactive` was given. Cancel (Ctrl-C) becomes a UserError.
 */
import { UserError } from '../core/errors.js';
import type { System } from './system.js';

/** One answer of a `select` or `checkbox` question: the value returned, and what the person reads. */
export interface Choice {
  value: string;
  name: string;
}

export interface InputOptions {
  /** An empty answer is refused (the default) or returned as ''. */
  required?: boolean;
  /** true, or why the answer is refused (asked again). */
  validate?(value: string): true | string;
}

export interface Prompter {
  /** Whether a person can be asked. */
  readonly interactive: boolean;
  input(message: string, options?: InputOptions): Promise<string>;
  confirm(message: string, defaultValue?: boolean): Promise<boolean>;
  /** One of `choices`, the first one highlighted at the start. */
  select(message: string, choices: Choice[]): Promise<string>;
  /** Any number of `choices`, none ticked at the start. */
  checkbox(message: string, choices: Choice[]): Promise<string[]>;
}

/** Whether a person is at the terminal: both stdin and stdout are one. */
export function atTerminal(system: System): boolean {
  return system.stdout.isTTY() && system.stdinIsTTY();
}

export function isInteractive(opts: { yes?: boolean; interactive?: boolean }, system: System): boolean {
  // Options first: asking whether a stream is a terminal costs a few ms per run.
  return !opts.yes && opts.interactive !== false && atTerminal(system);
}

async function cancellable<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if ((e as Error)?.name === 'ExitPromptError' || (e as Error)?.name === 'AbortPromptError') throw new UserError('Cancelled; nothing was changed.', 130);
    throw e;
  }
}

/** Lists longer than this scroll. */
const PAGE_SIZE = 12;

export function terminalPrompter(interactive: boolean): Prompter {
  return {
    interactive,
    async input(message, options = {}) {
      const { input } = await import('@inquirer/prompts');
      return cancellable(() => input({ message, required: options.required ?? true, ...(options.validate ? { validate: options.validate } : {}) }));
    },
    async confirm(message, defaultValue = false) {
      const { confirm } = await import('@inquirer/prompts');
      return cancellable(() => confirm({ message, default: defaultValue }));
    },
    async select(message, choices) {
      const { select } = await import('@inquirer/prompts');
      return cancellable(() => select({ message, choices, pageSize: PAGE_SIZE }));
    },
    async checkbox(message, choices) {
      const { checkbox } = await import('@inquirer/prompts');
      return cancellable(() => checkbox({ message, choices, pageSize: PAGE_SIZE }));
    },
  };
}
