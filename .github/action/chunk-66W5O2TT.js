import { createRequire as __archiveLintRequire } from 'node:module'; const require = __archiveLintRequire(import.meta.url);
import {
  AtomicFile,
  IoError,
  LIMITS,
  VFile,
  baseProcessor,
  decodeText,
  distance,
  eachNode,
  extract,
  lineStarts,
  ok,
  parseText,
  pointAt,
  readBounded,
  readBoundedIfAny,
  repoFromRemote,
  visit,
  writeFileAtomic
} from "./chunk-V7DUJVQY.js";

// src/core/parse/process-file.ts
import { closeSync, fstatSync, openSync, readSync, statSync as statSync2 } from "node:fs";
import { join as join3 } from "node:path";

// src/core/cache/cache.ts
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, join as join2, relative, resolve, sep } from "node:path";

// src/core/walk/git.ts
import { execFileSync } from "node:child_process";
function runGit(cwd, args) {
  return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 256 * 1024 * 1024 });
}
function tryGit(cwd, args) {
  try {
    return runGit(cwd, args).trim();
  } catch {
    return void 0;
  }
}
function git(cwd, args) {
  return tryGit(cwd, args) || void 0;
}
function gitTopLevel(cwd) {
  return git(cwd, ["rev-parse", "--show-toplevel"]);
}
function gitRemoteRepo(cwd) {
  const url = git(cwd, ["remote", "get-url", "origin"]);
  return url ? repoFromRemote(url) : void 0;
}
function gitBranch(cwd) {
  const b = git(cwd, ["rev-parse", "--abbrev-ref", "HEAD"]);
  return b && b !== "HEAD" ? b : void 0;
}

// src/core/cache/cache.ts
import { deserialize, serialize } from "node:v8";

// src/core/cache/secret.ts
import { randomBytes } from "node:crypto";
import { homedir } from "node:os";
import { join } from "node:path";
function secretFile(env, home = homedir()) {
  const base = env.XDG_CACHE_HOME || (process.platform === "win32" && env.LOCALAPPDATA ? env.LOCALAPPDATA : join(home, ".cache"));
  return join(base, "archive-lint", "secret");
}
var cached = /* @__PURE__ */ new Map();
function machineSecret(file) {
  const known = cached.get(file);
  if (known) return known;
  let result;
  try {
    const held = readBoundedIfAny(file, { maxBytes: 1024, what: "cache secret" });
    if (held !== void 0 && /^[0-9a-f]{64}\n?$/.test(held.toString("latin1"))) {
      result = { secret: Buffer.from(held.toString("latin1").trim(), "hex"), file };
    } else {
      writeFileAtomic(file, `${randomBytes(32).toString("hex")}
`, { mode: 384 });
      const kept = readBoundedIfAny(file, { maxBytes: 1024, what: "cache secret" })?.toString("latin1").trim() ?? "";
      if (!/^[0-9a-f]{64}$/.test(kept)) throw new Error(`${file}: not a secret written by archive-lint`);
      result = { secret: Buffer.from(kept, "hex"), file };
    }
  } catch (e) {
    const why = e instanceof IoError ? e.message : e.message;
    result = { secret: randomBytes(32), warning: `the cache cannot be reused by later runs: its secret cannot be kept (${why})` };
  }
  cached.set(file, result);
  return result;
}

// src/core/cache/cache.ts
var MAGIC = "archive-lint-cache";
var FORMAT = 9;
var BAD = /* @__PURE__ */ Symbol("bad frame");
var FRAME_HEAD = 20;
var MAC_BYTES = 16;
function frameMac(secret, scope, body) {
  return createHmac("sha256", secret).update(scope).update(body).digest().subarray(0, MAC_BYTES);
}
var STAT_GRANULARITY_MS = 2e3;
function defaultSecret() {
  return machineSecret(secretFile(process.env)).secret;
}
function hashBytes(bytes) {
  return createHash("sha1").update(bytes).digest("hex");
}
function trackedByGit(root, location2) {
  const rel = relative(root, location2);
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) return void 0;
  const tracked = tryGit(root, ["ls-files", "-z", "--", rel.split(sep).join("/")]);
  if (!tracked) return void 0;
  const n = tracked.split("\0").filter((x) => x !== "").length;
  return `the cache folder ${location2} holds ${n} file${n === 1 ? "" : "s"} tracked by git: a committed cache is never used; not reading or writing a cache this run (git rm -r --cached it, and let its .gitignore keep it out)`;
}
function defaultCacheLocation(root) {
  return existsSync(join2(root, "node_modules")) ? join2(root, "node_modules", ".cache", "archive-lint") : join2(root, ".archive-lint-cache");
}
function makeFolder(dir) {
  const missing = [];
  let at = resolve(dir);
  for (; ; ) {
    let st;
    try {
      st = statSync(at);
    } catch (e) {
      const code = e.code;
      if (code !== "ENOENT" && code !== "ENOTDIR") return `cannot read ${at} (${code ?? e.message})`;
    }
    if (st) {
      if (!st.isDirectory()) return `${at} is not a folder`;
      break;
    }
    const up = dirname(at);
    if (up === at) return `${at} does not exist`;
    missing.push(at);
    at = up;
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
    } catch (e) {
      const code = e.code;
      if (code === "EEXIST" && statSync(folder, { throwIfNoEntry: false })?.isDirectory()) continue;
      return `cannot create ${folder} (${code ?? e.message})`;
    }
  }
  return void 0;
}
var OWN_FILE = /^fix\.lock(?:\.[\w-]+\.stale)?$|^(?:(?:messages|outcomes|links)\.v8|urls\.json)(?:\.[\w-]+\.tmp)?$|^\.(?:(?:messages|outcomes|links)\.v8|urls\.json)\.archive-lint-\d+-[0-9a-f]+\.tmp$/;
function ensureGitignore(dir, root) {
  const file = join2(dir, ".gitignore");
  try {
    if (existsSync(file) || !readdirSync(dir).every((name) => OWN_FILE.test(name))) return;
    writeFileAtomic(file, "# Written by archive-lint: its cache is never committed.\n*\n", root === void 0 ? {} : { root });
  } catch {
  }
}
var Store = class {
  constructor(file, kind, key, auth, toDisk = (entry) => entry) {
    this.file = file;
    this.kind = kind;
    this.key = key;
    this.auth = auth;
    this.toDisk = toDisk;
  }
  file;
  kind;
  key;
  auth;
  toDisk;
  entries;
  dirty = false;
  warning;
  get headScope() {
    return `${MAGIC}\0${FORMAT}\0${this.kind}\0`;
  }
  get entryScope() {
    return `${this.headScope}${this.key}\0`;
  }
  map() {
    if (this.entries) return this.entries;
    this.entries = /* @__PURE__ */ new Map();
    let bytes;
    try {
      bytes = readBounded(this.file, { maxBytes: LIMITS.cache, what: "cache file", ...this.auth.root === void 0 ? {} : { root: this.auth.root } });
    } catch (e) {
      if (e instanceof IoError && e.problem !== "not-found") {
        this.warning = `ignoring ${this.file}: ${e.reason}; rebuilding it`;
        this.dirty = true;
      }
      return this.entries;
    }
    try {
      let at = 0;
      const frame = (scope) => {
        if (at + FRAME_HEAD > bytes.length) throw new Error("unexpected end of file");
        const n = bytes.readUInt32LE(at);
        const mac = bytes.subarray(at + 4, at + FRAME_HEAD);
        at += FRAME_HEAD;
        if (at + n > bytes.length) throw new Error("unexpected end of file");
        const body = bytes.subarray(at, at + n);
        at += n;
        return timingSafeEqual(frameMac(this.auth.secret, scope, body), mac) ? deserialize(body) : BAD;
      };
      const head = frame(this.headScope);
      if (head === BAD) {
        this.warning = `ignoring ${this.file}: not written by archive-lint on this machine (its authentication fails); rebuilding it`;
        this.dirty = true;
      } else if (head?.magic !== MAGIC || head.format !== FORMAT || head.kind !== this.kind || typeof head.count !== "number") {
        this.warning = `ignoring ${this.file}: not an archive-lint cache of this format; rebuilding it`;
        this.dirty = true;
      } else if (head.key !== this.key) {
        this.dirty = true;
      } else {
        const entries = /* @__PURE__ */ new Map();
        let bad = 0;
        for (let k = 0; k < head.count; k++) {
          const value = frame(this.entryScope);
          if (value === BAD) {
            bad++;
            continue;
          }
          const [path, entry] = value;
          entries.set(path, entry);
        }
        if (at !== bytes.length) throw new Error("bytes after the last entry");
        if (bad > Math.max(8, head.count / 100)) throw new Error(`${bad} of ${head.count} entries fail their authentication`);
        if (bad) {
          this.warning = `${this.file}: ${bad} ${bad === 1 ? "entry fails its" : "entries fail their"} authentication; linting ${bad === 1 ? "its file" : "their files"} again`;
          this.dirty = true;
        }
        this.entries = entries;
      }
    } catch (e) {
      this.warning = `ignoring ${this.file}: corrupt or truncated (${e.message}); rebuilding it`;
      this.dirty = true;
    }
    return this.entries;
  }
  loaded() {
    return this.entries !== void 0;
  }
  /** Whether the last failed save failed to make the folder (not to write the file). */
  lastSaveUnplaced = false;
  save() {
    this.lastSaveUnplaced = false;
    if (!this.dirty || !this.entries) return void 0;
    const head = { magic: MAGIC, format: FORMAT, kind: this.kind, key: this.key, count: this.entries.size };
    let out;
    try {
      out = AtomicFile.open(this.file, this.auth.root === void 0 ? {} : { root: this.auth.root });
      ensureGitignore(dirname(this.file), this.auth.root);
      const file = out;
      let held = [];
      let size = 0;
      const put = (value, scope) => {
        const bytes = serialize(value);
        const frameHead = Buffer.allocUnsafe(FRAME_HEAD);
        frameHead.writeUInt32LE(bytes.length);
        frameMac(this.auth.secret, scope, bytes).copy(frameHead, 4);
        held.push(frameHead, bytes);
        size += FRAME_HEAD + bytes.length;
        if (size >= 1 << 20) flush();
      };
      const flush = () => {
        file.write(Buffer.concat(held, size));
        held = [];
        size = 0;
      };
      put(head, this.headScope);
      for (const [path, entry] of this.entries) put([path, this.toDisk(entry)], this.entryScope);
      flush();
      out.commit();
      this.dirty = false;
      return void 0;
    } catch (e) {
      this.lastSaveUnplaced = e instanceof IoError && e.path !== this.file && out === void 0;
      out?.abort();
      if (e instanceof IoError) return `cannot write the cache ${this.file}: ${e.reason}`;
      return `cannot write the cache ${this.file}: ${e.code ?? e.message}`;
    }
  }
};
function statNow(root, path) {
  try {
    const st = statSync(join2(root, path));
    return { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino, checkedAt: Date.now() };
  } catch {
    return void 0;
  }
}
function statTrusted(now, stamp) {
  if (now.size !== stamp.size || now.mtimeMs !== stamp.mtimeMs || now.ctimeMs !== stamp.ctimeMs || now.ino !== stamp.ino) return false;
  return Math.max(now.mtimeMs, now.ctimeMs) + STAT_GRANULARITY_MS < stamp.checkedAt;
}
var FileCache = class {
  messagesStore;
  outcomesStore;
  linksStore;
  hits = 0;
  misses = 0;
  /** Each file's size and modification time (null: gone), taken once a run. */
  stats = /* @__PURE__ */ new Map();
  hashes = /* @__PURE__ */ new Map();
  /**
   * `secret`: the machine's (secret.ts), which authenticates every frame; `root`: the archive root, for a cache
   * folder inside it (no symbolic link on the way is read or written through).
   */
  constructor(location2, key, options = {}) {
    const auth = { secret: options.secret ?? defaultSecret(), root: options.root };
    this.messagesStore = new Store(join2(location2, "messages.v8"), "messages", key, auth);
    this.outcomesStore = new Store(join2(location2, "outcomes.v8"), "outcomes", key, auth, (e) => e.outcome instanceof Uint8Array ? e : { ...e, outcome: serialize(e.outcome) });
    this.linksStore = new Store(join2(location2, "links.v8"), "links", key, auth);
  }
  get stores() {
    return [this.messagesStore, this.outcomesStore, this.linksStore];
  }
  get warnings() {
    return this.stores.map((s) => s.warning).filter((w) => w !== void 0);
  }
  /** The file's stat now (taken once a run), or undefined when it is gone. */
  stamp(root, path) {
    let st = this.stats.get(path);
    if (st === void 0) {
      st = statNow(root, path) ?? null;
      this.stats.set(path, st);
    }
    return st ?? void 0;
  }
  /**
   * Is the file still what the stamp says? Stat decides only where it cannot lie (`statTrusted`); otherwise the
   * file is read and hashed, and, when its content is the same, the stamp is renewed (`touched`).
   */
  fresh(root, path, stamp) {
    const st = this.stamp(root, path);
    if (!st) return false;
    if (st.size !== stamp.size) return false;
    if (statTrusted(st, stamp)) return true;
    let hash = this.hashes.get(path);
    let checkedAt = st.checkedAt;
    if (hash === void 0) {
      try {
        hash = hashBytes(readFileSync(join2(root, path)));
        checkedAt = Date.now();
      } catch {
        hash = "";
      }
      this.hashes.set(path, hash);
    }
    if (hash !== stamp.hash) return false;
    Object.assign(stamp, { mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino, checkedAt });
    return "touched";
  }
  /** The entry of an unchanged file, or undefined; counted as a hit or a miss. */
  entry(root, path) {
    const entry = this.messagesStore.map().get(path);
    const ok2 = entry ? this.fresh(root, path, entry) : false;
    if (!entry || !ok2) {
      this.misses++;
      return void 0;
    }
    if (ok2 === "touched") this.messagesStore.dirty = true;
    this.hits++;
    return entry;
  }
  /** Whether the outcome of the file is cached and the file unchanged (then `get` gives it). */
  has(root, path) {
    return this.entry(root, path) !== void 0;
  }
  /** The cached outcome of a file that `has` found unchanged, or undefined when its bytes do not unpack. */
  get(path) {
    const messages = this.messagesStore.map().get(path);
    const entry = this.outcomesStore.map().get(path);
    if (!messages || !entry || entry.hash !== messages.hash) return void 0;
    try {
      const outcome = entry.outcome instanceof Uint8Array ? deserialize(entry.outcome) : { ...entry.outcome };
      if (messages.packed) outcome.packed = messages.packed;
      outcome.hash = entry.hash;
      return outcome;
    } catch {
      return void 0;
    }
  }
  /** The cached per-file messages of a file that `has` found unchanged. */
  packed(path) {
    return this.messagesStore.map().get(path)?.packed;
  }
  /** How many problems of a file served from the cache inline comments suppressed (per-file and cross-file). */
  suppressedOf(path) {
    const entry = this.messagesStore.map().get(path);
    return (entry?.suppressed ?? 0) + (entry?.cross?.suppressed ?? 0);
  }
  /** The cached cross-file messages (JSON) of a file that `has` found unchanged, if found against this index. */
  cross(path, fingerprint) {
    const cross = this.messagesStore.map().get(path)?.cross;
    return cross?.fingerprint === fingerprint ? Buffer.from(cross.json.buffer, cross.json.byteOffset, cross.json.byteLength).toString("utf8") : void 0;
  }
  setCross(path, fingerprint, json, suppressed = 0) {
    const entry = this.messagesStore.map().get(path);
    if (!entry) return;
    const bytes = Buffer.from(json);
    if (entry.cross?.fingerprint === fingerprint && Buffer.compare(bytes, entry.cross.json) === 0 && (entry.cross.suppressed ?? 0) === suppressed) return;
    entry.cross = { fingerprint, json: new Uint8Array(bytes), ...suppressed ? { suppressed } : {} };
    this.messagesStore.dirty = true;
  }
  /** The reverse-link index entry (local link targets and anchors) of an unchanged file, or undefined. */
  links(root, path) {
    const entry = this.linksStore.map().get(path);
    const ok2 = entry ? this.fresh(root, path, entry) : false;
    if (!entry || !ok2) return void 0;
    if (ok2 === "touched") this.linksStore.dirty = true;
    return entry;
  }
  /** Record a file's outcome and its link targets (never a failure: failures are not cached). */
  set(root, path, outcome, targets) {
    const messages = this.messagesStore.map();
    const outcomes = this.outcomesStore.map();
    const links = this.linksStore.map();
    if (outcome.error) {
      for (const store of this.stores) if (store.map().delete(path)) store.dirty = true;
      return;
    }
    const st = outcome.stamp;
    const hash = outcome.hash;
    if (!st || hash === void 0) {
      for (const store of this.stores) if (store.map().delete(path)) store.dirty = true;
      return;
    }
    const stamp = { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino, checkedAt: st.checkedAt };
    const { packed, ...rest } = outcome;
    messages.set(path, { ...stamp, hash, packed, ...outcome.suppressed ? { suppressed: outcome.suppressed } : {} });
    outcomes.set(path, { hash, outcome: rest });
    this.stats.delete(path);
    this.hashes.delete(path);
    links.set(path, { ...stamp, hash, targets, anchors: outcome.facts.anchors });
    for (const store of this.stores) store.dirty = true;
  }
  /** Drop entries of files that no longer exist (from the files loaded: the others are not written either). */
  retain(paths) {
    const keep = new Set(paths);
    for (const store of this.stores) {
      if (!store.loaded()) continue;
      const map = store.map();
      for (const p of map.keys()) {
        if (!keep.has(p)) {
          map.delete(p);
          store.dirty = true;
        }
      }
    }
  }
  /**
   * Write what changed. `unplaced`: a folder that cannot be made (the run goes on without a cache, a warning);
   * `failed`: a write that failed (a full disk, no permission; the file before it left whole), a failure of the run.
   */
  save() {
    const out = { unplaced: [], failed: [] };
    for (const s of this.stores) {
      const r = s.save();
      if (r !== void 0) (s.lastSaveUnplaced ? out.unplaced : out.failed).push(r);
    }
    return out;
  }
};

// node_modules/mdast-comment-marker/lib/index.js
var commentExpression = /\s*([a-zA-Z\d-]+)(\s+([\s\S]*))?\s*/;
var esCommentExpression = new RegExp(
  "(\\s*\\/\\*" + commentExpression.source + "\\*\\/\\s*)"
);
var markerExpression = new RegExp(
  "(\\s*<!--" + commentExpression.source + "-->\\s*)"
);
function commentMarker(value) {
  if (isNode(value) && (value.type === "html" || value.type === "mdxFlowExpression" || value.type === "mdxTextExpression")) {
    const match = value.value.match(
      value.type === "html" ? markerExpression : esCommentExpression
    );
    if (match && match[0].length === value.value.length) {
      const parameters = parseParameters(match[3] || "");
      if (parameters) {
        return {
          name: match[2],
          attributes: (match[4] || "").trim(),
          parameters,
          node: value
        };
      }
    }
  }
}
function parseParameters(value) {
  const parameters = {};
  return value.replace(
    /\s+([-\w]+)(?:=(?:"((?:\\[\s\S]|[^"])*)"|'((?:\\[\s\S]|[^'])*)'|((?:\\[\s\S]|[^"'\s])+)))?/gi,
    replacer
  ).replace(/\s+/g, "") ? void 0 : parameters;
  function replacer(_, $1, $2, $3, $4) {
    let value2 = $2 === void 0 ? $3 === void 0 ? $4 : $3 : $2;
    const number = Number(value2);
    if (value2 === "true" || value2 === void 0) {
      value2 = true;
    } else if (value2 === "false") {
      value2 = false;
    } else if (value2.trim() && !Number.isNaN(number)) {
      value2 = number;
    }
    parameters[$1] = value2;
    return "";
  }
}
function isNode(value) {
  return Boolean(value && typeof value === "object" && "type" in value);
}

// node_modules/space-separated-tokens/index.js
function parse(value) {
  const input = String(value || "").trim();
  return input ? input.split(/[ \t\n\r\f]+/g) : [];
}

// node_modules/vfile-location/lib/index.js
function location(file) {
  const value = String(file);
  const indices = [];
  let cr = -1;
  let lf = -1;
  return { toOffset, toPoint };
  function grow() {
    const from = indices.at(-1) ?? 0;
    if (cr < from) {
      cr = value.indexOf("\r", from);
      if (cr === -1) cr = Infinity;
    }
    if (lf < from) {
      lf = value.indexOf("\n", from);
      if (lf === -1) lf = Infinity;
    }
    const eol = cr + 1 === lf ? lf : Math.min(cr, lf);
    indices.push((eol === Infinity ? value.length : eol) + 1);
  }
  function toPoint(offset) {
    if (typeof offset === "number" && offset > -1 && offset <= value.length) {
      while ((indices.at(-1) ?? 0) <= offset) grow();
      let low = 0;
      let high = indices.length - 1;
      while (low < high) {
        const middle = Math.floor((low + high) / 2);
        if (indices[middle] > offset) {
          high = middle;
        } else {
          low = middle + 1;
        }
      }
      return {
        line: low + 1,
        column: offset - (low > 0 ? indices[low - 1] : 0) + 1,
        offset
      };
    }
  }
  function toOffset(point) {
    if (point && typeof point.line === "number" && typeof point.column === "number" && !Number.isNaN(point.line) && // Excludes `NaN` too.
    point.column > 0) {
      while (indices.length < point.line && (indices.at(-1) ?? 0) <= value.length) {
        grow();
      }
      const offset = (point.line > 1 ? indices[point.line - 2] : 0) + point.column - 1;
      if (offset < indices[point.line - 1]) return offset;
    }
  }
}

// node_modules/unified-message-control/lib/index.js
var own = {}.hasOwnProperty;
function messageControl(tree, options) {
  if (!options || typeof options !== "object") {
    throw new Error("Expected `options`");
  }
  const { file, marker, name, test: test2 } = options;
  let { enable, disable, known, reset, source } = options;
  if (!enable) enable = [];
  if (!disable) disable = [];
  if (!file) {
    throw new Error("Expected `file` in `options`");
  }
  if (!marker) {
    throw new Error("Expected `marker` in `options`");
  }
  if (!name) {
    throw new Error("Expected `name` in `options`");
  }
  const sources = typeof source === "string" ? [source] : source || [name];
  const toOffset = location(file).toOffset;
  const initial = !reset;
  const gaps = detectGaps(tree);
  const scope = {};
  const globals = [];
  visit(tree, test2, visitor);
  file.messages = file.messages.filter(function(m) {
    return filter(m);
  });
  function visitor(node, position, parent) {
    const point = node.position && node.position.start;
    const mark = marker(node);
    if (!point || !mark || mark.name !== name) {
      return;
    }
    const ruleIds = parse(mark.attributes);
    const verb = ruleIds.shift();
    const fn = verb === "enable" ? doEnable : verb === "disable" ? doDisable : verb === "ignore" ? doIgnore : void 0;
    if (!fn) {
      file.fail(
        "Unknown keyword `" + verb + "`: expected `'enable'`, `'disable'`, or `'ignore'`",
        node
      );
    }
    ok(verb, "expected verb");
    ok(fn, "expected verb");
    const next = parent && position !== void 0 && parent.children[position + 1] || void 0;
    const tail = next && next.position && next.position.end;
    if (ruleIds.length === 0) {
      fn(point, void 0, tail);
    } else {
      let index = -1;
      while (++index < ruleIds.length) {
        const ruleId = ruleIds[index];
        if (isKnown(ruleId, verb, node)) {
          fn(point, ruleId, tail);
        }
      }
    }
  }
  function doIgnore(point, ruleId, tail) {
    if (tail) {
      toggle(point, false, ruleId);
      toggle(tail, true, ruleId);
    }
  }
  function doDisable(point, ruleId) {
    toggle(point, false, ruleId);
    if (!ruleId) reset = true;
  }
  function doEnable(point, ruleId) {
    toggle(point, true, ruleId);
    if (!ruleId) reset = false;
  }
  function filter(message) {
    let gapIndex = gaps.length;
    if (!message.source || !sources.includes(message.source)) {
      return true;
    }
    if (!message.line) message.line = 1;
    if (!message.column) message.column = 1;
    const offset = toOffset(message);
    ok(typeof offset === "number");
    while (gapIndex--) {
      if (gaps[gapIndex][0] <= offset && gaps[gapIndex][1] > offset) {
        return false;
      }
    }
    return (!message.ruleId || check(message, scope[message.ruleId], true)) && check(message, globals, false);
  }
  function isKnown(ruleId, verb, node) {
    const result = known ? known.includes(ruleId) : true;
    if (!result) {
      file.message("Cannot " + verb + " `'" + ruleId + "'`, it’s not known", {
        ancestors: [node],
        place: node.position,
        ruleId: "known",
        source: "unified-message-control"
      });
    }
    return result;
  }
  function getState(ruleId) {
    const ranges = ruleId ? scope[ruleId] : globals;
    if (ranges && ranges.length > 0) {
      return ranges[ranges.length - 1].state;
    }
    ok(enable);
    ok(disable);
    return ruleId ? reset ? enable.includes(ruleId) : !disable.includes(ruleId) : !reset;
  }
  function toggle(point, state, ruleId) {
    const markers = ruleId ? scope[ruleId] || (scope[ruleId] = []) : globals;
    const current = getState(ruleId);
    if (current !== state) {
      markers.push({ state, point });
    }
    if (!ruleId) {
      for (ruleId in scope) {
        if (own.call(scope, ruleId)) {
          toggle(point, state, ruleId);
        }
      }
    }
  }
  function check(message, marks, local) {
    if (message.line && message.column && marks && marks.length > 0) {
      let index = marks.length;
      while (index--) {
        const mark = marks[index];
        if (mark.point && (mark.point.line < message.line || mark.point.line === message.line && mark.point.column <= message.column)) {
          return mark.state === true;
        }
      }
    }
    if (local) {
      ok(message.ruleId);
      ok(enable);
      ok(disable);
      return reset ? enable.includes(message.ruleId) : !disable.includes(message.ruleId);
    }
    return Boolean(initial || reset);
  }
}
function detectGaps(tree) {
  const end = tree && tree.position && tree.position.end && tree.position.end.offset;
  let offset = 0;
  let gap = false;
  const gaps = [];
  visit(tree, one);
  if (typeof end === "number" && offset !== end) {
    update();
    update(end);
  }
  return gaps;
  function one(node) {
    update(node.position && node.position.start && node.position.start.offset);
    if (!("children" in node)) {
      update(node.position && node.position.end && node.position.end.offset);
    }
  }
  function update(latest) {
    if (latest === null || latest === void 0) {
      gap = true;
    } else if (offset < latest) {
      if (gap) {
        gaps.push([offset, latest]);
        gap = false;
      }
      offset = latest;
    }
  }
}

// node_modules/remark-message-control/lib/index.js
var test = [
  "comment",
  // In MDX@1, comments have their own node.
  "html",
  // Comments are `html` nodes in mdast.
  "mdxFlowExpression",
  // In MDX@2, comments exist in bracketed expressions.
  "mdxTextExpression"
];
function remarkMessageControl(options) {
  return function(tree, file) {
    messageControl(tree, { ...options, file, marker: commentMarker, test });
  };
}

// src/core/parse/suppress.ts
var COMMENT = /<!--[ \t\r\n]*(lint|markdownlint-[a-z-]+)(?=[ \t\r\n]|-->)([\s\S]*?)-->/g;
function normaliseId(id) {
  return id.replace(/^(?:archive-lint|remark-lint)[:/-]?/, "") || id;
}
function suggestion(name, known) {
  let best;
  let bestD = Infinity;
  for (const k of known) {
    const d = distance(name.toLowerCase(), k);
    if (d < bestD) {
      best = k;
      bestD = d;
    }
  }
  return best !== void 0 && bestD <= Math.max(2, Math.floor(name.length / 3)) ? best : void 0;
}
function nextLine(text, offset) {
  const nl = text.indexOf("\n", offset);
  if (nl < 0) return [text.length, text.length];
  const end = text.indexOf("\n", nl + 1);
  return [nl + 1, end < 0 ? text.length : end];
}
function lineOf(text, offset) {
  const start = text.lastIndexOf("\n", offset - 1) + 1;
  const end = text.indexOf("\n", offset);
  return [start, end < 0 ? text.length : end];
}
function mayHoldSuppressions(text) {
  return text.includes("<!--") && text.includes("lint");
}
function findComments(tree, text, known, warn) {
  const out = [];
  eachNode(tree, (node, ancestors, index) => {
    if (node.type !== "html" || !node.position || !node.value.includes("<!--")) return;
    const siblings = ancestors[ancestors.length - 1]?.children ?? [];
    const base = node.position.start.offset ?? 0;
    for (const m of node.value.matchAll(COMMENT)) {
      const start = base + (m.index ?? 0);
      const end = start + m[0].length;
      const whole = node.value.trim() === m[0];
      const name = m[1];
      const words = m[2].trim().split(/\s+/).filter((w) => w !== "");
      let verb;
      let kind;
      let ids;
      if (name === "lint") {
        verb = words[0] ?? "";
        ids = words.slice(1);
        if (verb !== "disable" && verb !== "enable" && verb !== "ignore") {
          warn({ ruleId: "", messageId: "unknown-keyword", message: `Suppression comment 'lint ${verb}': unknown keyword '${verb}', expected disable, enable or ignore`, start, end });
          continue;
        }
        kind = verb === "ignore" ? "ignore-next" : "range";
      } else {
        verb = name.slice("markdownlint-".length);
        ids = words;
        const kinds = { disable: "range", enable: "range", "disable-next-line": "next-line", "disable-line": "line", "disable-file": "file" };
        const k = kinds[verb];
        if (k === void 0) continue;
        kind = k;
        const ours = ids.map(normaliseId).filter((id) => known.includes(id) || suggestion(id, known) !== void 0);
        if (ids.length > 0 && ours.length === 0) continue;
        ids = ours;
      }
      const comment = { text: `${name}${words.length ? ` ${words.join(" ")}` : ""}`, start, end, used: false, covers: [] };
      ids = ids.map(normaliseId);
      if (kind === "range") {
        out.push({ comment, verb: verb === "enable" ? "enable" : "disable", ids, at: start });
      } else if (kind === "file") {
        out.push({ comment, verb: "disable", ids, at: 0 });
      } else {
        let target;
        if (kind === "line") target = lineOf(text, start);
        else if (kind === "next-line" || !whole) target = nextLine(text, end - 1);
        else {
          const next = siblings.slice(index + 1).find((n) => n.type !== "html" || !/^<!--[ \t\r\n]*(?:lint|markdownlint-)/.test(n.value.trim()));
          if (!next?.position) continue;
          target = [next.position.start.offset ?? 0, next.position.end.offset ?? 0];
        }
        out.push({ comment, verb: "ignore", ids, at: target[0], target });
      }
    }
  });
  return out;
}
function positioned(node, starts, from, to) {
  const a = pointAt(starts, from);
  const b = pointAt(starts, to);
  const position = { start: { ...a, offset: from }, end: { ...b, offset: to } };
  return { ...node, position };
}
function controlTree(found, starts, length, known) {
  const names = known.join(" ");
  const children = [
    positioned({ type: "html", value: `<!-- lint disable ${names} -->` }, starts, 0, 0),
    positioned({ type: "html", value: `<!-- lint enable ${names} -->` }, starts, 0, 0)
  ];
  let last = 0;
  const sorted = [...found].sort((x, y) => x.at - y.at);
  for (const f of sorted) {
    const value = `<!-- lint ${f.verb}${f.ids.length ? ` ${f.ids.join(" ")}` : ""} -->`;
    const end = f.target ? f.target[0] : f.comment.end;
    children.push(positioned({ type: "html", value }, starts, f.at, Math.max(f.at, end)));
    if (f.target) children.push(positioned({ type: "html", value: "" }, starts, f.target[0], f.target[1]));
    last = Math.max(last, end, f.target?.[1] ?? 0);
  }
  children.push(positioned({ type: "html", value: "" }, starts, last, length));
  const root = { type: "root", children };
  root.position = { start: { line: 1, column: 1, offset: 0 }, end: { ...pointAt(starts, length), offset: length } };
  return root;
}
function control(found, text, starts, known, items, onUnknown) {
  const file = new VFile({ value: text });
  const tagged = items.map((p, i) => {
    const at = pointAt(starts, p.start);
    return { source: "archive-lint", ruleId: p.ruleId, line: at.line, column: at.column, index: i };
  });
  file.messages = tagged;
  remarkMessageControl({ name: "lint", source: "archive-lint", known: [...known] })(controlTree(found, starts, text.length, known), file);
  const kept = new Array(items.length).fill(false);
  for (const m of file.messages) {
    if (m.index !== void 0) kept[m.index] = true;
    else if (m.source === "unified-message-control" && m.ruleId === "known") onUnknown?.(m.place, m.reason ?? "");
  }
  return kept;
}
function applySuppressions(tree, text, starts, known, crossRules, externalRules, problems, references) {
  const none = { kept: problems, suppressed: 0, suppressions: [], warnings: [] };
  if (!mayHoldSuppressions(text)) return none;
  const warnings = [];
  const found = findComments(tree, text, known, (p) => warnings.push(p));
  if (found.length === 0) return { ...none, warnings };
  const probes = [];
  for (const ruleId of crossRules) {
    probes.push({ ruleId, start: 0, end: 1 });
    for (const r of references) probes.push({ ruleId, start: r.start, end: Math.max(r.end, r.start + 1) });
  }
  const items = [...problems, ...probes];
  const reported = /* @__PURE__ */ new Set();
  const keptAll = control(found, text, starts, known, items, (place) => {
    const at = place?.start.offset ?? 0;
    if (reported.has(at)) return;
    const f = found.find((x) => x.comment.start === at || x.at === at);
    for (const id of f?.ids ?? []) {
      if (known.includes(id)) continue;
      reported.add(at);
      const like = suggestion(id, known);
      const c = f?.comment ?? { start: at, end: at };
      warnings.push({ ruleId: "", messageId: "unknown-rule", message: `Suppression comment names an unknown rule '${id}'${like ? `; did you mean '${like}'?` : ""}`, start: c.start, end: c.end });
    }
  });
  const kept = problems.filter((_, i) => keptAll[i]);
  const suppressions = [];
  probes.forEach((p, i) => {
    if (!keptAll[problems.length + i]) suppressions.push({ ruleIds: [p.ruleId], start: p.start, end: p.end });
  });
  const enables = found.filter((f) => f.verb === "enable");
  const silencing = found.filter((f) => f.verb !== "enable");
  for (const [k, f] of silencing.entries()) {
    if (k >= 64) {
      f.comment.used = true;
      continue;
    }
    const alone = control([f, ...enables], text, starts, known, items);
    f.comment.used = problems.some((_, i) => !alone[i] && !keptAll[i]);
    probes.forEach((p, i) => {
      if (alone[problems.length + i] || keptAll[problems.length + i]) return;
      if (externalRules.includes(p.ruleId)) f.comment.external = true;
      else f.comment.covers.push({ ruleIds: [p.ruleId], start: p.start, end: p.end });
    });
  }
  return { kept, suppressed: problems.length - kept.length, suppressions, warnings, comments: silencing.map((f) => f.comment) };
}
function isSuppressed(p, suppressions) {
  for (const s of suppressions) {
    if (p.start < s.start || s.end !== -1 && p.start >= s.end) continue;
    if (s.ruleIds.length === 0 || s.ruleIds.includes(p.ruleId)) return true;
  }
  return false;
}

// src/core/report/results.ts
function toMessage(p, severity, starts) {
  const s = pointAt(starts, p.start);
  const e = pointAt(starts, p.end);
  const m = { ruleId: p.ruleId, severity, message: p.message, line: s.line, column: s.column, endLine: e.line, endColumn: e.column, messageId: p.messageId };
  if (p.fix) {
    if (p.fixKind === "unsafe") m.suggestions = [{ desc: "Unsafe fix: may change what a reader sees (applied by --fix-unsafe)", fix: p.fix }];
    else m.fix = p.fix;
  }
  if (p.occurrences !== void 0 && p.occurrences > 1) m.occurrences = p.occurrences;
  return m;
}
function compareMessages(a, b) {
  return a.line - b.line || a.column - b.column || compareRuleIds(a.ruleId, b.ruleId);
}
function capMessages(sorted, max) {
  if (sorted.length <= max + 1) return sorted;
  const errorsFirst = [...sorted.filter((m) => m.severity === 2), ...sorted.filter((m) => m.severity !== 2)];
  const kept = errorsFirst.slice(0, max).sort(compareMessages);
  const rest = errorsFirst.slice(max).sort(compareMessages);
  let errors = 0;
  for (const m of rest) if (m.severity === 2) errors++;
  const first = rest[0];
  const noun = (n, w) => `${n} ${w}${n === 1 ? "" : "s"}`;
  const summary = {
    ruleId: null,
    severity: errors ? 2 : 1,
    message: `${noun(rest.length, "more problem")} in this file not listed (${noun(errors, "error")}, ${noun(rest.length - errors, "warning")}, the first at line ${first.line}): over maxMessagesPerFile, ${max}`,
    line: first.line,
    column: first.column,
    messageId: "tooManyMessages"
  };
  kept.push(summary);
  return kept.sort(compareMessages);
}
function compareRuleIds(a, b) {
  return (a ?? "").localeCompare(b ?? "");
}
function countMessages(messages) {
  const c = [0, 0, 0, 0, 0];
  for (const m of messages) {
    if (m.severity === 2) {
      c[0]++;
      if (m.fix) c[2]++;
      if (m.fatal) c[4]++;
    } else if (m.severity === 1) {
      c[1]++;
      if (m.fix) c[3]++;
    }
  }
  return c;
}
function makeResult(filePath, messages) {
  messages.sort(compareMessages);
  const [errorCount, warningCount, fixableErrorCount, fixableWarningCount, fatal] = countMessages(messages);
  const r = { filePath, messages, errorCount, warningCount, fixableErrorCount, fixableWarningCount };
  if (fatal) r.fatalErrorCount = fatal;
  return r;
}
function errorsOnly(results) {
  return results.map((r) => makeResult(r.filePath, r.messages.filter((m) => m.severity === 2)));
}
function totals(results) {
  const t = { errors: 0, warnings: 0, fixableErrors: 0, fixableWarnings: 0, files: results.length, filesWithProblems: 0 };
  for (const r of results) {
    t.errors += r.errorCount;
    t.warnings += r.warningCount;
    t.fixableErrors += r.fixableErrorCount;
    t.fixableWarnings += r.fixableWarningCount;
    if (r.messages.length) t.filesWithProblems++;
  }
  return t;
}

// src/core/parse/process-file.ts
var processors = /* @__PURE__ */ new Map();
function processorFor(rules, configs) {
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
function readBytes(abs, maxSize) {
  let fd;
  try {
    fd = openSync(abs, "r");
  } catch (e) {
    const code = e.code;
    return { reason: code === "ENOENT" ? "file deleted during the run (ENOENT); not linted" : `cannot read: ${code ?? e.message}`, io: true };
  }
  try {
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
    return { bytes: buf.subarray(0, off), stamp: { size: off, mtimeMs, ctimeMs, ino, checkedAt: Date.now() } };
  } catch (e) {
    return { reason: `cannot read: ${e.code ?? e.message}`, io: true };
  } finally {
    closeSync(fd);
  }
}
function emptyOutcome(path, error, errorKind) {
  return { path, messages: [], facts: { path, anchors: [], references: [] }, suppressions: [], lineStarts: [0], error, errorKind };
}
function processText(path, text, rules, settings) {
  const processor = processorFor(rules, settings.rules);
  const tree = parseText(processor, text);
  const { facts, htmlScans, textRanges } = extract(tree, text, path, settings.site);
  const starts = lineStarts(text);
  const file = new VFile({ path: join3(settings.root, path), value: text, cwd: settings.root });
  const reported = [];
  const ctx = { root: settings.root, path, text, lineStarts: starts, facts, htmlScans, textRanges, mirrors: settings.mirrors, engine: true, problems: reported };
  if (settings.repo) ctx.repo = settings.repo;
  if (settings.site && settings.site !== "github") ctx.site = settings.site;
  file.data = { archiveLint: ctx };
  processor.runSync(tree, file);
  const failures = [];
  const failed = /* @__PURE__ */ new Set();
  for (const m of file.messages) {
    if (!(m.cause instanceof Error)) continue;
    const ruleId = m.ruleId ?? "unknown";
    failed.add(ruleId);
    const where = m.cause.stack?.split("\n").find((l) => /^\s+at /.test(l))?.trim();
    failures.push({ ruleId: null, severity: 2, fatal: true, message: `internal error in rule ${ruleId}: ${m.cause.name}: ${m.cause.message}${where ? ` (${where})` : ""}; its findings in this file are lost (please report this failure)`, line: 1, column: 1 });
  }
  const found = reported.filter((p) => !failed.has(p.ruleId));
  for (const m of file.messages) {
    if (m.cause instanceof Error) continue;
    const extra = m;
    const place = m.place && "start" in m.place ? m.place.start : m.place;
    const start = extra.offsets?.[0] ?? place?.offset ?? 0;
    const p = { ruleId: m.ruleId ?? "unknown", messageId: extra.messageId ?? m.ruleId ?? "unknown", message: m.reason, start, end: extra.offsets?.[1] ?? start };
    if (extra.fix) p.fix = extra.fix;
    if (extra.fixKind === "unsafe") p.fixKind = "unsafe";
    if (extra.severityOverride !== void 0) p.severity = extra.severityOverride;
    if (extra.occurrences !== void 0) p.occurrences = extra.occurrences;
    found.push(p);
  }
  const known = rules.map((r) => r.meta.id);
  const cross = rules.filter((r) => r.crossFile || r.meta.external).map((r) => r.meta.id);
  const external = rules.filter((r) => r.meta.external).map((r) => r.meta.id);
  const applied = applySuppressions(tree, text, starts, known, cross, external, found, facts.references);
  const problems = applied.kept;
  const suppressed = applied.suppressed;
  const notes = applied.warnings.map((p) => ({ ...toMessage(p, 1, starts), ruleId: null }));
  const extraMessages = [...failures, ...notes];
  const messages = extraMessages.length ? [...extraMessages, ...finalMessages(problems, settings.rules, starts)].sort(compareMessages) : finalMessages(problems, settings.rules, starts);
  return {
    path,
    messages: settings.maxMessagesPerFile ? capMessages(messages, settings.maxMessagesPerFile) : messages,
    facts,
    suppressions: applied.suppressions,
    ...applied.comments ? { comments: applied.comments } : {},
    lineStarts: starts,
    ...suppressed ? { suppressed } : {}
  };
}
function finalMessages(problems, rules, starts) {
  const out = [];
  for (const p of problems) {
    const ruleSeverity = rules[p.ruleId]?.severity ?? 2;
    const severity = ruleSeverity === 0 ? 0 : p.severity ?? ruleSeverity;
    if (severity > 0) out.push(toMessage(p, severity, starts));
  }
  return out.sort(compareMessages);
}
function readSource(abs, maxSize) {
  const read = readBytes(abs, maxSize);
  if (!("bytes" in read)) return { reason: read.reason, kind: read.io ? "io" : "content" };
  const decoded = decodeText(read.bytes);
  if (!("text" in decoded)) return { reason: decoded.reason, kind: "content" };
  return { bytes: read.bytes, text: decoded.text, bom: decoded.bom, stamp: read.stamp };
}
function processFile(path, rules, settings) {
  const source = readSource(join3(settings.root, path), settings.maxFileSize);
  if (!("text" in source)) return emptyOutcome(path, source.reason, source.kind);
  const outcome = processSource(path, source, rules, settings);
  outcome.hash = hashBytes(source.bytes);
  outcome.stamp = source.stamp;
  return outcome;
}
function jobSize(root, job) {
  if (job.text !== void 0) return job.text.length;
  try {
    return statSync2(join3(root, job.path)).size;
  } catch {
    return 0;
  }
}
function processJob(job, rules, settings) {
  return job.text === void 0 ? processFile(job.path, rules, settings) : processSource(job.path, { text: job.text, bom: job.bom ?? false }, rules, settings);
}
function processSource(path, source, rules, settings) {
  try {
    const outcome = processText(path, source.text, rules, settings);
    if (source.bom) outcome.bom = true;
    return outcome;
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    if (err instanceof RangeError && /call stack/i.test(err.message)) {
      return emptyOutcome(path, "not linted: the text nests too deeply to parse (the parser ran out of stack: thousands of nested block quotes, lists or elements)", "content");
    }
    const where = err.stack?.split("\n").find((l) => /^\s+at /.test(l))?.trim();
    return emptyOutcome(path, `internal error: ${err.name}: ${err.message}${where ? ` (${where})` : ""}`, "internal");
  }
}

// src/core/cache/packed.ts
import { deflateRawSync, inflateRawSync } from "node:zlib";
var JSON_OF = /* @__PURE__ */ Symbol("archive-lint.json");
var COMMA = Buffer.from(",");
var RULE_PREFIX = '{"ruleId":"';
function packMessages(o) {
  if (o.messages.length === 0 || o.packed) return o;
  const marks = new Int32Array(o.messages.length * 3);
  const parts = [];
  let at = 0;
  o.messages.forEach((m, i) => {
    const json2 = JSON.stringify(m);
    parts.push(json2);
    marks[3 * i] = m.line;
    marks[3 * i + 1] = m.column;
    marks[3 * i + 2] = at;
    at += Buffer.byteLength(json2) + 1;
  });
  const counts = new Int32Array(countMessages(o.messages).slice(0, 4));
  const json = new Uint8Array(deflateRawSync(parts.join(","), { level: 1 }));
  return { ...o, messages: [], packed: { json, marks, counts } };
}
function inflate(packed) {
  return inflateRawSync(packed.json);
}
function outcomeMessages(o) {
  return o.packed ? JSON.parse(`[${inflate(o.packed).toString("utf8")}]`) : o.messages;
}
function resultOf(filePath, o, cross) {
  if (!o.packed) return makeResult(filePath, [...o.messages, ...cross]);
  const packed = o.packed;
  cross.sort(compareMessages);
  const c = countMessages(cross);
  let messages;
  let replaced = false;
  const r = { filePath };
  Object.defineProperty(r, "messages", {
    enumerable: true,
    configurable: true,
    get: () => messages ??= makeResult(filePath, [...outcomeMessages(o), ...cross]).messages,
    set: (v) => {
      messages = v;
      replaced = true;
    }
  });
  r.errorCount = packed.counts[0] + c[0];
  r.warningCount = packed.counts[1] + c[1];
  r.fixableErrorCount = packed.counts[2] + c[2];
  r.fixableWarningCount = packed.counts[3] + c[3];
  Object.defineProperty(r, JSON_OF, { enumerable: false, value: () => replaced ? void 0 : resultJson(r, packed, cross) });
  return r;
}
function packedJson(r) {
  const f = r[JSON_OF];
  return f?.();
}
function before(text, marks, i, m) {
  const line = marks[3 * i];
  const column = marks[3 * i + 1];
  if (line !== m.line) return line < m.line;
  if (column !== m.column) return column < m.column;
  const start = marks[3 * i + 2] + RULE_PREFIX.length;
  return compareRuleIds(text.toString("utf8", start, text.indexOf(34, start)), m.ruleId) <= 0;
}
function resultJson(r, packed, cross) {
  const text = inflate(packed);
  const { marks } = packed;
  const n = marks.length / 3;
  const parts = [];
  let i = 0;
  let from = 0;
  for (const m of cross) {
    while (i < n && before(text, marks, i, m)) i++;
    const at = i < n ? marks[3 * i + 2] : text.length + 1;
    if (at - 1 > from) parts.push(text.subarray(from, at - 1));
    parts.push(Buffer.from(JSON.stringify(m)));
    from = at;
  }
  if (from < text.length) parts.push(text.subarray(from));
  const out = [Buffer.from(`{"filePath":${JSON.stringify(r.filePath)},"messages":[`)];
  parts.forEach((p, k) => {
    if (k > 0) out.push(COMMA);
    out.push(p);
  });
  out.push(Buffer.from(`],"errorCount":${r.errorCount},"warningCount":${r.warningCount},"fixableErrorCount":${r.fixableErrorCount},"fixableWarningCount":${r.fixableWarningCount}}`));
  return Buffer.concat(out);
}

// src/core/run/cpu-time.ts
import { readFileSync as readFileSync2, readlinkSync } from "node:fs";
var TICKS_PER_SECOND = 100;
function ownThreadId() {
  try {
    const tid = Number(/task\/(\d+)$/.exec(readlinkSync("/proc/thread-self"))?.[1]);
    return Number.isInteger(tid) && tid > 0 ? tid : -1;
  } catch {
    return -1;
  }
}
function threadCpuMs(tid) {
  if (tid <= 0) return void 0;
  try {
    const stat = readFileSync2(`/proc/self/task/${tid}/stat`, "latin1");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return Number.isFinite(utime) && Number.isFinite(stime) ? (utime + stime) * 1e3 / TICKS_PER_SECOND : void 0;
  } catch {
    return void 0;
  }
}
function ownCpuMs(tid) {
  const fromProc = threadCpuMs(tid);
  if (fromProc !== void 0) return fromProc;
  const usage = process.threadCpuUsage?.();
  return usage ? (usage.user + usage.system) / 1e3 : void 0;
}

// src/core/run/pool.ts
import { Worker } from "node:worker_threads";
var DEFAULT_TIME_BUDGET = { baseMs: 1e4, perMiBMs: 5e3 };
var WORKER_HEAP_BUDGET_MB = 1200;
function workerHeapMb(workers) {
  return Math.max(256, Math.min(1024, Math.floor(WORKER_HEAP_BUDGET_MB / Math.max(1, workers))));
}
function budgetFor(bytes, budget) {
  return budget.baseMs + budget.perMiBMs * bytes / 1048576;
}
var PROGRESS_SLOTS = 7;
var CPU_CLOCK = { none: 0, proc: 1, node: 2 };
var WALL_FACTOR = 10;
var here = import.meta.url;
var fromSource = here.endsWith(".ts");
function spawn(options, progress) {
  const resourceLimits = { maxOldGenerationSizeMb: options.maxOldGenerationSizeMb ?? workerHeapMb(options.size) };
  const workerData = { ...options.setup, progress, timeBudget: options.timeBudget ?? DEFAULT_TIME_BUDGET };
  if (!fromSource) return new Worker(new URL("./worker.js", here), { workerData, resourceLimits });
  const tsx = import.meta.resolve("tsx/esm/api");
  const entry = new URL("./worker.ts", here).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => m.register()).then(() => import(${JSON.stringify(entry)}))`;
  return new Worker(boot, { eval: true, workerData, resourceLimits });
}
function mib(bytes) {
  return bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MiB` : `${Math.max(1, Math.round(bytes / 1024))} KiB`;
}
function stoppedReason(cause, bytes, limit) {
  if (cause === "time") {
    return `not linted: parsing used more than ${Math.round(limit / 1e3)} s of CPU time, the time budget of a file of ${mib(bytes)} (fileTimeBudget); the text may hold a pattern that makes Markdown parsers slow, such as thousands of unclosed '[' or '](' on one line`;
  }
  if (cause === "stalled") {
    return `not linted: the parsing worker used no CPU time for ${Math.round(WALL_FACTOR * limit / 1e3)} s (${WALL_FACTOR} times the CPU time budget of a file of ${mib(bytes)}): it stalled (stopped, or blocked on a file system that does not answer)`;
  }
  return `not linted: parsing needed more than ${limit} MB, the memory limit of a parsing worker; a file this large or this dense (${mib(bytes)}) should be split`;
}
var lastProgress = /* @__PURE__ */ new WeakMap();
function watchJob(w, progress, stop) {
  const job = progress[0];
  if (job < 0) return;
  const budgetMs = progress[1];
  const startCpu = progress[4];
  const startWall = progress[5];
  const clock = progress[6];
  if (progress[0] !== job || !Number.isFinite(budgetMs)) return;
  const wall = Date.now() - startWall;
  if (clock === CPU_CLOCK.none) {
    if (wall > budgetMs) stop("time");
    return;
  }
  if (clock === CPU_CLOCK.proc) {
    const now = threadCpuMs(progress[3]);
    if (now === void 0 || progress[0] !== job || progress[5] !== startWall) return;
    if (now - startCpu > budgetMs) {
      stop("time");
      return;
    }
    let seen = lastProgress.get(w);
    const at = Date.now();
    if (!seen || seen.job !== job || seen.startWall !== startWall || now > seen.cpu) lastProgress.set(w, seen = { job, startWall, cpu: now, at });
    if (at - seen.at > WALL_FACTOR * budgetMs) stop("stalled");
    return;
  }
  if (wall > WALL_FACTOR * budgetMs) {
    stop("stalled");
    return;
  }
  const cpuUsage = w.cpuUsage;
  if (!cpuUsage) {
    if (wall > budgetMs) stop("time");
    return;
  }
  cpuUsage.call(w).then(
    (u) => {
      if (progress[0] === job && progress[5] === startWall && (u.user + u.system) / 1e3 - startCpu > budgetMs) stop("time");
    },
    () => void 0
  );
}
async function processInPool(jobs, options, onDone, signal) {
  const batchSize = Math.max(1, Math.min(32, Math.ceil(jobs.length / (options.size * 16))));
  const heapMb = options.maxOldGenerationSizeMb ?? workerHeapMb(options.size);
  const budget = options.timeBudget ?? DEFAULT_TIME_BUDGET;
  let next = 0;
  const again = [];
  let interrupted = false;
  const live = /* @__PURE__ */ new Map();
  const take = () => {
    const out = [];
    while (out.length < batchSize && again.length) out.push(again.shift());
    while (out.length < batchSize && next < jobs.length) out.push(next++);
    return out;
  };
  const slot = () => new Promise((resolve2) => {
    const inFlight = /* @__PURE__ */ new Map();
    let batchId = 0;
    let worker;
    let finished = false;
    const send = () => {
      if (signal?.aborted) interrupted = true;
      while (inFlight.size < 2 && !interrupted) {
        const indices = take();
        if (!indices.length) break;
        const id = batchId++;
        inFlight.set(id, indices);
        worker.postMessage({ id, indices, jobs: indices.map((i) => jobs[i]) });
      }
      if (inFlight.size === 0 && !finished) {
        finished = true;
        live.delete(worker);
        void worker.terminate();
        resolve2();
      }
    };
    const start = () => {
      const shared = new SharedArrayBuffer(PROGRESS_SLOTS * 8);
      const progress = new Float64Array(shared);
      progress[0] = -1;
      const w = spawn(options, shared);
      worker = w;
      let stopped = false;
      const stop = (why) => {
        if (stopped || w !== worker) return;
        stopped = true;
        live.delete(w);
        void w.terminate();
        const current = progress[0];
        const held = [...inFlight.values()].flat();
        inFlight.clear();
        if (current >= 0 && held.includes(current)) {
          const bytes = progress[2];
          const reason = "cause" in why ? stoppedReason(why.cause, bytes, why.cause !== "memory" && budget ? budgetFor(bytes, budget) : heapMb) : `internal error: ${why.crash}`;
          onDone(current, emptyOutcome(jobs[current].path, reason, "cause" in why ? "content" : "internal"));
          again.unshift(...held.filter((i) => i !== current));
        } else {
          const reason = "crash" in why ? why.crash : "parsing worker stopped";
          for (const i of held) onDone(i, emptyOutcome(jobs[i].path, `internal error: ${reason}`, "internal"));
        }
        if (!finished) {
          start();
          send();
        }
      };
      live.set(w, { progress, stop: (cause) => stop({ cause }) });
      w.on("message", (msg) => {
        const indices = inFlight.get(msg.id);
        if (!indices || w !== worker) return;
        inFlight.delete(msg.id);
        msg.outcomes.forEach((o, k) => onDone(indices[k], o));
        send();
      });
      w.on("error", (e) => e.code === "ERR_WORKER_OUT_OF_MEMORY" ? stop({ cause: "memory" }) : stop({ crash: `parsing worker failed: ${e.message}` }));
      w.on("exit", (code) => {
        if (inFlight.size) stop({ crash: `parsing worker exited with code ${code}` });
      });
    };
    start();
    send();
  });
  const watch = budget ? setInterval(() => {
    for (const [w, { progress, stop }] of live) watchJob(w, progress, stop);
  }, 100) : void 0;
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.size, Math.ceil(jobs.length / batchSize))) }, slot));
  } finally {
    if (watch) clearInterval(watch);
    await Promise.all([...live.keys()].map((w) => w.terminate()));
  }
  return { interrupted };
}

export {
  runGit,
  tryGit,
  gitTopLevel,
  gitRemoteRepo,
  gitBranch,
  secretFile,
  machineSecret,
  hashBytes,
  trackedByGit,
  defaultCacheLocation,
  makeFolder,
  ensureGitignore,
  FileCache,
  isSuppressed,
  toMessage,
  compareMessages,
  capMessages,
  makeResult,
  errorsOnly,
  totals,
  emptyOutcome,
  readSource,
  processFile,
  jobSize,
  processJob,
  processSource,
  packMessages,
  outcomeMessages,
  resultOf,
  packedJson,
  ownThreadId,
  threadCpuMs,
  ownCpuMs,
  budgetFor,
  CPU_CLOCK,
  processInPool
};
