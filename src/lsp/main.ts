/**
 * `archive-lint lsp [--stdio]`: the language server's entry point. It speaks on the process's stdin and stdout
 * (`--stdio`, which editors' clients pass, is the only transport); the editor ends it (`shutdown`, `exit`), or it
 * ends when its input closes.
 */
import { startServer } from './server.js';

/** Start the server, or say why not (exit code 2 for bad usage, as the CLI). */
export function runLsp(args: readonly string[], stderr: { write(s: string): unknown }): number | undefined {
  const unknown = args.filter((a) => a !== '--stdio' && !a.startsWith('--clientProcessId'));
  if (unknown.length) {
    stderr.write(`archive-lint: lsp: unknown argument '${unknown[0] as string}': the server speaks on stdin and stdout (--stdio) only; see docs/editors.md\n`);
    return 2;
  }
  startServer({ input: process.stdin, output: process.stdout });
  return undefined;
}
