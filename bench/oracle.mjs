#!/usr/bin/env node
// The real generator as the oracle: build SITE with its own generator (MkDocs for a mkdocs.yml, Jekyll for a
// _config.yml with a Jekyll source tree, at the root or in docs/), check the built HTML with html-proofer (internal
// links and images only), lint the sources with archive-lint, and compare: every archive-lint error should be a
// failure html-proofer confirms (precision) and every failure html-proofer finds should be an archive-lint error
// (recall). Findings are matched by source page and target (the fragment of an anchor, else the target's last
// path segment). Prints the matched, the unconfirmed and the missed findings, then precision and recall.
//
// Usage: node bench/oracle.mjs SITE [--json]   (needs `npm run build`, and mkdocs / jekyll / htmlproofer on PATH)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => join(repoRoot, 'dist/src', p);

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw new Error(`${cmd}: ${r.error.message}`);
  return r;
}

/** The last non-empty path segment of a URL, or `#fragment` for an anchor. */
function token(url, anchor) {
  if (anchor !== undefined) return `#${anchor}`;
  const path = url.split(/[?#]/)[0];
  const parts = path.split('/').filter((p) => p !== '' && p !== '.' && p !== '..');
  return (parts.at(-1) ?? '/').replace(/\.(?:md|markdown)$/i, '');
}

function allFiles(dir, base = dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const abs = join(dir, e.name);
    if (e.isDirectory()) allFiles(abs, base, out);
    else out.push(relative(base, abs).split('\\').join('/'));
  }
  return out;
}

/** html-proofer's failures: `{ page (built, relative), url, anchor }`. */
function proofer(out) {
  const r = run('htmlproofer', [out, '--disable-external', '--allow-hash-href', '--log-level', ':error']);
  const failures = [];
  let page;
  for (const line of `${r.stdout}\n${r.stderr}`.split('\n')) {
    const p = /^- (.+\.html)$/.exec(line.trim());
    if (p) {
      page = relative(out, resolve(p[1])).split('\\').join('/');
      continue;
    }
    const f = /^\*\s+(.*)$/.exec(line.trim());
    if (!f || !page) continue;
    const text = f[1];
    let m;
    if ((m = /linking to internal hash #(\S+) that does not exist/.exec(text))) failures.push({ page, url: '', anchor: m[1], text });
    else if ((m = /internally linking to (.*?), which does not exist/.exec(text))) failures.push({ page, url: m[1], text });
    else if ((m = /internal image (.*?) does not exist/.exec(text))) failures.push({ page, url: m[1], text });
    else if ((m = /image (.*?) does not have an alt attribute/.exec(text))) continue;
    else failures.push({ page, url: text, text });
  }
  return failures;
}

/** Build the site; return the output folder, the source page of each built page, and the kind of site. */
async function build(site, work) {
  const out = join(work, 'out');
  if (existsSync(join(site, 'mkdocs.yml'))) {
    const r = run('mkdocs', ['build', '-q', '-f', join(site, 'mkdocs.yml'), '-d', out]);
    if (r.status !== 0) throw new Error(`mkdocs build failed:\n${r.stderr}`);
    const { siteProfile } = await import(dist('core/config/site.js'));
    const docs = siteProfile(site, {}).siteRoot;
    const sources = new Set(allFiles(site).filter((f) => f.startsWith(`${docs}/`)));
    const sourceOf = (page) => {
      const stem = page.replace(/(?:^|\/)index\.html$/, '');
      const candidates = stem === '' ? [`${docs}/index.md`, `${docs}/README.md`] : [`${docs}/${stem}.md`, `${docs}/${stem}/index.md`, `${docs}/${stem}/README.md`];
      return candidates.find((c) => sources.has(c)) ?? page;
    };
    return { kind: 'mkdocs', out, sourceOf };
  }
  const { jekyllSource, siteProfile } = await import(dist('core/config/site.js'));
  const source = jekyllSource(site);
  if (source === undefined) throw new Error(`${site}: neither a mkdocs.yml nor a Jekyll site (a _config.yml with _layouts/, _posts/ or a collection, at the root or in docs/)`);
  const r = run('jekyll', ['build', '-q', '--disable-disk-cache', '-s', join(site, source), '-d', out]);
  if (r.status !== 0) throw new Error(`jekyll build failed:\n${r.stderr}${r.stdout}`);
  const { jekyllUrls } = await import(dist('core/links/jekyll.js'));
  const profile = siteProfile(site, {});
  const urls = jekyllUrls(site, profile.siteRoot, allFiles(site), profile.model, 16 * 1024 * 1024);
  const sourceOf = (page) => urls.byUrl.get(`/${page}`) ?? urls.byUrl.get(`/${page.replace(/index\.html$/, '')}`) ?? page;
  return { kind: 'jekyll', out, sourceOf };
}

/** archive-lint's errors on the sources: `{ page (source, root-relative), key }`. */
function lintErrors(site) {
  const r = run(process.execPath, [join(repoRoot, 'bin/archive-lint.js'), 'check', site, '--root', site, '--no-cache', '--no-external', '--format', 'json', '--rule', 'no-raw-html=off', '--rule', 'valid-dates=off']);
  if (r.status === 2) throw new Error(`archive-lint failed:\n${r.stderr}`);
  const results = JSON.parse(r.stdout);
  const errors = [];
  let notChecked = 0;
  for (const f of results) {
    notChecked += f.notCheckedCount ?? 0;
    const page = relative(site, f.filePath).split('\\').join('/');
    for (const m of f.messages) {
      if (m.severity !== 2) continue;
      const anchor = /Anchor/.test(m.messageId ?? '') ? /'#([^']+)'/.exec(m.message)?.[1] : undefined;
      const quoted = /'([^']+)'/.exec(m.message)?.[1] ?? '';
      errors.push({ page, key: token(quoted, anchor), text: `${m.line}:${m.column} ${m.ruleId}/${m.messageId} ${m.message}` });
    }
  }
  return { errors, notChecked };
}

/** Compare archive-lint with html-proofer on the site the generator builds from SITE. */
export async function oracle(siteDir) {
  const site = resolve(siteDir);
  const work = mkdtempSync(join(tmpdir(), 'archive-lint-oracle-'));
  try {
    // Built from a copy: generators write caches into their source.
    const copy = join(work, 'src');
    cpSync(site, copy, { recursive: true });
    const built = await build(copy, work);
    const seen = new Set();
    const failures = [];
    for (const f of proofer(built.out)) {
      const page = built.sourceOf(f.page);
      const key = token(f.url, f.anchor);
      // html-proofer says the same failure once per element that carries it (a link in a table of contents too).
      if (seen.has(`${page}\0${key}`)) continue;
      seen.add(`${page}\0${key}`);
      failures.push({ page, key, text: f.text });
    }
    const { errors, notChecked } = lintErrors(copy);
    const matched = [];
    const unconfirmed = [];
    const left = [...failures];
    for (const e of errors) {
      const i = left.findIndex((f) => f.page === e.page && f.key === e.key);
      if (i >= 0) matched.push({ error: e, failure: left.splice(i, 1)[0] });
      else unconfirmed.push(e);
    }
    const precision = errors.length === 0 ? 1 : matched.length / errors.length;
    const recall = failures.length === 0 ? 1 : (failures.length - left.length) / failures.length;
    return { kind: built.kind, errors: errors.length, failures: failures.length, matched, unconfirmed, missed: left, notChecked, precision, recall };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const site = process.argv[2];
  if (!site) {
    console.error('usage: node bench/oracle.mjs SITE [--json]');
    process.exit(2);
  }
  const r = await oracle(site);
  if (process.argv.includes('--json')) console.log(JSON.stringify(r, null, 2));
  else {
    console.log(`${site}: a ${r.kind} site; archive-lint ${r.errors} errors (${r.notChecked} not checked), html-proofer ${r.failures} failures`);
    for (const { error, failure } of r.matched) console.log(`  confirmed  ${error.page}: ${error.text}\n             html-proofer: ${failure.text}`);
    for (const e of r.unconfirmed) console.log(`  UNCONFIRMED ${e.page}: ${e.text}`);
    for (const f of r.missed) console.log(`  MISSED     ${f.page}: html-proofer: ${f.text}`);
    console.log(`precision ${r.precision.toFixed(3)} (${r.matched.length}/${r.errors}), recall ${r.recall.toFixed(3)} (${r.failures - r.missed.length}/${r.failures})`);
  }
}
