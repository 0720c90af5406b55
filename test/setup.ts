/**
 * Runs before each test file. Test files share their worker's modules (`isolate: false` in
 * test/vitest.config.ts), so a hook registered when test/helpers.ts is first imported would serve
 * the first file only; registered here, it serves every file.
 */
import { afterEach } from 'vitest';
import { cleanUp } from './helpers.js';

// Temp repositories live for one test; runs shared by several tests keep their output, not their folder.
afterEach(cleanUp);
