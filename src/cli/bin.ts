import { main } from './main.js';
import { handleInterrupts } from './signals.js';

// Ctrl-C, SIGTERM, SIGHUP: stop between files; a file being written is either renamed whole or its temporary file
// removed, on every way out.
const signal = handleInterrupts();

// The report's reader went away (\`archive-lint check | head\`): every fix and the cache were written before the
// report, so stop quietly, with the status of a writer that a closed pipe stopped (128 + SIGPIPE).
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(141);
});

if (process.argv[2] === 'lsp') {
  // The language server: loaded only for it (the other commands never load the protocol's libraries), and run
  // until the editor ends it.
  const { runLsp } = await import('../lsp/main.js');
  process.exitCode = runLsp(process.argv.slice(3), process.stderr);
} else {
  const code = await main({ argv: process.argv.slice(2), cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, env: process.env, signal });
  process.exitCode = code;
}
