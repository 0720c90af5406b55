import { describe, expect, it } from 'vitest';
import { compileWholeLoader, type FlagSetter } from '../../src/commands/shared/compile-whole.js';

/** A stand-in for node:v8 that records the flags set, and whether laziness is off now. */
function recorder(): FlagSetter & { set: string[]; eager: () => boolean } {
  const set: string[] = [];
  return { set, setFlagsFromString: (f: string) => set.push(f), eager: () => set.at(-1) === '--no-lazy' };
}

describe('compileWholeLoader', () => {
  it('turns laziness off while a bundle loads, and back on once it has', async () => {
    const v8 = recorder();
    const load = compileWholeLoader(() => v8);
    let during = false;
    expect(
      await load(async () => {
        during = v8.eager();
        return 'module';
      }),
    ).toBe('module');
    expect(during).toBe(true);
    expect(v8.set).toEqual(['--no-lazy', '--lazy']);
  });

  it('turns it back on when the load throws or rejects', async () => {
    const v8 = recorder();
    const load = compileWholeLoader(() => v8);
    await expect(
      load(() => {
        throw new Error('no such file');
      }),
    ).rejects.toThrow('no such file');
    await expect(load(() => Promise.reject(new Error('bad bundle')))).rejects.toThrow('bad bundle');
    expect(v8.set).toEqual(['--no-lazy', '--lazy', '--no-lazy', '--lazy']);
  });

  it('keeps it off until the last of loads under way at once ends (archdoc mcp)', async () => {
    const v8 = recorder();
    const load = compileWholeLoader(() => v8);
    const ends: Array<() => void> = [];
    const pending = (name: string) => () => new Promise<string>((resolve) => ends.push(() => resolve(name)));
    const seen: boolean[] = [];
    const a = load(pending('a'));
    const b = load(pending('b'));
    await Promise.resolve();
    ends[0]!();
    expect(await a).toBe('a');
    seen.push(v8.eager());
    const c = load(async () => {
      seen.push(v8.eager());
      return 'c';
    });
    expect(await c).toBe('c');
    ends[1]!();
    expect(await b).toBe('b');
    seen.push(v8.eager());
    // Off while b was loading, for c too; on again only when b ended.
    expect(seen).toEqual([true, true, false]);
    expect(v8.set).toEqual(['--no-lazy', '--lazy']);
  });

  it('without a compile cache (or with laziness turned off by the user) loads as it is', async () => {
    const load = compileWholeLoader(() => undefined);
    expect(await load(async () => 42)).toBe(42);
  });
});
