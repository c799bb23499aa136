// The VS Code side of archive-lint: start `archive-lint lsp --stdio` for the workspace and hand it Markdown files
// (vscode-languageclient does the protocol). Everything the editor shows comes from the server.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const settings = workspace.getConfiguration('archive-lint');
  const folder = workspace.workspaceFolders?.[0]?.uri.fsPath;
  const configured = settings.get<string[]>('command') ?? [];
  const local = folder ? join(folder, 'node_modules', '.bin', process.platform === 'win32' ? 'archive-lint.cmd' : 'archive-lint') : undefined;
  const [command, ...args] = configured.length ? configured : [local && existsSync(local) ? local : 'archive-lint'];
  const server: ServerOptions = { command: command as string, args: [...args, 'lsp'], transport: TransportKind.stdio, options: folder ? { cwd: folder } : {} };
  const initializationOptions: Record<string, string> = {};
  const config = settings.get<string>('config');
  const cacheLocation = settings.get<string>('cacheLocation');
  if (config) initializationOptions.config = config;
  if (cacheLocation) initializationOptions.cacheLocation = cacheLocation;
  client = new LanguageClient('archive-lint', 'archive-lint', server, {
    documentSelector: [{ scheme: 'file', language: 'markdown' }],
    // Files created, changed and deleted on disk: the server registers its own watcher (every file: a deleted
    // image breaks links too).
    initializationOptions,
  });
  context.subscriptions.push(client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
