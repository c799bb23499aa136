// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'fixtures/**', 'coverage/**', 'bench/node_modules/**', 'src/core/parse/vendor/**/*.js', '.scratch/**', '.github/action/**', 'editors/*/dist/**', 'editors/*/node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    // Layering: rules never reach into the CLI or the reporters.
    files: ['rules/**/*.ts', 'src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/cli/**', '**/formatters/**'] }],
      'no-restricted-properties': ['error', { object: 'process', property: 'exit' }],
    },
  },
  {
    // No arrow back up: the core imports no rule (its callers pass the rules in).
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/cli/**', '**/formatters/**', '**/rules/**', '**/rule-set.js'] }],
    },
  },
  {
    files: ['bin/**/*.js', 'bench/**/*.{js,mjs,ts}', 'src/tools/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: { 'no-console': 'off' },
  },
);
