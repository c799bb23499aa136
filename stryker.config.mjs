// Mutation testing with StrykerJS: `npm run mutate` (not part of `npm test`: it runs the suite's tests once per
// mutant and takes hours on the whole scope). It changes one operator, condition or literal at a time in the
// code below and runs the tests that cover it; a mutant no test notices is a bug the suite would let through.
// Scope a run by folder: `npm run mutate -- --mutate 'src/core/walk/**/*.ts'`. The report is written to
// reports/mutation/ (HTML and JSON). Tests that run the built CLI in a child process do not count for coverage
// here (Stryker sees only the test process), so a mutant covered only through them shows as "no coverage".
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts' },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  mutate: [
    'src/core/external/**/*.ts',
    'src/core/report/**/*.ts',
    'src/core/walk/**/*.ts',
    'src/core/run/**/*.ts',
    // The fix classification of rules/: which fixes are safe, which unsafe, on each publishing site.
    'rules/no-raw-html/fixes.ts',
  ],
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  concurrency: 1,
  timeoutMS: 30000,
  // The initial run of the covering tests takes minutes on a shared 2-core runner (the default is 5).
  dryRunTimeoutMinutes: 30,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
};
