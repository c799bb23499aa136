/**
 * `archive-lint lsp`: a language server on stdio (vscode-languageserver), a thin adapter on the core. In: the
 * editor's open texts and the workspace's file events; out: diagnostics (the CLI's rules, config and profile,
 * and the cross-file checks against the live archive), code actions, links, hover, definitions, completion.
 *
 * Each open text is linted as it is typed: edits that arrive while one is linted are gathered into the next run,
 * a large text goes to a resident worker under the config's time budget, and a text over `maxFileSize` is not
 * linted; the server answers other requests meanwhile. When an edit adds or removes an anchor, the pages whose
 * links point at it get their diagnostics again (published for them, open or not), and the page itself says
 * which links elsewhere now miss (related information).
 */
import { availableParallelism } from 'node:os';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type DiagnosticRelatedInformation,
  type DocumentLink,
  type InitializeParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadConfig, ConfigError, type ResolvedConfig } from '../core/config/config.js';
import { defaultCacheLocation } from '../core/cache/cache.js';
import { gitBranch, gitRemoteRepo, gitTopLevel } from '../core/walk/git.js';
import { parseRepoSlug, type RepoIdentity } from '../core/links/github.js';
import { rules, rulesModule } from '../rule-set.js';
import { LiveArchive } from './archive.js';
import { pathOf, rangeOf, toDiagnostic, uriOf } from './convert.js';
import { FIX_ALL_KIND, fixActions, fixAllText, silenceActions, wholeEdit } from './actions.js';
import { completionsFor, definitionOf, diskText, fileFor, hoverOf, refAt, targetOf, typedUrl } from './navigate.js';
import type { FileOutcome } from '../types.js';

/** What the editor may pass as `initializationOptions`. */
export interface ServerSettings {
  /** A config file (as `--config`), relative to the root. */
  config?: string;
  /** The cache folder (as `--cache-location`). */
  cacheLocation?: string;
}

interface DocState {
  /** Edits arrived since the last run started. */
  dirty: boolean;
  running: boolean;
  /** The outcome of the text at `version`. */
  outcome?: FileOutcome;
  version?: number;
  /** The line of the last edit: where a removed anchor was most likely renamed. */
  editLine: number;
}

/** Names of config files: a change to one reloads the archive. */
const CONFIG_NAMES = new Set(['archive-lint.config.json', '.archive-lintrc.json', 'package.json']);

/** At most this many links elsewhere listed under a page's diagnostic about its missing anchors, from so many pages. */
const MAX_RELATED = 50;
const MAX_RELATED_PAGES = 20;

/** Outcomes of files read from disk (not open), kept for the pages shown again after an edit. */
const DISK_OUTCOMES = 64;

function repoOf(root: string, config: ResolvedConfig): RepoIdentity | undefined {
  const base = config.repository !== undefined ? parseRepoSlug(config.repository) : gitRemoteRepo(root);
  if (!base) return undefined;
  return { ...base, branch: config.branch ?? gitBranch(root) ?? 'main' };
}

export function startServer(io: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream }): Connection {
  const connection = createConnection(ProposedFeatures.all, io.input, io.output);
  // The open texts, kept here rather than by TextDocuments, whose change handler would hide each edit's place.
  const documents = new Map<string, TextDocument>();
  const states = new Map<string, DocState>();
  const diskOutcomes = new Map<string, FileOutcome>();
  /** Files that are not open and have diagnostics published by this server. */
  const published = new Set<string>();
  let root = process.cwd();
  let settings: ServerSettings = {};
  let watchRegistration = false;
  let archive: Promise<LiveArchive | undefined> = new Promise(() => undefined);

  const stateOf = (uri: string): DocState => {
    let st = states.get(uri);
    if (!st) states.set(uri, (st = { dirty: false, running: false, editLine: 0 }));
    return st;
  };
  const openUriOf = (path: string): string | undefined => {
    const uri = uriOf(resolve(root, path));
    return documents.get(uri) ? uri : undefined;
  };

  async function loadArchive(): Promise<LiveArchive | undefined> {
    try {
      const config = await loadConfig(root, settings.config, rules, {}, root);
      const cacheLocation = settings.cacheLocation ? resolve(root, settings.cacheLocation) : defaultCacheLocation(root);
      const { archive: a, stats } = await LiveArchive.load({ root, config, repo: repoOf(root, config), rules, rulesModule, cacheLocation, concurrency: Math.max(1, Math.min(availableParallelism(), 4)) });
      connection.console.info(`archive-lint: ${stats.files} files indexed under ${root} (${config.site}) in ${stats.ms} ms: ${stats.fromCache} Markdown files from the cache, ${stats.linted} linted`);
      const started = performance.now();
      void a.pending.then(() => connection.console.info(`archive-lint: index complete (the files the cache lacked read in ${Math.round(performance.now() - started)} ms more)`));
      return a;
    } catch (e) {
      const message = e instanceof ConfigError ? e.message : `cannot index ${root}: ${(e as Error).message}`;
      void connection.window.showErrorMessage(`archive-lint: ${message}`);
      connection.console.error(`archive-lint: ${message}`);
      return undefined;
    }
  }

  /** The outcome of a file that is not open, from disk (kept a while). */
  async function diskOutcome(a: LiveArchive, path: string): Promise<FileOutcome> {
    let o = diskOutcomes.get(path);
    if (!o) {
      o = await a.outcomeOf(path);
      diskOutcomes.set(path, o);
      if (diskOutcomes.size > DISK_OUTCOMES) diskOutcomes.delete(diskOutcomes.keys().next().value as string);
    }
    return o;
  }

  /** The outcome a file has now: the open text's, or the disk's. */
  async function outcomeNow(a: LiveArchive, path: string): Promise<FileOutcome> {
    const uri = openUriOf(path);
    const o = uri ? states.get(uri)?.outcome : undefined;
    return o ?? diskOutcome(a, path);
  }

  /**
   * A diagnostic on a page whose anchors other pages link to and that it lacks: each such link as related
   * information, where the editor can jump to it.
   */
  async function incoming(a: LiveArchive, path: string, text: string, editLine: number): Promise<Diagnostic[]> {
    const missing = a.missingIncoming(path);
    if (!missing.size) return [];
    const pages = new Set<string>();
    for (const files of missing.values()) for (const f of files) pages.add(f);
    // The links' places, from the first pages (each read once, kept a while): a page linked from thousands of
    // others is not made to read them all on every keystroke.
    const related: DiagnosticRelatedInformation[] = [];
    let read = 0;
    for (const f of pages) {
      if (related.length >= MAX_RELATED || read >= MAX_RELATED_PAGES) break;
      read++;
      const o = await outcomeNow(a, f);
      if (o.error) continue;
      for (const ref of o.facts.references) {
        const t = targetOf(a, f, ref);
        if (t.kind !== 'local' || t.fragment === undefined || !missing.get(t.fragment)?.includes(f) || fileFor(a, t.path) !== path) continue;
        if (related.length < MAX_RELATED) related.push({ location: { uri: uriOf(a.abs(f)), range: rangeOf(o.lineStarts, ref.start, ref.end) }, message: `links to '#${t.fragment}'` });
      }
    }
    const names = [...missing.keys()].slice(0, 5).map((f) => `'#${f}'`);
    const lines = text.split(/\r\n|\n|\r/);
    const line = /^ {0,3}#{1,6}(\s|$)/.test(lines[editLine] ?? '') ? editLine : 0;
    const more = missing.size > names.length ? ` and ${missing.size - names.length} more` : '';
    const complete = read === pages.size && related.length < MAX_RELATED;
    if (complete && !related.length) return [];
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const who = complete ? `${plural(related.length, 'link')} in ${plural(pages.size, 'other page')}` : `Links in ${plural(pages.size, 'other page')}`;
    const message = `${who} ${complete && related.length === 1 ? 'points' : 'point'} at ${names.join(', ')}${more}, which this page does not have`;
    return [
      {
        range: { start: { line, character: 0 }, end: { line, character: (lines[line] ?? '').length } },
        severity: DiagnosticSeverity.Information,
        source: 'archive-lint',
        code: 'no-broken-links',
        message,
        relatedInformation: related,
      },
    ];
  }

  /** Publish an open text's diagnostics from its last outcome (the cross-file ones against the archive now). */
  async function publishOpen(a: LiveArchive, uri: string): Promise<void> {
    const st = states.get(uri);
    const doc = documents.get(uri);
    const path = pathOf(root, uri);
    if (!st?.outcome || !doc || path === undefined || st.version !== doc.version) return;
    const diagnostics = a.messagesOf(st.outcome).map((m) => toDiagnostic(m, st.version ?? null));
    diagnostics.push(...(await incoming(a, path, doc.getText(), st.editLine)));
    if (documents.get(uri)?.version === st.version) await connection.sendDiagnostics({ uri, version: st.version, diagnostics });
  }

  /** Show a file's diagnostics again: an open one from its text, another from disk (published for it). */
  async function republish(a: LiveArchive, path: string): Promise<void> {
    const uri = openUriOf(path);
    if (uri) return publishOpen(a, uri);
    if (a.index.stat(path) !== 'file' || !a.lints(path)) {
      if (published.delete(path)) await connection.sendDiagnostics({ uri: uriOf(a.abs(path)), diagnostics: [] });
      return;
    }
    const o = await diskOutcome(a, path);
    published.add(path);
    await connection.sendDiagnostics({ uri: uriOf(a.abs(path)), diagnostics: a.messagesOf(o).map((m) => toDiagnostic(m, null)) });
  }

  async function lintOpen(a: LiveArchive, uri: string): Promise<void> {
    const doc = documents.get(uri);
    const st = stateOf(uri);
    const path = pathOf(root, uri);
    if (!doc) return;
    if (path === undefined || !a.lints(path)) {
      await connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    const version = doc.version;
    const o = await a.outcomeOf(path, doc.getText());
    // Typed on meanwhile: the next run takes the newer text.
    if (documents.get(uri)?.version !== version) return;
    st.outcome = o;
    st.version = version;
    published.delete(path);
    diskOutcomes.delete(path);
    const affected = a.update(o);
    await publishOpen(a, uri);
    for (const f of affected) await republish(a, f);
    // Other open pages: this text's links may now miss (or find) their anchors.
    for (const other of documents.keys()) if (other !== uri && states.get(other)?.outcome) await publishOpen(a, other);
  }

  /** Lint a text as it is typed: one run at a time a document, the edits of the meantime gathered into the next. */
  function schedule(uri: string): void {
    const st = stateOf(uri);
    st.dirty = true;
    if (st.running) return;
    st.running = true;
    void (async () => {
      try {
        const a = await archive;
        while (st.dirty && a) {
          st.dirty = false;
          await new Promise((r) => setImmediate(r));
          await lintOpen(a, uri);
        }
      } catch (e) {
        connection.console.error(`archive-lint: ${(e as Error).stack ?? String(e)}`);
      } finally {
        st.running = false;
      }
    })();
  }

  connection.onInitialize((params: InitializeParams) => {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
    if (folder?.startsWith('file:')) {
      const abs = fileURLToPath(folder);
      root = gitTopLevel(abs) ?? abs;
    }
    settings = (params.initializationOptions as ServerSettings | undefined) ?? {};
    watchRegistration = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        definitionProvider: true,
        documentLinkProvider: { resolveProvider: true },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['(', '/', '#', '"', "'"] },
      },
      serverInfo: { name: 'archive-lint' },
    };
  });

  connection.onInitialized(() => {
    archive = loadArchive();
    void archive.then((a) => {
      if (a) for (const uri of documents.keys()) schedule(uri);
    });
    if (watchRegistration) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] });
  });

  connection.onDidOpenTextDocument(({ textDocument: t }) => {
    documents.set(t.uri, TextDocument.create(t.uri, t.languageId, t.version, t.text));
    schedule(t.uri);
  });
  connection.onDidChangeTextDocument(({ textDocument: t, contentChanges }) => {
    const doc = documents.get(t.uri);
    if (!doc) return;
    documents.set(t.uri, TextDocument.update(doc, contentChanges, t.version));
    const last = contentChanges.at(-1);
    stateOf(t.uri).editLine = last && 'range' in last ? last.range.start.line : 0;
    schedule(t.uri);
  });
  connection.onDidCloseTextDocument(({ textDocument: t }) => {
    documents.delete(t.uri);
    states.delete(t.uri);
    void connection.sendDiagnostics({ uri: t.uri, diagnostics: [] });
  });

  connection.onDidChangeWatchedFiles(async (params) => {
    const a = await archive;
    if (!a) return;
    if (params.changes.some((c) => CONFIG_NAMES.has(basename(c.uri)) && pathOf(root, c.uri) === basename(c.uri))) {
      // The config changed: the archive is indexed again under it, and every open text linted again.
      await a.close();
      archive = loadArchive();
      for (const uri of documents.keys()) schedule(uri);
      return;
    }
    const affected = new Set<string>();
    for (const change of params.changes) {
      const path = pathOf(root, change.uri);
      if (path === undefined || path.startsWith('.git/') || path.startsWith('node_modules/') || path.startsWith('.archive-lint-cache/')) continue;
      diskOutcomes.delete(path);
      let hit: Set<string>;
      if (change.type === FileChangeType.Created) hit = a.fileCreated(path);
      else if (change.type === FileChangeType.Deleted) hit = a.fileDeleted(path);
      else if (openUriOf(path)) continue; // The editor's text is the file while it is open.
      else hit = a.fileChanged(path);
      for (const f of hit) affected.add(f);
      if (published.has(path)) affected.add(path);
    }
    for (const f of affected) await republish(a, f);
    for (const uri of documents.keys()) {
      const path = pathOf(root, uri);
      if (path !== undefined && !affected.has(path)) await publishOpen(a, uri);
    }
  });

  connection.onCodeAction(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    const a = await archive;
    const path = pathOf(root, params.textDocument.uri);
    if (!doc || !a || path === undefined) return [];
    const only = params.context.only;
    const actions: CodeAction[] = [];
    const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
    if (wants(CodeActionKind.QuickFix)) actions.push(...fixActions(doc, params.context.diagnostics), ...silenceActions(doc, params.context.diagnostics));
    const fixable = params.context.diagnostics.some((d) => d.source === 'archive-lint' && (d.data as { fix?: unknown } | undefined)?.fix);
    if (wants(FIX_ALL_KIND) && (fixable || only)) {
      const version = doc.version;
      const fixed = await fixAllText(a, path, doc.getText());
      if (fixed !== undefined && documents.get(doc.uri)?.version === version) actions.push({ title: 'Fix all safe archive-lint problems in this file', kind: FIX_ALL_KIND, edit: { changes: { [doc.uri]: [wholeEdit(doc, fixed)] } } });
    }
    return actions;
  });

  /** The outcome of an open text as it is now (linted now when its last run is older). */
  async function current(uri: string): Promise<{ a: LiveArchive; o: FileOutcome; doc: TextDocument; path: string } | undefined> {
    const doc = documents.get(uri);
    const a = await archive;
    const path = pathOf(root, uri);
    if (!doc || !a || path === undefined) return undefined;
    const st = stateOf(uri);
    const o = st.outcome && st.version === doc.version ? st.outcome : await a.outcomeOf(path, doc.getText());
    return o.error ? undefined : { a, o, doc, path };
  }

  const textOf = (a: LiveArchive) => (path: string) => {
    const uri = openUriOf(path);
    return uri ? documents.get(uri)?.getText() : diskText(a, path);
  };

  connection.onDefinition(async (params) => {
    const c = await current(params.textDocument.uri);
    const ref = c && refAt(c.o, c.doc.offsetAt(params.position));
    return c && ref ? (definitionOf(c.a, c.path, ref, textOf(c.a)) ?? null) : null;
  });

  connection.onDocumentLinks(async (params) => {
    const c = await current(params.textDocument.uri);
    if (!c) return [];
    const links: DocumentLink[] = [];
    for (const ref of c.o.facts.references) {
      const t = targetOf(c.a, c.path, ref);
      if (t.kind !== 'local' || t.via === 'mirror') continue;
      const file = fileFor(c.a, t.path);
      if (file === undefined) continue;
      const link: DocumentLink = { range: { start: c.doc.positionAt(ref.start), end: c.doc.positionAt(ref.end) }, tooltip: file };
      if (t.fragment) link.data = { uri: params.textDocument.uri, offset: ref.start };
      else link.target = uriOf(c.a.abs(file));
      links.push(link);
    }
    return links;
  });

  connection.onDocumentLinkResolve(async (link) => {
    const data = link.data as { uri: string; offset: number } | undefined;
    const c = data && (await current(data.uri));
    const ref = c && data ? refAt(c.o, data.offset) : undefined;
    const loc = c && ref ? definitionOf(c.a, c.path, ref, textOf(c.a)) : undefined;
    // `#L12` after a file URI: the line editors open it at.
    if (loc) link.target = `${loc.uri}#L${loc.range.start.line + 1}`;
    return link;
  });

  connection.onHover(async (params) => {
    const c = await current(params.textDocument.uri);
    const offset = c?.doc.offsetAt(params.position);
    const ref = c && offset !== undefined ? refAt(c.o, offset) : undefined;
    if (!c || !ref) return null;
    const problems = [...c.o.messages, ...c.a.crossMessages(c.o)]
      .filter((m) => {
        const start = c.doc.offsetAt({ line: m.line - 1, character: m.column - 1 });
        return start >= ref.start && start <= ref.end;
      })
      .map((m) => `${m.severity === 2 ? 'error' : 'warning'}: ${m.message}`);
    return { ...hoverOf(c.a, c.o, ref, problems), range: { start: c.doc.positionAt(ref.start), end: c.doc.positionAt(ref.end) } };
  });

  connection.onCompletion(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    const a = await archive;
    const path = pathOf(root, params.textDocument.uri);
    if (!doc || !a || path === undefined) return null;
    const prefix = doc.getText({ start: { line: params.position.line, character: 0 }, end: params.position });
    const typed = typedUrl(prefix);
    if (typed === undefined) return null;
    const st = states.get(params.textDocument.uri);
    const own = st?.outcome && !st.outcome.error ? st.outcome.facts.anchors : [];
    return completionsFor(a, path, typed, params.position, own);
  });

  connection.onShutdown(async () => {
    const a = await Promise.race([archive, Promise.resolve(undefined)]);
    await a?.close();
  });

  connection.listen();
  return connection;
}
