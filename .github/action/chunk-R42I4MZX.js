import { createRequire as __archiveLintRequire } from 'node:module'; const require = __archiveLintRequire(import.meta.url);
import {
  DEFAULT_MAX_FILE_SIZE,
  decodeHTML,
  decodeHTMLStrict,
  decodeText,
  distance,
  docsUrl,
  extract,
  format,
  htmlBase,
  isKnownElement,
  lineStarts,
  outsideSite,
  parseDocument,
  parseMarkdown,
  parseRepoSlug,
  parseRepoUrl,
  perSite,
  pointAt,
  problem,
  readBounded,
  readSource,
  report,
  require_dist,
  require_picomatch,
  resolveOnGithub,
  sameRepo,
  siteCandidates,
  siteEntryPoints,
  toString,
  wrap
} from "./chunk-65TIUOV4.js";
import {
  daysBetween,
  snapshotUrl,
  timestampDate
} from "./chunk-CSS5HF6E.js";
import {
  __export,
  __toESM
} from "./chunk-Y3J7GJDS.js";

// rules/no-broken-links/index.ts
var no_broken_links_exports = {};
__export(no_broken_links_exports, {
  crossFile: () => crossFile,
  default: () => no_broken_links_default,
  hasAnchor: () => hasAnchor,
  meta: () => meta,
  plugin: () => plugin
});

// node_modules/unified-lint-rule/lib/index.js
function lintRule(meta9, rule) {
  const id = typeof meta9 === "string" ? meta9 : meta9.origin;
  const url = typeof meta9 === "string" ? void 0 : meta9.url;
  const parts = id.split(":");
  const source = parts[1] ? parts[0] : void 0;
  const ruleId = parts[1];
  Object.defineProperty(plugin9, "name", { value: id });
  return plugin9;
  function plugin9(config) {
    const [severity2, options] = coerce(ruleId, config);
    const fatal = severity2 === 2;
    if (!severity2) return;
    return function(tree, file, next) {
      let index = file.messages.length - 1;
      wrap(rule, function(error) {
        const messages = file.messages;
        if (error && !messages.includes(error)) {
          try {
            file.fail(error);
          } catch {
          }
        }
        while (++index < messages.length) {
          Object.assign(messages[index], { fatal, ruleId, source, url });
        }
        next();
      })(tree, file, options);
    };
  }
}
function coerce(name, config) {
  if (Array.isArray(config)) {
    const [severity2, option] = config;
    switch (severity2) {
      case false:
      case 0:
      case "off": {
        return [0, option];
      }
      case true:
      case 1:
      case "on":
      case "warn": {
        return [1, option];
      }
      case 2:
      case "error": {
        return [2, option];
      }
      default: {
        if (typeof severity2 === "number") {
          throw new Error(
            "Incorrect severity `" + severity2 + "` for `" + name + "`, expected 0, 1, or 2"
          );
        }
        return [
          1,
          /** @type {Option} */
          config
        ];
      }
    }
  }
  return [1, config];
}

// rules/no-broken-links/index.ts
import { posix as posix7 } from "node:path";

// src/core/parse/plugin-context.ts
import { relative, resolve, sep } from "node:path";
var STANDALONE_OPTIONS = {
  root: { type: "string", description: "Archive root when run under remark-cli (default: the working directory)." },
  repository: { type: "string", description: "owner/name, when run under remark-cli." },
  branch: { type: "string", description: "Branch, when run under remark-cli." }
};
function fileContext(tree, file, settings = {}) {
  const data = file.data;
  if (data.archiveLint) return data.archiveLint;
  const root = resolve(file.cwd, settings.root ?? ".");
  const abs = resolve(file.cwd, file.path ?? "stdin.md");
  const path = relative(root, abs).split(sep).join("/");
  let text = String(file.value ?? "");
  if (text.charCodeAt(0) === 65279) text = text.slice(1);
  const { facts, htmlScans, textRanges } = extract(tree, text, path);
  const slug = settings.repository ? parseRepoSlug(settings.repository) : void 0;
  const ctx = { root, path, text, lineStarts: lineStarts(text), facts, htmlScans, textRanges, mirrors: {}, engine: false };
  if (slug) ctx.repo = { ...slug, branch: settings.branch ?? "master" };
  data.archiveLint = ctx;
  return ctx;
}
function fileRulePlugin(meta9, check6) {
  return lintRule({ origin: `archive-lint:${meta9.id}`, url: docsUrl(meta9.id) }, (tree, file, options) => {
    const ctx = fileContext(tree, file);
    for (const p of check6(ctx, options ?? {})) report(file, p, ctx.lineStarts);
  });
}

// rules/no-broken-links/meta.ts
var meta = {
  id: "no-broken-links",
  description: "Local link targets must exist: files, heading anchors, letter case, the root, schemes, paths left from the original site.",
  defaultSeverity: "error",
  fixable: "safe+unsafe",
  optionsSchema: {
    type: "object",
    additionalProperties: false,
    properties: {
      checkAnchors: { type: "boolean", default: true, description: "Check `#fragment`s against headings and explicit anchors." },
      suggest: { type: "boolean", default: true, description: "Offer the closest existing file ('did you mean')." },
      relativeSelfLinks: { type: "boolean", default: false, description: "Report links to this repository's own github.com blob/tree URLs, with a fix to a relative link." },
      ...STANDALONE_OPTIONS
    }
  },
  messages: {
    missingFile: "Link target '{target}' does not exist{suggestion}",
    renamed: "Link target '{target}' does not exist: this change renamed it to '{renamed}'",
    deleted: "Link target '{target}' does not exist: this change deleted it",
    missingAnchor: "Link target '{target}' has no heading or anchor '#{fragment}'{suggestion}",
    missingAnchorHere: "This file has no heading or anchor '#{fragment}'{suggestion}",
    anchorNotChecked: "Anchor '#{fragment}' of '{target}' is not checked: {why}",
    wrongCase: "Link target '{target}' differs in letter case from the file '{actual}': it works on macOS and Windows but is 404 on GitHub",
    outsideRoot: "Link '{url}' climbs over the archive root; GitHub resolves it to {resolved}",
    outsideRootMirrored: "Link '{url}' climbs over the archive root and works only on GitHub, where it leads to '{target}' in the local mirror of {mirror}; expected '{resolved}'",
    outsideRootMirrorMissing: "Link '{url}' climbs over the archive root; GitHub resolves it to {resolved}, but '{target}' does not exist in the local mirror of {mirror}{suggestion}",
    outsideRootNoRepo: "Link '{url}' climbs over the archive root (set --repo to see where GitHub sends it)",
    noScheme: "Link '{url}' has no scheme and is read as a relative path; expected '{suggested}'",
    originalSitePath: "Link '{url}' is a path from the original site, not a file of this archive{where}",
    unmirroredPage: "Link '{url}' points at a page of the original site that was never mirrored: {absolute}",
    malformed: "Link '{url}' is malformed ({reason}); expected '{cleaned}'",
    paddedUrl: "Link '{url}' has {side} white space, which browsers strip; expected '{cleaned}'",
    selfUrl: "Link '{url}' points at this repository on github.com; expected the relative link '{relative}'",
    mirrorMissing: "Link target '{target}' does not exist in the local mirror of {mirror}{suggestion}",
    liquidNotChecked: "Link '{url}' is not checked: {why}",
    liquidLinkMissing: "'{tag}' names no file of the site ({why}): jekyll build fails",
    sourceNotServed: "Link '{url}' is raw HTML pointing at the Markdown source '{target}', which the {site} site does not publish (it rewrites Markdown links, not raw HTML); expected the page's URL",
    outsideSite: "Link '{url}' leaves the published {site} site (its root is {siteRoot}) and cannot be checked offline; list it in siteExternal if it exists where the site is published"
  },
  kindNames: {
    missingFile: "missing file",
    renamed: "renamed file",
    deleted: "deleted file",
    missingAnchor: "missing anchor",
    missingAnchorHere: "missing anchor in the same file",
    anchorNotChecked: "anchor made by the site (not checked)",
    wrongCase: "wrong letter case",
    outsideRoot: "climbs over the root",
    outsideRootMirrored: "climbs over the root to a mirror",
    outsideRootMirrorMissing: "climbs over the root, missing in the mirror",
    outsideRootNoRepo: "climbs over the root (no --repo)",
    noScheme: "no scheme",
    originalSitePath: "original-site path",
    unmirroredPage: "page never mirrored",
    malformed: "malformed URL",
    paddedUrl: "white space around the URL",
    selfUrl: "this repository's own URL",
    mirrorMissing: "missing in the mirror",
    outsideSite: "leaves the published site",
    liquidNotChecked: "Liquid the profile cannot evaluate (not checked)",
    liquidLinkMissing: "Jekyll link tag to a missing file",
    sourceNotServed: "raw HTML link to a Markdown source"
  },
  // What a reader of the published site gets (see docs/profiles.md): a climbing link GitHub resolves still works
  // there; only a local mirror can say it lands on nothing.
  severities: {
    missingFile: "error",
    renamed: "error",
    deleted: "error",
    missingAnchor: "error",
    missingAnchorHere: "error",
    anchorNotChecked: "not-checked",
    wrongCase: "error",
    outsideRoot: "warn",
    outsideRootMirrored: "warn",
    outsideRootMirrorMissing: "error",
    outsideRootNoRepo: "warn",
    noScheme: "error",
    originalSitePath: "error",
    unmirroredPage: "error",
    malformed: "error",
    paddedUrl: "warn",
    selfUrl: "warn",
    mirrorMissing: "error",
    outsideSite: perSite("warn", "warn", "warn", "warn"),
    liquidNotChecked: "not-checked",
    liquidLinkMissing: "error",
    sourceNotServed: "error"
  }
};

// src/core/links/resolve.ts
import { posix } from "node:path";
var CURLY = /^[“”‘’«»„‟"'`]+|[“”‘’«»„‟"'`]+$/g;
var IPV4_HOST = /^\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?(?:[/?#]|$)/;
var HOST_PORT = /^(?:localhost|[a-z0-9-]+(?:\.[a-z0-9-]+)+):\d+(?:[/?#]|$)/i;
var WWW_HOST = /^www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?(?:[/?#]|$)/i;
var TLD_HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|info|biz|gov|edu|io|co|me|tv|cn|tw|hk|jp|kr|uk|de|fr|ru|us|ca|au|win|xyz|top)(?::\d+)?(?:\/(?!.*\.md$)|$)/i;
var SCHEME = /^([a-z][a-z0-9+.-]*):/i;
function safeDecode(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
function splitUrl(url) {
  const hash = url.indexOf("#");
  const fragment = hash < 0 ? void 0 : url.slice(hash + 1);
  const beforeHash = hash < 0 ? url : url.slice(0, hash);
  const q = beforeHash.indexOf("?");
  return { path: q < 0 ? beforeHash : beforeHash.slice(0, q), query: q < 0 ? "" : beforeHash.slice(q), fragment };
}
function malformation(url) {
  if (/^[“”‘’«»„‟]|[“”‘’«»„‟]$/.test(url)) {
    return { cleaned: url.trim().replace(CURLY, "").trim(), reason: "typographic quotes around the URL" };
  }
  if (url !== url.trim() && url.trim() !== "") {
    const cleaned = url.trim();
    const which = /^\s/.test(url) ? /\s$/.test(url) ? "leading and trailing" : "leading" : "trailing";
    return { cleaned: cleaned.replace(CURLY, ""), reason: `${which} white space` };
  }
  return void 0;
}
function resolveTarget(url, ctx) {
  const bad = malformation(url);
  if (bad) return { kind: "malformed", ...bad };
  if (url === "") return { kind: "empty" };
  if (url.startsWith("//")) return { kind: "external", url: `https:${url}` };
  if (IPV4_HOST.test(url) || HOST_PORT.test(url) || WWW_HOST.test(url) || TLD_HOST.test(url)) {
    return { kind: "no-scheme", suggested: `http://${url}`, path: posix.normalize(posix.join(posix.dirname(ctx.from), safeDecode(splitUrl(url).path))) };
  }
  const scheme = SCHEME.exec(url)?.[1];
  if (scheme) {
    const lower = scheme.toLowerCase();
    if (lower !== "http" && lower !== "https") return { kind: "other-scheme", scheme: lower };
    const repoUrl = parseRepoUrl(url);
    if (repoUrl && ctx.repo && sameRepo(repoUrl, ctx.repo) && (repoUrl.branch === void 0 || repoUrl.branch === ctx.repo.branch)) {
      return { kind: "local", path: posix.normalize(repoUrl.path || ".").replace(/^\.$/, ""), fragment: repoUrl.fragment || void 0, via: "self-url", urlKind: repoUrl.kind };
    }
    if (repoUrl && ctx.mirrors) {
      const key = Object.keys(ctx.mirrors).find((k) => {
        const [owner = "", name = ""] = k.split("/");
        return sameRepo(repoUrl, { owner, name });
      });
      if (key) return { kind: "local", path: posix.normalize(repoUrl.path || ".").replace(/^\.$/, ""), fragment: repoUrl.fragment || void 0, via: "mirror", mirror: key, urlKind: repoUrl.kind };
    }
    return { kind: "external", url };
  }
  const { path, fragment } = splitUrl(url);
  if (path === "") return fragment === void 0 ? { kind: "empty" } : { kind: "fragment", fragment: safeDecode(fragment) };
  const decoded = safeDecode(path);
  const absolute = decoded.startsWith("/");
  const joined = absolute ? decoded.replace(/^\/+/, "") : posix.join(posix.dirname(ctx.from), decoded);
  const normal = posix.normalize(joined === "" ? "." : joined);
  if (normal === ".." || normal.startsWith("../")) {
    return { kind: "outside-root", githubUrl: ctx.repo ? resolveOnGithub(ctx.repo, ctx.from, url) : void 0 };
  }
  return {
    kind: "local",
    path: normal === "." ? "" : normal.replace(/\/$/, ""),
    fragment: fragment === void 0 ? void 0 : safeDecode(fragment),
    via: absolute ? "absolute" : "relative"
  };
}
var SITE_PAGE_EXTENSIONS = /* @__PURE__ */ new Set([".php", ".html", ".htm", ".shtml", ".asp", ".aspx", ".jsp", ".cgi", ".do", ".action"]);
function onOriginalSite(url, originalUrl) {
  if (!originalUrl) return void 0;
  try {
    return new URL(url.trim(), originalUrl).href;
  } catch {
    return void 0;
  }
}

// src/core/fix/fix-text.ts
import { posix as posix2 } from "node:path";
function escapeAttribute(value) {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/'/g, "&#39;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function urlText(ref, url) {
  if (ref.source === "html") return escapeAttribute(url);
  return url.replace(/ /g, "%20").replace(/[()<>]/g, (c) => encodeURIComponent(c));
}
function relativeLink(from, to) {
  const rel = posix2.relative(posix2.dirname(from), to);
  return rel === "" ? "./" : rel;
}
function recase(url, from, index, absolute) {
  const { path } = splitUrl(url);
  const rest = url.slice(path.length);
  const segments = path.split("/");
  let dir = absolute ? "" : posix2.dirname(from) === "." ? "" : posix2.dirname(from);
  const out = [];
  for (const seg of segments) {
    if (seg === "" || seg === "." || seg === "..") {
      out.push(seg);
      if (seg === "..") dir = posix2.dirname(dir) === "." ? "" : posix2.dirname(dir);
      continue;
    }
    const decoded = safeDecode(seg);
    const next = dir === "" ? decoded : `${dir}/${decoded}`;
    const real = index.stat(next) ? next : index.realCase(next);
    if (real === void 0) return void 0;
    const name = posix2.basename(real);
    out.push(seg.includes("%") ? encodeURIComponent(name) : name);
    dir = real;
  }
  return out.join("/") + rest;
}
function unescapeWritten(raw, source) {
  if (source === "plain") return raw;
  return decodeHTML(source === "html" ? raw : raw.replace(/\\([!-/:-@[-`{-~])/g, "$1"));
}
function pathText(path, encoded, source) {
  if (encoded) return path.split("/").map((s) => encodeURIComponent(s).replace(/%40/g, "@").replace(/%2B/g, "+").replace(/%2C/g, ",")).join("/");
  if (source === "html") return escapeAttribute(path);
  if (source === "plain") return path;
  return path.replace(/ /g, "%20").replace(/[()<>]/g, (c) => encodeURIComponent(c));
}
function movedUrl(raw, source, via, from, newFrom, written2, moved) {
  const cut = raw.search(/[?#]/);
  const rawPath = cut < 0 ? raw : raw.slice(0, cut);
  const rest = cut < 0 ? "" : raw.slice(cut);
  const decoded = safeDecode(unescapeWritten(rawPath, source));
  const slash = decoded.length > 1 && decoded.endsWith("/") ? "/" : "";
  let target = moved(written2);
  if (target === void 0) {
    const html = /^(.*)\.html?$/i.exec(written2);
    const page = html ? moved(`${html[1]}.md`) : void 0;
    if (page !== void 0) target = page.replace(/\.md$/i, written2.slice((html?.[1]).length));
  }
  const to = target ?? written2;
  const encoded = rawPath.includes("%");
  let text;
  if (via === "self-url") {
    if (target === void 0) return raw;
    let at = -1;
    for (let i = rawPath.indexOf("/"); i >= 0; i = rawPath.indexOf("/", i + 1)) {
      if (safeDecode(unescapeWritten(rawPath.slice(i + 1), source)).replace(/\/$/, "") === written2) {
        at = i + 1;
        break;
      }
    }
    if (at < 0) return void 0;
    text = rawPath.slice(0, at) + pathText(to, encoded, source) + slash;
  } else if (via === "absolute") {
    if (decoded.replace(/^\/+/, "").replace(/\/$/, "") !== written2) return void 0;
    if (target === void 0) return raw;
    text = `/${pathText(to, encoded, source)}${slash}`;
  } else {
    if (posix2.normalize(posix2.join(posix2.dirname(from), decoded)).replace(/\/$/, "") !== (written2 === "" ? "." : written2)) return void 0;
    let rel = posix2.relative(posix2.dirname(newFrom), to);
    if (rel === "") rel = ".";
    if (posix2.normalize(rel) === posix2.normalize(decoded.replace(/\/$/, "") || ".")) return raw;
    if (decoded.startsWith("./") && !rel.startsWith(".")) rel = `./${rel}`;
    text = pathText(rel, encoded, source) + (slash && !rel.endsWith("/") ? "/" : "");
  }
  return text + rest;
}

// src/core/links/missing-target.ts
import { posix as posix3 } from "node:path";
function diagnoseMissing(ref, target, facts, where) {
  const { index } = where;
  if (index.stat(target.path) !== void 0) return void 0;
  const rest = ref.url.slice(splitUrl(ref.url).path.length);
  const actual = index.realCase(target.path);
  if (actual !== void 0) {
    return { kind: "wrongCase", actual, fixed: target.via === "self-url" ? void 0 : recase(ref.url, facts.path, index, target.via === "absolute") };
  }
  if (target.via === "absolute") return { kind: "originalSite", absolute: onOriginalSite(ref.url, facts.originalUrl) };
  const renamedTo = where.renamed?.get(target.path);
  if (renamedTo !== void 0 && index.stat(renamedTo) === "file") {
    const moved = target.via === "mirror" ? void 0 : movedUrl(ref.url, "plain", target.via, facts.path, facts.path, target.path, (p) => p === target.path ? renamedTo : void 0);
    return { kind: "renamed", to: renamedTo, fixed: moved ?? relativeLink(facts.path, renamedTo) + rest, edited: where.renamedEdited?.has(target.path) ?? true };
  }
  if (where.deleted?.has(target.path)) return { kind: "deleted" };
  const sameName = target.via === "relative" ? index.sameName?.(target.path) : void 0;
  return { kind: "missing", suggestion: suggestFor(index, target.path), sameName: sameName === void 0 ? void 0 : relativeLink(facts.path, sameName) + rest };
}
function hasExtension(path) {
  return posix3.extname(path) !== "";
}
var MARKDOWN_EXTENSIONS = [".md", ".markdown", ".mdown", ".mkd", ".mkdn"];
var HTML_EXTENSIONS = [".html", ".htm", ".xhtml", ".shtml"];
var IMAGE_EXTENSIONS = [".png", ".jpg", ".jpeg", ".jpe", ".jfif", ".gif", ".webp", ".avif", ".apng", ".svg", ".bmp", ".ico", ".tif", ".tiff"];
var CLASS_OF = new Map([
  ...MARKDOWN_EXTENSIONS.map((e) => [e, "page"]),
  ...HTML_EXTENSIONS.map((e) => [e, "html"]),
  ...IMAGE_EXTENSIONS.map((e) => [e, "image"])
]);
function extensionClass(path) {
  const ext = posix3.extname(path).toLowerCase();
  return CLASS_OF.get(ext) ?? ext;
}
var DIGIT = /\d/;
function unpadded(name) {
  return name.toLowerCase().replace(/\d+/g, (run) => run.replace(/^0+(?=\d)/, ""));
}
function differsInDigits(a, b) {
  if (unpadded(a) === unpadded(b)) return false;
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start++;
  let end = 0;
  while (end < x.length - start && end < y.length - start && x[x.length - 1 - end] === y[y.length - 1 - end]) end++;
  const around = (s) => s.slice(Math.max(0, start - 1), s.length - end + 1);
  return DIGIT.test(around(x)) || DIGIT.test(around(y));
}
function plausibleSuggestion(path, candidate) {
  if (extensionClass(candidate) !== extensionClass(path)) return false;
  return !differsInDigits(posix3.basename(path), posix3.basename(candidate));
}
function suggestFor(index, path) {
  const same = index.sameName?.(path);
  if (same !== void 0) return same;
  const near = index.suggest(path);
  return near !== void 0 && plausibleSuggestion(path, near) ? near : void 0;
}
var ESCAPES = { "\n": "\\n", "\r": "\\r", "	": "\\t" };
function shownUrl(url) {
  let out = "";
  for (const c of url) out += c.charCodeAt(0) >= 32 ? c : ESCAPES[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`;
  return out;
}
function strippedByBrowsers(url, at) {
  return url.charCodeAt(at) <= 32;
}
function strippedPadding(ref) {
  if (ref.source !== "html") return void 0;
  const url = ref.url;
  let start = 0;
  while (start < url.length && strippedByBrowsers(url, start)) start++;
  let end = url.length;
  while (end > start && strippedByBrowsers(url, end - 1)) end--;
  const stripped = url.slice(start, end);
  if (stripped === url || stripped === "" || malformation(stripped) !== void 0) return void 0;
  const leading = start > 0;
  const trailing = end < url.length;
  return { url: stripped, side: leading ? trailing ? "leading and trailing" : "leading" : "trailing" };
}

// src/core/links/target-index.ts
import { posix as posix4 } from "node:path";
var MARKDOWN = /\.(md|markdown|mdown|mkd|mkdn)$/i;
function isMarkdownPath(path) {
  return MARKDOWN.test(path);
}
var MAX_SUGGESTION_COMPARISONS = 32;
var Suggester = class {
  sorted;
  constructor(candidates) {
    this.sorted = [...candidates].map((c) => ({ c, lower: c.toLowerCase() })).sort((a, b) => a.lower < b.lower ? -1 : a.lower > b.lower ? 1 : a.c < b.c ? -1 : a.c > b.c ? 1 : 0);
  }
  /** The name nearest to `name` within a few edits (30% of its length, at least 2), or undefined. */
  nearest(name) {
    const limit = Math.max(2, Math.floor(name.length * 0.3));
    const lower = name.toLowerCase();
    const list = this.sorted;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = lo + hi >> 1;
      if (list[mid].lower < lower) lo = mid + 1;
      else hi = mid;
    }
    let below = lo - 1;
    let above = lo;
    let compared = 0;
    let best;
    let bestDistance = Infinity;
    while (compared < MAX_SUGGESTION_COMPARISONS && (below >= 0 || above < list.length)) {
      const takeAbove = above < list.length && (below < 0 || above - lo <= lo - 1 - below);
      const x = list[takeAbove ? above++ : below--];
      if (x.c === name || Math.abs(x.c.length - name.length) > limit) continue;
      compared++;
      const d = distance(lower, x.lower);
      if (d < bestDistance || d === bestDistance && best !== void 0 && x.c < best) {
        best = x.c;
        bestDistance = d;
      }
    }
    return bestDistance <= limit ? best : void 0;
  }
};
function closest(name, candidates) {
  return new Suggester(candidates).nearest(name);
}
var ArchiveIndex = class {
  /** `loadAnchors` is asked for the anchors of Markdown files whose facts were not given (partial runs). */
  constructor(files, loadAnchors) {
    this.loadAnchors = loadAnchors;
    for (const file of files) this.add(file);
  }
  loadAnchors;
  files = /* @__PURE__ */ new Set();
  dirs = /* @__PURE__ */ new Set([""]);
  lower = /* @__PURE__ */ new Map();
  byBase = /* @__PURE__ */ new Map();
  children;
  suggesters = /* @__PURE__ */ new Map();
  anchorMap = /* @__PURE__ */ new Map();
  add(file) {
    this.files.add(file);
    this.lower.set(file.toLowerCase(), file);
    const base = posix4.basename(file).toLowerCase();
    const list = this.byBase.get(base);
    if (list) list.push(file);
    else this.byBase.set(base, [file]);
    this.addFolders(file, true);
  }
  /** The folders above a file; `own`: their lower-case names win over a file's of the same name. */
  addFolders(file, own) {
    let dir = posix4.dirname(file);
    while (dir !== "." && !this.dirs.has(dir)) {
      this.dirs.add(dir);
      if (own || !this.lower.has(dir.toLowerCase())) this.lower.set(dir.toLowerCase(), dir);
      dir = posix4.dirname(dir);
    }
  }
  /** A file that appeared (a language server's watched files): known from now on, its anchors loaded when asked. */
  addFile(file) {
    if (this.files.has(file)) return;
    this.add(file);
    this.children = void 0;
    this.suggesters.clear();
  }
  /** A file that went away: unknown from now on, with its anchors, and the folders it alone kept. */
  removeFile(file) {
    if (!this.files.delete(file)) return;
    if (this.lower.get(file.toLowerCase()) === file) this.lower.delete(file.toLowerCase());
    const base = posix4.basename(file).toLowerCase();
    const list = this.byBase.get(base)?.filter((p) => p !== file);
    if (list?.length) this.byBase.set(base, list);
    else this.byBase.delete(base);
    this.anchorMap.delete(file);
    for (const dir of this.dirs) if (this.lower.get(dir.toLowerCase()) === dir) this.lower.delete(dir.toLowerCase());
    this.dirs.clear();
    this.dirs.add("");
    for (const f of this.files) this.addFolders(f, false);
    this.children = void 0;
    this.suggesters.clear();
  }
  /** The names in a folder ('' for the root): its files and folders, for completion. */
  entries(dir) {
    return this.childMap().get(dir) ?? [];
  }
  get size() {
    return this.files.size;
  }
  setAnchors(path, anchors) {
    this.anchorMap.set(path, new Set(anchors));
  }
  stat(path) {
    if (this.files.has(path)) return "file";
    if (this.dirs.has(path)) return "dir";
    return void 0;
  }
  realCase(path) {
    const hit = this.lower.get(path.toLowerCase());
    return hit !== void 0 && hit !== path ? hit : void 0;
  }
  /** Anchors already known (given, or loaded when asked for), without loading any. */
  knownAnchors(path) {
    return this.anchorMap.get(path);
  }
  anchors(path) {
    let set = this.anchorMap.get(path);
    if (!set && this.files.has(path) && isMarkdownPath(path) && this.loadAnchors) {
      set = this.loadAnchors(path);
      if (set) this.anchorMap.set(path, set);
    }
    return set;
  }
  sameName(path) {
    const same = this.byBase.get(posix4.basename(path).toLowerCase())?.filter((p) => p !== path);
    return same && same.length === 1 ? same[0] : void 0;
  }
  suggest(path) {
    const base = posix4.basename(path);
    const same = this.sameName(path);
    if (same !== void 0) return same;
    const dir = posix4.dirname(path) === "." ? "" : posix4.dirname(path);
    const names = this.childMap().get(dir);
    let suggester = this.suggesters.get(dir);
    if (names && !suggester) this.suggesters.set(dir, suggester = new Suggester(names));
    const hit = suggester?.nearest(base);
    return hit === void 0 ? void 0 : dir === "" ? hit : `${dir}/${hit}`;
  }
  childMap() {
    if (!this.children) {
      this.children = /* @__PURE__ */ new Map();
      for (const p of [...this.files, ...this.dirs]) {
        if (p === "") continue;
        const d = posix4.dirname(p);
        const key = d === "." ? "" : d;
        const list = this.children.get(key);
        if (list) list.push(posix4.basename(p));
        else this.children.set(key, [posix4.basename(p)]);
      }
    }
    return this.children;
  }
};

// src/core/links/fs-index.ts
import { readdirSync, statSync } from "node:fs";
import { join, posix as posix5 } from "node:path";
var FsIndex = class {
  constructor(root) {
    this.root = root;
  }
  root;
  listings = /* @__PURE__ */ new Map();
  anchorCache = /* @__PURE__ */ new Map();
  list(dir) {
    if (!this.listings.has(dir)) {
      try {
        this.listings.set(dir, readdirSync(join(this.root, dir)));
      } catch {
        this.listings.set(dir, void 0);
      }
    }
    return this.listings.get(dir);
  }
  stat(path) {
    if (path === "") return "dir";
    const parts = path.split("/");
    let dir = "";
    for (const part of parts) {
      if (!this.list(dir)?.includes(part)) return void 0;
      dir = dir === "" ? part : `${dir}/${part}`;
    }
    try {
      return statSync(join(this.root, path)).isDirectory() ? "dir" : "file";
    } catch {
      return void 0;
    }
  }
  realCase(path) {
    const parts = path.split("/");
    let dir = "";
    for (const part of parts) {
      const hit = this.list(dir)?.find((n) => n.toLowerCase() === part.toLowerCase());
      if (hit === void 0) return void 0;
      dir = dir === "" ? hit : `${dir}/${hit}`;
    }
    return dir !== path ? dir : void 0;
  }
  anchors(path) {
    if (!isMarkdownPath(path)) return void 0;
    if (!this.anchorCache.has(path)) {
      let set;
      try {
        const decoded = decodeText(readBounded(join(this.root, path), { maxBytes: DEFAULT_MAX_FILE_SIZE, root: this.root }));
        if ("text" in decoded) set = new Set(extract(parseMarkdown(decoded.text), decoded.text, path).facts.anchors);
      } catch {
        set = void 0;
      }
      this.anchorCache.set(path, set);
    }
    return this.anchorCache.get(path);
  }
  suggest(path) {
    const dir = posix5.dirname(path) === "." ? "" : posix5.dirname(path);
    const names = this.list(dir);
    const hit = names ? closest(posix5.basename(path), names) : void 0;
    return hit === void 0 ? void 0 : dir === "" ? hit : `${dir}/${hit}`;
  }
};

// src/core/links/jekyll.ts
var import_yaml = __toESM(require_dist(), 1);
import { join as join2, posix as posix6 } from "node:path";
var PAGE = /\.(?:md|markdown|html?)$/i;
var POST = /^(?:(.*)\/)?_posts\/(?:.*\/)?(\d{4})-(\d{2})-(\d{2})-([^/]+?)\.(?:md|markdown|html?)$/i;
var STYLES = {
  date: "/:categories/:year/:month/:day/:title:output_ext",
  pretty: "/:categories/:year/:month/:day/:title/",
  ordinal: "/:categories/:year/:y_day/:title:output_ext",
  none: "/:categories/:title:output_ext"
};
function frontMatter(text) {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\s*(?:\r?\n|$)/.exec(text);
  if (!m) return void 0;
  try {
    const data = (0, import_yaml.parse)(m[1], { logLevel: "silent" });
    return data && typeof data === "object" ? data : {};
  } catch {
    return {};
  }
}
function words(v) {
  if (Array.isArray(v)) return v.map(String);
  return typeof v === "string" ? v.split(/\s+/).filter(Boolean) : [];
}
function fill(template, parts) {
  const url = template.replace(/:(\w+)/g, (m, k) => parts[k] ?? m).replace(/\/{2,}/g, "/");
  return url.startsWith("/") ? url : `/${url}`;
}
function jekyllUrls(root, siteRoot, files, model, maxFileSize) {
  const byUrl = /* @__PURE__ */ new Map();
  const byFile = /* @__PURE__ */ new Map();
  const add = (url, file) => {
    if (!byUrl.has(url)) byUrl.set(url, file);
    if (!byFile.has(file)) byFile.set(file, url);
  };
  const prefix = siteRoot === "" ? "" : `${siteRoot}/`;
  for (const file of files) {
    if (!file.startsWith(prefix)) continue;
    const rel = file.slice(prefix.length);
    if (/^_site\//.test(rel)) continue;
    const post = POST.exec(rel);
    const collection = /^_([^/]+)\//.exec(rel)?.[1];
    const inCollection = collection !== void 0 && collection !== "posts" && model.collections?.[collection] !== void 0;
    if (!post && rel.split("/").some((p) => p.startsWith("_")) && !(inCollection && model.collections?.[collection]?.output)) continue;
    if (!PAGE.test(rel)) {
      add(`/${rel}`, file);
      continue;
    }
    const read = readSource(join2(root, file), maxFileSize);
    const fm = "text" in read ? frontMatter(read.text) : void 0;
    if (!fm) {
      add(`/${rel}`, file);
      continue;
    }
    const stem = rel.replace(PAGE, "");
    let url;
    if (typeof fm.permalink === "string") url = fill(fm.permalink, { output_ext: ".html", title: posix6.basename(stem), path: stem, basename: posix6.basename(stem) });
    else if (post) {
      const categories = [...post[1] ? post[1].split("/") : [], ...words(fm.categories), ...words(fm.category)].join("/");
      const template = STYLES[model.permalink ?? "date"] ?? model.permalink;
      url = fill(template, { categories, year: post[2], month: post[3], day: post[4], i_month: String(Number(post[3])), i_day: String(Number(post[4])), title: post[5], slug: post[5], output_ext: ".html" });
    } else if (inCollection) {
      const c = model.collections?.[collection];
      const path = stem.slice(collection.length + 2);
      url = fill(c?.permalink ?? "/:collection/:path:output_ext", { collection, path, name: posix6.basename(path), title: posix6.basename(path), output_ext: ".html" });
    } else url = /(?:^|\/)index$/.test(stem) ? `/${stem.replace(/index$/, "")}` : `/${stem}.html`;
    add(url, file);
    if (url.endsWith("/")) add(`${url}index.html`, file);
    else if (url.endsWith(".html")) add(url.replace(/\.html$/, ""), file);
    for (const from of words(fm.redirect_from)) add(from.startsWith("/") ? from : `/${from}`, file);
  }
  return { byUrl, byFile };
}
function pageAt(urls, path) {
  return urls.byUrl.get(path) ?? (path.endsWith("/") ? void 0 : urls.byUrl.get(`${path}/`));
}

// rules/no-broken-links/index.ts
function hasAnchor(anchors, fragment) {
  if (fragment === "" || fragment.toLowerCase() === "top") return true;
  const bare = fragment.replace(/^user-content-/, "");
  return anchors.has(bare) || anchors.has(bare.toLowerCase());
}
function droppedByGithub(url) {
  const scheme = /^\s*([^\s/?#:]+):/.exec(url)?.[1];
  return scheme !== void 0 && !/^(?:https?|mailto|irc|ircs|xmpp)$/i.test(scheme);
}
function didYouMean(candidate, prefix = "") {
  return candidate === void 0 ? "" : `; did you mean '${prefix}${candidate}'?`;
}
function targetsOf(facts, ctx) {
  const out = [];
  for (const written2 of facts.references) {
    if (written2.type !== "link") continue;
    const padded = strippedPadding(written2);
    const ref = padded ? { ...written2, url: padded.url } : written2;
    const from = ref.source === "html" ? htmlBase(facts.path, ctx.site, ctx.siteModel) : facts.path;
    const c = { ref, target: resolveTarget(ref.url, { from, repo: ctx.repo, mirrors: ctx.mirrors }) };
    if (padded) c.padding = { written: written2.url, side: padded.side };
    out.push(c);
  }
  return out;
}
function paddingProblem({ ref, padding }) {
  if (!padding) return void 0;
  return problem(meta, "paddedUrl", { url: shownUrl(padding.written), side: padding.side, cleaned: ref.url }, ref.start, ref.end, { range: [ref.start, ref.end], text: urlText(ref, ref.url) });
}
function perFile({ ref, target }, facts, anchors, options, where) {
  const at = (id, data, fix, kind) => problem(meta, id, data, ref.start, ref.end, fix, kind);
  if (ref.liquid) return void 0;
  switch (target.kind) {
    case "malformed":
      return at("malformed", { url: ref.url, reason: target.reason, cleaned: target.cleaned }, { range: [ref.start, ref.end], text: urlText(ref, target.cleaned) }, droppedByGithub(ref.url) ? "unsafe" : "safe");
    case "no-scheme":
      return at("noScheme", { url: ref.url, suggested: target.suggested }, { range: [ref.start, ref.start], text: "http://" }, "unsafe");
    case "fragment":
      if (options.checkAnchors === false || hasAnchor(anchors, target.fragment)) return void 0;
      if (unverifiable(target.fragment, facts.path, where)) return at("anchorNotChecked", { fragment: target.fragment, target: facts.path, why: unverifiable(target.fragment, facts.path, where) });
      return at("missingAnchorHere", { fragment: target.fragment, suggestion: options.suggest === false ? "" : didYouMean(closest(target.fragment, anchors), "#") });
    default:
      return void 0;
  }
}
function unverifiable(fragment, _path, where) {
  const model = where.siteModel;
  if (where.site !== "mkdocs" || !model) return void 0;
  if (model.generatedFragment && new RegExp(model.generatedFragment).test(fragment)) return "an id made by a Markdown extension of the site (pymdownx.tabbed)";
  if (model.slugify === "unknown") return "the site makes heading ids with a slugify function of its own (mkdocs.yml's toc `slugify`)";
  return model.generatedIds;
}
function climbedTo(githubUrl, facts, where) {
  const t = resolveTarget(githubUrl, { from: facts.path, repo: where.repo, mirrors: where.mirrors ?? {} });
  return t.kind === "local" && t.via === "mirror" ? t : void 0;
}
function inMirror(target, mirrorIndex, options) {
  const mirror = target?.mirror;
  const index = mirror ? mirrorIndex?.(mirror) : void 0;
  if (!target || !mirror || !index) return void 0;
  const found = index.stat(target.path) !== void 0;
  const near = found || options.suggest === false ? void 0 : suggestFor(index, target.path);
  return { found, path: target.path, mirror, near };
}
function jekyllLink(ref, written2, facts, where, options) {
  const urls = where.siteUrls;
  if (!urls) return "fallback";
  const at = (id, data) => problem(meta, id, data, ref.start, ref.end);
  const siteRoot = where.siteRoot ?? "";
  if (ref.liquid === "unevaluated") return at("liquidNotChecked", { url: ref.url, why: "its Liquid (a variable, an include) is evaluated only by jekyll build" });
  if (ref.liquid === "link") {
    return where.index.stat(posix7.join(siteRoot, ref.url)) === "file" ? void 0 : at("liquidLinkMissing", { tag: `{% link ${ref.url} %}`, why: `no file '${posix7.join(siteRoot, ref.url)}'` });
  }
  if (ref.liquid === "post_url") {
    const name = ref.url.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const post = new RegExp(`(?:^|/)_posts/(?:.*/)?${name}\\.(?:md|markdown|html?)$`);
    return [...urls.byFile.keys()].some((f) => post.test(f)) ? void 0 : at("liquidLinkMissing", { tag: `{% post_url ${ref.url} %}`, why: `no post '${ref.url}' in _posts/` });
  }
  if (written2.kind !== "local" || written2.via !== "relative" && written2.via !== "absolute") return "fallback";
  const hash = ref.url.indexOf("#");
  const bare = (hash < 0 ? ref.url : ref.url.slice(0, hash)).split("?")[0];
  const fragment = hash < 0 ? void 0 : ref.url.slice(hash + 1);
  if (bare === "") return "fallback";
  let sitePath;
  try {
    const base = urls.byFile.get(facts.path) ?? `/${facts.path.slice(siteRoot === "" ? 0 : siteRoot.length + 1)}`;
    const baseurl = where.siteModel?.baseurl ?? "";
    const path = bare.startsWith("/") && baseurl && (bare === baseurl || bare.startsWith(`${baseurl}/`)) ? bare.slice(baseurl.length) || "/" : bare;
    sitePath = decodeURIComponent(new URL(path, `http://site${base}`).pathname);
  } catch {
    return "fallback";
  }
  let source = pageAt(urls, sitePath);
  if (source === void 0) {
    const asFile = posix7.join(siteRoot, sitePath.slice(1));
    if (where.index.stat(asFile) === "file") source = asFile;
    else if (!bare.startsWith("/") && where.index.stat(written2.path) === "file") source = written2.path;
  }
  if (source === void 0) return at("missingFile", { target: sitePath, suggestion: "" });
  if (fragment !== void 0 && fragment !== "" && options.checkAnchors !== false && isMarkdownPath(source)) {
    const anchors = where.index.anchors(source);
    if (anchors && !hasAnchor(anchors, decodeURIComponent(fragment))) return at("missingAnchor", { target: source, fragment, suggestion: options.suggest === false ? "" : didYouMean(closest(fragment, anchors), "#") });
  }
  return void 0;
}
function leavesSite(ref, path, where) {
  const siteRoot = where.siteRoot ?? "";
  const base = "/0/1/2/3/4/5/6/7/8/9/root";
  const fromSiteRoot = posix7.relative(posix7.join(base, siteRoot), posix7.join(base, path));
  if ((where.siteExternal ?? []).some((prefix) => fromSiteRoot === prefix.replace(/\/$/, "") || fromSiteRoot.startsWith(prefix.endsWith("/") ? prefix : `${prefix}/`))) return void 0;
  return problem(meta, "outsideSite", { url: ref.url, site: where.site ?? "github", siteRoot: siteRoot === "" ? "the root" : `${siteRoot}/` }, ref.start, ref.end);
}
function servedAs(path, where) {
  const found = siteCandidates(path, where.site).find((p) => where.index.stat(p) === "file");
  if (found || where.site !== "mdbook" || path !== posix7.join(where.siteRoot ?? "", "index.html")) return found;
  const summary = posix7.join(where.siteRoot ?? "", "SUMMARY.md");
  return where.index.stat(summary) === "file" ? summary : void 0;
}
function acrossFiles({ ref, target: written2 }, facts, where, options) {
  const { index, mirrorIndex } = where;
  const at = (id, data, fix, kind2) => problem(meta, id, data, ref.start, ref.end, fix, kind2);
  const replace = (url) => ({ range: [ref.start, ref.end], text: urlText(ref, url) });
  const published = where.site !== void 0 && where.site !== "github";
  if (where.site === "jekyll") {
    const j = jekyllLink(ref, written2, facts, where, options);
    if (j !== "fallback") return j;
  }
  let target = written2;
  if (published && target.kind === "outside-root") return leavesSite(ref, posix7.join(posix7.dirname(facts.path), ref.url.split(/[?#]/)[0]), where);
  if (published && target.kind === "local" && (target.via === "relative" || target.via === "absolute")) {
    if (target.via === "absolute" && where.siteRoot) target = { ...target, path: posix7.join(where.siteRoot, target.path) };
    if (outsideSite(target.path, where.siteRoot ?? "")) return leavesSite(ref, target.path, where);
    if (ref.source === "html" && isMarkdownPath(target.path) && index.stat(target.path) === "file") {
      return at("sourceNotServed", { url: ref.url, target: target.path, site: where.site ?? "github" });
    }
    if (index.stat(target.path) !== "file") {
      const served = servedAs(target.path, where);
      if (served) target = { ...target, path: served, ...served.endsWith("SUMMARY.md") && !target.path.endsWith("SUMMARY.md") ? { fragment: void 0 } : {} };
    }
  }
  if (target.kind === "outside-root") {
    if (!target.githubUrl) return at("outsideRootNoRepo", { url: ref.url });
    const fix = replace(target.githubUrl);
    const climbed = inMirror(climbedTo(target.githubUrl, facts, where), mirrorIndex, options);
    if (climbed?.found) {
      return at("outsideRootMirrored", { url: ref.url, resolved: target.githubUrl, target: climbed.path, mirror: climbed.mirror }, fix);
    }
    if (climbed) return at("outsideRootMirrorMissing", { url: ref.url, resolved: target.githubUrl, target: climbed.path, mirror: climbed.mirror, suggestion: didYouMean(climbed.near) }, fix);
    return at("outsideRoot", { url: ref.url, resolved: target.githubUrl }, fix);
  }
  if (target.kind !== "local") return void 0;
  if (target.via === "mirror") {
    const found = inMirror(target, mirrorIndex, options);
    if (!found || found.found) return void 0;
    return at("mirrorMissing", { target: found.path, mirror: found.mirror, suggestion: didYouMean(found.near) });
  }
  const kind = index.stat(target.path);
  if (kind === "file" && options.checkAnchors !== false && target.fragment !== void 0 && isMarkdownPath(target.path)) {
    const anchors = index.anchors(target.path);
    if (anchors && !hasAnchor(anchors, target.fragment)) {
      const why = unverifiable(target.fragment, target.path, where);
      if (why) return at("anchorNotChecked", { fragment: target.fragment, target: target.path, why });
      const near = options.suggest === false ? void 0 : closest(target.fragment, anchors);
      return at("missingAnchor", { target: target.path, fragment: target.fragment, suggestion: didYouMean(near, "#") });
    }
  }
  if (kind !== void 0) {
    if (target.via === "self-url" && options.relativeSelfLinks && (target.urlKind === "blob" || target.urlKind === "tree")) {
      const rel = relativeLink(facts.path, target.path) + (target.fragment !== void 0 ? `#${target.fragment}` : "");
      return at("selfUrl", { url: ref.url, relative: rel }, replace(rel));
    }
    return void 0;
  }
  const missing = diagnoseMissing(ref, target, facts, where);
  if (!missing) return void 0;
  switch (missing.kind) {
    case "wrongCase":
      return at("wrongCase", { target: target.path, actual: missing.actual }, missing.fixed === void 0 ? void 0 : replace(missing.fixed));
    case "originalSite":
      return at("originalSitePath", { url: ref.url, where: missing.absolute ? `; on the original site it is ${missing.absolute}` : "" }, missing.absolute ? replace(missing.absolute) : void 0, "unsafe");
    case "renamed":
      return at("renamed", { target: target.path, renamed: missing.to }, replace(missing.fixed), missing.edited ? "unsafe" : "safe");
    case "deleted":
      return at("deleted", { target: target.path });
    case "missing": {
      if (target.via === "relative" && SITE_PAGE_EXTENSIONS.has(posix7.extname(target.path).toLowerCase())) {
        const abs = onOriginalSite(ref.url, facts.originalUrl);
        if (abs) return at("unmirroredPage", { url: ref.url, absolute: abs }, replace(abs), "unsafe");
      }
      const fix = missing.sameName === void 0 ? void 0 : replace(missing.sameName);
      return at("missingFile", { target: target.path, suggestion: options.suggest === false ? "" : didYouMean(missing.suggestion) }, fix, "unsafe");
    }
  }
}
function crossFile(facts, ctx, options = {}) {
  const out = [];
  for (const c of targetsOf(facts, ctx)) {
    const p = acrossFiles(c, facts, ctx, options);
    if (p) out.push(p);
  }
  return out;
}
function check(ctx, options, standalone) {
  const anchors = new Set(ctx.facts.anchors);
  const out = [];
  for (const c of targetsOf(ctx.facts, ctx)) {
    const padded = paddingProblem(c);
    if (padded) out.push(padded);
    const p = perFile(c, ctx.facts, anchors, options, ctx) ?? (standalone ? acrossFiles(c, ctx.facts, { index: standalone, repo: ctx.repo, mirrors: ctx.mirrors }, options) : void 0);
    if (p) out.push(p);
  }
  return out;
}
var plugin = lintRule(
  { origin: `archive-lint:${meta.id}`, url: docsUrl(meta.id) },
  (tree, file, options) => {
    const opts = options ?? {};
    const ctx = fileContext(tree, file, opts);
    const standalone = ctx.engine ? void 0 : new FsIndex(ctx.root);
    for (const p of check(ctx, opts, standalone)) report(file, p, ctx.lineStarts);
  }
);
var no_broken_links_default = plugin;

// rules/no-missing-images/index.ts
var no_missing_images_exports = {};
__export(no_missing_images_exports, {
  crossFile: () => crossFile2,
  default: () => no_missing_images_default,
  externalCheck: () => externalCheck,
  meta: () => meta2,
  plugin: () => plugin2
});

// rules/no-missing-images/meta.ts
var meta2 = {
  id: "no-missing-images",
  description: "Image sources must exist: local files, this repository's own URLs, paths left from the original site.",
  defaultSeverity: "error",
  fixable: "safe+unsafe",
  optionsSchema: {
    type: "object",
    additionalProperties: false,
    properties: {
      ...STANDALONE_OPTIONS
    }
  },
  messages: {
    missingFile: "Image '{target}' does not exist{suggestion}",
    renamed: "Image '{target}' does not exist: this change renamed it to '{renamed}'",
    deleted: "Image '{target}' does not exist: this change deleted it",
    wrongCase: "Image '{target}' differs in letter case from the file '{actual}': it shows on macOS and Windows but is 404 on GitHub",
    outsideRoot: "Image '{url}' climbs over the archive root; GitHub resolves it to {resolved}{where}",
    outsideRootNoRepo: "Image '{url}' climbs over the archive root{where}",
    originalSitePath: "Image '{url}' is a path from the original site, not a file of this archive{where}",
    blobUrl: "Image '{url}' is a GitHub page, not an image; expected '{expected}'",
    emptySource: "Image has an empty source",
    noExtension: "Image '{url}' has no file extension",
    malformed: "Image '{url}' is malformed ({reason}); expected '{cleaned}'",
    paddedUrl: "Image '{url}' has {side} white space, which browsers strip; expected '{cleaned}'",
    mirrorMissing: "Image '{target}' does not exist in the local mirror of {mirror}{suggestion}",
    remoteBroken: "Image {url} answered {answer}{via}",
    remoteUnreachable: "Image {url} cannot be loaded: {reason}{tries}",
    remoteUnchecked: "Image {url} was not checked: {why}",
    liquidNotChecked: "Image '{url}' is not checked: {why}"
  },
  kindNames: {
    missingFile: "missing image",
    renamed: "renamed image",
    deleted: "deleted image",
    wrongCase: "wrong letter case",
    outsideRoot: "climbs over the root",
    outsideRootNoRepo: "climbs over the root (no --repo)",
    originalSitePath: "original-site path",
    blobUrl: "GitHub page, not an image",
    emptySource: "empty source",
    noExtension: "no file extension",
    malformed: "malformed URL",
    paddedUrl: "white space around the URL",
    mirrorMissing: "missing in the mirror",
    remoteBroken: "broken remote image",
    remoteUnreachable: "unreachable remote image",
    remoteUnchecked: "remote image not checked",
    liquidNotChecked: "Liquid the profile cannot evaluate (not checked)"
  },
  // A blob URL shows as an image on github.com (it redirects to the raw file); elsewhere it is an HTML page.
  severities: {
    missingFile: "error",
    renamed: "error",
    deleted: "error",
    wrongCase: "error",
    outsideRoot: "error",
    outsideRootNoRepo: "error",
    originalSitePath: "error",
    blobUrl: perSite("warn", "error", "error", "error"),
    emptySource: "error",
    noExtension: "error",
    malformed: "error",
    paddedUrl: "warn",
    mirrorMissing: "error",
    remoteBroken: "error",
    remoteUnreachable: "error",
    remoteUnchecked: "warn",
    liquidNotChecked: "not-checked"
  }
};

// rules/no-missing-images/index.ts
import { posix as posix8 } from "node:path";

// src/core/external/describe.ts
function findingOf(check6) {
  switch (check6.status) {
    case "cached":
      return check6.cached?.status === "redirected" ? "redirected" : void 0;
    case "broken":
      if (check6.loop) return "redirect-loop";
      if (check6.reason?.startsWith("more than")) return "too-many-redirects";
      return "broken";
    case "redirected":
    case "timeout":
    case "unreachable":
    case "rate-limited":
    case "blocked":
    case "bot-wall":
      return check6.status;
    default:
      return void 0;
  }
}
var plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
function checkData(check6) {
  const answer = check6.code === void 0 ? "" : `${check6.code}${check6.text ? ` ${check6.text}` : ""}`;
  const hops = check6.hops ?? 0;
  return {
    answer,
    final: check6.finalUrl ?? check6.url,
    // ` after redirects to X`, when the answer came from elsewhere than the URL written.
    via: hops && check6.finalUrl ? ` after ${hops === 1 ? "a redirect" : plural(hops, "redirect")} to ${check6.finalUrl}` : "",
    hops: hops > 1 ? ` (${plural(hops, "redirect")})` : "",
    loop: (check6.loop ?? []).join(" → "),
    reason: `${check6.reason ?? answer}${check6.reason && check6.code !== void 0 && check6.status === "broken" ? ` (${answer})` : ""}`,
    tries: check6.requests > 1 && check6.retries > 0 ? `, ${plural(check6.retries + 1, "try")}`.replace("trys", "tries") : "",
    retries: plural(check6.retries, "retry").replace("retrys", "retries"),
    host: check6.host ?? "",
    address: check6.address ?? "",
    kind: check6.addressKind ?? ""
  };
}

// rules/no-missing-images/external.ts
var externalCheck = {
  wants: (ref) => ref.type === "image",
  report(ref, check6) {
    const finding = findingOf(check6);
    if (!finding || finding === "redirected") return void 0;
    const data = { ...checkData(check6), url: ref.url.trim() };
    const at = (id, extra = {}) => problem(meta2, id, { ...data, ...extra }, ref.start, ref.end);
    switch (finding) {
      case "broken":
        return at("remoteBroken");
      case "rate-limited":
        return at("remoteUnchecked", { why: `${data.host} rate-limits it (still ${data.answer} after ${data.retries})` });
      case "blocked":
        return at("remoteUnchecked", { why: `${data.host} resolves to ${data.address}, a ${data.kind} address (list the host in external.allowHosts to check it)` });
      case "bot-wall":
        return at("remoteUnchecked", { why: `${data.host} answered ${data.answer}, as it answers robots` });
      default:
        return at("remoteUnreachable", { reason: finding === "redirect-loop" ? `redirect loop: ${data.loop}` : data.reason });
    }
  }
};

// rules/no-missing-images/index.ts
function rawUrlOf(url) {
  const r = parseRepoUrl(url);
  if (!r || r.kind !== "blob" || !r.branch) return void 0;
  return `https://raw.githubusercontent.com/${r.owner}/${r.name}/${encodeURIComponent(r.branch)}/${r.path.split("/").map(encodeURIComponent).join("/")}`;
}
function asRead(written2) {
  const padded = strippedPadding(written2);
  return padded ? { ...written2, url: padded.url } : written2;
}
function perFile2(written2, ctx) {
  const out = [];
  if (written2.liquid) return out;
  const padded = strippedPadding(written2);
  const ref = asRead(written2);
  const at = (id, data = {}, fix) => problem(meta2, id, data, ref.start, ref.end, fix);
  const replace = (url) => ({ range: [ref.start, ref.end], text: urlText(ref, url) });
  if (padded) {
    out.push(at("paddedUrl", { url: shownUrl(written2.url), side: padded.side, cleaned: padded.url }, replace(padded.url)));
  }
  const target = resolveTarget(ref.url, { from: ctx.facts.path, repo: ctx.repo, mirrors: ctx.mirrors });
  if (target.kind === "empty") out.push(at("emptySource"));
  else if (target.kind === "malformed") out.push(at("malformed", { url: ref.url, reason: target.reason, cleaned: target.cleaned }, replace(target.cleaned)));
  else if (target.kind === "external") {
    const raw = rawUrlOf(target.url);
    if (raw) out.push(at("blobUrl", { url: ref.url, expected: raw }, replace(raw)));
  }
  return out;
}
function acrossFiles2(written2, facts, ctx, index) {
  const ref = asRead(written2);
  const at = (id, data = {}, fix, kind2) => problem(meta2, id, data, ref.start, ref.end, fix, kind2);
  const replace = (url) => ({ range: [ref.start, ref.end], text: urlText(ref, url) });
  const from = ref.source === "html" ? htmlBase(facts.path, ctx.site, ctx.siteModel) : facts.path;
  let target = resolveTarget(ref.url, { from, repo: ctx.repo, mirrors: ctx.mirrors });
  if (ref.liquid === "unevaluated") return at("liquidNotChecked", { url: ref.url, why: "its Liquid (a variable, an include) is evaluated only by jekyll build" });
  if (ctx.site && ctx.site !== "github" && target.kind === "local" && target.via === "absolute") {
    const baseurl = ctx.siteModel?.baseurl ?? "";
    const path = baseurl && `/${target.path}`.startsWith(`${baseurl}/`) ? target.path.slice(baseurl.length) : target.path;
    target = { ...target, path: posix8.join(ctx.siteRoot ?? "", path) };
  }
  if (target.kind === "outside-root") {
    const abs = onOriginalSite(ref.url, facts.originalUrl);
    const where = abs ? `; on the original site it is ${abs}` : "";
    return target.githubUrl ? at("outsideRoot", { url: ref.url, resolved: target.githubUrl, where }) : at("outsideRootNoRepo", { url: ref.url, where });
  }
  if (target.kind !== "local") return void 0;
  if (target.via === "mirror") {
    const mirror = target.mirror ? ctx.mirrorIndex?.(target.mirror) : void 0;
    if (!mirror || mirror.stat(target.path) === "file") return void 0;
    const near = suggestFor(mirror, target.path);
    return at("mirrorMissing", { target: target.path, mirror: target.mirror ?? "", suggestion: near === void 0 ? "" : `; did you mean '${near}'?` });
  }
  const kind = index.stat(target.path);
  if (kind === "file") {
    if (target.via === "self-url" && target.urlKind === "blob") {
      const rel = relativeLink(facts.path, target.path);
      return at("blobUrl", { url: ref.url, expected: rel }, replace(rel));
    }
    return void 0;
  }
  const missing = diagnoseMissing(ref, target, facts, { index, ...ctx.renamed ? { renamed: ctx.renamed } : {}, ...ctx.renamedEdited ? { renamedEdited: ctx.renamedEdited } : {}, ...ctx.deleted ? { deleted: ctx.deleted } : {} });
  if (!missing) return void 0;
  switch (missing.kind) {
    case "wrongCase":
      return at("wrongCase", { target: target.path, actual: missing.actual }, missing.fixed === void 0 ? void 0 : replace(missing.fixed));
    case "originalSite":
      if (ctx.site && ctx.site !== "github") return at("missingFile", { target: target.path, suggestion: "" });
      return at("originalSitePath", { url: ref.url, where: missing.absolute ? `; on the original site it is ${missing.absolute}` : "" }, missing.absolute ? replace(missing.absolute) : void 0, "unsafe");
    case "renamed":
      return at("renamed", { target: target.path, renamed: missing.to }, replace(missing.fixed), missing.edited ? "unsafe" : "safe");
    case "deleted":
      return at("deleted", { target: target.path });
    case "missing":
      if (!hasExtension(target.path)) return at("noExtension", { url: ref.url });
      return at("missingFile", { target: target.path, suggestion: missing.suggestion === void 0 ? "" : `; did you mean '${missing.suggestion}'?` });
  }
}
function crossFile2(facts, ctx) {
  const out = [];
  for (const ref of facts.references) {
    if (ref.type !== "image") continue;
    const p = acrossFiles2(ref, facts, ctx, ctx.index);
    if (p) out.push(p);
  }
  return out;
}
var plugin2 = lintRule(
  { origin: `archive-lint:${meta2.id}`, url: docsUrl(meta2.id) },
  (tree, file, options) => {
    const ctx = fileContext(tree, file, options ?? {});
    const standalone = ctx.engine ? void 0 : new FsIndex(ctx.root);
    for (const ref of ctx.facts.references) {
      if (ref.type !== "image") continue;
      const found = perFile2(ref, ctx);
      const across = found.some((p) => p.messageId !== "paddedUrl") || !standalone ? void 0 : acrossFiles2(ref, ctx.facts, ctx, standalone);
      for (const p of across ? [...found, across] : found) report(file, p, ctx.lineStarts);
    }
  }
);
var no_missing_images_default = plugin2;

// rules/valid-dates/index.ts
var valid_dates_exports = {};
__export(valid_dates_exports, {
  check: () => check2,
  default: () => valid_dates_default,
  meta: () => meta3,
  plugin: () => plugin3
});

// src/core/parse/calendar.ts
var MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
var WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
function isLeap(year) {
  return year % 4 === 0 && year % 100 !== 0 || year % 400 === 0;
}
function daysInMonth(month, year) {
  if (month === 2) return year === void 0 || isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
function impossibility(year, month, day) {
  if (month < 1 || month > 12) return `there is no month ${month}`;
  if (day < 1) return `there is no day ${day}`;
  const max = daysInMonth(month, year);
  if (day > max) {
    if (month === 2 && day === 29 && year !== void 0) return `${year} is not a leap year`;
    return `${MONTH_NAMES[month - 1]} has ${max} days`;
  }
  return void 0;
}
function dayNumber(year, month, day) {
  return Math.floor(Date.UTC(year, month - 1, day) / 864e5);
}
function weekdayOf(year, month, day) {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}
function iso(year, month, day) {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
var CJK_WEEKDAYS = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };
function cjkWeekday(ch) {
  return CJK_WEEKDAYS[ch];
}
var EN_WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
function englishWeekday(word) {
  const i = EN_WEEKDAYS.indexOf(word.slice(0, 3).toLowerCase());
  return i < 0 ? void 0 : i;
}
function englishMonth(word) {
  const w = word.toLowerCase().replace(/\.$/, "");
  const i = MONTH_NAMES.findIndex((m) => m.toLowerCase() === w || m.toLowerCase().slice(0, 3) === w || w === "sept" && m === "September");
  return i < 0 ? void 0 : i + 1;
}
function nearestYear(reference, month, day) {
  const ref = dayNumber(reference.year, reference.month, reference.day);
  let best = reference.year;
  let bestDistance = Infinity;
  for (const y of [reference.year - 1, reference.year, reference.year + 1]) {
    if (impossibility(y, month, day)) continue;
    const d = Math.abs(dayNumber(y, month, day) - ref);
    if (d < bestDistance) {
      best = y;
      bestDistance = d;
    }
  }
  return best;
}

// src/core/parse/article-date.ts
var DEFAULT_DATELINES = ["(?<!(?:详见|詳見|参见|參見|参看|參看|见|見|引自|转自|轉自|摘自|据|據)\\s*)【[^【】\\d]{0,16}?\\s*(?<year>\\d{2,4})\\s*年\\s*(?<month>\\d{1,2})\\s*月\\s*(?<day>\\d{1,2})\\s*日[^【】]{0,6}】(?!\\s*(?:的(?:文章|报道|報導)|文章|一文))"];
var DEFAULT_PATH_DATES = [
  "/(?<year>(?:19|20)\\d\\d)/(?<month>\\d{1,2})/(?<day>\\d{1,2})/",
  "/(?:gb|b5)/(?<yy>\\d\\d)/(?<month>\\d{1,2})/(?<day>\\d{1,2})/",
  "(?<![\\d])(?<year>(?:19|20)\\d\\d)-(?<month>\\d\\d)-(?<day>\\d\\d)(?!\\d)",
  "[a-z]-(?<month>\\d\\d)(?<day>\\d\\d)(?<year>20\\d\\d)\\d{6}(?:\\.html?|\\.md)?$"
];
function compilePatterns(patterns2, flags) {
  return patterns2.map((p) => new RegExp(p, flags));
}
function groupsDate(g) {
  const year = g.year !== void 0 ? Number(g.year) : g.yy !== void 0 ? 2e3 + Number(g.yy) : void 0;
  if (year === void 0 || g.month === void 0 || g.day === void 0) return void 0;
  return { year, month: Number(g.month), day: Number(g.day) };
}
function pathDate(value, patterns2) {
  for (const re of patterns2) {
    const g = re.exec(value)?.groups;
    const date = g ? groupsDate(g) : void 0;
    if (date && !impossibility(date.year, date.month, date.day)) return date;
  }
  return void 0;
}
function frontMatterDate(text) {
  if (!text.startsWith("---")) return void 0;
  const end = text.indexOf("\n---", 3);
  if (end < 0) return void 0;
  const m = [...text.slice(0, end).matchAll(/^(date|published|updated|pubDate)\s*:\s*["']?([^"'\r\n#]+?)["']?\s*$/gm)].find((x) => !/^(?:true|false|yes|no|on|off)$/i.test(x[2].trim()));
  if (!m) return void 0;
  const value = m[2];
  const start = (m.index ?? 0) + m[0].indexOf(value, m[1].length);
  const d = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim());
  if (!d) return { value, start, reason: "expected YYYY-MM-DD" };
  const date = { year: Number(d[1]), month: Number(d[2]), day: Number(d[3]) };
  const reason = impossibility(date.year, date.month, date.day);
  return reason ? { value, start, reason } : { value, start, date };
}
var CJK_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]/;
var ISO_DATE = /(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/;
function datelineDate(runs2, patterns2) {
  for (const run of runs2) {
    let best;
    for (const re of patterns2) {
      for (const m of run.text.matchAll(re)) {
        if (best && m.index >= best.at) break;
        const g = m.groups ?? {};
        let date = g.year !== void 0 && g.year.length === 4 ? groupsDate(g) : void 0;
        if (!date && g.year === void 0 && g.yy === void 0) {
          const inner = CJK_DATE.exec(m[0]) ?? ISO_DATE.exec(m[0]);
          if (inner) date = { year: Number(inner[1]), month: Number(inner[2]), day: Number(inner[3]) };
        }
        if (date && !impossibility(date.year, date.month, date.day)) {
          best = { at: m.index, date };
          break;
        }
      }
    }
    if (best) return best.date;
  }
  return void 0;
}
function articleDate(input) {
  const found = (d, source) => d ? { date: iso(d.year, d.month, d.day), source } : void 0;
  return found(datelineDate(input.runs(), input.datelines), "dateline") ?? (input.originalUrl ? found(pathDate(input.originalUrl, input.pathDates), "original URL") : void 0) ?? found(pathDate(input.path, input.pathDates), "path") ?? found(frontMatterDate(input.text)?.date, "front matter");
}

// rules/valid-dates/meta.ts
var meta3 = {
  id: "valid-dates",
  description: "Dates in datelines, text and front matter must be possible, four-digit, padded alike within a date and agree with weekdays and paths.",
  defaultSeverity: "warn",
  fixable: "unsafe",
  optionsSchema: {
    type: "object",
    additionalProperties: false,
    properties: {
      weekdayWindowDays: { type: "integer", minimum: 0, default: 0, description: "Days a weekday may be off (time zones)." },
      datelineWindowDays: { type: "integer", minimum: 0, default: 1, description: "Days a dateline may differ from the date in the path or original URL (default 1: sites date their URLs in their own time zone, datelines are often in Beijing time)." },
      datelines: { type: "array", items: { type: "string" }, description: "Regexes with named groups year, month, day that count as datelines." },
      pathDates: { type: "array", items: { type: "string" }, description: "Regexes with named groups year (or yy), month, day for dates in paths and original URLs." },
      checkPadding: { type: "boolean", default: true, description: "Report zero-padding mixed inside one date (2018年09月6日)." },
      paddingAcrossDates: {
        type: "boolean",
        default: false,
        description: "Also report dates padded unlike most dates of their kind in the file (datelines excepted: quoted ones keep their outlet’s style; nothing when both styles are as many)."
      }
    }
  },
  messages: {
    impossible: "Date '{text}' does not exist: {reason}",
    twoDigitYear: "Date '{text}' has a two-digit year; expected four digits",
    paddingMixedInDate: "Date '{text}' zero-pads {padded} but not {unpadded}",
    padding: "Date '{text}' is {style}, unlike {count} other {kind} in this file (first at {where})",
    weekday: "Weekday '{weekday}' disagrees with the date: {iso} is a {actual} (year {year} from the {yearSource})",
    dateline: "Dateline date {dateline} disagrees with the date {other} in the {where}",
    frontMatter: "Front matter date '{text}' is not a valid date: {reason}"
  },
  kindNames: {
    impossible: "impossible date",
    twoDigitYear: "two-digit year",
    paddingMixedInDate: "zero-padding mixed in a date",
    padding: "zero-padding unlike the others",
    weekday: "wrong weekday",
    dateline: "dateline disagrees",
    frontMatter: "invalid front-matter date"
  },
  // A wrong date misleads but breaks nothing a reader follows.
  severities: {
    impossible: "warn",
    twoDigitYear: "warn",
    paddingMixedInDate: "warn",
    padding: "warn",
    weekday: "warn",
    dateline: "warn",
    frontMatter: perSite("warn", "warn", "warn", "error")
  }
};

// src/core/parse/runs.ts
var INLINE_ELEMENTS = new Set(
  "a abbr acronym b bdi bdo big cite code data del dfn em font i ins kbd mark nobr q s samp small span strike strong sub sup time tt u var wbr".split(" ")
);
function inlineTag(name) {
  const n = name.toLowerCase();
  return INLINE_ELEMENTS.has(n) || !isKnownElement(n);
}
var GAP_TOKEN = new RegExp(
  [
    "<!--[\\s\\S]*?-->",
    "<\\/?(?<tag>[A-Za-z][A-Za-z0-9-]*)(?:\\s[^<>]*)?\\/?>",
    "(?<entity>&(?:#\\d{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)",
    `\\]\\((?:<[^<>\\n]*>|(?:[^()\\s]|\\([^()\\s]*\\))*)(?:[ \\t]+(?:"[^"\\n]*"|'[^'\\n]*'|\\([^()\\n]*\\)))?[ \\t]*\\)`,
    "\\]\\[[^\\[\\]\\n]*\\]",
    "[\\[\\]*_~]+"
  ].join("|"),
  "y"
);
var GAP_START = /* @__PURE__ */ new Set(["<", "&", "[", "]", "*", "_", "~"]);
function inlineGap(gap) {
  if (gap !== "" && !GAP_START.has(gap[0])) return void 0;
  if (gap.includes("\n") && !gap.includes("<")) return void 0;
  const entities2 = [];
  let i = 0;
  while (i < gap.length) {
    GAP_TOKEN.lastIndex = i;
    const m = GAP_TOKEN.exec(gap);
    if (!m) return void 0;
    const tag = m.groups?.tag;
    if (tag !== void 0 && !inlineTag(tag)) return void 0;
    if (m.groups?.entity !== void 0) entities2.push([i, i + m[0].length]);
    i += m[0].length;
  }
  return entities2;
}
var MAX_GAP = 2048;
function visibleRuns(text, segments) {
  const runs2 = [];
  let run;
  let last = -1;
  const add = (start, end) => {
    if (!run || end <= start) return;
    run.pieces.push({ at: run.length, start });
    run.parts.push(text.slice(start, end));
    run.length += end - start;
  };
  const close = () => {
    if (run) runs2.push({ text: run.parts.join(""), pieces: run.pieces });
    run = void 0;
  };
  for (const seg of segments) {
    if (seg.end <= seg.start) continue;
    const gap = run && seg.start >= last && seg.start - last <= MAX_GAP && (seg.start === last || GAP_START.has(text[last])) ? inlineGap(text.slice(last, seg.start)) : void 0;
    if (!gap) {
      close();
      run = { parts: [], pieces: [], length: 0 };
    } else {
      for (const [a, b] of gap) add(last + a, last + b);
    }
    add(seg.start, seg.end);
    last = seg.end;
  }
  close();
  return runs2;
}
function pieceAt(run, offset) {
  const { pieces } = run;
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo < hi) {
    const mid = lo + hi + 1 >> 1;
    if (pieces[mid].at <= offset) lo = mid;
    else hi = mid - 1;
  }
  return pieces[lo];
}
function fileStart(run, offset) {
  const p = pieceAt(run, offset);
  return p.start + offset - p.at;
}
function fileEnd(run, offset) {
  if (offset <= 0) return fileStart(run, 0);
  return fileStart(run, offset - 1) + 1;
}
function fileRuns(text, textRanges, htmlScans) {
  const segs = textRanges.map((r) => ({ start: r.start, end: r.end }));
  for (const { scan: scan2, at } of htmlScans) {
    for (const t of scan2.texts) {
      const start = at(t.start);
      const end = at(t.end);
      if (end > start) segs.push({ start, end });
    }
  }
  return visibleRuns(text, segs.sort((a, b) => a.start - b.start));
}
var memo = /* @__PURE__ */ new WeakMap();
function contextRuns(ctx) {
  let runs2 = memo.get(ctx);
  if (!runs2) {
    runs2 = fileRuns(ctx.text, ctx.textRanges, ctx.htmlScans);
    memo.set(ctx, runs2);
  }
  return runs2;
}

// rules/valid-dates/index.ts
var KIND_NAMES = {
  dateline: "datelines",
  cjk: "dates written 年月日",
  "cjk-month-day": "dates written 月日",
  "cjk-numeral": "dates in Chinese numerals",
  iso: "ISO dates",
  english: "English dates"
};
var MONTH_WORD = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
var WEEKDAY_WORD = "(?:Mon|Tue(?:s)?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\\.?";
var CJK_FULL = /(?<![0-9０-９])(\d{2,4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]/dg;
var CJK_NUMERAL = /([〇零○一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,4})\s*[日号號]/g;
var NUMERAL_DIGIT = { "〇": 0, 零: 0, "○": 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
function chineseNumber(s) {
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === "") return NaN;
  if (!m[2]) return m[1] && !m[3] ? NUMERAL_DIGIT[m[1]] : NaN;
  return (m[1] ? NUMERAL_DIGIT[m[1]] : 1) * 10 + (m[3] ? NUMERAL_DIGIT[m[3]] : 0);
}
var CJK_MD = /(?<![0-9年月])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]/dg;
var ISO = /(?<![\d\-/.])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d-])/dg;
var EN_MDY = new RegExp(`\\b(${MONTH_WORD})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?`, "g");
var EN_DMY = new RegExp(`\\b(\\d{1,2})\\s+(${MONTH_WORD})\\s+(\\d{4})\\b`, "g");
var CJK_WEEKDAY = [
  /(?:周|星期|週|禮拜|礼拜)(?<weekday>[一二三四五六日天])\s*[（(]\s*(?:(?<year>\d{2,4})\s*年\s*)?(?<month>\d{1,2})\s*月\s*(?<day>\d{1,2})\s*[日号號]\s*[)）]/g,
  /[（(]\s*(?:周|星期|週|禮拜|礼拜)(?<weekday>[一二三四五六日天])\s*[)）]\s*(?:(?<year>\d{2,4})\s*年\s*)?(?<month>\d{1,2})\s*月\s*(?<day>\d{1,2})\s*[日号號]/g,
  /(?<![0-9０-９年])(?:(?<year>\d{2,4})\s*年\s*)?(?<month>\d{1,2})\s*月\s*(?<day>\d{1,2})\s*[日号號]\s*[（(]\s*(?:周|星期|週|禮拜|礼拜)(?<weekday>[一二三四五六日天])\s*[)）]/g
];
var CJK_WEEKDAY_WORD = /(?:周|星期|週|禮拜|礼拜)[一二三四五六日天]/;
var EN_WEEKDAY = [
  new RegExp(`\\b(?<weekday>${WEEKDAY_WORD}),?\\s+(?<month>${MONTH_WORD})\\s+(?<day>\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(?<year>\\d{4})\\b)?`, "g"),
  new RegExp(`\\b(?<weekday>${WEEKDAY_WORD}),?\\s+(?<day>\\d{1,2})(?:st|nd|rd|th)?\\s+(?<month>${MONTH_WORD})(?:,?\\s+(?<year>\\d{4}))?\\b`, "g")
];
var URL2 = /https?:\/\/[^\s<>"'）)\]]+/g;
var ERA = /(?:公元前?|西元前?|紀元|纪元|民[国國]|昭和|平成|令和|大正|明治|光[绪緒]|宣[统統]|同治|咸[丰豐]|道光|嘉[庆慶]|乾隆|雍正|康熙|[开開]元|天[宝寶]|永[乐樂]|洪武|主[体體]|檀紀|[皇]紀)\s*$/;
var DIGIT2 = /\d|[〇零○一二三四五六七八九]{4}\s*年/;
var QUOTE_OPEN = /* @__PURE__ */ new Set(["“", "「", "『", '"', "‘", "《"]);
var QUOTE_CLOSE = /* @__PURE__ */ new Set(["”", "」", "』", '"', "’", "》"]);
function oneLine(text) {
  return text.replace(/\s*[\r\n]\s*/g, " ");
}
function digits(run, m, month, day) {
  const mi = m.indices?.[month];
  const di = m.indices?.[day];
  return mi && di ? { monthStart: fileStart(run, mi[0]), dayStart: fileStart(run, di[0]) } : {};
}
function restyle(text, d, padded) {
  if (d.monthStart === void 0 || d.dayStart === void 0) return void 0;
  const style = (s) => padded ? s.padStart(2, "0") : String(Number(s));
  const parts = [
    [d.monthStart, d.monthText, style(d.monthText)],
    [d.dayStart, d.dayText, style(d.dayText)]
  ];
  let out = "";
  let last = d.start;
  for (const [at, was, now] of parts) {
    if (at < last || text.slice(at, at + was.length) !== was) return void 0;
    out += `${text.slice(last, at)}${now}`;
    last = at + was.length;
  }
  const source = text.slice(d.start, d.end);
  out += text.slice(last, d.end);
  return out === source ? void 0 : { range: [d.start, d.end], text: out };
}
function runs(ctx) {
  return contextRuns(ctx).filter((r) => DIGIT2.test(r.text));
}
function majorityPadded(s) {
  if (!s || s.padded.length === s.unpadded.length) return void 0;
  return s.padded.length > s.unpadded.length;
}
function collect(ctx, options) {
  const out = [];
  const starts = ctx.lineStarts;
  const where = (offset) => {
    const p = pointAt(starts, offset);
    return `${p.line}:${p.column}`;
  };
  const texts = runs(ctx);
  const datelineRes = compilePatterns(options.datelines ?? DEFAULT_DATELINES, "gdu");
  const datelines = [];
  for (const run of texts) {
    for (const re of datelineRes) {
      for (const m of run.text.matchAll(re)) {
        const i = m.index ?? 0;
        datelines.push({ start: fileStart(run, i), end: fileEnd(run, i + m[0].length), text: m[0], match: m, run });
      }
    }
  }
  const inDateline = (offset) => datelines.some((d) => offset >= d.start && offset < d.end);
  const dates = [];
  const seen = /* @__PURE__ */ new Set();
  let covered = [];
  const found = (run, m, d) => {
    const i = m.index ?? 0;
    const start = fileStart(run, i);
    if (seen.has(start) || covered.some(([a, b]) => i >= a && i < b)) return;
    seen.add(start);
    const end = i + m[0].length;
    covered.push([i, end]);
    dates.push({ ...d, text: oneLine(m[0]), start, end: fileEnd(run, end), before: run.text[i - 1] ?? "", lead: run.text.slice(Math.max(0, i - 6), i), after: run.text[end] ?? "" });
  };
  for (const run of texts) {
    covered = [];
    const urls = [...run.text.matchAll(URL2)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length]);
    const inUrl2 = (i) => urls.some(([a, b]) => i >= a && i < b);
    for (const m of run.text.matchAll(CJK_FULL)) {
      if (inUrl2(m.index ?? 0)) continue;
      const [, y = "", mo = "", d = ""] = m;
      found(run, m, { kind: inDateline(fileStart(run, m.index ?? 0)) ? "dateline" : "cjk", year: Number(y), yearText: y, monthText: mo, dayText: d, month: Number(mo), day: Number(d), ...digits(run, m, 2, 3) });
    }
    for (const m of run.text.matchAll(CJK_NUMERAL)) {
      const [, y = "", mo = "", d = ""] = m;
      const month = chineseNumber(mo);
      const day = chineseNumber(d);
      if (Number.isNaN(month) || Number.isNaN(day)) continue;
      const year = Number([...y].map((c) => NUMERAL_DIGIT[c]).join(""));
      found(run, m, { kind: "cjk-numeral", year, yearText: String(year).padStart(4, "0"), monthText: mo, dayText: d, month, day });
    }
    for (const m of run.text.matchAll(CJK_MD)) {
      if (inUrl2(m.index ?? 0)) continue;
      const [, mo = "", d = ""] = m;
      found(run, m, { kind: "cjk-month-day", year: void 0, yearText: void 0, monthText: mo, dayText: d, month: Number(mo), day: Number(d), ...digits(run, m, 1, 2) });
    }
    for (const m of run.text.matchAll(ISO)) {
      if (inUrl2(m.index ?? 0)) continue;
      const [, y = "", mo = "", d = ""] = m;
      found(run, m, { kind: "iso", year: Number(y), yearText: y, monthText: mo, dayText: d, month: Number(mo), day: Number(d), ...digits(run, m, 2, 3) });
    }
    for (const m of run.text.matchAll(EN_MDY)) {
      const month = englishMonth(m[1] ?? "");
      if (inUrl2(m.index ?? 0) || month === void 0) continue;
      found(run, m, { kind: "english", year: m[3] ? Number(m[3]) : void 0, yearText: m[3], monthText: m[1] ?? "", dayText: m[2] ?? "", month, day: Number(m[2]) });
    }
    for (const m of run.text.matchAll(EN_DMY)) {
      const month = englishMonth(m[2] ?? "");
      if (inUrl2(m.index ?? 0) || month === void 0) continue;
      found(run, m, { kind: "english", year: Number(m[3]), yearText: m[3], monthText: m[2] ?? "", dayText: m[1] ?? "", month, day: Number(m[1]) });
    }
  }
  for (const d of datelines) {
    if (dates.some((x) => x.start >= d.start && x.start < d.end)) continue;
    const g = d.match.groups;
    const idx = d.match.indices?.groups;
    if (!g?.month || !g.day || !(g.year ?? g.yy) || !idx?.month || !idx.day) continue;
    const yearText = g.year ?? g.yy;
    const i = d.match.index ?? 0;
    const end = i + d.text.length;
    seen.add(d.start);
    dates.push({
      kind: "dateline",
      text: oneLine(d.text),
      start: d.start,
      end: d.end,
      year: g.year ? Number(g.year) : 2e3 + Number(g.yy),
      yearText,
      monthText: g.month,
      dayText: g.day,
      month: Number(g.month),
      day: Number(g.day),
      monthStart: fileStart(d.run, idx.month[0]),
      dayStart: fileStart(d.run, idx.day[0]),
      before: d.run.text[i - 1] ?? "",
      lead: d.run.text.slice(Math.max(0, i - 6), i),
      after: d.run.text[end] ?? ""
    });
  }
  dates.sort((a, b) => a.start - b.start);
  for (const d of dates) {
    const shortYear = d.yearText !== void 0 && d.yearText.length === 2;
    if (shortYear) {
      const eraYear = ERA.test(d.lead);
      if (!eraYear) out.push(problem(meta3, "twoDigitYear", { text: d.text }, d.start, d.end));
      if (eraYear) continue;
    }
    if (QUOTE_OPEN.has(d.before) && QUOTE_CLOSE.has(d.after)) continue;
    const reason = impossibility(shortYear || d.yearText?.length === 3 ? void 0 : d.year, d.month, d.day);
    if (reason) out.push(problem(meta3, "impossible", { text: d.text, reason }, d.start, d.end));
  }
  if (options.checkPadding !== false) {
    const styles = /* @__PURE__ */ new Map();
    const mixed = [];
    for (const d of dates) {
      if (d.kind === "english") continue;
      const pad = (s2) => s2.length === 2 && s2.startsWith("0");
      const single = (s2) => s2.length === 1;
      const padded = [d.monthText, d.dayText].filter(pad);
      const unpadded2 = [d.monthText, d.dayText].filter(single);
      if (padded.length && unpadded2.length) {
        mixed.push(d);
        continue;
      }
      if (!padded.length && !unpadded2.length) continue;
      const s = styles.get(d.kind) ?? { padded: [], unpadded: [] };
      (padded.length ? s.padded : s.unpadded).push(d);
      styles.set(d.kind, s);
    }
    if (options.paddingAcrossDates) {
      for (const [kind, s] of styles) {
        const wins = kind === "dateline" ? void 0 : majorityPadded(s);
        if (wins === void 0) continue;
        const [minority, majority] = wins ? [s.unpadded, s.padded] : [s.padded, s.unpadded];
        for (const d of minority) {
          const data = { text: d.text, style: wins ? "not zero-padded" : "zero-padded", count: majority.length, kind: KIND_NAMES[kind], where: where(majority[0].start) };
          out.push(problem(meta3, "padding", data, d.start, d.end, restyle(ctx.text, d, wins), "unsafe"));
        }
      }
    }
    for (const d of mixed) {
      const [p, u] = d.monthText.startsWith("0") ? ["the month", "the day"] : ["the day", "the month"];
      out.push(problem(meta3, "paddingMixedInDate", { text: d.text, padded: p, unpadded: u }, d.start, d.end, restyle(ctx.text, d, majorityPadded(styles.get(d.kind)) ?? true), "unsafe"));
    }
  }
  const pathRes = compilePatterns(options.pathDates ?? DEFAULT_PATH_DATES, "u");
  let pathDate2;
  const inPath = pathDate(ctx.path, pathRes);
  const originalUrl = ctx.facts.originalUrl ?? "";
  const inUrl = inPath ? void 0 : pathDate(originalUrl, pathRes);
  if (inPath) pathDate2 = { ...inPath, source: `file's path` };
  else if (inUrl) pathDate2 = { ...inUrl, source: `original URL ${originalUrl}` };
  const firstDateline = dates.find((d) => d.kind === "dateline" && d.year !== void 0 && d.yearText?.length === 4 && !impossibility(d.year, d.month, d.day));
  const frontDate = frontMatterDate2(ctx, out);
  const reference = firstDateline ? { year: firstDateline.year, month: firstDateline.month, day: firstDateline.day, source: "dateline" } : frontDate ? { ...frontDate, source: "front matter" } : pathDate2 ? { ...pathDate2, source: pathDate2.source.startsWith("file") ? "path" : "original URL" } : void 0;
  if (firstDateline && pathDate2) {
    const a = dayNumber(firstDateline.year, firstDateline.month, firstDateline.day);
    const b = dayNumber(pathDate2.year, pathDate2.month, pathDate2.day);
    if (Math.abs(a - b) > (options.datelineWindowDays ?? 1)) {
      out.push(problem(meta3, "dateline", { dateline: iso(firstDateline.year, firstDateline.month, firstDateline.day), other: iso(pathDate2.year, pathDate2.month, pathDate2.day), where: pathDate2.source }, firstDateline.start, firstDateline.end));
    }
  }
  const window = options.weekdayWindowDays ?? 0;
  const weekdayCheck = (label, weekday, month, day, yearText, start, end) => {
    if (weekday === void 0 || yearText !== void 0 && yearText.length !== 4) return;
    let y = yearText === void 0 ? void 0 : Number(yearText);
    if (impossibility(y, month, day)) return;
    let yearSource = "text";
    if (y === void 0) {
      if (!reference) return;
      y = nearestYear(reference, month, day);
      yearSource = reference.source;
    }
    for (let k = -window; k <= window; k++) {
      if ((weekdayOf(y, month, day) + k + 7) % 7 === weekday) return;
    }
    out.push(problem(meta3, "weekday", { weekday: label, iso: iso(y, month, day), actual: WEEKDAY_NAMES[weekdayOf(y, month, day)], year: y, yearSource }, start, end));
  };
  const weekdayMatches = (run, re, read) => {
    for (const m of run.text.matchAll(re)) {
      const g = m.groups ?? {};
      const { label, weekday, month } = read(g, m[0]);
      if (month === void 0) continue;
      const i = m.index ?? 0;
      weekdayCheck(label, weekday, month, Number(g.day), g.year, fileStart(run, i), fileEnd(run, i + m[0].length));
    }
  };
  for (const run of texts) {
    for (const re of CJK_WEEKDAY) {
      weekdayMatches(run, re, (g, text) => ({ label: CJK_WEEKDAY_WORD.exec(text)?.[0] ?? "", weekday: cjkWeekday(g.weekday ?? ""), month: Number(g.month) }));
    }
    for (const re of EN_WEEKDAY) {
      weekdayMatches(run, re, (g) => ({ label: g.weekday ?? "", weekday: englishWeekday(g.weekday ?? ""), month: englishMonth(g.month ?? "") }));
    }
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}
function frontMatterDate2(ctx, out) {
  const found = frontMatterDate(ctx.text);
  if (found?.reason) out.push(problem(meta3, "frontMatter", { text: found.value, reason: found.reason }, found.start, found.start + found.value.length));
  return found?.date;
}
function check2(ctx, options = {}) {
  return collect(ctx, options);
}
var plugin3 = fileRulePlugin(meta3, check2);
var valid_dates_default = plugin3;

// rules/no-raw-html/index.ts
var no_raw_html_exports = {};
__export(no_raw_html_exports, {
  check: () => check3,
  default: () => no_raw_html_default,
  meta: () => meta4,
  plugin: () => plugin4
});

// rules/no-raw-html/meta.ts
var KINDS = ["unknown", "unsafe", "markdownForm", "wrapper", "unbalanced", "entity", "escaped"];
var severity = { enum: ["off", "warn", "error"] };
var meta4 = {
  id: "no-raw-html",
  description: "Raw HTML left from conversion: unknown and unsafe elements, tags with a Markdown form, wrappers, unbalanced tags, entities, escaped markup shown as text.",
  defaultSeverity: "warn",
  fixable: "safe+unsafe",
  optionsSchema: {
    type: "object",
    additionalProperties: false,
    properties: {
      allow: { type: "array", items: { type: "string", pattern: "^[A-Za-z][A-Za-z0-9-]*$" }, uniqueItems: true, description: "Tags that may stay, e.g. details, summary, sup, sub, kbd." },
      oncePerFile: { type: "boolean", default: false, description: "Report each kind once per file, with the number of occurrences." },
      unknownWithHref: {
        enum: ["unwrap", "link"],
        description: "The unsafe fix of an element with an href that is not a link (`<ok href>`, `<span href>`), which readers see as plain text: `unwrap` keeps its text and drops the href; `link` makes a link of it. Default: a link to the URL when it is known (absolute, or a path of the page's original site), else `unwrap`."
      },
      minEscapedTags: { type: "integer", minimum: 1, default: 3, description: "How many escaped tags (`&lt;p&gt;`) close together make a run of escaped markup worth reporting." },
      kinds: {
        type: "object",
        additionalProperties: false,
        description: "Severity per kind (default: the rule severity).",
        properties: Object.fromEntries(KINDS.map((k) => [k, severity]))
      }
    }
  },
  messages: {
    unknown: "Unknown element '<{tag}>' left from conversion",
    unknownUnclosed: "Unknown element '<{tag}>' is never closed: readers do not see it; if it is text, escape it ('\\<{tag}>')",
    unsafe: "Unsafe element '<{tag}>'",
    unsafeAttribute: "Unsafe attribute '{attribute}' on '<{tag}>'",
    unsafeUrl: "Unsafe 'javascript:' URL in '{attribute}' of '<{tag}>'",
    markdownForm: "'<{tag}>' has a Markdown form: {form}",
    wrapper: "Wrapper '<{tag}>' has no meaning in Markdown",
    unclosed: "Element '<{tag}>' is never closed",
    closedEarly: "Element '<{tag}>' is not closed before '</{closer}>' at {where}",
    strayClose: "Closing tag '</{tag}>' has no open '<{tag}>'",
    entity: "Leftover entity '{entity}'; expected {expected}",
    disabledLink: "'<{tag} href>' is a link the conversion disabled: readers see its text, not a link{where}",
    escapedMarkup: "Escaped markup shown as text ({where}): {tags}, the first '{example}'; expected the HTML converted, not escaped"
  },
  kindNames: {
    unknown: "unknown element",
    unknownUnclosed: "unknown element never closed",
    unsafe: "unsafe element",
    unsafeAttribute: "unsafe attribute",
    unsafeUrl: "'javascript:' URL",
    markdownForm: "tag with a Markdown form",
    wrapper: "wrapper element",
    unclosed: "unclosed element",
    closedEarly: "element closed too late",
    strayClose: "stray closing tag",
    entity: "leftover entity",
    escapedMarkup: "escaped markup",
    disabledLink: "link the conversion disabled"
  },
  // Leftovers that render fine are warnings; markup a reader sees as text, or text a reader loses, is an error.
  severities: {
    unknown: "warn",
    unknownUnclosed: "warn",
    unsafe: "warn",
    unsafeAttribute: "warn",
    unsafeUrl: "warn",
    markdownForm: "warn",
    wrapper: "warn",
    unclosed: "warn",
    closedEarly: "warn",
    strayClose: "warn",
    entity: "warn",
    escapedMarkup: "warn",
    disabledLink: "warn"
  }
};

// rules/no-raw-html/model.ts
var BLOCK_ELEMENTS = /* @__PURE__ */ new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "center",
  "dd",
  "details",
  "dialog",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hgroup",
  "hr",
  "li",
  "main",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "tr",
  "ul",
  "caption"
]);
var INVISIBLE = /* @__PURE__ */ new Set(["script", "style", "iframe", "object", "embed", "noscript", "template", "head", "title", "meta", "link"]);
function collapse(s) {
  return s.replace(/[\s\u00a0]+/g, " ");
}
function textOf(tokens) {
  return collapse(tokens.map((t) => t.t === "text" ? t.v : t.t === "break" ? " " : "").join("")).trim();
}
function normalise(tokens) {
  let text = "";
  const marks = [];
  for (const tok of tokens) {
    if (tok.t === "text") text += tok.v.replace(/[\s\u00a0]+/g, " ");
    else if (tok.t === "break") text += "\n";
    else {
      if (tok.t === "img") text += "￼";
      marks.push(tok);
    }
  }
  const lines = text.replace(/[^\S\n]+/g, " ").replace(/\u00a0/g, " ").split("\n").map((l) => l.replace(/ +/g, " ").trim()).filter((l) => l !== "");
  return JSON.stringify({ text: lines.join("\n"), marks });
}
function attr(el, name) {
  return el.attribs[name];
}
function htmlTokens(nodes, out = []) {
  for (const node of nodes) {
    if (node.type === "text") {
      out.push({ t: "text", v: node.data });
      continue;
    }
    if (node.type !== "tag" && node.type !== "script" && node.type !== "style") continue;
    const el = node;
    const name = el.name.toLowerCase();
    if (INVISIBLE.has(name)) continue;
    if (name === "br") {
      out.push({ t: "break" });
      continue;
    }
    if (name === "hr") {
      out.push({ t: "break" }, { t: "rule" }, { t: "break" });
      continue;
    }
    if (name === "img") {
      out.push({ t: "img", src: attr(el, "src") ?? "", alt: collapse(attr(el, "alt") ?? "").trim() });
      continue;
    }
    const block = BLOCK_ELEMENTS.has(name);
    if (block) out.push({ t: "break" });
    const start = out.length;
    htmlTokens(el.children, out);
    const inner = out.slice(start);
    const href = attr(el, "href");
    if (href !== void 0 && name === "a") out.push({ t: "link", href, text: textOf(inner) });
    else if (name === "strong" || name === "b") out.push({ t: "strong", text: textOf(inner) });
    else if (name === "em" || name === "i") out.push({ t: "em", text: textOf(inner) });
    else if (name === "code") out.push({ t: "code", text: textOf(inner) });
    else if (/^h[1-6]$/.test(name)) out.push({ t: "heading", level: Number(name[1]), text: textOf(inner) });
    if (block) out.push({ t: "break" });
  }
  return out;
}
var TAG_ALONE = /^<\/?([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^<>]*)?>$/;
var MD_BLOCKS = /* @__PURE__ */ new Set(["paragraph", "heading", "blockquote", "list", "listItem", "code", "table", "tableRow", "tableCell"]);
function markdownTokens(nodes, out = []) {
  for (const node of nodes) {
    switch (node.type) {
      case "text":
        out.push({ t: "text", v: node.value });
        continue;
      case "break":
        out.push({ t: "break" });
        continue;
      case "thematicBreak":
        out.push({ t: "break" }, { t: "rule" }, { t: "break" });
        continue;
      case "image":
        out.push({ t: "img", src: node.url, alt: collapse(node.alt ?? "").trim() });
        continue;
      case "inlineCode":
        out.push({ t: "text", v: node.value }, { t: "code", text: collapse(node.value).trim() });
        continue;
      case "code":
        out.push({ t: "break" }, { t: "text", v: node.value }, { t: "break" });
        continue;
      case "html": {
        const tag = TAG_ALONE.exec(node.value);
        if (!tag || isKnownElement(tag[1])) out.push({ t: "html", v: node.value });
        continue;
      }
      case "definition":
      case "yaml":
        continue;
      default:
        break;
    }
    if (!("children" in node)) continue;
    const block = MD_BLOCKS.has(node.type);
    if (block) out.push({ t: "break" });
    const start = out.length;
    markdownTokens(node.children, out);
    const inner = out.slice(start);
    if (node.type === "link") out.push({ t: "link", href: node.url, text: textOf(inner) });
    else if (node.type === "strong") out.push({ t: "strong", text: textOf(inner) });
    else if (node.type === "emphasis") out.push({ t: "em", text: textOf(inner) });
    else if (node.type === "heading") out.push({ t: "heading", level: node.depth, text: textOf(inner) });
    if (block) out.push({ t: "break" });
  }
  return out;
}

// rules/no-raw-html/convert.ts
var Unconvertible = class extends Error {
};
var fail = (why) => {
  throw new Unconvertible(why);
};
var IGNORED_ATTRIBUTES = /* @__PURE__ */ new Set(["class", "style", "rel", "target", "dir", "lang", "role", "data-src", "loading", "decoding", "referrerpolicy"]);
var CONTAINERS = /* @__PURE__ */ new Set(["p", "div", "center", "section", "article", "header", "footer", "main", "aside", "nav", "figure", "figcaption", "address"]);
var WRAPPERS = /* @__PURE__ */ new Set(["span", "font"]);
var SHOWN_OFF_GITHUB = /* @__PURE__ */ new Set(["center"]);
var INVISIBLE2 = /* @__PURE__ */ new Set(["script", "style", "noscript", "template"]);
function ignoredAttribute(name) {
  return IGNORED_ATTRIBUTES.has(name) || name.startsWith("data-") || name.startsWith("aria-");
}
function drop(cx, what) {
  if (cx.site !== "github" && !cx.dropped.includes(what)) cx.dropped.push(what);
}
function checkAttributes(cx, el, allowed) {
  if (SHOWN_OFF_GITHUB.has(el.name.toLowerCase())) drop(cx, `<${el.name}>`);
  for (const name of Object.keys(el.attribs)) {
    const n = name.toLowerCase();
    if (allowed.includes(n)) continue;
    if (ignoredAttribute(n)) drop(cx, `${n} on <${el.name}>`);
    else fail(`<${el.name} ${n}>`);
  }
}
function keptTag(el) {
  let open = `<${el.name}`;
  for (const [name, value] of Object.entries(el.attribs)) {
    if (!/^[a-zA-Z_:][a-zA-Z0-9_.:-]*$/.test(name) || /[\r\n]| {2}/.test(value)) fail("attribute of a kept element");
    open += ` ${name}="${value.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}"`;
  }
  return `${open}>`;
}
function escapeText(s) {
  return s.replace(/[\\`*_[\]<>&~|]/g, (c) => `\\${c}`);
}
function escapeLineStart(line) {
  return line.replace(/^(\s*)([#>+=-]|\d+[.)])/, (_m, sp, mark) => `${sp}${mark.replace(/^(\d*)(.)$/, "$1\\$2")}`);
}
function destination(url) {
  if (/[<>\n]/.test(url)) fail("destination");
  return /[\s()]/.test(url) ? `<${url}>` : url;
}
function title(t) {
  if (t === void 0 || t === "") return "";
  if (t.includes('"')) fail("title");
  return ` "${t}"`;
}
function wrap2(inner, mark) {
  if (inner.trim() === "") return inner;
  const lead = /^\s/.test(inner) ? " " : "";
  const trail = /\s$/.test(inner) ? " " : "";
  return `${lead}${mark}${inner.trim()}${mark}${trail}`;
}
function inline(cx, nodes) {
  let out = "";
  for (const node of nodes) {
    if (node.type === "text") {
      out += escapeText(node.data.replace(/[\s]+/g, " "));
      continue;
    }
    if (node.type === "comment") continue;
    if (node.type !== "tag" && node.type !== "script" && node.type !== "style") fail(node.type);
    const el = node;
    const name = el.name.toLowerCase();
    if (INVISIBLE2.has(name)) fail(name);
    if (BLOCK_ELEMENTS.has(name)) fail(`block <${name}> inside inline content`);
    switch (name) {
      case "br":
        checkAttributes(cx, el, []);
        out += "\\\n";
        break;
      case "strong":
      case "b":
        checkAttributes(cx, el, []);
        out += wrap2(inline(cx, el.children), "**");
        break;
      case "em":
      case "i":
        checkAttributes(cx, el, []);
        out += wrap2(inline(cx, el.children), "*");
        break;
      case "code": {
        checkAttributes(cx, el, []);
        const text = el.children.map((c) => c.type === "text" ? c.data : fail("code markup")).join("");
        if (text.includes("`") || text.trim() === "") fail("code");
        out += `\`${text.replace(/\s+/g, " ")}\``;
        break;
      }
      case "img": {
        checkAttributes(cx, el, ["src", "alt", "title"]);
        const src = el.attribs.src ?? fail("img without src");
        out += `![${escapeText((el.attribs.alt ?? "").replace(/\s+/g, " "))}](${destination(src)}${title(el.attribs.title)})`;
        break;
      }
      default: {
        const href = el.attribs.href;
        if (href !== void 0 && !isKnownElement(name)) {
          if (!/^[a-zA-Z][a-zA-Z0-9-]*$/.test(el.name)) fail("name of a kept element");
          out += `${keptTag(el)}${inline(cx, el.children)}</${el.name}>`;
        } else if (href !== void 0 && name === "a") {
          checkAttributes(cx, el, ["href", "title"]);
          const text = inline(cx, el.children);
          if (text.trim() === "" || /\]\(/.test(text)) fail("link text");
          out += `${/^\s/.test(text) ? " " : ""}[${text.trim()}](${destination(href)}${title(el.attribs.title)})${/\s$/.test(text) ? " " : ""}`;
        } else if (WRAPPERS.has(name) || !isKnownElement(name)) {
          if ("id" in el.attribs || "name" in el.attribs) fail("anchor");
          for (const n of Object.keys(el.attribs)) drop(cx, `${n} on <${el.name}>`);
          out += inline(cx, el.children);
        } else {
          fail(`<${name}>`);
        }
      }
    }
  }
  return out;
}
function paragraph(content) {
  const text = content.replace(/ +/g, " ").replace(/^(?:\s|\\\n)+/, "").replace(/(?:\s|\\\n)+$/, "").split("\n").map((l) => escapeLineStart(l.trim())).join("\n");
  return text === "" ? void 0 : text;
}
function blocks(cx, nodes) {
  const out = [];
  let run = [];
  const flush = () => {
    const p = paragraph(inline(cx, run));
    if (p !== void 0) out.push(p);
    run = [];
  };
  for (const node of nodes) {
    const el = node.type === "tag" ? node : void 0;
    const name = el?.name.toLowerCase();
    if (!el || name === void 0 || !(BLOCK_ELEMENTS.has(name) || name === "hr")) {
      run.push(node);
      continue;
    }
    flush();
    if (CONTAINERS.has(name)) {
      checkAttributes(cx, el, []);
      out.push(...blocks(cx, el.children));
    } else if (/^h[1-6]$/.test(name)) {
      checkAttributes(cx, el, []);
      const text = inline(cx, el.children).replace(/\s+/g, " ").trim();
      if (text.includes("\\\n") || text === "") fail("heading");
      out.push(`${"#".repeat(Number(name[1]))} ${text}`);
    } else if (name === "hr") {
      checkAttributes(cx, el, []);
      out.push("---");
    } else if (name === "blockquote") {
      checkAttributes(cx, el, []);
      const inner = blocks(cx, el.children).join("\n\n");
      if (inner) out.push(inner.split("\n").map((l) => l ? `> ${l}` : ">").join("\n"));
    } else if (name === "ul" || name === "ol") {
      checkAttributes(cx, el, []);
      let n = 1;
      const items = [];
      for (const li of el.children) {
        if (li.type === "text" && li.data.trim() === "") continue;
        if (li.type !== "tag" || li.name.toLowerCase() !== "li") fail("list content");
        checkAttributes(cx, li, []);
        const marker2 = name === "ul" ? "- " : `${n++}. `;
        const body = blocks(cx, li.children).join("\n\n");
        items.push(body.split("\n").map((l, i) => i === 0 ? marker2 + l : l ? " ".repeat(marker2.length) + l : "").join("\n"));
      }
      if (items.length) out.push(items.join("\n"));
    } else {
      fail(`<${name}>`);
    }
  }
  flush();
  return out;
}
var MAX_CONVERT_DEPTH = 64;
function nestsDeeper(nodes, max) {
  const stack = [[nodes, 1]];
  while (stack.length) {
    const [list, depth] = stack.pop();
    if (depth > max) return true;
    for (const n of list) if ("children" in n && n.children.length) stack.push([n.children, depth + 1]);
  }
  return false;
}
function htmlToMarkdown(nodes, site = "github") {
  if (nestsDeeper(nodes, MAX_CONVERT_DEPTH)) return void 0;
  const cx = { site, dropped: [] };
  try {
    const out = blocks(cx, nodes);
    return out.length ? { markdown: out.join("\n\n"), dropped: cx.dropped } : void 0;
  } catch (e) {
    if (e instanceof Unconvertible) return void 0;
    throw e;
  }
}

// rules/no-raw-html/fixes.ts
var REMOVABLE = /* @__PURE__ */ new Set(["script", "iframe", "style", "object", "embed"]);
var SPACES = /* @__PURE__ */ new Set([160, 8194, 8195, 8201, 8239, 8199, 8200, 8202, 12288]);
var INVISIBLE_CHARS = /* @__PURE__ */ new Set([8203, 8204, 8205, 173, 65279]);
var ONLY_SPACE = /^[\s]*(?:&[a-zA-Z0-9#]+;[\s]*)*$/;
function visibleText(nodes) {
  return normaliseText(markdownTokens(nodes).filter((t) => t.t === "text" || t.t === "break"));
}
function normaliseText(tokens) {
  return JSON.parse(normalise(tokens)).text;
}
function entityReplacement(codePoint, inMarkdown) {
  if (SPACES.has(codePoint)) return " ";
  if (INVISIBLE_CHARS.has(codePoint)) return "";
  const ch = String.fromCodePoint(codePoint);
  return inMarkdown && /[!-/:-@[-`{-~]/.test(ch) ? escapeText(ch).replace(/^([^\\])$/, "\\$1") : ch;
}
function disabledLinkUrl(href, originalUrl) {
  const url = href.trim();
  if (/^https?:\/\//i.test(url)) return url;
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url === "" || url.startsWith("#")) return void 0;
  return onOriginalSite(url, originalUrl);
}
function attachFixes(ctx, problems, settings) {
  const byStart = /* @__PURE__ */ new Map();
  for (const p of problems) {
    const list = byStart.get(p.start);
    if (list) list.push(p);
    else byStart.set(p.start, [p]);
  }
  const give = (start, messageIds, fix, kind = "safe") => {
    const p = byStart.get(start)?.find((x) => messageIds.includes(x.messageId) && !x.fix);
    if (!p) return false;
    p.fix = fix;
    if (kind === "unsafe") p.fixKind = "unsafe";
    return true;
  };
  const converted = /* @__PURE__ */ new Set();
  for (const scan2 of ctx.htmlScans) {
    const parent = scan2.ancestors.at(-1);
    if (parent?.type === "root" && wholeBlock(ctx, scan2, problems, settings.site) === "safe") converted.add(scan2);
  }
  for (const scan2 of ctx.htmlScans) {
    if (converted.has(scan2)) continue;
    const parent = scan2.ancestors.at(-1);
    if (parent?.type === "root") {
      inBlock(ctx, scan2, give, settings);
    } else {
      unclosedUnknown(ctx, scan2, problems, give);
      if (enclosingBlock(scan2)) inline2(ctx, scan2, give, settings);
    }
  }
  entities(ctx, problems, converted);
}
function nodeRange(scan2) {
  return [scan2.node.position?.start.offset ?? 0, scan2.node.position?.end.offset ?? 0];
}
function wholeBlock(ctx, scan2, problems, site) {
  const [start, end] = nodeRange(scan2);
  if (ctx.text.slice(start, end) !== scan2.node.value) return void 0;
  const first = problems.find((p2) => p2.start >= start && p2.start < end && p2.messageId !== "entity" && p2.messageId !== "escapedMarkup");
  if (!first) return void 0;
  if (!balanced(scan2.scan.tags) || !mayConvert(scan2.scan.tags)) return void 0;
  const doc = parseDocument(scan2.node.value);
  const conversion = htmlToMarkdown(doc.children, site);
  if (conversion === void 0) return void 0;
  const md = conversion.markdown;
  const tree = parseMarkdown(md);
  if (tree.children.some((n) => n.type === "html" || n.type === "definition" || n.type === "code")) return void 0;
  if (normalise(htmlTokens(doc.children)) !== normalise(markdownTokens(tree.children))) return void 0;
  const lineStart = ctx.text.lastIndexOf("\n", start - 1);
  const prevLineStart = ctx.text.lastIndexOf("\n", lineStart - 1);
  const prevLine = lineStart < 0 ? "" : ctx.text.slice(prevLineStart + 1, lineStart).trim();
  const text = (prevLine === "" ? "" : "\n") + md;
  const p = first;
  p.fix = { range: [start, end], text };
  if (conversion.dropped.length === 0) return "safe";
  p.fixKind = "unsafe";
  return "unsafe";
}
var VOID = /* @__PURE__ */ new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]);
var OPTIONAL_END = /* @__PURE__ */ new Set(["p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "colgroup", "caption"]);
var CONVERTIBLE = /* @__PURE__ */ new Set(["p", "div", "center", "section", "article", "header", "footer", "main", "aside", "nav", "figure", "figcaption", "address", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "blockquote", "ul", "ol", "li", "br", "strong", "b", "em", "i", "code", "img", "a", "span", "font"]);
function mayConvert(tags) {
  for (const t of tags) {
    if (t.kind !== "open") continue;
    const known = isKnownElement(t.name);
    if (known && !CONVERTIBLE.has(t.name)) return false;
    for (const a of t.attributes) {
      if (ignoredAttribute(a.name)) continue;
      if ((t.name === "a" || !known) && (a.name === "href" || a.name === "title")) continue;
      if (t.name === "img" && (a.name === "src" || a.name === "alt" || a.name === "title")) continue;
      if (!known && a.name !== "id" && a.name !== "name") continue;
      if (t.name === "font" || t.name === "span") {
        if (a.name === "id" || a.name === "name") return false;
        continue;
      }
      return false;
    }
    if (t.name === "a" && !t.attributes.some((a) => a.name === "href")) return false;
  }
  return true;
}
function balanced(tags) {
  const stack = [];
  for (const t of tags) {
    if (VOID.has(t.name) || t.selfClosing) continue;
    if (t.kind === "open") {
      stack.push(t.name);
      continue;
    }
    const i = stack.lastIndexOf(t.name);
    if (i < 0) return false;
    if (stack.slice(i + 1).some((n) => !OPTIONAL_END.has(n))) return false;
    stack.length = i;
  }
  return stack.every((n) => OPTIONAL_END.has(n));
}
function matchingClose(scan2, open) {
  let depth = 0;
  const tags = scan2.scan.tags;
  for (let i = tags.indexOf(open) + 1; i < tags.length; i++) {
    const t = tags[i];
    if (t.name !== open.name) continue;
    if (t.kind === "open" && !t.selfClosing) depth++;
    else if (t.kind === "close") {
      if (depth === 0) return t;
      depth--;
    }
  }
  return void 0;
}
function inBlock(ctx, scan2, give, settings) {
  const [nodeStart] = nodeRange(scan2);
  for (const tag of scan2.scan.tags) {
    if (tag.kind !== "open") continue;
    const close = tag.selfClosing ? void 0 : matchingClose(scan2, tag);
    const start = scan2.at(tag.start);
    const href = tag.attributes.find((a) => a.name === "href")?.value;
    if (!isKnownElement(tag.name) && href !== void 0 && close) {
      if (tag.attributes.some((a) => a.name === "name" || a.name === "id")) continue;
      const url = settings.unknownWithHref === "unwrap" ? void 0 : settings.unknownWithHref === "link" ? href : disabledLinkUrl(href, ctx.facts.originalUrl);
      if (url !== void 0 && !/["<>]/.test(url)) {
        const inner = ctx.text.slice(scan2.at(tag.end), scan2.at(close.start));
        give(start, ["disabledLink", "unknown"], { range: [start, scan2.at(close.end)], text: `<a href="${url.replaceAll("&", "&amp;")}">${inner}</a>` }, "unsafe");
        continue;
      }
      if (settings.unknownWithHref === "link" || start === nodeStart) continue;
      give(start, ["disabledLink", "unknown"], unwrapInBlock(ctx.text, [start, scan2.at(tag.end)], [scan2.at(close.start), scan2.at(close.end)]), "unsafe");
    } else if (REMOVABLE.has(tag.name)) {
      const end = close ? scan2.at(close.end) : scan2.at(tag.end);
      give(start, ["unsafe"], { range: [start, end], text: "" }, "unsafe");
    }
  }
}
function unwrapInBlock(text, open, close) {
  const from = text.lastIndexOf("\n", open[0] - 1) + 1;
  const nl = text.indexOf("\n", close[1]);
  const to = nl < 0 ? text.length : nl;
  const lines = (text.slice(from, open[0]) + text.slice(open[1], close[0]) + text.slice(close[1], to)).split("\n");
  if (lines.length > 1 && lines.at(-1).trim() === "") lines.pop();
  if (lines[0].trim() === "") lines.shift();
  if (lines.length > 0) return { range: [from, to], text: lines.join("\n") };
  return nl < 0 ? { range: [Math.max(0, from - 1), to], text: "" } : { range: [from, nl + 1], text: "" };
}
function droppedAttributes(tag, allowed, site) {
  const dropped = [];
  for (const a of tag.attributes) {
    if (allowed.includes(a.name)) continue;
    if (!ignoredAttribute(a.name)) return void 0;
    if (site !== "github") dropped.push(a.name);
  }
  return dropped;
}
function escapeBrackets(source) {
  let out = "";
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") {
      out += source.slice(i, i + 2);
      i++;
    } else out += c === "[" || c === "]" ? `\\${c}` : c;
  }
  return out;
}
function unclosedUnknown(ctx, scan2, problems, give) {
  const [nodeStart, nodeEnd] = nodeRange(scan2);
  const tag = scan2.scan.tags[0];
  if (scan2.scan.tags.length !== 1 || !tag || tag.kind !== "open") return;
  if (scan2.at(tag.start) !== nodeStart || scan2.at(tag.end) !== nodeEnd || ctx.text.slice(nodeStart, nodeEnd) !== scan2.node.value) return;
  if (!problems.some((p) => p.start === nodeStart && p.messageId === "unknownUnclosed")) return;
  give(nodeStart, ["unknownUnclosed"], { range: [nodeStart, nodeStart + 1], text: "\\<" }, "unsafe");
}
function enclosingBlock(scan2) {
  const block = scan2.ancestors[1];
  return block && (block.type === "paragraph" || block.type === "heading") ? block : void 0;
}
function findNode(tree, type, predicate) {
  let found = false;
  const walk = (n) => {
    if (found) return;
    if (n.type === type && predicate(n)) found = true;
    if ("children" in n) for (const c of n.children) walk(c);
  };
  walk(tree);
  return found;
}
function inline2(ctx, scan2, give, settings) {
  const site = settings.site;
  const block = enclosingBlock(scan2);
  const parent = scan2.ancestors.at(-1);
  if (!block || !parent || scan2.scan.tags.length !== 1) return;
  const tag = scan2.scan.tags[0];
  if (tag.kind !== "open") return;
  const [nodeStart, nodeEnd] = nodeRange(scan2);
  if (ctx.text.slice(nodeStart, nodeEnd) !== scan2.node.value || scan2.at(tag.start) !== nodeStart || scan2.at(tag.end) !== nodeEnd) return;
  const siblings = parent.children;
  const index = siblings.indexOf(scan2.node);
  const attr2 = (name) => tag.attributes.find((a) => a.name === name)?.value;
  let replacement;
  const img = tag.name === "img" ? droppedAttributes(tag, ["src", "alt", "title"], site) : void 0;
  const br = tag.name === "br" ? droppedAttributes(tag, [], site) : void 0;
  if (img) {
    const src = attr2("src");
    if (src && !/[\s()<>]/.test(src)) {
      const alt = attr2("alt") ?? "";
      replacement = { range: [nodeStart, nodeEnd], text: `![${escapeText(alt)}](${src})`, expect: (t) => findNode(t, "image", (n) => n.url === src), unsafe: img.length > 0 };
    }
  } else if (br && /^\r?\n/.test(ctx.text.slice(nodeEnd)) && site !== "jekyll") {
    replacement = { range: [nodeStart, nodeEnd], text: "\\", expect: (t) => findNode(t, "break", () => true), unsafe: br.length > 0 };
  } else if (!tag.selfClosing) {
    let depth = 0;
    let close;
    for (let i = index + 1; i < siblings.length; i++) {
      const s = siblings[i];
      if (s.type !== "html") continue;
      const m = /^<(\/?)([a-zA-Z][\w-]*)/.exec(s.value);
      if (!m || m[2].toLowerCase() !== tag.name) continue;
      if (m[1] === "") depth++;
      else if (depth === 0) {
        close = s;
        break;
      } else depth--;
    }
    const closeStart = close?.position?.start.offset;
    const closeEnd = close?.position?.end.offset;
    if (close === void 0 || closeStart === void 0 || closeEnd === void 0) return;
    const inner = ctx.text.slice(nodeEnd, closeStart);
    const innerNodes = siblings.slice(index + 1, siblings.indexOf(close));
    const innerText = toString(innerNodes, { includeHtml: false }).replace(/\s+/g, " ").trim();
    if (inner.trim() === "" || /^\s|\s$/.test(inner)) return;
    const href = attr2("href");
    const known = isKnownElement(tag.name);
    const link = tag.name === "a" && href !== void 0 ? droppedAttributes(tag, ["href", "title"], site) : void 0;
    const emphasis = ["strong", "b", "em", "i"].includes(tag.name) ? droppedAttributes(tag, [], site) : void 0;
    const anchor = tag.attributes.some((a) => a.name === "id" || a.name === "name");
    const makeLink = (url, text, unsafe) => {
      if (/[\s<>]/.test(url) || innerNodes.some((n) => n.type === "link" || n.type === "html")) return void 0;
      const dest = /[()]/.test(url) ? `<${url}>` : url;
      return { range: [nodeStart, closeEnd], text: `[${text}](${dest})`, expect: (t) => findNode(t, "link", (n) => n.url === url && toString(n).replace(/\s+/g, " ").trim() === innerText), unsafe };
    };
    if (link && href !== void 0) {
      replacement = makeLink(href, inner, link.length > 0);
    } else if ((!known || (tag.name === "span" || tag.name === "font") && !anchor) && href !== void 0) {
      if (anchor) return;
      const url = settings.unknownWithHref === "unwrap" ? void 0 : settings.unknownWithHref === "link" ? href : disabledLinkUrl(href, ctx.facts.originalUrl);
      if (url !== void 0) replacement = makeLink(url, escapeBrackets(inner), true);
      else if (known) replacement = { range: [nodeStart, closeEnd], text: inner, expect: () => true, unsafe: site !== "github" && tag.attributes.length > 0 };
      else replacement = { range: [nodeStart, closeEnd], text: inner, expect: () => true, unsafe: true };
    } else if (emphasis && (tag.name === "strong" || tag.name === "b")) {
      replacement = { range: [nodeStart, closeEnd], text: `**${inner}**`, expect: (t) => findNode(t, "strong", (n) => toString(n).replace(/\s+/g, " ").trim() === innerText), unsafe: emphasis.length > 0 };
    } else if (emphasis) {
      replacement = { range: [nodeStart, closeEnd], text: `*${inner}*`, expect: (t) => findNode(t, "emphasis", (n) => toString(n).replace(/\s+/g, " ").trim() === innerText), unsafe: emphasis.length > 0 };
    } else if ((tag.name === "span" || tag.name === "font" || !known) && !anchor) {
      replacement = { range: [nodeStart, closeEnd], text: inner, expect: () => true, unsafe: site !== "github" && tag.attributes.length > 0 };
    }
  }
  if (!replacement) return;
  const blockStart = block.position?.start.offset ?? 0;
  const blockEnd = block.position?.end.offset ?? 0;
  const before = ctx.text.slice(blockStart, blockEnd);
  const after = before.slice(0, replacement.range[0] - blockStart) + replacement.text + before.slice(replacement.range[1] - blockStart);
  const treeBefore = parseMarkdown(before);
  const treeAfter = parseMarkdown(after);
  if (treeAfter.children.length !== treeBefore.children.length || treeAfter.children[0]?.type !== treeBefore.children[0]?.type) return;
  const seen = (tree) => tag.name === "br" ? visibleText(tree.children).replace(/\n/g, " ") : visibleText(tree.children);
  if (seen(treeAfter) !== seen(treeBefore) || !replacement.expect(treeAfter)) return;
  give(nodeStart, ["markdownForm", "unknown", "wrapper", "disabledLink"], { range: replacement.range, text: replacement.text }, replacement.unsafe ? "unsafe" : "safe");
}
function entities(ctx, problems, converted) {
  const convertedRanges = [...converted].map(nodeRange);
  const htmlRanges = ctx.htmlScans.map(nodeRange);
  for (const p of problems) {
    if (p.messageId !== "entity" || p.fix) continue;
    if (convertedRanges.some(([a, b]) => p.start >= a && p.start < b)) continue;
    const source = ctx.text.slice(p.start, p.end);
    const decoded = decodeOne(source);
    if (decoded === void 0) continue;
    const inHtml = htmlRanges.some(([a, b]) => p.start >= a && p.start < b);
    const lineStart = ctx.text.lastIndexOf("\n", p.start - 1) + 1;
    const nl = ctx.text.slice(p.end).search(/\r?\n/);
    const lineEnd = nl < 0 ? ctx.text.length : p.end + nl;
    const onlySpaceBefore = ONLY_SPACE.test(ctx.text.slice(lineStart, p.start));
    if (!inHtml && onlySpaceBefore) continue;
    if (inHtml && onlySpaceBefore && ONLY_SPACE.test(ctx.text.slice(p.end, lineEnd)) && SPACES.has(decoded)) continue;
    if (!inHtml && SPACES.has(decoded) && ONLY_SPACE.test(ctx.text.slice(p.end, lineEnd))) continue;
    if (ctx.site === "jekyll" && (decoded === 37 || decoded === 123 || decoded === 125)) continue;
    p.fix = { range: [p.start, p.end], text: entityReplacement(decoded, !inHtml) };
    if (SPACES.has(decoded) && (/[\s;]$/.test(ctx.text.slice(p.start - 1, p.start)) || /^(?:\s|&)/.test(ctx.text.slice(p.end, p.end + 1)))) p.fixKind = "unsafe";
  }
}
function decodeOne(text) {
  const d = decodeHTMLStrict(text);
  return d === text ? void 0 : d.codePointAt(0);
}

// rules/no-raw-html/escaped.ts
var GAP_LINES = 10;
function escapedTag(markdown) {
  const lt = markdown ? "(?:&lt;|&#0*60;|&#[xX]0*3[cC];|\\\\<)" : "(?:&lt;|&#0*60;|&#[xX]0*3[cC];)";
  const gt = markdown ? "(?:&gt;|&#0*62;|&#[xX]0*3[eE];|\\\\?>)" : "(?:&gt;|&#0*62;|&#[xX]0*3[eE];|>)";
  return new RegExp(`${lt}(/?)([a-zA-Z][a-zA-Z0-9]*)(?:\\s[^<>\\n]{0,1000}?)?/?\\s*${gt}`, "g");
}
var IN_MARKDOWN = escapedTag(true);
var IN_HTML = escapedTag(false);
var CODE = /* @__PURE__ */ new Set(["pre", "code", "kbd", "samp", "tt", "var", "xmp", "listing", "plaintext", "textarea", "script", "style", "template"]);
function scan(source, markdown, toFile, out) {
  if (!source.includes("&") && !(markdown && source.includes("\\<"))) return;
  for (const m of source.matchAll(markdown ? IN_MARKDOWN : IN_HTML)) {
    if (!isKnownElement(m[2])) continue;
    const at = m.index ?? 0;
    out.push({ start: toFile(at), end: toFile(at + m[0].length), text: m[0] });
  }
}
function escapedRuns(ctx, minTags) {
  const found = [];
  const ranges = [...ctx.textRanges].sort((a, b) => a.start - b.start);
  for (let i = 0; i < ranges.length; i++) {
    const start = ranges[i].start;
    let end = ranges[i].end;
    while (i + 1 < ranges.length) {
      const next = ranges[i + 1];
      const gap = ctx.text.slice(end, next.start);
      if (gap.length > 2e3 || /[`\n]/.test(gap)) break;
      end = next.end;
      i++;
    }
    scan(ctx.text.slice(start, end), true, (o) => start + o, found);
  }
  let code = 0;
  for (const { node, scan: html, at } of ctx.htmlScans) {
    const value = node.value;
    if (!value.includes("&") && !html.tags.some((t) => CODE.has(t.name))) continue;
    const marks = [...html.tags.map((t) => ({ start: t.start, end: t.end, tag: t })), ...html.comments.map((c) => ({ start: c.start, end: c.end, tag: void 0 }))].sort((a, b) => a.start - b.start);
    let from = 0;
    for (const mark of marks) {
      if (code === 0 && mark.start > from) scan(value.slice(from, mark.start), false, (o) => at(from + o), found);
      from = Math.max(from, mark.end);
      const t = mark.tag;
      if (t && CODE.has(t.name) && !t.selfClosing) code = Math.max(0, code + (t.kind === "open" ? 1 : -1));
    }
    if (code === 0 && from < value.length) scan(value.slice(from), false, (o) => at(from + o), found);
  }
  found.sort((a, b) => a.start - b.start);
  const runs2 = [];
  let run;
  const flush = () => {
    if (run && run.count >= minTags) runs2.push({ start: run.start, end: run.end, count: run.count, example: run.example });
  };
  for (const f of found) {
    const line = pointAt(ctx.lineStarts, f.start).line;
    if (run && line - run.lastLine <= GAP_LINES) {
      run.end = f.end;
      run.count++;
      run.lastLine = pointAt(ctx.lineStarts, f.end).line;
      continue;
    }
    flush();
    const example = f.text.length > 40 ? `${f.text.slice(0, 39)}…` : f.text;
    run = { start: f.start, end: f.end, count: 1, example, lastLine: pointAt(ctx.lineStarts, f.end).line };
  }
  flush();
  return runs2;
}

// rules/no-raw-html/index.ts
var UNSAFE = /* @__PURE__ */ new Set(["script", "iframe", "style", "object", "embed", "applet", "frame", "frameset", "form", "meta", "link", "base"]);
var WRAPPERS2 = /* @__PURE__ */ new Set(["div", "span", "center", "font"]);
var VOID2 = /* @__PURE__ */ new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "basefont", "bgsound", "frame", "keygen", "image", "isindex", "spacer"]);
var OPTIONAL_END2 = /* @__PURE__ */ new Set(["p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "colgroup", "caption", "rb", "rt", "rtc", "rp", "html", "head", "body"]);
var FORMS = {
  p: "a paragraph (a blank line)",
  br: "a hard line break (a backslash or two spaces at the end of the line)",
  hr: "a thematic break ('---')",
  a: "a link ('[text](url)')",
  img: "an image ('![alt](src)')",
  strong: "strong emphasis ('**text**')",
  b: "strong emphasis ('**text**')",
  em: "emphasis ('*text*')",
  i: "emphasis ('*text*')",
  blockquote: "a block quote ('> ')",
  ul: "a list ('- item')",
  ol: "a numbered list ('1. item')",
  li: "a list item ('- item')",
  code: "code ('`code`')",
  pre: "a fenced code block ('```')"
};
for (let n = 1; n <= 6; n++) FORMS[`h${n}`] = `a heading ('${"#".repeat(n)} ')`;
var SAFE_ENTITY_CHARS = /* @__PURE__ */ new Set([60, 62, 38, 34, 39]);
var ENTITY = /&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});/g;
function expectedFor(codePoint) {
  if (codePoint === 160 || codePoint === 8194 || codePoint === 8195 || codePoint === 8201) return "a plain space";
  if (codePoint === 8203 || codePoint === 8204 || codePoint === 8205 || codePoint === 173) return "nothing (an invisible character)";
  return `the character itself ('${String.fromCodePoint(codePoint)}')`;
}
function pointsAt(href, originalUrl) {
  const abs = disabledLinkUrl(href, originalUrl);
  return abs === void 0 ? "" : `; it pointed at ${abs}`;
}
function collect2(ctx, options) {
  const allow = new Set((options.allow ?? []).map((t) => t.toLowerCase()));
  const out = [];
  const starts = ctx.lineStarts;
  const where = (offset) => {
    const p = pointAt(starts, offset);
    return `${p.line}:${p.column}`;
  };
  const add = (kind, id, data, start, end) => {
    const p = problem(meta4, id, data, start, end);
    p.kind = kind;
    out.push(p);
    return p;
  };
  const stack = [];
  for (const { scan: scan2, at } of ctx.htmlScans) {
    for (const tag of scan2.tags) {
      const start = at(tag.start);
      const end = at(tag.end);
      const name = tag.name;
      if (allow.has(name)) continue;
      if (tag.kind === "open") {
        let unknown;
        const href = tag.attributes.find((a) => a.name === "href")?.value;
        const disabled = href === void 0 ? void 0 : { tag: name, where: pointsAt(href, ctx.facts.originalUrl) };
        if (!isKnownElement(name)) unknown = disabled ? add("unknown", "disabledLink", disabled, start, end) : add("unknown", "unknown", { tag: name }, start, end);
        else if (UNSAFE.has(name)) add("unsafe", "unsafe", { tag: name }, start, end);
        else if (FORMS[name] && (name !== "a" || tag.attributes.some((a) => a.name === "href"))) add("markdownForm", "markdownForm", { tag: name, form: FORMS[name] }, start, end);
        else if (WRAPPERS2.has(name)) add("wrapper", disabled ? "disabledLink" : "wrapper", disabled ?? { tag: name }, start, end);
        for (const attr2 of tag.attributes) {
          if (/^on[a-z]+$/.test(attr2.name)) add("unsafe", "unsafeAttribute", { attribute: attr2.name, tag: name }, at(attr2.nameStart), at(attr2.valueEnd));
          else if (/^\s*javascript:/i.test(attr2.value)) add("unsafe", "unsafeUrl", { attribute: attr2.name, tag: name }, at(attr2.valueStart), at(attr2.valueEnd));
        }
        if (VOID2.has(name) || tag.selfClosing) continue;
        const top = stack.at(-1);
        if (top && top.name === name && OPTIONAL_END2.has(name)) stack.pop();
        stack.push(unknown ? { name, start, end, unknown } : { name, start, end });
      } else {
        if (VOID2.has(name)) continue;
        let i = stack.length - 1;
        while (i >= 0 && stack[i].name !== name) i--;
        if (i < 0) {
          add("unbalanced", "strayClose", { tag: name }, start, end);
          continue;
        }
        for (const open of stack.splice(i + 1)) {
          if (!OPTIONAL_END2.has(open.name) && !open.unknown) add("unbalanced", "closedEarly", { tag: open.name, closer: name, where: where(start) }, open.start, open.end);
        }
        stack.pop();
      }
    }
  }
  for (const open of stack) {
    if (open.unknown) {
      const written2 = ctx.text.slice(open.start + 1, open.start + 1 + open.name.length);
      Object.assign(open.unknown, problem(meta4, "unknownUnclosed", { tag: written2 }, open.start, open.end));
    } else if (!OPTIONAL_END2.has(open.name)) add("unbalanced", "unclosed", { tag: open.name }, open.start, open.end);
  }
  for (const run of escapedRuns(ctx, options.minEscapedTags ?? 3)) {
    const first = pointAt(starts, run.start).line;
    const last = pointAt(starts, run.end).line;
    const data = { tags: `${run.count} escaped tag${run.count === 1 ? "" : "s"}`, example: run.example, where: first === last ? `line ${first}` : `lines ${first}-${last}` };
    add("escaped", "escapedMarkup", data, run.start, run.end);
  }
  if (!allow.has("entities")) {
    const entity = (text, start, end, codePoint) => {
      if (SAFE_ENTITY_CHARS.has(codePoint)) return;
      add("entity", "entity", { entity: text, expected: expectedFor(codePoint) }, start, end);
    };
    for (const { scan: scan2, at } of ctx.htmlScans) {
      for (const e of scan2.entities) entity(ctx.text.slice(at(e.start), at(e.end)), at(e.start), at(e.end), e.codePoint);
    }
    for (const { start, end } of ctx.textRanges) {
      const source = ctx.text.slice(start, end);
      if (!source.includes("&")) continue;
      for (const m of source.matchAll(ENTITY)) {
        const decoded = decodeEntity(m[0]);
        if (decoded !== void 0) entity(m[0], start + (m.index ?? 0), start + (m.index ?? 0) + m[0].length, decoded);
      }
    }
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}
function decodeEntity(text) {
  const d = decodeHTMLStrict(text);
  return d === text ? void 0 : d.codePointAt(0);
}
function finish(problems, options) {
  const sev = {};
  for (const k of KINDS) {
    const s = options.kinds?.[k];
    if (s !== void 0) sev[k] = s === "off" ? 0 : s === "warn" ? 1 : 2;
  }
  const kept = problems.filter((p) => sev[p.kind] !== 0);
  for (const p of kept) {
    const s = sev[p.kind];
    if (s !== void 0) p.severity = s;
  }
  if (!options.oncePerFile) return kept.map(strip);
  const first = /* @__PURE__ */ new Map();
  const counts = /* @__PURE__ */ new Map();
  for (const p of kept) {
    const key = p.messageId;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (!first.has(key)) first.set(key, p);
  }
  return [...first.values()].map((p) => {
    const n = counts.get(p.messageId) ?? 1;
    if (n > 1) {
      p.message = `${p.message} (and ${n - 1} more like it in this file)`;
      p.occurrences = n;
    }
    return strip(p);
  });
}
function strip(p) {
  delete p.kind;
  return p;
}
function check3(ctx, options = {}) {
  const problems = collect2(ctx, options);
  attachFixes(ctx, problems, { unknownWithHref: options.unknownWithHref ?? "auto", site: ctx.site ?? "github" });
  return finish(problems, options);
}
var plugin4 = fileRulePlugin(meta4, check3);
var no_raw_html_default = plugin4;

// rules/no-dead-urls/index.ts
var no_dead_urls_exports = {};
__export(no_dead_urls_exports, {
  default: () => no_dead_urls_default,
  externalCheck: () => externalCheck2,
  meta: () => meta5,
  plugin: () => plugin5,
  snapshotFix: () => snapshotFix
});

// rules/no-dead-urls/meta.ts
var meta5 = {
  id: "no-dead-urls",
  description: "External http(s) URLs must answer (only with external checks on): 4xx/5xx, unreachable, timeouts; redirects, rate limits and refused hosts are warnings; dead links can be pointed at their web-archive snapshot.",
  defaultSeverity: "error",
  fixable: "unsafe",
  external: true,
  optionsSchema: {
    type: "object",
    additionalProperties: false,
    properties: {
      datelines: { type: "array", items: { type: "string" }, description: "Regexes with named groups year, month, day that count as datelines, for the article's date of web-archive lookups (default: valid-dates' default)." },
      pathDates: { type: "array", items: { type: "string" }, description: "Regexes with named groups year (or yy), month, day for dates in original URLs and paths, for the article's date of web-archive lookups (default: valid-dates' default)." }
    }
  },
  messages: {
    broken: "URL {url} answered {answer}{via}",
    redirectLoop: "URL {url} redirects in a loop: {loop}",
    tooManyRedirects: "URL {url} {reason}: it still redirects at {final}",
    timeout: "URL {url} timed out: {reason}{tries}",
    unreachable: "URL {url} is unreachable: {reason}{tries}",
    redirected: "URL {url} redirects to {final}{hops}; expected the final URL",
    rateLimited: "URL {url} is rate-limited by {host}: it still answered {answer} after {retries}, so it was not checked",
    blocked: "URL {url} was not requested: {host} resolves to {address}, a {kind} address (list the host in external.allowHosts to check it)",
    botWall: "URL {url} answered {answer}, as {host} answers robots; expected a check in a browser",
    deadArchived: "URL {url} is dead ({why}); the web archive's snapshot of {snapshotDate} is {distance} the article's date {date} (from {source}): {snapshot}",
    deadArchivedFar: "URL {url} is dead ({why}); the web archive's closest snapshot, of {snapshotDate}, is {distance} the article's date {date} (from {source}), over external.archive.maxDistanceDays ({max}), so it is not offered as a fix: {snapshot}",
    deadArchivedNoFix: "URL {url} is dead ({why}); the web archive's snapshot of {snapshotDate} is {distance} the article's date {date} (from {source}): {snapshot} (not offered as a fix: the URL is not written as is)",
    deadNotArchived: "URL {url} is dead ({why}); the web archive has no snapshot of it (asked for the article's date {date}, from {source})",
    deadLookupFailed: "URL {url} is dead ({why}); its web-archive snapshot is unknown: {reason}",
    deadUndated: "URL {url} is dead ({why}); the web archive was not asked: the article has no date (no dateline, no date in its original URL, path or front matter, and no commit added it)",
    snapshotMissing: "Web-archive link {url}: the web archive has no snapshot of {original}",
    snapshotFar: "Web-archive link {url}: the closest snapshot of {original} is of {snapshotDate}, {days} from {linkDate}, over external.archive.maxDistanceDays ({max})",
    snapshotUnchecked: "Web-archive link {url} was not checked: {reason}"
  },
  kindNames: {
    broken: "broken URL",
    redirectLoop: "redirect loop",
    tooManyRedirects: "too many redirects",
    timeout: "timed out",
    unreachable: "unreachable",
    redirected: "redirected",
    rateLimited: "rate-limited",
    blocked: "private address",
    botWall: "answers robots",
    deadArchived: "dead, snapshot offered",
    deadArchivedFar: "dead, snapshot too far from the date",
    deadArchivedNoFix: "dead, snapshot not applicable",
    deadNotArchived: "dead, never archived",
    deadLookupFailed: "dead, archive lookup failed",
    deadUndated: "dead, article undated",
    snapshotMissing: "web-archive link without snapshot",
    snapshotFar: "web-archive snapshot far from its date",
    snapshotUnchecked: "web-archive link unchecked"
  },
  // Rate limits, private hosts and bot walls say nothing about the page: never an error.
  severities: {
    broken: "error",
    redirectLoop: "error",
    tooManyRedirects: "error",
    timeout: "error",
    unreachable: "error",
    redirected: "warn",
    rateLimited: "warn",
    blocked: "warn",
    botWall: "warn",
    deadArchived: "error",
    deadArchivedFar: "error",
    deadArchivedNoFix: "error",
    deadNotArchived: "error",
    deadLookupFailed: "error",
    deadUndated: "error",
    snapshotMissing: "error",
    snapshotFar: "warn",
    snapshotUnchecked: "warn"
  }
};

// rules/no-dead-urls/index.ts
var MESSAGE = {
  broken: "broken",
  "redirect-loop": "redirectLoop",
  "too-many-redirects": "tooManyRedirects",
  timeout: "timeout",
  unreachable: "unreachable",
  redirected: "redirected",
  "rate-limited": "rateLimited",
  blocked: "blocked",
  "bot-wall": "botWall"
};
var EXTERNAL = /^https?:\/\//i;
var plural2 = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
function distance2(days) {
  if (days === 0) return "the same day as";
  return `${plural2(Math.abs(days), "day")} ${days > 0 ? "after" : "before"}`;
}
var SOURCE_WORDS = {
  dateline: "its dateline",
  "original URL": "its original URL",
  path: "its path",
  "front matter": "its front matter",
  commit: "the commit that added the file"
};
function written(url, kind) {
  const out = url.replace(/[\s()<>`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
  return kind === "html" ? out.replace(/&/g, "&amp;").replace(/"/g, "%22").replace(/'/g, "%27") : out.replace(/"/g, "%22");
}
function snapshotFix(ref, snapshot, keep) {
  const form = ref.form;
  if (!form) return void 0;
  const [start, end] = form.range;
  const url = written(snapshot, form.kind);
  const original = ref.url.trim();
  let mode = keep;
  if (mode === "note" && form.noteAt === void 0) mode = "title";
  if (mode === "title" && form.titleAt === void 0) mode = "none";
  if (mode === "none") return { range: [start, end], text: url };
  const at = mode === "title" ? form.titleAt : form.noteAt;
  let added;
  if (mode === "note") {
    const ticks = original.includes("`") ? "``" : "`";
    added = ` (original: ${ticks}${ticks.length > 1 ? " " : ""}${original}${ticks.length > 1 ? " " : ""}${ticks})`;
  } else if (form.kind === "html") {
    added = ` title="Original: ${original.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}"`;
  } else {
    added = ` "Original: ${original.replace(/[\\"]/g, "\\$&")}"`;
  }
  return { range: [start, at], text: `${url}${form.tail.slice(0, at - end)}${added}` };
}
function deadWhy(check6) {
  const d = checkData(check6);
  return check6.status === "broken" ? `answered ${d.answer}${d.via}` : d.reason;
}
function archiveProblem(ref, check6, note) {
  const url = ref.url.trim();
  if (note.kind === "snapshot-link") {
    const { link, lookup: lookup2 } = note;
    const data2 = { url, original: link.original, linkDate: timestampDate(link.timestamp) };
    if (lookup2.failed !== void 0) {
      return problem(meta5, "snapshotUnchecked", { ...data2, reason: lookup2.failed }, ref.start, ref.end);
    }
    if (!lookup2.snapshot) return problem(meta5, "snapshotMissing", data2, ref.start, ref.end);
    const days2 = daysBetween(link.timestamp.slice(0, 8), lookup2.snapshot.timestamp.slice(0, 8));
    if (link.timestamp.length >= 8 && Math.abs(days2) > note.settings.maxDistanceDays) {
      return problem(meta5, "snapshotFar", { ...data2, snapshotDate: timestampDate(lookup2.snapshot.timestamp), days: plural2(Math.abs(days2), "day"), max: note.settings.maxDistanceDays }, ref.start, ref.end);
    }
    return void 0;
  }
  const why = deadWhy(check6);
  const base = { url, why };
  if (!note.date) return problem(meta5, "deadUndated", base, ref.start, ref.end);
  const dated = { ...base, date: note.date.date, source: SOURCE_WORDS[note.date.source] ?? note.date.source };
  const { lookup } = note;
  if (!lookup) return void 0;
  if (lookup.failed !== void 0) return problem(meta5, "deadLookupFailed", { ...dated, reason: lookup.failed }, ref.start, ref.end);
  if (!lookup.snapshot) return problem(meta5, "deadNotArchived", dated, ref.start, ref.end);
  const snapshot = snapshotUrl({ timestamp: lookup.snapshot.timestamp, original: url });
  const days = daysBetween(note.date.date, lookup.snapshot.timestamp.slice(0, 8));
  const data = { ...dated, snapshot, snapshotDate: timestampDate(lookup.snapshot.timestamp), distance: distance2(days) };
  if (Math.abs(days) > note.settings.maxDistanceDays) return problem(meta5, "deadArchivedFar", { ...data, max: note.settings.maxDistanceDays }, ref.start, ref.end);
  const fix = snapshotFix(ref, snapshot, note.settings.keepOriginal);
  return fix ? problem(meta5, "deadArchived", data, ref.start, ref.end, fix, "unsafe") : problem(meta5, "deadArchivedNoFix", data, ref.start, ref.end);
}
var externalCheck2 = {
  wants: (ref) => ref.type === "link",
  archive: true,
  report(ref, check6, note) {
    if (note) {
      const p = archiveProblem(ref, check6, note);
      if (p || note.kind === "snapshot-link") return p;
    }
    const finding = findingOf(check6);
    if (!finding) return void 0;
    return problem(meta5, MESSAGE[finding], { ...checkData(check6), url: ref.url.trim() }, ref.start, ref.end);
  }
};
var compiled = /* @__PURE__ */ new Map();
function patterns(options) {
  const key = JSON.stringify([options.datelines, options.pathDates]);
  let p = compiled.get(key);
  if (!p) {
    p = { datelines: compilePatterns(options.datelines ?? DEFAULT_DATELINES, "gu"), pathDates: compilePatterns(options.pathDates ?? DEFAULT_PATH_DATES, "u") };
    compiled.set(key, p);
  }
  return p;
}
function check4(ctx, options) {
  if (!ctx.facts.references.some((r) => r.type === "link" && EXTERNAL.test(r.url))) return [];
  const date = articleDate({
    path: ctx.path,
    text: ctx.text,
    runs: () => contextRuns(ctx),
    ...ctx.facts.originalUrl ? { originalUrl: ctx.facts.originalUrl } : {},
    ...patterns(options)
  });
  if (date) ctx.facts.articleDate = date;
  return [];
}
var plugin5 = fileRulePlugin(meta5, check4);
var no_dead_urls_default = plugin5;

// rules/no-conflict-markers/index.ts
var no_conflict_markers_exports = {};
__export(no_conflict_markers_exports, {
  check: () => check5,
  meta: () => meta6,
  plugin: () => plugin6
});

// rules/no-conflict-markers/meta.ts
var meta6 = {
  id: "no-conflict-markers",
  description: "Merge conflict markers ('<<<<<<<', '=======', '>>>>>>>') must not be left in a page.",
  defaultSeverity: "error",
  fixable: "none",
  optionsSchema: { type: "object", additionalProperties: false, properties: {} },
  messages: {
    conflict: "Merge conflict left in the page: '{ours}' (line {start}), '=======' (line {middle}) and '{theirs}' (line {end}); keep one side and remove the markers"
  },
  kindNames: {
    conflict: "merge conflict"
  },
  // The markers show as text on every site (broken markup a reader sees).
  severities: {
    conflict: "error"
  }
};

// rules/no-conflict-markers/index.ts
function marker(line, c) {
  if (!line.startsWith(c.repeat(7))) return false;
  const rest = line.slice(7);
  return c === "=" ? /^[ \t]*$/.test(rest) : rest === "" || /^[ \t]/.test(rest);
}
function shown(line) {
  const trimmed = line.replace(/[ \t]+$/, "");
  return trimmed.length > 60 ? `${trimmed.slice(0, 59)}…` : trimmed;
}
function check5(ctx) {
  const { text, lineStarts: lineStarts2 } = ctx;
  const out = [];
  const lineAt = (k) => {
    const start = lineStarts2[k];
    const next = lineStarts2[k + 1];
    const end = next === void 0 ? text.length : next;
    return { start, text: text.slice(start, end).replace(/\r?\n$/, "") };
  };
  let open;
  let middle;
  for (let k = 0; k < lineStarts2.length; k++) {
    const line = lineAt(k);
    const c = line.text[0];
    if (c !== "<" && c !== "=" && c !== ">" && c !== "|") continue;
    if (marker(line.text, "<")) {
      open = { k, start: line.start, text: line.text };
      middle = void 0;
    } else if (open && middle === void 0 && marker(line.text, "=")) {
      middle = k;
    } else if (open && middle !== void 0 && marker(line.text, ">")) {
      const data = { ours: shown(open.text), start: open.k + 1, middle: middle + 1, theirs: shown(line.text), end: k + 1 };
      out.push(problem(meta6, "conflict", data, open.start, open.start + open.text.length));
      open = void 0;
      middle = void 0;
    }
  }
  return out;
}
var plugin6 = fileRulePlugin(meta6, (ctx) => check5(ctx));

// rules/no-orphans/index.ts
var no_orphans_exports = {};
__export(no_orphans_exports, {
  archive: () => archive,
  default: () => no_orphans_default,
  meta: () => meta7,
  plugin: () => plugin7
});
var import_picomatch = __toESM(require_picomatch(), 1);

// rules/no-orphans/meta.ts
var meta7 = {
  id: "no-orphans",
  description: "Every page must be reachable: linked from another page, on a path of links from an entry point (README, nav, SUMMARY.md).",
  defaultSeverity: "off",
  auditSeverity: "warn",
  fixable: "none",
  optionsSchema: {
    type: "object",
    additionalProperties: false,
    properties: {
      entryPoints: {
        type: "array",
        items: { type: "string" },
        description: "Globs (root-relative) of more entry points: pages a reader reaches without a link of the archive, added to the profile's (README, mkdocs nav, SUMMARY.md, Jekyll posts and collections)."
      },
      ignore: { type: "array", items: { type: "string" }, description: "Globs (root-relative) of pages never reported (drafts, templates)." }
    }
  },
  messages: {
    noIncoming: "No other page links to this page, so no reader can reach it; a link to it would bring back {count} {pages}",
    unreachable: "No path of links from an entry point ({entry}) reaches this page: only pages that none reaches link to it, such as '{from}'; a link to it would bring back {count} {pages}"
  },
  // A page no reader reaches, a file no page uses: worth knowing, never broken for a reader; a warning on every profile.
  severities: {
    noIncoming: "warn",
    unreachable: "warn"
  },
  kindNames: {
    noIncoming: "no incoming link",
    unreachable: "unreachable from the entry points"
  }
};

// rules/no-orphans/index.ts
function entryText(entries) {
  if (entries.length === 0) return "none";
  const first = entries[0];
  return entries.length === 1 ? first : `${first} and ${entries.length - 1} more`;
}
function archive(ctx, options = {}) {
  const { graph } = ctx;
  const isEntry = (0, import_picomatch.default)([...ctx.entryPoints, ...options.entryPoints ?? []], { dot: true });
  const ignored = options.ignore?.length ? (0, import_picomatch.default)(options.ignore, { dot: true }) : () => false;
  const pages = graph.pages.filter((p) => ctx.inSite(p));
  const entries = pages.filter((p) => isEntry(p));
  const reached = graph.reachable(entries);
  const region = new Set(pages.filter((p) => !reached.has(p)));
  const back = graph.bringsBack(region);
  const out = [];
  for (const path of pages) {
    if (!region.has(path) || ignored(path)) continue;
    const count = back.get(path) ?? 1;
    const data = { count, pages: count === 1 ? "page" : "pages" };
    const from = graph.linksTo(path);
    if (from.length === 0) {
      out.push({ path, ruleId: meta7.id, messageId: "noIncoming", message: format(meta7.messages.noIncoming, data), data: { bringsBack: count } });
    } else if (entries.length) {
      out.push({ path, ruleId: meta7.id, messageId: "unreachable", message: format(meta7.messages.unreachable, { ...data, entry: entryText(entries), from: from[0] }), data: { bringsBack: count } });
    }
  }
  return out;
}
var plugin7 = lintRule({ origin: `archive-lint:${meta7.id}`, url: docsUrl(meta7.id) }, () => {
});
var no_orphans_default = plugin7;

// rules/no-unused-files/index.ts
var no_unused_files_exports = {};
__export(no_unused_files_exports, {
  archive: () => archive2,
  default: () => no_unused_files_default,
  kindOf: () => kindOf,
  meta: () => meta8,
  plugin: () => plugin8
});
import { posix as posix11 } from "node:path";
var import_picomatch3 = __toESM(require_picomatch(), 1);

// rules/no-unused-files/meta.ts
var KINDS2 = {
  image: ["png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "bmp", "ico", "tif", "tiff", "heic"],
  audio: ["mp3", "ogg", "oga", "wav", "flac", "m4a", "aac", "opus"],
  video: ["mp4", "webm", "ogv", "mov", "m4v", "avi", "mkv"],
  document: ["pdf", "doc", "docx", "odt", "rtf", "epub", "ppt", "pptx", "odp", "xls", "xlsx", "ods"],
  archive: ["zip", "gz", "tgz", "bz2", "xz", "7z", "rar", "tar"],
  data: ["txt", "csv", "tsv", "xml", "srt", "vtt"]
};
var meta8 = {
  id: "no-unused-files",
  description: "Images and other files of the archive must be used: linked or shown by some page.",
  defaultSeverity: "off",
  auditSeverity: "warn",
  fixable: "none",
  optionsSchema: {
    type: "object",
    additionalProperties: false,
    properties: {
      kinds: {
        type: "array",
        items: { enum: [...Object.keys(KINDS2), "other"] },
        default: Object.keys(KINDS2),
        description: "Kinds of file to report: image, audio, video, document, archive, data, and 'other' (code, styles, configuration, files of no known kind), which is left out by default."
      },
      ignore: { type: "array", items: { type: "string" }, description: "Globs (root-relative) of files never reported (used by a layout, a stylesheet, a script, or served on their own)." }
    }
  },
  messages: {
    unusedFile: "No page links to or shows this {kind} file ({size})"
  },
  // A page no reader reaches, a file no page uses: worth knowing, never broken for a reader; a warning on every profile.
  severities: {
    unusedFile: "warn"
  },
  kindNames: {
    unusedFile: "unused file"
  }
};

// src/core/graph/phase.ts
var import_picomatch2 = __toESM(require_picomatch(), 1);
import { statSync as statSync2 } from "node:fs";
import { join as join3, posix as posix10 } from "node:path";

// src/core/graph/graph.ts
import { posix as posix9 } from "node:path";
var FOLDER_READMES = ["README.md", "readme.md", "Readme.md", "README.markdown", "README", "index.md"];
function targetFile(target, index, where) {
  const hash = target.indexOf("#");
  const path = hash < 0 ? target : target.slice(0, hash);
  const kind = index.stat(path);
  if (kind === "file") return path;
  const published = where.site !== "github";
  if (kind === "dir" && !published) {
    const dir = path === "" ? "" : `${path}/`;
    return FOLDER_READMES.map((n) => `${dir}${n}`).find((p) => index.stat(p) === "file");
  }
  if (!published) return void 0;
  for (const base of where.siteRoot && !path.startsWith(`${where.siteRoot}/`) ? [path, posix9.join(where.siteRoot, path)] : [path]) {
    if (base !== path && index.stat(base) === "file") return base;
    const hit = siteCandidates(base, where.site).find((p) => index.stat(p) === "file");
    if (hit !== void 0) return hit;
  }
  return void 0;
}
var ArchiveGraph = class {
  /**
   * `files`: every file of the archive; `targetsOf`: a page's local link targets (undefined: it could not be read,
   * and links nowhere).
   */
  constructor(files, targetsOf2, index, where) {
    this.files = files;
    this.pages = files.filter(isMarkdownPath).sort();
    for (const page of this.pages) {
      const to = /* @__PURE__ */ new Set();
      for (const target of targetsOf2(page) ?? []) {
        const file = targetFile(target, index, where);
        if (file !== void 0 && file !== page) to.add(file);
      }
      const list = [...to].sort();
      this.outgoing.set(page, list);
      for (const file of list) {
        const from = this.incoming.get(file);
        if (from) from.push(page);
        else this.incoming.set(file, [page]);
      }
    }
  }
  files;
  /** Every Markdown page of the archive, sorted. */
  pages;
  outgoing = /* @__PURE__ */ new Map();
  incoming = /* @__PURE__ */ new Map();
  /** The files a page links to or shows (sorted). */
  linksFrom(page) {
    return this.outgoing.get(page) ?? [];
  }
  /** The pages that link to or show a file (sorted, itself excluded). */
  linksTo(file) {
    return this.incoming.get(file) ?? [];
  }
  /** Every page reachable from the entry points by following links (the entry points included). */
  reachable(entries) {
    const seen = /* @__PURE__ */ new Set();
    const queue = [];
    for (const e of entries) {
      if (!seen.has(e)) {
        seen.add(e);
        queue.push(e);
      }
    }
    for (let k = 0; k < queue.length; k++) {
      for (const next of this.linksFrom(queue[k])) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    return seen;
  }
  /**
   * For each page of `region` (pages no entry point reaches): how many pages of the region a link to it would
   * bring back, itself included. Pages of one strongly connected component reach the same pages, so the count is
   * taken once a component (Tarjan's algorithm, without recursion), over the components' graph.
   */
  bringsBack(region) {
    const nodes = [...region].sort();
    const id = new Map(nodes.map((n2, i) => [n2, i]));
    const succ = nodes.map((n2) => this.linksFrom(n2).flatMap((t) => id.has(t) ? [id.get(t)] : []));
    const n = nodes.length;
    const indexOf = new Int32Array(n).fill(-1);
    const low = new Int32Array(n);
    const onStack = new Uint8Array(n);
    const comp = new Int32Array(n).fill(-1);
    const stack = [];
    let counter = 0;
    let comps = 0;
    for (let s = 0; s < n; s++) {
      if (indexOf[s] !== -1) continue;
      const work = [[s, 0]];
      indexOf[s] = low[s] = counter++;
      stack.push(s);
      onStack[s] = 1;
      while (work.length) {
        const top = work[work.length - 1];
        const [v, k] = top;
        const edges = succ[v];
        if (k < edges.length) {
          top[1]++;
          const w = edges[k];
          if (indexOf[w] === -1) {
            indexOf[w] = low[w] = counter++;
            stack.push(w);
            onStack[w] = 1;
            work.push([w, 0]);
          } else if (onStack[w]) {
            low[v] = Math.min(low[v], indexOf[w]);
          }
          continue;
        }
        work.pop();
        const parent = work[work.length - 1];
        if (parent) low[parent[0]] = Math.min(low[parent[0]], low[v]);
        if (low[v] === indexOf[v]) {
          for (; ; ) {
            const w = stack.pop();
            onStack[w] = 0;
            comp[w] = comps;
            if (w === v) break;
          }
          comps++;
        }
      }
    }
    const size = new Int32Array(comps);
    const compSucc = Array.from({ length: comps }, () => /* @__PURE__ */ new Set());
    for (let v = 0; v < n; v++) {
      const c = comp[v];
      size[c] = size[c] + 1;
      for (const w of succ[v]) if (comp[w] !== c) compSucc[c].add(comp[w]);
    }
    const reach = new Int32Array(comps);
    const mark = new Int32Array(comps).fill(-1);
    for (let c = 0; c < comps; c++) {
      let total = 0;
      const queue = [c];
      mark[c] = c;
      for (let k = 0; k < queue.length; k++) {
        const x = queue[k];
        total += size[x];
        for (const y of compSucc[x]) {
          if (mark[y] !== c) {
            mark[y] = c;
            queue.push(y);
          }
        }
      }
      reach[c] = total;
    }
    return new Map(nodes.map((node, v) => [node, reach[comp[v]]]));
  }
};

// src/core/graph/phase.ts
var TOP = 10;
function ruleOn(config, id) {
  if ((config.rulesFor("")[id]?.severity ?? 0) > 0) return true;
  return (config.source.config.overrides ?? []).some((o) => o.rules?.[id] !== void 0 && o.rules[id] !== "off" && o.rules[id] !== 0);
}
function graphPhase(o) {
  const { config, root } = o;
  const archiveRules = o.rules.filter((r) => r.archive && ruleOn(config, r.meta.id));
  if (!archiveRules.length && !o.summary) return void 0;
  const where = { site: config.site, siteRoot: config.siteRoot };
  const graph = new ArchiveGraph(o.files, o.targetsOf, o.index, where);
  const entryPoints = config.siteEntryPoints ?? siteEntryPoints(root, where);
  const isEntry = (0, import_picomatch2.default)([...entryPoints], { dot: true });
  const jekyllHidden = (p) => config.site === "jekyll" && /(?:^|\/)_/.test(p.slice(config.siteRoot ? config.siteRoot.length + 1 : 0)) && !isEntry(p);
  const inSite = (p) => config.site === "github" || !outsideSite(p, config.siteRoot) && !jekyllHidden(p);
  const ctx = {
    graph,
    site: config.site,
    siteRoot: config.siteRoot,
    entryPoints,
    inSite,
    size: (p) => {
      try {
        return statSync2(join3(root, p)).size;
      } catch {
        return void 0;
      }
    }
  };
  const problems = [];
  for (const rule of archiveRules) problems.push(...rule.archive(ctx, config.rulesFor("")[rule.meta.id]?.options ?? {}));
  const messages = /* @__PURE__ */ new Map();
  const kept = [];
  for (const p of problems) {
    if (!o.inScope(p.path)) continue;
    const severity2 = config.rulesFor(p.path)[p.ruleId]?.severity ?? 0;
    if (severity2 === 0) continue;
    kept.push(p);
    const m = { ruleId: p.ruleId, severity: severity2, message: p.message, line: 1, column: 1, endLine: 1, endColumn: 1, messageId: p.messageId };
    const list = messages.get(p.path);
    if (list) list.push(m);
    else messages.set(p.path, [m]);
  }
  return { graph, messages, summary: summarizeGraph(graph, ctx, kept) };
}
function summarizeGraph(graph, ctx, found) {
  const pages = graph.pages.filter(ctx.inSite);
  const isEntry = (0, import_picomatch2.default)([...ctx.entryPoints], { dot: true });
  const entries = pages.filter((p) => isEntry(p));
  const reach = graph.reachable(entries);
  const perFolder = /* @__PURE__ */ new Map();
  for (const p of pages) {
    const folder = posix10.dirname(p) === "." ? "" : posix10.dirname(p);
    const row = perFolder.get(folder) ?? { pages: 0, of: 0 };
    row.of++;
    if (entries.length && !reach.has(p)) row.pages++;
    perFolder.set(folder, row);
  }
  const unreachableFolders = [...perFolder].filter(([, v]) => v.pages > 0).map(([folder, v]) => ({ folder: folder === "" ? "." : folder, ...v })).sort((a, b) => b.pages - a.pages || (a.folder < b.folder ? -1 : 1)).slice(0, TOP);
  const unused = { files: 0, bytes: 0, byKind: {} };
  let noIncoming = 0;
  let unreachable = 0;
  for (const p of found) {
    if (p.messageId === "noIncoming") noIncoming++;
    else if (p.messageId === "unreachable") unreachable++;
    else if (p.messageId === "unusedFile") {
      const bytes = p.data?.bytes ?? 0;
      const kind = p.data?.kind ?? "other";
      unused.files++;
      unused.bytes += bytes;
      const row = unused.byKind[kind] ??= { files: 0, bytes: 0 };
      row.files++;
      row.bytes += bytes;
    }
  }
  const mostLinked = graph.files.map((path) => ({ path, pages: graph.linksTo(path).length })).filter((x) => x.pages > 0).sort((a, b) => b.pages - a.pages || (a.path < b.path ? -1 : 1)).slice(0, TOP);
  return { pages: pages.length, entryPoints: entries.length, reachable: pages.filter((p) => reach.has(p)).length, noIncoming, unreachable, unreachableFolders, unused, mostLinked };
}
function bytesText(n) {
  if (n < 1024) return `${n} byte${n === 1 ? "" : "s"}`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1048576).toFixed(1)} MiB`;
  return `${(n / 1073741824).toFixed(2)} GiB`;
}

// rules/no-unused-files/index.ts
var KIND_OF = new Map(Object.entries(KINDS2).flatMap(([kind, exts]) => exts.map((e) => [e, kind])));
function kindOf(path) {
  return KIND_OF.get(posix11.extname(path).slice(1).toLowerCase()) ?? "other";
}
function archive2(ctx, options = {}) {
  const kinds = new Set(options.kinds ?? Object.keys(KINDS2));
  const ignored = options.ignore?.length ? (0, import_picomatch3.default)(options.ignore, { dot: true }) : () => false;
  const out = [];
  for (const path of ctx.graph.files) {
    if (isMarkdownPath(path) || !ctx.inSite(path) || ctx.graph.linksTo(path).length > 0) continue;
    const kind = kindOf(path);
    if (!kinds.has(kind) || ignored(path)) continue;
    const bytes = ctx.size(path);
    if (bytes === void 0) continue;
    out.push({ path, ruleId: meta8.id, messageId: "unusedFile", message: format(meta8.messages.unusedFile, { kind, size: bytesText(bytes) }), data: { kind, bytes } });
  }
  return out;
}
var plugin8 = lintRule({ origin: `archive-lint:${meta8.id}`, url: docsUrl(meta8.id) }, () => {
});
var no_unused_files_default = plugin8;

// rules/index.ts
var rules = [
  no_broken_links_exports,
  no_missing_images_exports,
  valid_dates_exports,
  no_raw_html_exports,
  no_dead_urls_exports,
  no_conflict_markers_exports,
  no_orphans_exports,
  no_unused_files_exports
];
var ruleById = new Map(rules.map((r) => [r.meta.id, r]));
var ruleIds = rules.map((r) => r.meta.id);

export {
  resolveTarget,
  movedUrl,
  strippedPadding,
  isMarkdownPath,
  ArchiveIndex,
  FsIndex,
  jekyllUrls,
  targetFile,
  graphPhase,
  bytesText,
  rules,
  ruleById,
  ruleIds
};
