/**
 * `--baseline FILE` and `--update-baseline` for the command line: reads and writes the baseline file, asks git for
 * renames since the baseline's commit, reads the text each message points at, and filters each result as the
 * report is written (a streamed JSON report too). The baseline's logic is `core/report/baseline.ts`.
 */
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { runGit, tryGit } from '../core/walk/git.js';
import {
  BaselineError,
  compareEntries,
  countEntries,
  entriesOf,
  filterMessages,
  messageKeys,
  parseBaseline,
  serialiseBaseline,
  textAt,
  type Baseline,
  type FileEntries,
  type TextAt,
} from '../core/report/baseline.js';
import { makeResult } from '../core/report/results.js';
import { packedJson } from '../core/cache/packed.js';
import type { LintMessage, LintResult } from '../types.js';
import { relPath } from '../formatters/paths.js';

export { BaselineError };

/** Read a baseline file; a missing one is an empty baseline when it is to be written, else an error. */
export function loadBaseline(abs: string, update: boolean): Baseline {
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && update) {
      // Known before a long run: a baseline that could not be written after it.
      if (!statSync(dirname(abs), { throwIfNoEntry: false })?.isDirectory()) throw new BaselineError(`--update-baseline: cannot write ${abs}: ${dirname(abs)} is not a folder`);
      return { files: new Map(), created: true };
    }
    if (code === 'ENOENT') throw new BaselineError(`--baseline ${abs}: no such file; write it with --update-baseline`);
    throw new BaselineError(`--baseline ${abs}: cannot read it (${code ?? (e as Error).message})`);
  }
  return parseBaseline(text, abs);
}

/**
 * Files renamed since the baseline's commit, as git reports them (`git diff -M` from that commit to the work tree:
 * committed renames, and `git mv` not yet committed), old path → new path, relative to the root. A commit this
 * clone does not have is a warning: renames are then not followed.
 */
export function renamesSince(root: string, commit: string): { renamed: Map<string, string>; warning?: string } {
  const renamed = new Map<string, string>();
  if (!tryGit(root, ['rev-parse', '--verify', '--quiet', `${commit}^{commit}`])) {
    return { renamed, warning: `the baseline was written at commit ${commit.slice(0, 12)}, which this clone does not have: files renamed since keep no records (fetch more history, e.g. fetch-depth: 0)` };
  }
  let out: string;
  try {
    out = runGit(root, ['diff', '--relative', '-M', '--name-status', '-z', commit, '--', '.']);
  } catch (e) {
    return { renamed, warning: `git diff from the baseline's commit failed (${(e as Error).message.split('\n')[0]}): renames not followed` };
  }
  const parts = out.split('\0');
  for (let i = 0; i < parts.length; ) {
    const status = parts[i] ?? '';
    if (status === '') break;
    if (status.startsWith('R') || status.startsWith('C')) {
      if (status.startsWith('R')) renamed.set(parts[i + 1] as string, parts[i + 2] as string);
      i += 3;
    } else i += 2;
  }
  return { renamed };
}

/** The commit a baseline is written at: HEAD, when the root is in a git work tree with commits. */
export function headCommit(root: string): string | undefined {
  return tryGit(root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']) || undefined;
}

export interface BaselineRunOptions {
  /** The baseline file (absolute). */
  file: string;
  root: string;
  baseline: Baseline;
  /** Write the run's problems as the new baseline. */
  update: boolean;
  /** Files (root-relative) whose entries this run answers for: the files it was asked to lint, linted or gone. */
  covers: (path: string) => boolean;
  /** Whether the run lints every file it covers whole, so that records it does not find again are fixed (not `--changed`). */
  countsFixed: boolean;
  /** The text a file was linted as (a dry run's fixed text, a staged text), when it is not the file on disk. */
  textOf?: (path: string) => string | undefined;
}

/** One run's baseline: filters its results as they are written, then says (and, updating, writes) what changed. */
export class BaselineRun {
  private readonly current = new Map<string, FileEntries>();
  private hidden = 0;
  private added = 0;
  private fixed = 0;
  readonly notes: string[] = [];

  constructor(private readonly o: BaselineRunOptions) {}

  private text(path: string): TextAt | undefined {
    const given = this.o.textOf?.(path);
    if (given !== undefined) return textAt(given);
    try {
      return textAt(readFileSync(join(this.o.root, path), 'utf8').replace(/^\ufeff/, ''));
    } catch {
      return undefined;
    }
  }

  /** A result without its recorded problems (updating: without any, since all are recorded now). */
  filter = (r: LintResult): LintResult => {
    const path = relPath(this.o.root, r.filePath);
    const recorded = this.o.baseline.files.get(path);
    // Every message is an error or a warning: a result without either has none (and is not unpacked to know it).
    if (r.errorCount + r.warningCount === 0 && !recorded) return r;
    const messages = messagesOf(r);
    const t = messages.length ? this.text(path) : undefined;
    const keys = messageKeys(messages, t);
    const now = entriesOf(messages, t, keys);
    const change = compareEntries(recorded, now);
    this.added += change.added;
    this.fixed += change.removed;
    if (this.o.update) {
      if (now.size) this.current.set(path, now);
      this.hidden += countEntries(now);
      return messages.length ? makeResult(r.filePath, []) : r;
    }
    const { kept, hidden } = filterMessages(messages, keys, recorded);
    this.hidden += hidden;
    return hidden === 0 ? r : makeResult(r.filePath, kept);
  };

  /** After the report: the baseline's notes, and the new baseline written when updating. */
  finish(linted: readonly string[]): string[] {
    const lintedSet = new Set(linted.map((abs) => relPath(this.o.root, abs)));
    // Records of files this run answers for but did not lint: files deleted (or no longer included) since.
    for (const [path, entries] of this.o.baseline.files) if (this.o.covers(path) && !lintedSet.has(path)) this.fixed += countEntries(entries);
    const n = (x: number) => x.toLocaleString('en-US');
    const name = basename(this.o.file);
    if (this.o.update) {
      const next: Baseline = { files: new Map() };
      const commit = headCommit(this.o.root);
      if (commit) next.commit = commit;
      // Files the run does not answer for keep their records; the others get what the run found in them.
      for (const [path, entries] of this.o.baseline.files) if (!this.o.covers(path)) next.files.set(path, entries);
      for (const [path, entries] of this.current) next.files.set(path, entries);
      const text = serialiseBaseline(next);
      writeAtomically(this.o.file, text);
      const files = [...next.files.values()].filter((e) => countEntries(e) > 0).length;
      const total = [...next.files.values()].reduce((a, e) => a + countEntries(e), 0);
      const size = `${n(total)} problem${total === 1 ? '' : 's'} in ${n(files)} file${files === 1 ? '' : 's'} (${n(Buffer.byteLength(text))} bytes)`;
      // The first run records what is there: nothing in it is "new since the last baseline", there was none.
      this.notes.push(
        this.o.baseline.created
          ? `baseline ${name} created: ${size} recorded as they are today; runs with --baseline ${name} report only problems it does not record`
          : `baseline ${name} written: ${size}; ${n(this.added)} new since the last baseline, ${n(this.fixed)} fixed and dropped`,
      );
    } else {
      const fixed = this.o.countsFixed ? this.fixed : 0;
      this.notes.push(
        `baseline ${name}: ${n(this.hidden)} recorded problem${this.hidden === 1 ? '' : 's'} not reported${fixed ? `; ${n(fixed)} recorded problem${fixed === 1 ? ' is' : 's are'} fixed (--update-baseline drops ${fixed === 1 ? 'it' : 'them'})` : ''}`,
      );
    }
    return this.notes;
  }
}

/**
 * A result's messages. One built from packed messages (the cache's, the workers') is read from its JSON, so that
 * the result does not keep them unpacked while the report is written: on a big archive they are most of its memory.
 */
function messagesOf(r: LintResult): LintMessage[] {
  const json = packedJson(r);
  return json === undefined ? r.messages : (JSON.parse(json.toString('utf8')) as { messages: LintMessage[] }).messages;
}

/** Write a file whole or not at all: a temporary file beside it, then a rename. */
function writeAtomically(abs: string, text: string): void {
  const tmp = join(dirname(abs), `.${basename(abs)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, abs);
  } catch (e) {
    throw new BaselineError(`--update-baseline: cannot write ${abs} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}
