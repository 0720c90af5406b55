/**
 * A scripted terminal for behaviour tests of what archdoc asks (create, new): a Prompter that
 * answers each question by its message, and an Output that keeps what is printed.
 */
import { Chalk } from 'chalk';
import type { Output } from '../src/terminal/output.js';
import type { Choice, Prompter } from '../src/terminal/prompts.js';

/** An answer: text, a checkbox's values, or yes/no. */
export type Answer = string | string[] | boolean;

export interface Asked {
  message: string;
  /** The choices offered, by value, in order (select and checkbox). */
  choices?: string[];
}

export interface ScriptedPrompter extends Prompter {
  asked: Asked[];
  /** Why each refused input was refused: its validation's message, or `required`. */
  refused: string[];
  /** The messages of the questions asked, in order. */
  messages(): string[];
  /** The choices the question with `message` offered. */
  offered(message: string): string[] | undefined;
}

/**
 * Answers questions by their message, in order for a message asked again (an input refused by its
 * validation is asked again, as inquirer does). A question without an answer fails the test, and
 * so does a select or checkbox answer that is not among the choices offered.
 */
export function scripted(answers: Record<string, Answer[]>): ScriptedPrompter {
  const asked: Asked[] = [];
  const refused: string[] = [];
  const next = (message: string): Answer => {
    const queue = answers[message];
    if (!queue?.length) throw new Error(`unexpected question: ${message}`);
    return queue.shift()!;
  };
  const among = (message: string, choices: Choice[], answer: string) => {
    if (!choices.some((c) => c.value === answer)) throw new Error(`${answer} is not among the choices of ${message}`);
  };
  return {
    interactive: true,
    asked,
    refused,
    messages: () => asked.map((a) => a.message),
    offered: (message) => asked.find((a) => a.message === message)?.choices,
    async input(message, options = {}) {
      asked.push({ message });
      for (;;) {
        const answer = String(next(message));
        const valid = options.validate?.(answer) ?? true;
        if (valid === true && (answer !== '' || options.required === false)) return answer;
        refused.push(valid === true ? 'required' : valid);
      }
    },
    async confirm(message) {
      asked.push({ message });
      return Boolean(next(message));
    },
    async select(message, choices: Choice[]) {
      asked.push({ message, choices: choices.map((c) => c.value) });
      const answer = String(next(message));
      among(message, choices, answer);
      return answer;
    },
    async checkbox(message, choices: Choice[]) {
      asked.push({ message, choices: choices.map((c) => c.value) });
      const answer = next(message) as string[];
      for (const a of answer) among(message, choices, a);
      return answer;
    },
  };
}

/** An Output that keeps every line printed, stdout and stderr alike, without colour. */
export function capture(): Output & { lines: string[] } {
  const lines: string[] = [];
  return { lines, out: (t = '') => lines.push(t), err: (t = '') => lines.push(t), raw: (t) => lines.push(t), c: new Chalk({ level: 0 }) };
}
