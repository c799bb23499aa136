import { mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

// For `npm run mutate`: the suite's config with a longer test timeout, since a mutation run shares the machine with
// its own checker and sandbox (and on a shared runner with others): a slow test must not stop the initial run.
export default mergeConfig(base, { test: { testTimeout: 120000 } });
