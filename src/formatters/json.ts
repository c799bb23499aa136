/** The contract's JSON: ESLint-compatible, one object per linted file. */
import type { Formatter } from './types.js';

export const json: Formatter = (results) => JSON.stringify(results);
