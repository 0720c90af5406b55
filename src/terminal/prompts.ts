/**
 * Prompts, behind one wrapper: nothing prompts unless stdin and stdout are TTYs and neither
 * `--yes` nor `--no-interactive` was given. Cancel (Ctrl-C) becomes a UserError.
 */
import { UserError } from '../core/errors.js';
import type { System } from './system.js';

export interface Prompter {
  /** Whether a person can be asked. */
  readonly interactive: boolean;
  input(message: string): Promise<string>;
  confirm(message: string, defaultValue?: boolean): Promise<boolean>;
}

export function isInteractive(opts: { yes?: boolean; interactive?: boolean }, system: System): boolean {
  // Options first: asking whether a stream is a terminal costs a few ms per run.
  return !opts.yes && opts.interactive !== false && system.stdout.isTTY() && system.stdinIsTTY();
}

async function cancellable<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if ((e as Error)?.name === 'ExitPromptError' || (e as Error)?.name === 'AbortPromptError') throw new UserError('Cancelled; nothing was changed.', 130);
    throw e;
  }
}

export function terminalPrompter(interactive: boolean): Prompter {
  return {
    interactive,
    async input(message) {
      const { input } = await import('@inquirer/prompts');
      return cancellable(() => input({ message, required: true }));
    },
    async confirm(message, defaultValue = false) {
      const { confirm } = await import('@inquirer/prompts');
      return cancellable(() => confirm({ message, default: defaultValue }));
    },
  };
}
