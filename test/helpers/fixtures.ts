import { fileURLToPath } from 'node:url';

/** Absolute path of a folder under test/fixtures/. */
export const fixture = (...parts: string[]): string => fileURLToPath(new URL(`../fixtures/${parts.join('/')}`, import.meta.url));

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
