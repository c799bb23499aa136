// esbuild bundles of the command line and of the GitHub Action, with the parsing worker and the rule set beside
// each entry point (the worker pool loads `./worker.js` next to the code that spawns it; the workers import the
// rules from `./rules.js`, the URL src/rule-set.ts gives them in a bundle).
import { URL, fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** The project's root: entry points and the paths in the bundles' comments are relative to it. */
const absWorkingDir = fileURLToPath(new URL('../..', import.meta.url));

const shared = {
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  // ES module builds first: jsonc-parser's UMD build requires its parts in a way no bundler follows.
  mainFields: ['module', 'main'],
  target: 'node20',
  // Bundled CommonJS packages call require(): give the ES module one.
  banner: { js: "import { createRequire as __archiveLintRequire } from 'node:module'; const require = __archiveLintRequire(import.meta.url);" },
  logLevel: 'warning',
  absWorkingDir,
};

/** The command line, from tsc's output in dist/ (dependencies stay installed beside it). */
export function bundleCli(outdir) {
  // Loaded only when needed (a config file; external checks) and installed anyway as dependencies: not copied in.
  return build({ ...shared, entryPoints: { bin: 'dist/src/cli/bin.js', worker: 'dist/src/core/run/worker.js', rules: 'dist/rules/index.js' }, outdir, external: ['ajv', 'undici'] });
}

/**
 * The GitHub Action, from the TypeScript sources, with every dependency inside: GitHub installs nothing for an
 * action, so what .github/action/ holds is all that runs. Committed; tests/action.test.ts fails when it differs
 * from a fresh build (`npm run build:action` writes it).
 */
export function bundleAction(outdir) {
  return build({ ...shared, entryPoints: { index: 'src/action/index.ts', worker: 'src/core/run/worker.ts', rules: 'rules/index.ts' }, outdir, legalComments: 'none', charset: 'utf8' });
}
