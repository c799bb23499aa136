/**
 * Stage: parse and extract (src/core/parse/, the vendored parser in vendor/). In: a path (or a text) and the
 * resolved settings and rules. Out: the file's outcome, plain data: its per-file messages, its facts (links, images,
 * anchors, URLs), suppressions and line starts. Also here: what a rule is made of (rule.ts) and the helpers rules
 * read text with (runs, dates, HTML tags).
 *
 * The per-file step: read, decode, parse once, run the per-file rules, extract links and anchors.
 * A pure function of a path and the resolved settings to plain data, so it can run on worker threads
 * and be cached.
 */
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { VFile } from 'vfile';
import type { Processor } from 'unified';
import type { Root } from 'mdast';
import { baseProcessor, parseText } from './parse.js';
import { hashBytes } from '../cache/cache.js';
import { extract } from './extract.js';
import { decodeText, lineStarts } from '../walk/text.js';
import { applySuppressions } from './suppress.js';
import { effectiveSeverity, metaOf, type FileContext, type RuleModule, type Site } from './rule.js';
import type { RuleConfigs } from '../config/config.js';
import type { SiteModel } from '../config/site.js';
import type { RepoIdentity } from '../links/github.js';
import { capMessages, compareMessages, toMessage } from '../report/results.js';
import type { FileOutcome, FileStamp, Fix, LintMessage, RawProblem, Severity } from '../../types.js';

export interface ProcessSettings {
  root: string;
  rules: RuleConfigs;
  repo?: RepoIdentity;
  mirrors: Record<string, string>;
  maxFileSize: number;
  /** Past this many messages, the rest are one summary message (default: no limit). */
  maxMessagesPerFile?: number;
  /** The publishing profile: the slugs of heading anchors, and what rules' safe fixes may drop. */
  site?: Site;
  /** How the site's generator makes ids and URLs (attr_list ids, footnotes, directory URLs). */
  siteModel?: SiteModel;
}

const processors = new Map<string, Processor<Root>>();

function processorFor(rules: readonly RuleModule[], configs: RuleConfigs): Processor<Root> {
  const key = JSON.stringify(rules.map((r) => configs[r.meta.id] ?? null));
  let p = processors.get(key);
  if (!p) {
    p = baseProcessor();
    for (const rule of rules) {
      const c = configs[rule.meta.id];
      if (!c || c.severity === 0) continue;
      p.use(rule.plugin, [c.severity, c.options]);
    }
    p.freeze();
    processors.set(key, p);
  }
  return p;
}

/** Read a file whole, refusing one that is larger than the limit before reading it. */
function readBytes(abs: string, maxSize: number): { bytes: Uint8Array; stamp: FileStamp } | { reason: string; io: boolean } {
  let fd: number;
  try {
    fd = openSync(abs, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { reason: code === 'ENOENT' ? 'file deleted during the run (ENOENT); not linted' : `cannot read: ${code ?? (e as Error).message}`, io: true };
  }
  try {
    // Taken before the read: a file that changes while it is read does not match it afterwards.
    const { size, mtimeMs, ctimeMs, ino } = fstatSync(fd);
    if (size > maxSize) {
      return { reason: `file is ${(size / 1048576).toFixed(1)} MiB, over the limit of ${(maxSize / 1048576).toFixed(1)} MiB (maxFileSize); not linted`, io: false };
    }
    const buf = Buffer.allocUnsafe(size);
    let off = 0;
    while (off < size) {
      const n = readSync(fd, buf, off, size - off, off);
      if (n === 0) break;
      off += n;
    }
    // When it was read, taken after the read: a write in the same tick of the file system's clock is caught.
    return { bytes: buf.subarray(0, off), stamp: { size: off, mtimeMs, ctimeMs, ino, checkedAt: Date.now() } };
  } catch (e) {
    return { reason: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, io: true };
  } finally {
    closeSync(fd);
  }
}

/** The outcome of a file that could not be linted, with the reason. */
export function emptyOutcome(path: string, error: string, errorKind: FileOutcome['errorKind']): FileOutcome {
  return { path, messages: [], facts: { path, anchors: [], references: [] }, suppressions: [], lineStarts: [0], error, errorKind };
}

export function processText(path: string, text: string, rules: readonly RuleModule[], settings: ProcessSettings): FileOutcome {
  const processor = processorFor(rules, settings.rules);
  const tree = parseText(processor, text);
  const { facts, htmlScans, textRanges } = extract(tree, text, path, settings.site, settings.siteModel);
  const starts = lineStarts(text);
  const file = new VFile({ path: join(settings.root, path), value: text, cwd: settings.root });
  const reported: RawProblem[] = [];
  const ctx: FileContext = { root: settings.root, path, text, lineStarts: starts, facts, htmlScans, textRanges, mirrors: settings.mirrors, engine: true, problems: reported };
  if (settings.repo) ctx.repo = settings.repo;
  if (settings.site && settings.site !== 'github') ctx.site = settings.site;
  if (settings.siteModel) ctx.siteModel = settings.siteModel;
  file.data = { archiveLint: ctx };
  processor.runSync(tree, file);
  // A rule that threw (unified-lint-rule turns the exception into a message of the rule): never a warning of that
  // rule, but a fatal error of the file; what the rule had found is dropped, the other rules' findings stay.
  const failures: LintMessage[] = [];
  const failed = new Set<string>();
  for (const m of file.messages) {
    if (!(m.cause instanceof Error)) continue;
    const ruleId = m.ruleId ?? 'unknown';
    failed.add(ruleId);
    const where = m.cause.stack?.split('\n').find((l) => /^\s+at /.test(l))?.trim();
    failures.push({ ruleId: null, severity: 2, fatal: true, message: `internal error in rule ${ruleId}: ${m.cause.name}: ${m.cause.message}${where ? ` (${where})` : ''}; its findings in this file are lost (please report this failure)`, line: 1, column: 1 });
  }
  const found: RawProblem[] = reported.filter((p) => !failed.has(p.ruleId));
  // Messages of plugins that do not know the engine.
  for (const m of file.messages) {
    if (m.cause instanceof Error) continue;
    const extra = m as unknown as { messageId?: string; offsets?: [number, number]; fix?: Fix; fixKind?: 'safe' | 'unsafe'; severityOverride?: Severity; occurrences?: number };
    const place = m.place && 'start' in m.place ? m.place.start : m.place;
    const start = extra.offsets?.[0] ?? place?.offset ?? 0;
    const p: RawProblem = { ruleId: m.ruleId ?? 'unknown', messageId: extra.messageId ?? m.ruleId ?? 'unknown', message: m.reason, start, end: extra.offsets?.[1] ?? start };
    if (extra.fix) p.fix = extra.fix;
    if (extra.fixKind === 'unsafe') p.fixKind = 'unsafe';
    if (extra.severityOverride !== undefined) p.severity = extra.severityOverride;
    if (extra.occurrences !== undefined) p.occurrences = extra.occurrences;
    found.push(p);
  }
  // Inline suppression comments: the per-file problems they silence, and where cross-file ones would be silenced.
  const known = rules.map((r) => r.meta.id);
  const cross = rules.filter((r) => r.crossFile || r.meta.external).map((r) => r.meta.id);
  const external = rules.filter((r) => r.meta.external).map((r) => r.meta.id);
  const applied = applySuppressions(tree, text, starts, known, cross, external, found, facts.references);
  const problems = applied.kept;
  const suppressed = applied.suppressed;
  // Warnings about the comments themselves (an unknown rule name): of no rule, never silenced.
  const notes = applied.warnings.map((p) => ({ ...toMessage(p, 1, starts), ruleId: null }));
  const extraMessages = [...failures, ...notes];
  const tally = { notChecked: 0 };
  const final = finalMessages(problems, rules, settings, starts, tally);
  const messages = extraMessages.length ? [...extraMessages, ...final].sort(compareMessages) : final;
  const { notChecked } = tally;
  return {
    path,
    messages: settings.maxMessagesPerFile ? capMessages(messages, settings.maxMessagesPerFile) : messages,
    facts,
    suppressions: applied.suppressions,
    ...(applied.comments ? { comments: applied.comments } : {}),
    lineStarts: starts,
    ...(suppressed ? { suppressed } : {}),
    ...(notChecked ? { notChecked } : {}),
  };
}

/**
 * Problems as the report shows them: with the severities their rule's metadata gives under the profile, as the
 * config sets the rule (rules off dropped; what the profile cannot check counted in `tally`), positioned, sorted.
 */
function finalMessages(problems: readonly RawProblem[], rules: readonly RuleModule[], settings: ProcessSettings, starts: readonly number[], tally: { notChecked: number }): LintMessage[] {
  const out: LintMessage[] = [];
  for (const p of problems) {
    const severity = effectiveSeverity(metaOf(rules, p.ruleId), p, settings.site, settings.rules[p.ruleId]?.severity ?? 2);
    if (severity === 'not-checked') tally.notChecked++;
    else if (severity > 0) out.push(toMessage(p, severity, starts));
  }
  return out.sort(compareMessages);
}

export interface Source {
  bytes: Uint8Array;
  text: string;
  bom: boolean;
  /** The file's stat when it was read, and when. */
  stamp: FileStamp;
}

/** Read and decode a file, or say why it cannot be linted. */
export function readSource(abs: string, maxSize: number): Source | { reason: string; kind: 'io' | 'content' } {
  const read = readBytes(abs, maxSize);
  if (!('bytes' in read)) return { reason: read.reason, kind: read.io ? 'io' : 'content' };
  const decoded = decodeText(read.bytes);
  if (!('text' in decoded)) return { reason: decoded.reason, kind: 'content' };
  return { bytes: read.bytes, text: decoded.text, bom: decoded.bom, stamp: read.stamp };
}

export function processFile(path: string, rules: readonly RuleModule[], settings: ProcessSettings): FileOutcome {
  const source = readSource(join(settings.root, path), settings.maxFileSize);
  if (!('text' in source)) return emptyOutcome(path, source.reason, source.kind);
  const outcome = processSource(path, source, rules, settings);
  outcome.hash = hashBytes(source.bytes);
  outcome.stamp = source.stamp;
  return outcome;
}

/** A file for the per-file step: its path, and its text when it was read already (a fix pass). */
export interface FileJob {
  path: string;
  text?: string;
  bom?: boolean;
}

/** A job's size, for its time budget: the text it carries, else the file's size on disk (0 when it cannot be read). */
export function jobSize(root: string, job: FileJob): number {
  if (job.text !== undefined) return job.text.length;
  try {
    return statSync(join(root, job.path)).size;
  } catch {
    return 0;
  }
}

/** The per-file step on one job: read the file, or take the text the job carries. */
export function processJob(job: FileJob, rules: readonly RuleModule[], settings: ProcessSettings): FileOutcome {
  return job.text === undefined ? processFile(job.path, rules, settings) : processSource(job.path, { text: job.text, bom: job.bom ?? false }, rules, settings);
}

/** The per-file step on text already read (fix passes run it again on the fixed text). */
export function processSource(path: string, source: { text: string; bom: boolean }, rules: readonly RuleModule[], settings: ProcessSettings): FileOutcome {
  try {
    const outcome = processText(path, source.text, rules, settings);
    if (source.bom) outcome.bom = true;
    return outcome;
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    if (err instanceof RangeError && /call stack/i.test(err.message)) {
      // The parser or a rule recursed past the stack: a text nested thousands of levels deep.
      return emptyOutcome(path, 'not linted: the text nests too deeply to parse (the parser ran out of stack: thousands of nested block quotes, lists or elements)', 'content');
    }
    const where = err.stack?.split('\n').find((l) => /^\s+at /.test(l))?.trim();
    return emptyOutcome(path, `internal error: ${err.name}: ${err.message}${where ? ` (${where})` : ''}`, 'internal');
  }
}
