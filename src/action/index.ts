/** The Action's entry point (bundled to .github/action/index.js): the runner's environment in, an exit code out. */
import { runAction } from './main.js';
import { handleInterrupts } from '../cli/signals.js';

// A cancelled job (SIGINT, then SIGTERM): stop between files; temporary files removed on every way out.
const signal = handleInterrupts();

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
});
process.exitCode = await runAction({ env: process.env, stdout: process.stdout, stderr: process.stderr, signal });
