/**
 * A language-server client for tests: `archive-lint lsp --stdio` (the built command, as an editor starts it) driven
 * over stdio with vscode-jsonrpc, the protocol library the editors' clients are built on.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

const bin = fileURLToPath(new URL('../../bin/archive-lint.js', import.meta.url));

export interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity?: number;
  code?: string;
  source?: string;
  message: string;
  relatedInformation?: { location: { uri: string; range: Diagnostic['range'] }; message: string }[];
  data?: unknown;
}

export interface Published {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

export class LspClient {
  readonly connection: MessageConnection;
  readonly child: ChildProcess;
  /** Every diagnostics notification, in order. */
  readonly published: Published[] = [];
  private waiters: { test: (p: Published) => boolean; resolve: (p: Published) => void }[] = [];
  private versions = new Map<string, number>();
  stderr = '';

  constructor(readonly root: string) {
    this.child = spawn(process.execPath, [bin, 'lsp', '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr?.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout as NodeJS.ReadableStream), new StreamMessageWriter(this.child.stdin as NodeJS.WritableStream));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: Published) => {
      this.published.push(p);
      this.waiters = this.waiters.filter((w) => {
        if (!w.test(p)) return true;
        w.resolve(p);
        return false;
      });
    });
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/showMessageRequest', () => null);
    this.connection.listen();
  }

  uri(path: string): string {
    return pathToFileURL(join(this.root, path)).href;
  }

  async initialize(initializationOptions: Record<string, unknown> = {}): Promise<{ capabilities: Record<string, unknown> }> {
    const result = await this.connection.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(this.root).href,
      workspaceFolders: [{ uri: pathToFileURL(this.root).href, name: 'archive' }],
      capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: { relatedInformation: true } } },
      initializationOptions,
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** The next diagnostics published for `path` that pass `test` (or already published, from `since` on). */
  diagnostics(path: string, test: (d: Diagnostic[]) => boolean = () => true, since = 0, timeoutMs = 20000): Promise<Diagnostic[]> {
    const uri = this.uri(path);
    const ok = (p: Published) => p.uri === uri && test(p.diagnostics);
    const seen = this.published.slice(since).filter(ok).at(-1);
    if (seen) return Promise.resolve(seen.diagnostics);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${path} that pass the test within ${timeoutMs} ms; published: ${JSON.stringify(this.published.filter((p) => p.uri === uri).map((p) => p.diagnostics.map((d) => d.message)))}\n${this.stderr}`)), timeoutMs);
      this.waiters.push({ test: ok, resolve: (p) => (clearTimeout(timer), resolve(p.diagnostics)) });
    });
  }

  open(path: string, text: string): Promise<void> {
    this.versions.set(path, 1);
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: this.uri(path), languageId: 'markdown', version: 1, text } });
  }

  /** An incremental edit: replace a range with text. */
  edit(path: string, range: Diagnostic['range'], text: string): Promise<void> {
    const version = (this.versions.get(path) ?? 1) + 1;
    this.versions.set(path, version);
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri: this.uri(path), version }, contentChanges: [{ range, text }] });
  }

  version(path: string): number {
    return this.versions.get(path) ?? 0;
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest<T>(method, params);
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  async close(): Promise<number | null> {
    const exited = new Promise<number | null>((r) => this.child.once('exit', (code) => r(code)));
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      this.child.kill();
    }
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}

/** A text with edits applied (LSP ranges, UTF-16 positions), as an editor applies a workspace edit. */
export function applyEdits(text: string, edits: { range: Diagnostic['range']; newText: string }[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const off = (p: { line: number; character: number }) => (starts[p.line] ?? text.length) + p.character;
  const sorted = [...edits].sort((a, b) => off(b.range.start) - off(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, off(e.range.start)) + e.newText + out.slice(off(e.range.end));
  return out;
}
