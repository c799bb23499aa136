/**
 * `archive-lint mv OLD NEW`: move a page or a folder (git mv in a repository) and rewrite every link to it, and
 * the relative links of what moves, keeping each link's form; `--dry-run` prints the diff and writes nothing.
 */
import { relative, resolve, sep } from 'node:path';
import { archiveLinks } from '../core/graph/links-to.js';
import { executeMove, planMove } from '../core/graph/move.js';
import { FileCache } from '../core/cache/cache.js';
import { visible } from '../core/walk/text.js';
import { createTwoFilesPatch } from 'diff';
import { unifiedDiff } from './diff.js';
import { cacheWarnings, type ArchiveSetup } from './setup.js';
import type { MainIO } from './io.js';

/** The hunks of a page that moves, between its old and new path. */
function patch(a: string, b: string, before: string, after: string, bom: boolean): string {
  const p = createTwoFilesPatch(`a/${a}`, `b/${b}`, (bom ? '\ufeff' : '') + before, (bom ? '\ufeff' : '') + after, undefined, undefined, { context: 3 });
  return p.replace(/^(?:Index: .*\n)?=+\n/, '');
}

function rootRelative(io: MainIO, root: string, arg: string, usage: ArchiveSetup['usage']): string {
  const rel = relative(root, resolve(io.cwd, arg)).split(sep).join('/');
  if (rel === '..' || rel.startsWith('../') || /^[a-zA-Z]:/.test(rel) || rel.startsWith('/')) throw usage(`${arg}: outside the root ${root}; give --root`);
  return rel;
}

export async function mvCommand(io: MainIO, args: readonly string[], options: { dryRun: boolean; force: boolean }, setup: ArchiveSetup): Promise<number> {
  const { root, config, repo, cacheKey, cacheLocation, cacheSecret, usage } = setup;
  if (args.length !== 2) throw usage('mv takes two paths: OLD NEW (a page or a folder, and where it goes)');
  const from = rootRelative(io, root, args[0] as string, usage);
  const to = rootRelative(io, root, args[1] as string, usage);
  const cache = cacheLocation === undefined ? undefined : new FileCache(cacheLocation, cacheKey, { root, ...(cacheSecret ? { secret: cacheSecret } : {}) });
  const links = archiveLinks({ root, config, repo, cache });
  for (const w of cacheWarnings(cache)) io.stderr.write(`archive-lint: warning: ${visible(w)}\n`);
  const plan = planMove(links, { root, config, repo, from, to });
  if (typeof plan === 'string') throw usage(plan);
  for (const u of plan.unrewritable) io.stderr.write(`archive-lint: ${visible(u.path)}:${u.line}:${u.column}: cannot rewrite the link '${visible(u.url)}' (its text is not the URL as written)\n`);
  if (plan.unrewritable.length && !options.force) {
    io.stderr.write(`archive-lint: not moved: ${plan.unrewritable.length} link${plan.unrewritable.length === 1 ? '' : 's'} to ${visible(from)} cannot be rewritten; fix ${plan.unrewritable.length === 1 ? 'it' : 'them'} by hand, or give --force to move anyway\n`);
    return 2;
  }
  const linksCount = plan.edits.reduce((n, e) => n + e.links, 0);
  const what = `${plan.folder ? `folder (${plan.moves.length} files)` : 'file'} ${visible(from)} → ${visible(to)}`;
  if (options.dryRun) {
    // git's shape: a rename header for each file that moves, and the diff of each page whose links change.
    const edits = new Map(plan.edits.map((e) => [e.path, e]));
    const out: string[] = [];
    for (const [a, b] of plan.moves) {
      const e = edits.get(a);
      out.push(`diff --git a/${a} b/${b}\nrename from ${a}\nrename to ${b}\n${e ? patch(a, b, e.before, e.after, e.bom) : ''}`);
    }
    for (const e of plan.edits) if (e.newPath === e.path) out.push(unifiedDiff({ path: e.path, before: e.before, after: e.after, bom: e.bom, fixes: e.links, written: false }));
    io.stdout.write(out.join(''));
    io.stderr.write(`archive-lint: mv --dry-run: would move the ${what} and rewrite ${linksCount} link${linksCount === 1 ? '' : 's'} in ${plan.edits.length} file${plan.edits.length === 1 ? '' : 's'}; nothing was written\n`);
    return 0;
  }
  const done = executeMove(root, plan, config.maxFileSize);
  if (typeof done === 'string') {
    io.stderr.write(`archive-lint: ${visible(done)}\n`);
    return 2;
  }
  io.stderr.write(`archive-lint: moved the ${what}${done.git ? ' (git mv)' : ''}; rewrote ${linksCount} link${linksCount === 1 ? '' : 's'} in ${done.written.length} file${done.written.length === 1 ? '' : 's'}\n`);
  return 0;
}
