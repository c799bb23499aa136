import { createRequire as __archiveLintRequire } from 'node:module'; const require = __archiveLintRequire(import.meta.url);
import {
  outcomeMessages,
  packMessages,
  packedJson,
  processInPool,
  resultOf
} from "./chunk-PQ67PKSF.js";
import {
  ArchiveIndex,
  FsIndex,
  bytesText,
  graphPhase,
  isMarkdownPath,
  jekyllUrls,
  movedUrl,
  resolveTarget,
  rules,
  strippedPadding,
  targetFile
} from "./chunk-R42I4MZX.js";
import {
  AtomicFile,
  ConfigError,
  FileCache,
  IoError,
  LIMITS,
  blobUrl,
  capMessages,
  checkTarget,
  closestName,
  compareMessages,
  decodeHTML,
  defaultCacheLocation,
  docsUrl,
  effectiveSeverity,
  emptyOutcome,
  encodePath,
  ensureGitignore,
  errorsOnly,
  extract,
  gitBranch,
  gitRemoteRepo,
  gitTopLevel,
  hashBytes,
  inCi,
  isSuppressed,
  jobSize,
  lineStarts,
  loadConfig,
  machineSecret,
  makeFolder,
  makeResult,
  notCheckedText,
  notCheckedTotal,
  parseMarkdown,
  parseRepoSlug,
  pointAt,
  processFile,
  processJob,
  processSource,
  readBounded,
  readBoundedIfAny,
  readSource,
  removeTemporaries,
  require_picomatch,
  runGit,
  secretFile,
  severityFor,
  severityOf,
  siteCandidates,
  toMessage,
  totals,
  trackedByGit,
  tryGit,
  visible,
  visibleLineStart,
  writeFileAtomic
} from "./chunk-65TIUOV4.js";
import {
  parseArchiveLink
} from "./chunk-CSS5HF6E.js";
import {
  URL_STATUSES
} from "./chunk-44LDCLWA.js";
import {
  REPOSITORY_URL
} from "./chunk-KLEVW7FW.js";
import {
  __commonJS,
  __toESM
} from "./chunk-Y3J7GJDS.js";

// node_modules/ignore/index.js
var require_ignore = __commonJS({
  "node_modules/ignore/index.js"(exports, module) {
    function makeArray(subject) {
      return Array.isArray(subject) ? subject : [subject];
    }
    var UNDEFINED = void 0;
    var EMPTY = "";
    var SPACE = " ";
    var ESCAPE = "\\";
    var REGEX_LITERAL_SPECIAL = /[.*+?()[\]{}^$|\\/]/;
    var BOM = "\uFEFF";
    var REGEX_ANCHORED_GLOBSTAR = /^\/\*{2,}$/;
    var REGEX_REPLACE_LEADING_EXCAPED_EXCLAMATION = /^\\!/;
    var REGEX_REPLACE_LEADING_EXCAPED_HASH = /^\\#/;
    var REGEX_SPLITALL_CRLF = /\r?\n/g;
    var DOUBLE_SLASH = "//";
    var SLASH_CODE = 47;
    var DOT_CODE = 46;
    var SLASH = "/";
    var TMP_KEY_IGNORE = "node-ignore";
    if (typeof Symbol !== "undefined") {
      TMP_KEY_IGNORE = /* @__PURE__ */ Symbol.for("node-ignore");
    }
    var KEY_IGNORE = TMP_KEY_IGNORE;
    var define = (object, key, value) => {
      Object.defineProperty(object, key, { value });
      return value;
    };
    var RETURN_FALSE = () => false;
    var POSIX_CLASSES = {
      alnum: "0-9A-Za-z",
      alpha: "A-Za-z",
      blank: " \\t",
      cntrl: "\\x00-\\x1f\\x7f",
      digit: "0-9",
      graph: "!-.0-~",
      lower: "a-z",
      print: " -.0-~",
      punct: "!-.:-@\\[-`{-~",
      // git's `sane-ctype.h` classifies \v and \f as control, not space,
      //   unlike C's `isspace`
      space: " \\t\\n\\r",
      upper: "A-Z",
      xdigit: "0-9A-Fa-f"
    };
    var CLASS_MEMBERS_TO_ESCAPE = "\\]^-[";
    var escapeMember = (char) => CLASS_MEMBERS_TO_ESCAPE.indexOf(char) < 0 ? char : ESCAPE + char;
    var NON_SLASH = "(?!\\/)";
    var classSource = (negated, body) => {
      if (negated) {
        return `[^\\/${body}]`;
      }
      const source = `[${body}]`;
      return new RegExp(source).test("/") ? NON_SLASH + source : source;
    };
    var scanBracket = (pattern, start) => {
      const { length } = pattern;
      let index = start + 1;
      let negated = EMPTY;
      const lead = pattern[index];
      if (lead === "!" || lead === "^") {
        negated = "^";
        index++;
      }
      let body = EMPTY;
      let prev = EMPTY;
      for (; ; ) {
        const char = pattern[index];
        if (char === UNDEFINED) {
          return null;
        }
        if (char === ESCAPE) {
          const escaped = pattern[++index];
          body += escapeMember(escaped);
          prev = escaped;
        } else if (char === "-" && prev && index + 1 < length && pattern[index + 1] !== "]") {
          index++;
          let to = pattern[index];
          if (to === ESCAPE) {
            to = pattern[index += 1];
          }
          if (prev <= to) {
            body += `-${escapeMember(to)}`;
          }
          prev = EMPTY;
        } else if (char === "[" && pattern[index + 1] === ":") {
          const nameStart = index + 2;
          let end = nameStart;
          while (end < length && pattern[end] !== "]") {
            end++;
          }
          if (end === length) {
            return null;
          }
          if (end > nameStart && pattern[end - 1] === ":") {
            const name = pattern.slice(nameStart, end - 1);
            if (!Object.prototype.hasOwnProperty.call(POSIX_CLASSES, name)) {
              return null;
            }
            body += POSIX_CLASSES[name];
            prev = EMPTY;
            index = end;
          } else {
            body += escapeMember("[");
            prev = "[";
            index = nameStart - 2;
          }
        } else {
          body += escapeMember(char);
          prev = char;
        }
        index++;
        if (pattern[index] === "]") {
          return {
            end: index,
            source: classSource(negated, body)
          };
        }
      }
    };
    var NEVER_MATCH = "[]";
    var PLACEHOLDER = "\0";
    var REGEX_RESTORE_PLACEHOLDER = new RegExp(
      `${PLACEHOLDER}(\\d+)${PLACEHOLDER}`,
      "g"
    );
    var TRAILING_WILDCARD = "";
    var TRAILING_DOUBLESTAR = "";
    var isReserved = (char) => char === PLACEHOLDER || char === TRAILING_WILDCARD || char === TRAILING_DOUBLESTAR;
    var extractBrackets = (pattern) => {
      const sources = [];
      const hold = (source) => `${PLACEHOLDER}${sources.push(source) - 1}${PLACEHOLDER}`;
      const { length } = pattern;
      let out = EMPTY;
      let index = 0;
      while (index < length) {
        const char = pattern[index];
        if (char === ESCAPE) {
          const escaped = pattern[index + 1];
          if (escaped === SLASH && index + 2 === length) {
            out += hold(NEVER_MATCH);
          } else if (escaped === "*" || escaped === "[" || escaped === SPACE) {
            out += pattern.slice(index, index + 2);
          } else {
            out += hold(
              REGEX_LITERAL_SPECIAL.test(escaped) ? ESCAPE + escaped : isReserved(escaped) ? `[${escaped}]` : escaped
            );
          }
          index += 2;
        } else if (isReserved(char)) {
          out += hold(`[${char}]`);
          index++;
        } else if (char === "[") {
          const scanned = scanBracket(pattern, index);
          if (scanned === null) {
            out += hold(NEVER_MATCH);
            index = length;
          } else {
            out += hold(scanned.source);
            index = scanned.end + 1;
          }
        } else {
          out += char;
          index++;
        }
      }
      return {
        source: out,
        sources
      };
    };
    var DIRECT = null;
    var REGEX_INNER_SLASH = /\/(?!$)/;
    var WILDCARD = "[^\\/]*";
    var REPLACERS = [
      // Replace (\ ) with ' '
      // Only a space: an escaped tab or other whitespace is already a literal by
      //   the time it reaches here, and a bare tab must be left as one, not turned
      //   into a space.
      // (\ ) -> ' '
      // (\\ ) -> '\\ '
      // (\\\ ) -> '\\ '
      [
        // A run of backslashes is taken whole, from its first one, so no match
        //   ever starts again inside it -- `(\\+?) ` did, which made a long run
        //   quadratic.
        /(\\+)( ?)/g,
        (_, run, space) => space ? run.slice(0, run.length - run.length % 2) + SPACE : run,
        ESCAPE + SPACE
      ],
      // git's wildmatch() reads a run of two or more asterisks as one globstar
      //   whenever the run fills a path segment: it starts the pattern or follows
      //   a `/`, and it ends the pattern or comes before a `/`. A run of two is
      //   already `**`; a longer one is folded into `**` here, so the steps
      //   below only ever have to know `**`.
      // `***/foo` -> `**/foo`, `a/***/b` -> `a/**/b`, `a/***` -> `a/**`
      // git also takes a run beside a literal prefix (`a***/b`) or beside an
      //   escaped slash (`***\/b`) as a globstar, and this does not; the README
      //   lists both, under "A run of asterisks".
      [
        /(^|\/)\*{3,}(?=\/|$)/g,
        (_, start) => `${start}**`,
        "*"
      ],
      // Escape metacharacters
      // which is written down by users but means special for regular expressions.
      // > There are 12 characters with special meanings:
      // > - the backslash \,
      // > - the caret ^,
      // > - the dollar sign $,
      // > - the period or dot .,
      // > - the vertical bar or pipe symbol |,
      // > - the question mark ?,
      // > - the asterisk or star *,
      // > - the plus sign +,
      // > - the opening parenthesis (,
      // > - the closing parenthesis ),
      // > - and the opening square bracket [,
      // > - the opening curly brace {,
      // > These special characters are often called "metacharacters".
      [
        /[\\$.|*+(){^]/g,
        (match) => `\\${match}`
      ],
      [
        // > a question mark (?) matches a single character
        /(?!\\)\?/g,
        () => "[^/]",
        "?"
      ],
      // leading slash
      [
        // > A leading slash matches the beginning of the pathname.
        // > For example, "/*.c" matches "cat-file.c" but not "mozilla-sha1/sha1.c".
        // A leading slash matches the beginning of the pathname
        /^\//,
        () => "^",
        SLASH
      ],
      // replace special metacharacter slash after the leading slash
      [
        /\//g,
        () => "\\/",
        SLASH
      ],
      [
        // > A leading "**" followed by a slash means match in all directories.
        // > For example, "**/foo" matches file or directory "foo" anywhere,
        // > the same as pattern "foo".
        // > "**/foo/bar" matches file or directory "bar" anywhere that is directly
        // >   under directory "foo".
        // Notice that the '*'s have been replaced as '\\*'
        /^\^*(?:\\\*\\\*\\\/)+/,
        // '**/foo' <-> 'foo'
        () => "(?:^|\\/)",
        "*"
      ],
      // starting
      [
        // there will be no leading '/'
        //   (which has been replaced by section "leading slash")
        // If starts with '**', adding a '^' to the regular expression also works
        DIRECT,
        (source, pattern) => {
          if (!source || source[0] === "^" || source[0] === "(") {
            return source;
          }
          const anchor = !REGEX_INNER_SLASH.test(pattern) ? "(?:^|\\/)" : "^";
          return anchor + source;
        }
      ],
      // two globstars
      [
        // Use lookahead assertions so that we could match more than one `'/**'`
        /\\\/\\\*\\\*(?=\\\/|$)/g,
        // Zero, one or several directories
        // should not use '*', or it will be replaced by the next replacer
        // Check if it is not the last `'/**'`
        (_, index, str) => index + 6 < str.length ? str.slice(index + 6) === "\\/" ? "(?:\\/[^\\/]+)+" : "(?:\\/[^\\/]+)*" : `\\/${TRAILING_DOUBLESTAR}`,
        "*"
      ],
      // normal intermediate wildcards
      [
        // Never replace escaped '*'
        // ignore rule '\*' will match the path '*'
        // 'abc.*/' -> go
        // 'abc.*'  -> skip this rule,
        //    coz trailing single wildcard will be handed by [trailing wildcard]
        /(^|[^\\])(?:\\\*)+(?!$)/g,
        // '*.js' matches '.js'
        // '*.js' doesn't match 'abc'
        // 1. An asterisk "*" matches anything except a slash.
        // 2. Other consecutive asterisks are considered regular asterisks
        //    and collapse into one non-slash wildcard run.
        (_, p1) => p1 + WILDCARD,
        "*"
      ],
      // trailing wildcard, held apart from a literal star
      [
        // The step above leaves a trailing `*` alone, so a single `\*` is all that
        //   can be left at the end here, and what stands in front of it says which
        //   kind it is. A wildcard arrives as the escaper wrote it, `\*` with
        //   nothing before it; a literal arrives as the user's own escape, which
        //   the escaper doubled, and then the star's own -- `\\` and then `\*`.
        //   There is no third case: every backslash still reaching the chain is
        //   one `\*`, `\[` or `\ ` carries itself, and each is followed by its
        //   own character, so a longer run can never form. This runs while the
        //   two are still distinct, before the unescape steps below collapse the
        //   literal onto the very `\*` a wildcard leaves behind.
        /(^|[^\\])((?:\\\\)*)\\\*$/,
        (match, p1, p2) => p2 === EMPTY ? p1 + TRAILING_WILDCARD : match,
        "*"
      ],
      [
        // unescape, revert step 3 except for back slash
        // For example, if a user escape a '\\*',
        // after step 3, the result will be '\\\\\\*'
        /\\\\\\(?=[$.|*+(){^])/g,
        () => ESCAPE,
        ESCAPE + ESCAPE
      ],
      [
        // '\\\\' -> '\\'
        /\\\\/g,
        () => ESCAPE,
        ESCAPE + ESCAPE
      ],
      [
        // Every real bracket expression -- POSIX classes included -- has already
        //   been held aside by `extractBrackets`, so the only `[` left in the
        //   pattern is an escaped, literal one.
        // A backslash could only stand at the end of the range if it quoted the
        //   `]`, and `\]` is held aside long before this.
        /\\\[([^\]/]*?)($|\])/g,
        // '\\[bar]' -> '\\\\[bar]'
        (match, range, close) => `\\[${range}${close}`,
        "["
      ],
      // ending
      [
        // 'js' will not match 'js.'
        // 'ab' will not match 'abc'
        DIRECT,
        // WTF!
        // https://git-scm.com/docs/gitignore
        // changes in [2.22.1](https://git-scm.com/docs/gitignore/2.22.1)
        // which re-fixes #24, #38
        // > If there is a separator at the end of the pattern then the pattern
        // > will only match directories, otherwise the pattern can match both
        // > files and directories.
        // 'js*' will not match 'a.js'
        // 'js/' will not match 'a.js'
        // 'js' will match 'a.js' and 'a.js/'
        (source) => {
          const last = source[source.length - 1];
          if (!last || last === TRAILING_WILDCARD || last === TRAILING_DOUBLESTAR) {
            return source;
          }
          return last === SLASH ? `${source}$` : `${source}(?=$|\\/$)`;
        }
      ]
    ];
    var REGEX_REPLACE_TRAILING_WILDCARD = /(^|\\\/)?\uE000$/;
    var MODE_IGNORE = "regex";
    var MODE_CHECK_IGNORE = "checkRegex";
    var UNDERSCORE = "_";
    var replaceTrailingWildcard = (_, p1) => {
      const prefix = p1 ? `${p1}[^/]+` : "[^/]*";
      return `${prefix}(?=$|\\/$)`;
    };
    var REGEX_REPLACE_TRAILING_DOUBLESTAR = /\uE001$/;
    var replaceTrailingDoublestar = () => "[\\s\\S]";
    var separatorAfter = (run, at) => {
      let separator = EMPTY;
      for (let index = at + 1; index < run.length && !run[index].wildcard; index++) {
        separator += run[index].single;
      }
      return separator;
    };
    var pinWildcards = (source) => {
      if (source.indexOf(WILDCARD) < 0) {
        return source;
      }
      const tokens = [];
      const { length } = source;
      let index = 0;
      while (index < length) {
        const char = source[index];
        if (source.startsWith(WILDCARD, index)) {
          tokens.push({ wildcard: true });
          index += WILDCARD.length;
        } else if (char === "[") {
          let end = index + 1;
          if (source[end] === "^") {
            end++;
          }
          if (source[end] === "]") {
            end++;
          }
          while (end < length && source[end] !== "]") {
            end += source[end] === ESCAPE ? 2 : 1;
          }
          end++;
          tokens.push({ single: source.slice(index, end) });
          index = end;
        } else if (char === ESCAPE) {
          tokens.push({ single: source.slice(index, index + 2) });
          index += 2;
        } else if (char === "(") {
          let depth = 0;
          let end = index;
          do {
            if (source[end] === ESCAPE) {
              end++;
            } else if (source[end] === "(") {
              depth++;
            } else if (source[end] === ")") {
              depth--;
            }
            end++;
          } while (end < length && depth > 0);
          if ("*+?".indexOf(source[end]) >= 0) {
            end++;
          }
          tokens.push({ boundary: source.slice(index, end) });
          index = end;
        } else if (char === "^" || char === "$") {
          tokens.push({ boundary: char });
          index++;
        } else {
          tokens.push({ single: char });
          index++;
        }
      }
      let out = EMPTY;
      let run = [];
      const flush = () => {
        let lastWildcard;
        run.forEach((token, at) => {
          if (token.wildcard) {
            lastWildcard = at;
          }
        });
        run.forEach((token, at) => {
          if (!token.wildcard) {
            out += token.single;
            return;
          }
          out += at === lastWildcard ? WILDCARD : `(?:(?!${separatorAfter(run, at)})[^\\/])*`;
        });
        run = [];
      };
      tokens.forEach((token) => {
        if (token.boundary === void 0) {
          run.push(token);
          return;
        }
        flush();
        out += token.boundary;
      });
      flush();
      return out;
    };
    var makeRegexPrefix = (pattern) => {
      if (REGEX_ANCHORED_GLOBSTAR.test(pattern)) {
        pattern = "**";
      }
      const { source, sources } = extractBrackets(pattern);
      const replaced = REPLACERS.reduce(
        // A pass whose matcher finds nothing hands back the very string it was
        //   given, so asking first costs a search and saves a rewrite. Ten of the
        //   fifteen passes never fire for a typical .gitignore line, and between
        //   them they were 45% of this chain.
        (prev, [matcher2, replacer, required]) => {
          if (matcher2 === DIRECT) {
            return replacer(prev, pattern);
          }
          if (required !== UNDEFINED && prev.indexOf(required) < 0) {
            return prev;
          }
          return matcher2.test(prev) ? prev.replace(matcher2, replacer.bind(pattern)) : prev;
        },
        source
      );
      return sources.length ? replaced.replace(
        REGEX_RESTORE_PLACEHOLDER,
        (match, index) => sources[index]
      ) : replaced;
    };
    var checkSourceOf = (body, prefix) => {
      if (body[body.length - 1] === SLASH) {
        prefix = makeRegexPrefix(body.slice(0, -1));
      }
      const head = prefix.slice(0, -1);
      const last = prefix[prefix.length - 1];
      return last === TRAILING_WILDCARD ? `${head}$` : last === TRAILING_DOUBLESTAR ? head : NEVER_MATCH;
    };
    var matchesBasename = (body) => {
      const index = body.indexOf(SLASH);
      return index < 0 || index === body.length - 1;
    };
    var basenameOf = (path) => {
      const end = path.length - 1;
      const index = path.lastIndexOf(
        SLASH,
        path[end] === SLASH ? end - 1 : end
      );
      return index < 0 ? path : path.slice(index + 1);
    };
    var parentOf = (path) => {
      if (path.charCodeAt(0) === SLASH_CODE || path.indexOf(DOUBLE_SLASH) >= 0) {
        const slices = path.split(SLASH).filter(Boolean);
        slices.pop();
        return slices.length ? slices.join(SLASH) + SLASH : EMPTY;
      }
      const end = path.length - 1;
      const cut2 = path.lastIndexOf(
        SLASH,
        path.charCodeAt(end) === SLASH_CODE ? end - 1 : end
      );
      return cut2 < 0 ? EMPTY : path.slice(0, cut2 + 1);
    };
    var isString = (subject) => typeof subject === "string";
    var checkPattern = (pattern) => pattern && isString(pattern);
    var splitPattern = (pattern) => (pattern[pattern.length - 1] === "\r" ? pattern.slice(0, -1) : pattern).split(REGEX_SPLITALL_CRLF).filter(Boolean);
    var IgnoreRule = class {
      constructor(pattern, mark, body, ignoreCase, negative, prefix) {
        this.pattern = pattern;
        this.mark = mark;
        this.negative = negative;
        define(this, "body", body);
        define(this, "ignoreCase", ignoreCase);
        define(this, "regexPrefix", prefix);
      }
      // Worked out on first use and kept behind an own property, the way `regex`
      //   caches itself in `_regex`. Deciding it in the constructor instead would
      //   add a fourth `defineProperty` to every rule ever built, which cost 4% of
      //   every compile -- including the compiles of rules that are never matched
      //   against anything.
      get _basenameOnly() {
        return define(this, "_basenameOnly", matchesBasename(this.body));
      }
      get regex() {
        const key = UNDERSCORE + MODE_IGNORE;
        if (this[key]) {
          return this[key];
        }
        return this._make(MODE_IGNORE, key);
      }
      get checkRegex() {
        const key = UNDERSCORE + MODE_CHECK_IGNORE;
        if (this[key]) {
          return this[key];
        }
        return this._make(MODE_CHECK_IGNORE, key);
      }
      _make(mode, key) {
        const str = pinWildcards(
          mode === MODE_IGNORE ? this.regexPrefix.replace(REGEX_REPLACE_TRAILING_WILDCARD, replaceTrailingWildcard).replace(REGEX_REPLACE_TRAILING_DOUBLESTAR, replaceTrailingDoublestar) : checkSourceOf(this.body, this.regexPrefix)
        );
        const regex = this.ignoreCase ? new RegExp(str, "i") : new RegExp(str);
        return define(this, key, regex);
      }
    };
    var hasTrailingBackslash = (str) => {
      let count2 = 0;
      while (str[str.length - count2 - 1] === ESCAPE) {
        count2++;
      }
      return count2 % 2 === 1;
    };
    var trimEnd = (body, stripLineEnd) => {
      let lineEnd = body.length;
      let end;
      for (; ; ) {
        if (stripLineEnd && body[lineEnd - 1] === "\r") {
          lineEnd--;
        }
        end = lineEnd;
        while (body[end - 1] === SPACE) {
          end--;
        }
        if (!stripLineEnd || body[end - 1] !== "\n") {
          break;
        }
        lineEnd = end - 1;
      }
      if (end === lineEnd) {
        return body.slice(0, lineEnd);
      }
      let backslashes = 0;
      while (body[end - backslashes - 1] === ESCAPE) {
        backslashes++;
      }
      return backslashes % 2 ? body.slice(0, end - 1) + SPACE : body.slice(0, end);
    };
    var createRule = (pattern, mark, ignoreCase, stripLineEnd, stripBOM) => {
      let body = stripBOM && pattern[0] === BOM ? pattern.slice(1) : pattern;
      if (body[0] === "#") {
        return;
      }
      let negative = false;
      if (body[0] === "!") {
        negative = true;
        body = body.slice(1);
      }
      const last = body[body.length - 1];
      if (last === SPACE || stripLineEnd && (last === "\r" || last === "\n")) {
        body = trimEnd(body, stripLineEnd);
      }
      if (!body || hasTrailingBackslash(body)) {
        return;
      }
      body = body.replace(REGEX_REPLACE_LEADING_EXCAPED_EXCLAMATION, "!").replace(REGEX_REPLACE_LEADING_EXCAPED_HASH, "#");
      const regexPrefix = makeRegexPrefix(body);
      return new IgnoreRule(
        pattern,
        mark,
        body,
        ignoreCase,
        negative,
        regexPrefix
      );
    };
    var RuleManager = class {
      constructor(ignoreCase) {
        this._ignoreCase = ignoreCase;
        this._rules = [];
        this._basenameCount = 0;
      }
      _add(pattern, index) {
        if (pattern && pattern[KEY_IGNORE]) {
          this._rules = this._rules.concat(pattern._rules._rules);
          this._basenameCount += pattern._rules._basenameCount;
          this._added = true;
          return;
        }
        const isStr = isString(pattern);
        const raw = isStr ? pattern : pattern.pattern;
        const rule = checkPattern(raw) && createRule(
          raw,
          isStr ? UNDEFINED : pattern.mark,
          this._ignoreCase,
          !this._split,
          this._stripBOM && !index
        );
        if (rule) {
          this._added = true;
          this._rules.push(rule);
          if (matchesBasename(rule.body)) {
            this._basenameCount++;
          }
        }
      }
      // @param {Array<string> | string | Ignore} pattern
      add(pattern) {
        this._added = false;
        this._split = isString(pattern);
        this._stripBOM = !this._split || pattern[0] === BOM;
        makeArray(
          this._split ? splitPattern(pattern) : pattern
        ).forEach(this._add, this);
        if (this._added) {
          this._literalRules = UNDEFINED;
        }
        return this._added;
      }
      // Match the literal 'abc/' for `checkIgnore`, last rule wins. Only a rule
      //   ending in a wildcard can match it (see `checkSourceOf`), so the rest
      //   are left out once, rather than tested or compiled for every path.
      testLiteral(path) {
        const rules2 = this._literalRules || (this._literalRules = this._rules.filter(
          ({ body }) => body[body.length - (body[body.length - 1] === SLASH ? 2 : 1)] === "*"
        ));
        let ignored = false;
        let unignored = false;
        let matchedRule;
        for (let index = rules2.length - 1; index >= 0; index--) {
          const rule = rules2[index];
          if (rule.checkRegex.test(path)) {
            ignored = !rule.negative;
            unignored = rule.negative;
            matchedRule = rule.negative ? UNDEFINED : rule;
            break;
          }
        }
        const ret = {
          ignored,
          unignored
        };
        if (matchedRule) {
          ret.rule = matchedRule;
        }
        return ret;
      }
      // Test one single path without recursively checking parent directories
      //
      // - mode `string` either `MODE_IGNORE` or `MODE_CHECK_IGNORE`
      // @returns {TestResult}
      test(path, mode) {
        const rules2 = this._rules;
        const { length } = rules2;
        const shortcut = this._basenameCount * 2 >= length;
        const basename2 = shortcut ? basenameOf(path) : path;
        for (let index = length - 1; index >= 0; index--) {
          const rule = rules2[index];
          if (rule[mode].test(
            shortcut && rule._basenameOnly ? basename2 : path
          )) {
            const { negative } = rule;
            const ret = {
              ignored: !negative,
              unignored: negative
            };
            if (!negative) {
              ret.rule = rule;
            }
            return ret;
          }
        }
        return {
          ignored: false,
          unignored: false
        };
      }
    };
    var throwError = (message, Ctor) => {
      throw new Ctor(message);
    };
    var checkPath = (path, originalPath, doThrow) => {
      if (!isString(path)) {
        return doThrow(
          `path must be a string, but got \`${originalPath}\``,
          TypeError
        );
      }
      if (!path) {
        return doThrow(`path must not be empty`, TypeError);
      }
      if (checkPath.isNotRelative(path)) {
        const r = "`path.relative()`d";
        return doThrow(
          `path should be a ${r} string, but got "${originalPath}"`,
          RangeError
        );
      }
      return true;
    };
    var isNotRelative = (path) => {
      const first = path.charCodeAt(0);
      if (first === SLASH_CODE) {
        return true;
      }
      if (first !== DOT_CODE) {
        return false;
      }
      if (path.length === 1) {
        return true;
      }
      const second = path.charCodeAt(1);
      if (second === SLASH_CODE) {
        return true;
      }
      if (second !== DOT_CODE) {
        return false;
      }
      return path.length === 2 || path.charCodeAt(2) === SLASH_CODE;
    };
    checkPath.isNotRelative = isNotRelative;
    checkPath.convert = (p) => p;
    var convertPath = (target) => isString(target) && checkPath.convert(target);
    var Ignore = class {
      constructor({
        ignorecase = true,
        ignoreCase = ignorecase,
        allowRelativePaths = false
      } = {}) {
        define(this, KEY_IGNORE, true);
        this._rules = new RuleManager(ignoreCase);
        this._strictPathCheck = !allowRelativePaths;
        this._initCache();
      }
      _initCache() {
        this._ignoreCache = /* @__PURE__ */ Object.create(null);
        this._testCache = /* @__PURE__ */ Object.create(null);
      }
      add(pattern) {
        if (this._rules.add(pattern)) {
          this._initCache();
        }
        return this;
      }
      // legacy
      addPattern(pattern) {
        return this.add(pattern);
      }
      // @returns {TestResult}
      _test(originalPath, cache, path) {
        checkPath(
          path,
          originalPath,
          this._strictPathCheck ? throwError : RETURN_FALSE
        );
        return path ? this._t(path, cache) : {
          ignored: false,
          unignored: false
        };
      }
      checkIgnore(target) {
        const path = convertPath(target);
        if (!path || path.charCodeAt(path.length - 1) !== SLASH_CODE) {
          return this._test(target, this._testCache, path);
        }
        const dir = this._t(path, this._testCache);
        if (dir.ignored) {
          return dir;
        }
        const literal = this._rules.testLiteral(path);
        return literal.ignored || literal.unignored ? literal : dir;
      }
      _t(path, cache) {
        if (path in cache) {
          return cache[path];
        }
        const parentPath = parentOf(path);
        const parent = parentPath ? this._t(parentPath, cache) : UNDEFINED;
        return cache[path] = parent && parent.ignored ? parent : this._rules.test(path, MODE_IGNORE);
      }
      ignores(path) {
        return this._test(path, this._ignoreCache, convertPath(path)).ignored;
      }
      createFilter() {
        return (path) => !this.ignores(path);
      }
      filter(paths) {
        return makeArray(paths).filter(this.createFilter());
      }
      // @returns {TestResult}
      test(path) {
        return this._test(path, this._testCache, convertPath(path));
      }
    };
    var factory = (options) => new Ignore(options);
    var isPathValid = (path) => checkPath(convertPath(path), path, RETURN_FALSE);
    var setupWindows = () => {
      const makePosix = (str) => /^\\\\\?\\/.test(str) || /["<>|\u0000-\u001F]+/u.test(str) ? str : str.replace(/\\/g, "/");
      checkPath.convert = makePosix;
      const REGEX_TEST_WINDOWS_PATH_ABSOLUTE = /^[a-z]:\//i;
      checkPath.isNotRelative = (path) => REGEX_TEST_WINDOWS_PATH_ABSOLUTE.test(path) || isNotRelative(path);
    };
    if (
      // Detect `process` so that it can run in browsers.
      typeof process !== "undefined" && process.platform === "win32"
    ) {
      setupWindows();
    }
    module.exports = factory;
    factory.default = factory;
    module.exports.isPathValid = isPathValid;
    define(module.exports, /* @__PURE__ */ Symbol.for("setupWindows"), setupWindows);
  }
});

// node_modules/picocolors/picocolors.js
var require_picocolors = __commonJS({
  "node_modules/picocolors/picocolors.js"(exports, module) {
    var p = process || {};
    var argv = p.argv || [];
    var env = p.env || {};
    var isColorSupported = !(!!env.NO_COLOR || argv.includes("--no-color")) && (!!env.FORCE_COLOR || argv.includes("--color") || p.platform === "win32" || (p.stdout || {}).isTTY && env.TERM !== "dumb" || !!env.CI);
    var formatter = (open, close, replace = open) => (input2) => {
      let string = "" + input2, index = string.indexOf(close, open.length);
      return ~index ? open + replaceClose(string, close, replace, index) + close : open + string + close;
    };
    var replaceClose = (string, close, replace, index) => {
      let result = "", cursor = 0;
      do {
        result += string.substring(cursor, index) + replace;
        cursor = index + close.length;
        index = string.indexOf(close, cursor);
      } while (~index);
      return result + string.substring(cursor);
    };
    var createColors4 = (enabled = isColorSupported) => {
      let f = enabled ? formatter : () => String;
      return {
        isColorSupported: enabled,
        reset: f("\x1B[0m", "\x1B[0m"),
        bold: f("\x1B[1m", "\x1B[22m", "\x1B[22m\x1B[1m"),
        dim: f("\x1B[2m", "\x1B[22m", "\x1B[22m\x1B[2m"),
        italic: f("\x1B[3m", "\x1B[23m"),
        underline: f("\x1B[4m", "\x1B[24m"),
        inverse: f("\x1B[7m", "\x1B[27m"),
        hidden: f("\x1B[8m", "\x1B[28m"),
        strikethrough: f("\x1B[9m", "\x1B[29m"),
        black: f("\x1B[30m", "\x1B[39m"),
        red: f("\x1B[31m", "\x1B[39m"),
        green: f("\x1B[32m", "\x1B[39m"),
        yellow: f("\x1B[33m", "\x1B[39m"),
        blue: f("\x1B[34m", "\x1B[39m"),
        magenta: f("\x1B[35m", "\x1B[39m"),
        cyan: f("\x1B[36m", "\x1B[39m"),
        white: f("\x1B[37m", "\x1B[39m"),
        gray: f("\x1B[90m", "\x1B[39m"),
        bgBlack: f("\x1B[40m", "\x1B[49m"),
        bgRed: f("\x1B[41m", "\x1B[49m"),
        bgGreen: f("\x1B[42m", "\x1B[49m"),
        bgYellow: f("\x1B[43m", "\x1B[49m"),
        bgBlue: f("\x1B[44m", "\x1B[49m"),
        bgMagenta: f("\x1B[45m", "\x1B[49m"),
        bgCyan: f("\x1B[46m", "\x1B[49m"),
        bgWhite: f("\x1B[47m", "\x1B[49m"),
        blackBright: f("\x1B[90m", "\x1B[39m"),
        redBright: f("\x1B[91m", "\x1B[39m"),
        greenBright: f("\x1B[92m", "\x1B[39m"),
        yellowBright: f("\x1B[93m", "\x1B[39m"),
        blueBright: f("\x1B[94m", "\x1B[39m"),
        magentaBright: f("\x1B[95m", "\x1B[39m"),
        cyanBright: f("\x1B[96m", "\x1B[39m"),
        whiteBright: f("\x1B[97m", "\x1B[39m"),
        bgBlackBright: f("\x1B[100m", "\x1B[49m"),
        bgRedBright: f("\x1B[101m", "\x1B[49m"),
        bgGreenBright: f("\x1B[102m", "\x1B[49m"),
        bgYellowBright: f("\x1B[103m", "\x1B[49m"),
        bgBlueBright: f("\x1B[104m", "\x1B[49m"),
        bgMagentaBright: f("\x1B[105m", "\x1B[49m"),
        bgCyanBright: f("\x1B[106m", "\x1B[49m"),
        bgWhiteBright: f("\x1B[107m", "\x1B[49m")
      };
    };
    module.exports = createColors4();
    module.exports.createColors = createColors4;
  }
});

// src/action/main.ts
import { appendFileSync, existsSync as existsSync3, mkdtempSync, readFileSync as readFileSync5, rmSync, writeFileSync } from "node:fs";
import { tmpdir as tmpdir2 } from "node:os";
import { dirname as dirname7, extname, join as join12, relative as relative13, resolve as resolve10, sep as sep11 } from "node:path";
import { randomUUID } from "node:crypto";

// src/cli/main.ts
import { closeSync as closeSync2, existsSync as existsSync2, lstatSync as lstatSync3, openSync as openSync2, readFileSync as readFileSync4, realpathSync as realpathSync4, statSync as statSync6, writeSync as writeSync2 } from "node:fs";
import { fileURLToPath as fileURLToPath2 } from "node:url";
import { dirname as dirname6, isAbsolute as isAbsolute2, join as join11, relative as relative12, resolve as resolve9, sep as sep10 } from "node:path";
import { parseArgs } from "node:util";
import { availableParallelism } from "node:os";

// src/core/run/engine.ts
import { createHash as createHash3 } from "node:crypto";
import { relative as relative4, resolve as resolve3, sep as sep4 } from "node:path";

// src/core/walk/select.ts
var import_picomatch2 = __toESM(require_picomatch(), 1);
import { join as join3, relative as relative2, resolve, sep as sep2 } from "node:path";

// src/core/walk/walk.ts
var import_ignore = __toESM(require_ignore(), 1);
import { readdirSync, realpathSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
var import_picomatch = __toESM(require_picomatch(), 1);
function within(root, real) {
  const rel = relative(root, real);
  return rel === "" || !rel.startsWith("..") && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel);
}
var FATAL_UTF8 = new TextDecoder("utf-8", { fatal: true });
function utf8Name(bytes) {
  try {
    return FATAL_UTF8.decode(bytes);
  } catch {
    return void 0;
  }
}
function escapedName(bytes) {
  let out = "";
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const need = b < 128 ? 0 : b >= 194 && b <= 223 ? 1 : b >= 224 && b <= 239 ? 2 : b >= 240 && b <= 244 ? 3 : -1;
    const seq = need >= 0 ? bytes.subarray(i, i + need + 1) : void 0;
    const text2 = seq && seq.length === need + 1 ? utf8Name(seq) : void 0;
    if (text2 !== void 0) {
      out += text2 === "\\" ? "\\\\" : text2;
      i += need + 1;
    } else {
      out += `\\x${b.toString(16).padStart(2, "0")}`;
      i++;
    }
  }
  return out;
}
function walk(root, options) {
  const files = [];
  const problems = [];
  const links = /* @__PURE__ */ new Map();
  const aliases = /* @__PURE__ */ new Map();
  const found = [];
  const isIncluded = (0, import_picomatch.default)(options.include, { dot: true });
  const isIgnored = (0, import_picomatch.default)(options.ignore, { dot: true });
  const realRoot = realpathSync(root);
  const linted = (rel) => isIncluded(rel) && !isIgnored(rel);
  const ignoredByGit = (layers, rel, dir) => {
    for (const layer of layers) {
      const sub = layer.base === "" ? rel : rel.slice(layer.base.length + 1);
      if (layer.ig.ignores(dir ? `${sub}/` : sub)) return true;
    }
    return false;
  };
  const visit = (dirRel, layers) => {
    const abs = dirRel === "" ? root : join(root, dirRel);
    let raw;
    try {
      raw = readdirSync(abs, { withFileTypes: true, encoding: "buffer" });
    } catch (e) {
      problems.push({ path: dirRel || ".", message: `cannot read folder: ${e.code ?? e.message}` });
      return;
    }
    const entries = [];
    for (const d of raw) {
      const name = utf8Name(d.name);
      if (name !== void 0) {
        entries.push({ name, isDirectory: () => d.isDirectory(), isFile: () => d.isFile(), isSymbolicLink: () => d.isSymbolicLink() });
        continue;
      }
      const shown = escapedName(d.name);
      const rel = dirRel === "" ? shown : `${dirRel}/${shown}`;
      const lossy = d.name.toString("utf8");
      const relLossy = dirRel === "" ? lossy : `${dirRel}/${lossy}`;
      if (isIgnored(relLossy) || !d.isDirectory() && !isIncluded(relLossy)) continue;
      links.set(rel, `${d.isDirectory() ? "folder" : "file"} name is not valid UTF-8 (shown with its bytes escaped); ${d.isDirectory() ? "not entered" : "not linted"}: rename it to valid UTF-8`);
      found.push(rel);
    }
    let here2 = layers;
    if (entries.some((e) => e.name === ".gitignore" && !e.isDirectory())) {
      try {
        here2 = [...layers, { base: dirRel, ig: (0, import_ignore.default)().add(readBounded(join(abs, ".gitignore"), { maxBytes: LIMITS.gitignore, root, what: ".gitignore" }).toString("utf8")) }];
      } catch (e) {
        const message = e instanceof IoError ? e.reason : `cannot read: ${e.message}`;
        problems.push({ path: dirRel ? `${dirRel}/.gitignore` : ".gitignore", message });
      }
    }
    entries.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    for (const entry of entries) {
      if (entry.name === ".git" || entry.name === "node_modules" || dirRel === "" && entry.name === ".archive-lint-cache") continue;
      const rel = dirRel === "" ? entry.name : `${dirRel}/${entry.name}`;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        let real;
        try {
          real = realpathSync(join(root, rel));
        } catch (e) {
          if (!isIgnored(rel)) {
            links.set(rel, `broken or looping symbolic link (${e.code ?? e.message}); not followed`);
            found.push(rel);
          }
          continue;
        }
        if (!within(realRoot, real)) {
          if (!isIgnored(rel)) {
            links.set(rel, "symbolic link points outside the root; not followed");
            found.push(rel);
          }
          continue;
        }
        try {
          const st = statSync(real);
          isDir = false;
          isFile = st.isFile();
          if (isFile) aliases.set(rel, relative(realRoot, real).split(sep).join("/"));
        } catch {
          continue;
        }
      }
      if (isDir) {
        if (ignoredByGit(here2, rel, true)) continue;
        visit(rel, here2);
      } else if (isFile) {
        if (ignoredByGit(here2, rel, false)) continue;
        files.push(rel);
        found.push(rel);
      }
    }
  };
  visit("", []);
  const direct = new Set(found.filter((f) => !links.has(f) && !aliases.has(f) && linted(f)));
  const reached = /* @__PURE__ */ new Set();
  const lint2 = found.filter((f) => {
    if (links.has(f)) return true;
    if (!linted(f)) return false;
    const real = aliases.get(f);
    if (real === void 0) return true;
    if (direct.has(real) || reached.has(real)) return false;
    reached.add(real);
    return true;
  });
  return { files, lint: lint2, problems, links };
}

// src/core/walk/changed.ts
import { posix } from "node:path";
function mergeBase(root) {
  const candidates = [];
  const originHead = tryGit(root, ["symbolic-ref", "--quiet", "refs/remotes/origin/HEAD"]);
  if (originHead) candidates.push(originHead);
  candidates.push("refs/remotes/origin/main", "refs/remotes/origin/master", "refs/heads/main", "refs/heads/master");
  const found = [];
  for (const ref of candidates) {
    if (!tryGit(root, ["rev-parse", "--verify", "--quiet", ref])) continue;
    const base = tryGit(root, ["merge-base", "HEAD", ref]);
    if (base) return { base };
    found.push(ref.replace(/^refs\/(?:remotes|heads)\//, ""));
  }
  if (found.length === 0) return { why: "--changed: cannot find the default branch to compare with (no origin/HEAD, origin/main, origin/master, main or master); give --base REF" };
  const shallow = tryGit(root, ["rev-parse", "--is-shallow-repository"]) === "true";
  return {
    why: `--changed: ${found[0]} has no merge base with HEAD${shallow ? " in this shallow clone (its history stops before the commit they share); fetch more of it (git fetch --unshallow, or fetch-depth: 0 with actions/checkout)" : " (their histories share no commit)"}, or give --base REF`
  };
}
function noWorkTree(root) {
  try {
    if (runGit(root, ["rev-parse", "--is-inside-work-tree"]).trim() === "true") return void 0;
  } catch (e) {
    if (e.code === "ENOENT") return "--changed needs git, and git is not installed or not on PATH (spawn git ENOENT)";
  }
  return `--changed needs a git work tree; ${root} is not one`;
}
var ChangeError = class extends Error {
};
function changeSet(root, baseRef, env) {
  const notGit = noWorkTree(root);
  if (notGit !== void 0) throw new ChangeError(notGit);
  const framework = env.PRE_COMMIT === "1";
  const preCommit = framework || env.GIT_INDEX_FILE !== void 0;
  let base;
  let staged = false;
  let note;
  const fromRef = env.PRE_COMMIT_FROM_REF;
  const toRef = env.PRE_COMMIT_TO_REF;
  let to;
  if (baseRef === void 0 && framework && fromRef && toRef) {
    const from = tryGit(root, ["rev-parse", "--verify", "--quiet", `${fromRef}^{commit}`]);
    to = tryGit(root, ["rev-parse", "--verify", "--quiet", `${toRef}^{commit}`]);
    if (!from) throw new ChangeError(`PRE_COMMIT_FROM_REF '${fromRef}': no such commit`);
    if (!to) throw new ChangeError(`PRE_COMMIT_TO_REF '${toRef}': no such commit`);
    base = tryGit(root, ["merge-base", from, to]) ?? from;
    note = `comparing ${toRef} with ${fromRef} (PRE_COMMIT_FROM_REF, PRE_COMMIT_TO_REF)`;
    if (tryGit(root, ["rev-parse", "HEAD"]) !== to) note += `; the work tree is not ${toRef}, and its files are what is linted`;
  } else if (baseRef !== void 0) {
    const resolved = tryGit(root, ["rev-parse", "--verify", "--quiet", `${baseRef}^{commit}`]);
    if (!resolved) throw new ChangeError(`--base '${baseRef}': no such commit`);
    base = resolved;
  } else if (preCommit) {
    base = "HEAD";
    staged = true;
  } else {
    const mb = mergeBase(root);
    if ("why" in mb) throw new ChangeError(mb.why);
    base = mb.base;
  }
  const head = staged && !tryGit(root, ["rev-parse", "--verify", "--quiet", "HEAD"]) ? EMPTY_TREE : base;
  const diffArgs = staged ? ["diff", "--cached", "--relative", "--name-status", "-M", "-z", head] : ["diff", "--relative", "--name-status", "-M", "-z", base, ...to ? [to] : []];
  const raw = runGit(root, diffArgs).split("\0").filter((x) => x !== "");
  const cs = { base: staged ? head : base, staged, changed: [], deleted: [], renamed: /* @__PURE__ */ new Map(), modified: [] };
  if (note) cs.note = note;
  if (to) cs.to = to;
  for (let i = 0; i < raw.length; ) {
    const status = raw[i++];
    if (status.startsWith("R") || status.startsWith("C")) {
      const from = raw[i++];
      const to2 = raw[i++];
      if (status.startsWith("R")) {
        cs.renamed.set(from, to2);
        if (status !== "R100") (cs.renamedEdited ??= /* @__PURE__ */ new Set()).add(from);
      }
      cs.changed.push(to2);
    } else {
      const path = raw[i++];
      if (status === "D") cs.deleted.push(path);
      else {
        cs.changed.push(path);
        if (status === "M" || status === "T") cs.modified.push(path);
      }
    }
  }
  if (!staged && !to) {
    for (const p of runGit(root, ["ls-files", "--others", "--exclude-standard", "-z"]).split("\0")) if (p) cs.changed.push(p);
  } else if (staged) {
    const unstaged = runGit(root, ["diff", "--relative", "--name-only", "-z"]).split("\0").filter((p) => p !== "");
    if (unstaged.length) cs.unstaged = new Set(unstaged);
    if (framework && raw.length === 0) cs.note = "nothing is staged, so nothing to lint; to lint the whole archive: archive-lint check (or the archive-lint-all hook)";
  }
  return cs;
}
var EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
function stagedText(root, path) {
  try {
    return runGit(root, ["show", `:./${path}`]);
  } catch {
    return void 0;
  }
}
function touchedRanges(facts, touched, repo) {
  return [...localRefs(facts, repo)].filter(({ target }) => linksToTouched([target], touched)).map(({ ref }) => [ref.start, ref.end]);
}
function anchorsAtBase(root, base, path, site) {
  const text2 = tryGit(root, ["show", `${base}:./${path}`]);
  if (text2 === void 0) return /* @__PURE__ */ new Set();
  return new Set(extract(parseMarkdown(text2.replace(/^\ufeff/, "")), text2, path, site).facts.anchors);
}
function localTargets(facts, repo) {
  return [...new Set([...localRefs(facts, repo)].map((r) => r.target))];
}
var REF_IMAGE = 1;
var REF_HTML = 2;
var REF_DEFINITION = 4;
function localLinks(facts, lineStarts2, repo) {
  const targets = [];
  const at = /* @__PURE__ */ new Map();
  const refs = [];
  for (const { ref, target } of localRefs(facts, repo)) {
    let k = at.get(target);
    if (k === void 0) {
      k = targets.length;
      at.set(target, k);
      targets.push(target);
    }
    const s = pointAt(lineStarts2, ref.start);
    const e = pointAt(lineStarts2, ref.end);
    const flags = (ref.type === "image" ? REF_IMAGE : 0) | (ref.source === "html" ? REF_HTML : ref.source === "definition" ? REF_DEFINITION : 0);
    refs.push(k, s.line, s.column, e.line, e.column, flags);
  }
  return { targets, refs: Int32Array.from(refs) };
}
function* localRefs(facts, repo) {
  for (const ref of facts.references) {
    const t = resolveTarget(strippedPadding(ref)?.url ?? ref.url, { from: facts.path, repo });
    if (t.kind !== "local" || t.via !== "relative" && t.via !== "absolute" && t.via !== "self-url") continue;
    yield { ref, target: t.fragment === void 0 ? t.path : `${t.path}#${t.fragment}` };
  }
}
function linksToTouched(targets, touched) {
  for (const target of targets) {
    const hash = target.indexOf("#");
    const written = hash < 0 ? target : target.slice(0, hash);
    for (const path of [written, ...siteCandidates(written, touched.site)]) {
      if (touched.gone.has(path)) return true;
      const removed = touched.removedAnchors.get(path);
      if (removed && hash >= 0 && removed.has(target.slice(hash + 1))) return true;
    }
  }
  return false;
}
function needles(touched) {
  const out = /* @__PURE__ */ new Set();
  for (const p of [...touched.gone, ...touched.removedAnchors.keys()]) {
    const base = posix.basename(p);
    const names = [base];
    if (touched.site && touched.site !== "github") {
      const stem = base.replace(/\.(?:md|markdown)$/i, "");
      if (/^(?:index|readme)$/i.test(stem)) names.push(posix.basename(posix.dirname(p)) === "." ? "" : posix.basename(posix.dirname(p)));
      else names.push(touched.site === "mkdocs" ? stem : `${stem}.htm`);
    }
    for (const name of names) {
      out.add(name);
      out.add(encodeURIComponent(name));
      out.add(name.replace(/ /g, "%20"));
    }
  }
  return [...out];
}
function mayLink(text2, words) {
  if (words.some((w) => text2.includes(w))) return true;
  if (!/[\\&%]/.test(text2)) return false;
  const plain = decodeHTML(text2.replace(/\\([!-/:-@[-`{-~])/g, "$1")).replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
  return words.some((w) => plain.includes(w));
}

// src/core/walk/shard.ts
import { statSync as statSync2 } from "node:fs";
import { join as join2 } from "node:path";
function parseShard(text2) {
  const m = /^(\d+)\/(\d+)$/.exec(text2.trim());
  if (!m) return `expected I/N (the I-th of N shards, from 1), such as 1/4`;
  const index = Number(m[1]);
  const count2 = Number(m[2]);
  if (count2 < 1) return "N must be at least 1";
  if (index < 1 || index > count2) return `I must be from 1 to ${count2}`;
  return { index, count: count2 };
}
function assignShards(sizes, count2) {
  const total2 = sizes.reduce((a, b) => a + b, 0);
  const out = new Array(sizes.length);
  let before = 0;
  for (let i = 0; i < sizes.length; i++) {
    const size = sizes[i];
    const middle = total2 > 0 ? (before + size / 2) / total2 : (i + 0.5) / sizes.length;
    out[i] = Math.min(count2 - 1, Math.floor(middle * count2));
    before += size;
  }
  return out;
}
function shardFiles(root, files, shard) {
  if (shard.count === 1) return [...files];
  const sizes = files.map((f) => {
    try {
      return statSync2(join2(root, f)).size;
    } catch {
      return 0;
    }
  });
  const of = assignShards(sizes, shard.count);
  return files.filter((_, i) => of[i] === shard.index - 1);
}

// src/core/parse/facts.ts
function factsOf(root, path, maxFileSize, site, text2, siteModel) {
  const settings = { root, rules: {}, mirrors: {}, maxFileSize, site, ...siteModel ? { siteModel } : {} };
  const o = text2 === void 0 ? processFile(path, [], settings) : processSource(path, { text: text2, bom: false }, [], settings);
  return o.error ? void 0 : o.facts;
}

// src/core/walk/select.ts
function changeTouchesNothing(cs, config) {
  if (cs.deleted.length || cs.renamed.size || cs.modified.some(isMarkdownPath)) return false;
  const included = (0, import_picomatch2.default)(config.include, { dot: true });
  const ignored = (0, import_picomatch2.default)(config.ignore, { dot: true });
  return !cs.changed.some((p) => included(p) && !ignored(p));
}
function toRel(root, abs) {
  return relative2(root, abs).split(sep2).join("/");
}
function pathSelector(root, paths, patterns) {
  const prefixes = (paths ?? []).map((p) => toRel(root, resolve(p)));
  const positive = (patterns ?? []).filter((p) => !p.startsWith("!"));
  const negative = (patterns ?? []).filter((p) => p.startsWith("!")).map((p) => p.slice(1));
  const everything = prefixes.length === 0 && positive.length === 0 || prefixes.includes("");
  const matches2 = positive.length ? (0, import_picomatch2.default)(positive, { dot: true }) : () => false;
  const excluded = negative.length ? (0, import_picomatch2.default)(negative, { dot: true }) : () => false;
  return (f) => (everything || prefixes.some((p) => f === p || f.startsWith(`${p}/`)) || matches2(f)) && !excluded(f);
}
function walkArchive(root, config, paths, patterns) {
  const walked = walk(root, { include: config.include, ignore: config.ignore });
  if (!paths?.length && !patterns?.length) return { walked, files: walked.lint };
  const selected = pathSelector(root, paths, patterns);
  return { walked, files: walked.lint.filter(selected) };
}
function selectFiles(root, config, repo, files, walked, options) {
  const out = { files };
  if (options.changed) {
    const c = changedFiles(root, config, repo, files, options.changed, options.links, walked.links);
    out.files = c.files;
    out.breakage = { direct: c.direct, touched: c.touched };
  }
  if (options.shard) out.files = shardFiles(root, out.files, options.shard);
  return out;
}
function changedFiles(root, config, repo, lintable, cs, links, unfollowed) {
  const lintSet = new Set(lintable);
  const direct = new Set(cs.changed.filter((p) => lintSet.has(p)));
  const touched = { gone: /* @__PURE__ */ new Set([...cs.deleted, ...cs.renamed.keys()]), removedAnchors: /* @__PURE__ */ new Map(), site: config.site };
  for (const path of cs.modified) {
    if (!isMarkdownPath(path)) continue;
    const before = anchorsAtBase(root, cs.base, path, config.site);
    if (before.size === 0) continue;
    const staged = cs.staged && cs.unstaged?.has(path) ? stagedText(root, path)?.replace(/^\ufeff/, "") : void 0;
    const current = new Set(factsOf(root, path, config.maxFileSize, config.site, staged, config.siteModel)?.anchors ?? []);
    const removed = new Set([...before].filter((a) => !current.has(a)));
    if (removed.size) touched.removedAnchors.set(path, removed);
  }
  const out = new Set(direct);
  if (touched.gone.size === 0 && touched.removedAnchors.size === 0) return { files: lintable.filter((p) => out.has(p)), direct, touched };
  const words = needles(touched);
  for (const path of lintable) {
    if (out.has(path) || unfollowed.has(path)) continue;
    let targets = links?.(path);
    if (!targets) {
      let text2;
      try {
        text2 = readBounded(join3(root, path), { maxBytes: config.maxFileSize, root }).toString("utf8");
      } catch {
        continue;
      }
      if (!mayLink(text2, words)) continue;
      const facts = factsOf(root, path, config.maxFileSize, config.site, text2.replace(/^\ufeff/, ""), config.siteModel);
      if (!facts) continue;
      targets = localTargets(facts, repo);
    }
    if (linksToTouched(targets, touched)) out.add(path);
  }
  return { files: lintable.filter((p) => out.has(p)), direct, touched };
}

// src/core/walk/diff-lines.ts
function unquote(s) {
  if (!s.startsWith('"')) return s;
  const bytes = [];
  const simple = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, "\\": 92 };
  for (let i = 1; i < s.length - 1; i++) {
    const c = s[i];
    if (c !== "\\") {
      bytes.push(...Buffer.from(c));
      continue;
    }
    const n2 = s[i + 1];
    if (/[0-7]/.test(n2)) {
      bytes.push(parseInt(s.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(simple[n2] ?? n2.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString("utf8");
}
function parseUnifiedZero(diff) {
  const out = /* @__PURE__ */ new Map();
  let current;
  for (const line of diff.split("\n")) {
    if (line.startsWith("+++ ")) {
      const name = line.slice(4);
      if (name === "/dev/null") {
        current = void 0;
        continue;
      }
      const path = unquote(name).replace(/^b\//, "");
      current = [];
      out.set(path, current);
    } else if (line.startsWith("@@") && current) {
      const m = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (!m) continue;
      const start = Number(m[1]);
      const count2 = m[2] === void 0 ? 1 : Number(m[2]);
      if (count2 > 0) current.push([start, start + count2 - 1]);
    }
  }
  return out;
}
function changedLines(root, cs) {
  const args = ["-c", "core.quotePath=false", "diff", "-U0", "--no-color", "--no-ext-diff", "--relative", "-M", "--src-prefix=a/", "--dst-prefix=b/"];
  if (cs.staged) args.push("--cached", cs.base);
  else args.push(cs.base, ...cs.to ? [cs.to] : []);
  const lines = parseUnifiedZero(runGit(root, args));
  const out = /* @__PURE__ */ new Map();
  for (const path of cs.changed) {
    const hunks = lines.get(path);
    out.set(path, hunks ?? "all");
  }
  for (const [path, hunks] of lines) if (!out.has(path)) out.set(path, hunks);
  return out;
}
function onChangedLine(hunks, line, endLine = line, context = 0) {
  if (hunks === void 0) return false;
  if (hunks === "all") return true;
  for (const [a, b] of hunks) if (line <= b + context && endLine >= a - context) return true;
  return false;
}

// src/core/run/per-file.ts
var POOL_THRESHOLD = 200;
var IN_PROCESS_MAX_BYTES = 16 * 1024;
function settingsFor(run, path) {
  const settings = { root: run.root, rules: run.config.rulesFor(path), mirrors: run.mirrors, maxFileSize: run.config.maxFileSize, maxMessagesPerFile: run.config.maxMessagesPerFile, site: run.config.site, ...run.config.siteModel ? { siteModel: run.config.siteModel } : {} };
  if (run.repo) settings.repo = run.repo;
  return settings;
}
async function processMany(run, jobs, onDone) {
  const pool = (some, size2, done) => processInPool(some, { size: size2, setup: run.setup, timeBudget: run.config.timeBudget }, done, run.signal);
  if (run.setup && run.concurrency > 1 && jobs.length >= POOL_THRESHOLD) return (await pool(jobs, run.concurrency, onDone)).interrupted;
  const deferred = [];
  for (let k = 0; k < jobs.length; k++) {
    if (run.signal?.aborted) return true;
    const job = jobs[k];
    if (run.setup && run.config.timeBudget && jobSize(run.root, job) > IN_PROCESS_MAX_BYTES) {
      deferred.push(k);
      continue;
    }
    onDone(k, packMessages(processJob(job, run.rules, settingsFor(run, job.path))));
    if (k % 64 === 63) await new Promise((r) => setImmediate(r));
  }
  if (!deferred.length) return false;
  const size = Math.max(1, Math.min(run.concurrency, deferred.length));
  return (await pool(deferred.map((k) => jobs[k]), size, (d, o) => onDone(deferred[d], o))).interrupted;
}
var Outcomes = class {
  constructor(files, run, cache) {
    this.files = files;
    this.run = run;
    this.cache = cache;
    this.slots = new Array(files.length);
    this.hit = new Array(files.length).fill(false);
  }
  files;
  run;
  cache;
  slots;
  hit;
  order = [];
  /** The outcome of file `i`: unpacked from the cache, or, when the cache lost it, linted again. */
  at(i) {
    let o = this.slots[i];
    if (!o) {
      const { cache, run } = this;
      const path = this.files[i];
      o = cache?.get(path);
      const lost = !o || !cache?.links(run.root, path);
      o ??= packMessages(processFile(path, run.rules, settingsFor(run, path)));
      if (cache && lost) cache.set(run.root, path, o, localLinks(o.facts, o.lineStarts, run.repo));
      this.slots[i] = o;
    }
    return o;
  }
  /** Put a file's outcome in place (the outcome of its fixed text). */
  set(i, o) {
    this.slots[i] = o;
  }
  /** Let go of the outcome of a file the cache serves (it holds it as bytes already). */
  release(i) {
    if (this.hit[i]) this.slots[i] = void 0;
  }
};
async function perFilePhase(run, files, options) {
  const { cache, useOutcomes, staged } = options;
  const outcomes = new Outcomes(files, run, cache);
  const { slots, hit } = outcomes;
  let done = 0;
  const todo = [];
  for (let i = 0; i < files.length; i++) {
    const unfollowed = options.unfollowed.get(files[i]);
    if (unfollowed !== void 0) {
      slots[i] = emptyOutcome(files[i], unfollowed, "content");
      options.onProgress?.(++done, files.length, files[i]);
    } else if (useOutcomes && cache?.has(run.root, files[i])) {
      hit[i] = true;
      options.onProgress?.(++done, files.length, files[i]);
    } else {
      todo.push(i);
    }
  }
  let asStaged = 0;
  const jobOf = (path) => {
    const text2 = staged?.has(path) ? stagedText(run.root, path) : void 0;
    if (text2 === void 0) return { path };
    asStaged++;
    return text2.charCodeAt(0) === 65279 ? { path, text: text2.slice(1), bom: true } : { path, text: text2 };
  };
  const jobs = todo.map((i) => jobOf(files[i]));
  if (asStaged) options.warnings.push(`${asStaged} file${asStaged === 1 ? " has" : "s have"} unstaged changes: linted as staged`);
  const interrupted = await processMany(run, jobs, (k, o) => {
    slots[todo[k]] = o;
    options.onProgress?.(++done, files.length, o.path);
  });
  if (cache && useOutcomes) {
    for (const k of todo) if (slots[k]) cache.set(run.root, files[k], slots[k], localLinks(slots[k].facts, slots[k].lineStarts, run.repo));
  }
  outcomes.order = files.map((_, i) => i).filter((i) => hit[i] || slots[i]);
  return { outcomes, interrupted };
}

// src/core/links/archive.ts
import { statSync as statSync3 } from "node:fs";
function archiveIndexPhase(o) {
  const { root, config, mirrors } = o;
  const index = new ArchiveIndex(o.files, (path) => {
    const cached = o.cachedAnchors(path);
    if (cached) return new Set(cached);
    const facts = factsOf(root, path, config.maxFileSize, config.site, void 0, config.siteModel);
    return facts ? new Set(facts.anchors) : void 0;
  });
  for (const outcome of o.outcomes) if (outcome && !outcome.error) index.setAnchors(outcome.path, outcome.facts.anchors);
  const mirrorIndexes = /* @__PURE__ */ new Map();
  const mirrorIndex = (key) => {
    if (!mirrorIndexes.has(key)) {
      const dir = mirrors[key];
      let ok = false;
      try {
        ok = dir !== void 0 && statSync3(dir).isDirectory();
      } catch {
        ok = false;
      }
      mirrorIndexes.set(key, ok ? new FsIndex(dir) : void 0);
    }
    return mirrorIndexes.get(key);
  };
  const ctx = { root, mirrors, index, mirrorIndex };
  if (o.repo) ctx.repo = o.repo;
  if (config.site !== "github") Object.assign(ctx, { site: config.site, siteRoot: config.siteRoot, siteExternal: config.siteExternal, ...config.siteModel ? { siteModel: config.siteModel } : {} });
  if (config.site === "jekyll") ctx.siteUrls = jekyllUrls(root, config.siteRoot, o.files, config.siteModel ?? {}, config.maxFileSize);
  if (o.changed) {
    ctx.renamed = o.changed.renamed;
    ctx.renamedEdited = o.changed.renamedEdited ?? /* @__PURE__ */ new Set();
    ctx.deleted = new Set(o.changed.deleted);
  }
  return { index, ctx };
}

// src/core/fix/passes.ts
import { join as join4 } from "node:path";

// src/core/fix/fix.ts
function lineEnding(text2) {
  return text2.includes("\r\n") ? "\r\n" : "\n";
}
function applyFixes(text2, fixes) {
  const eol = lineEnding(text2);
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const applied = [];
  const skipped = [];
  let out = "";
  let last = 0;
  let lastEnd = -1;
  for (const fix of sorted) {
    const [start, end] = fix.range;
    if (start < 0 || end > text2.length || start > end || start <= lastEnd) {
      skipped.push(fix);
      continue;
    }
    const insert = eol === "\r\n" ? fix.text.replace(/\r?\n/g, "\r\n") : fix.text;
    out += text2.slice(last, start) + insert;
    last = end;
    lastEnd = end;
    applied.push(fix);
  }
  out += text2.slice(last);
  return { text: out, applied, skipped };
}

// src/core/fix/write.ts
import { realpathSync as realpathSync2, statSync as statSync4 } from "node:fs";
import { relative as relative3, sep as sep3 } from "node:path";
var CHANGED_SINCE_READ = "file changed on disk since it was read; not fixed";
function inside(root, path) {
  const rel = relative3(root, path);
  return rel !== "" && !rel.startsWith(`..${sep3}`) && rel !== ".." && !rel.startsWith(sep3);
}
function writeFixed(root, abs, original, text2, bom) {
  let real;
  let realRoot;
  try {
    real = realpathSync2(abs);
    realRoot = realpathSync2(root);
    if (!inside(realRoot, real)) return { ok: false, reason: "resolves outside the root; not written" };
  } catch (e) {
    return { ok: false, reason: `cannot resolve: ${e.code ?? e.message}` };
  }
  try {
    if ((statSync4(real).mode & 146) === 0) return { ok: false, reason: "file is read-only; not fixed" };
  } catch (e) {
    return { ok: false, reason: `cannot stat: ${e.code ?? e.message}` };
  }
  const data = Buffer.from((bom ? "\uFEFF" : "") + text2, "utf8");
  try {
    const file = AtomicFile.open(real, { root: realRoot });
    file.write(data);
    const before = file.replaced;
    const st = file.commit({ expect: original });
    const notes = [];
    if (before && (st.uid !== before.uid || st.gid !== before.gid)) notes.push(`owner ${before.uid}:${before.gid} could not be kept; the fixed file is owned by ${st.uid}:${st.gid}`);
    if (before && before.nlink > 1) notes.push(`had ${before.nlink} hard links; the fixed text is a file of its own now, and the other ${before.nlink === 2 ? "name keeps" : `${before.nlink - 1} names keep`} the old text`);
    let stamp = { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino, checkedAt: Date.now() };
    try {
      const after = statSync4(real);
      if (after.ino === st.ino) stamp = { ...stamp, mtimeMs: after.mtimeMs, ctimeMs: after.ctimeMs, checkedAt: Date.now() };
    } catch {
    }
    return { ok: true, hash: hashBytes(data), stamp, notes };
  } catch (e) {
    if (e instanceof IoError && e.problem === "changed") return { ok: false, reason: CHANGED_SINCE_READ, changed: true };
    const reason = e instanceof IoError ? e.message.replace(/^cannot write [^:]*: /, "") : e.message;
    return { ok: false, reason: `cannot write: ${reason}; the file is unchanged` };
  }
}
function removePendingTemps() {
  removeTemporaries();
}

// src/core/links/cross-file.ts
function crossProblems(checks, o, tally) {
  const out = [];
  const ruleConfigs = checks.config.rulesFor(o.path);
  for (const rule of checks.rules) {
    const rc = ruleConfigs[rule.meta.id];
    if (!rule.crossFile || !rc || rc.severity === 0) continue;
    for (const p of rule.crossFile(o.facts, checks.ctx, rc.options)) {
      if (isSuppressed(p, o.suppressions)) {
        if (tally) {
          tally.suppressed++;
          tally.problems?.push(p);
        }
        continue;
      }
      const severity = effectiveSeverity(rule.meta, p, checks.ctx.site, rc.severity);
      if (severity === "not-checked") {
        if (tally) tally.notChecked++;
      } else if (severity > 0) out.push({ problem: p, severity });
    }
  }
  return out;
}

// src/core/fix/passes.ts
var MAX_FIX_PASSES = 10;
function fixesOf(run, o, mode) {
  if (o.error) return [];
  const fixes = [];
  for (const m of outcomeMessages(o)) {
    if (m.fix) fixes.push(m.fix);
    else if (mode === "unsafe" && m.suggestions?.[0]) fixes.push(m.suggestions[0].fix);
  }
  const cross = crossProblems(run.checks, o).map(({ problem, severity }) => toMessage(problem, severity, o.lineStarts));
  for (const m of capMessages(cross.sort(compareMessages), run.checks.config.maxMessagesPerFile)) {
    if (m.fix) fixes.push(m.fix);
    else if (mode === "unsafe" && m.suggestions?.[0]) fixes.push(m.suggestions[0].fix);
  }
  return fixes;
}
async function fixPhase(run, outcomes, options, externalFixes, onWritten) {
  const fixed = [];
  const order = outcomes.order;
  const list = order.map((i) => outcomes.at(i));
  const interrupted = await fixAll(run, list, options, fixed, externalFixes ? (at) => externalFixes(order[at], options.mode) : void 0);
  order.forEach((i, k) => outcomes.set(i, list[k]));
  const byPath = new Map(list.map((o) => [o.path, o]));
  for (const f of fixed) {
    const o = byPath.get(f.path);
    if (f.written && o) onWritten(o);
  }
  return { fixed, interrupted };
}
async function fixAll(run, outcomes, options, fixed, externalFixes) {
  const jobs = [];
  const changed = [];
  for (let at = 0; at < outcomes.length; at++) {
    const o = outcomes[at];
    const pending = externalFixes ? [...fixesOf(run, o, options.mode), ...externalFixes(at)] : fixesOf(run, o, options.mode);
    if (pending.length === 0) continue;
    const source = readSource(join4(run.root, o.path), run.maxFileSize);
    if (!("text" in source)) {
      outcomes[at] = { ...emptyOutcome(o.path, `${source.reason} (it changed since it was read; not fixed)`, source.kind), facts: o.facts };
      continue;
    }
    const hash = hashBytes(source.bytes);
    if (o.hash !== hash) {
      changed.push({ at, source, hash });
      continue;
    }
    jobs.push({ at, original: o, source, text: source.text, current: o, fixes: 0, pending });
  }
  let interrupted = false;
  if (changed.length) {
    const relinted = new Array(changed.length);
    interrupted = await run.reprocess(
      changed.map(({ at, source }) => ({ path: outcomes[at].path, text: source.text, bom: source.bom })),
      (k, o) => {
        relinted[k] = o;
      }
    );
    changed.forEach(({ at, source, hash }, k) => {
      const o = relinted[k];
      const path = outcomes[at].path;
      if (!o) {
        outcomes[at] = { ...emptyOutcome(path, "file changed on disk since it was read; not fixed (the run was interrupted before it was linted again)", "io"), facts: outcomes[at].facts };
        return;
      }
      if (!o.error) {
        o.hash = hash;
        o.stamp = source.stamp;
        run.index.setAnchors(o.path, o.facts.anchors);
      }
      outcomes[at] = o;
      const pending = o.error ? [] : fixesOf(run, o, options.mode);
      if (pending.length) jobs.push({ at, original: o, source, text: source.text, current: o, fixes: 0, pending });
    });
    run.notes.push(`${changed.length} file${changed.length === 1 ? "" : "s"} changed on disk during the run: linted again before fixing (${changed.slice(0, 3).map(({ at }) => outcomes[at].path).join(", ")}${changed.length > 3 ? ", …" : ""})`);
  }
  jobs.sort((x, y) => x.at - y.at);
  let active = jobs;
  for (let pass = 0; pass < MAX_FIX_PASSES && active.length > 0 && !interrupted; pass++) {
    const next = [];
    for (const job of active) {
      const fixes = job.pending ?? fixesOf(run, job.current, options.mode);
      job.pending = void 0;
      if (fixes.length === 0) continue;
      const applied = applyFixes(job.text, fixes);
      if (applied.applied.length === 0 || applied.text === job.text) continue;
      next.push({ job, before: job.text, fixes: applied.applied.length });
      job.text = applied.text;
    }
    const processed = new Array(next.length);
    interrupted = await run.reprocess(
      next.map(({ job }) => ({ path: job.original.path, text: job.text, bom: job.source.bom })),
      (k, o) => {
        processed[k] = o;
      }
    );
    next.forEach(({ job, before, fixes }, k) => {
      const o = processed[k];
      if (!o) {
        job.text = before;
        return;
      }
      job.current = o;
      job.fixes += fixes;
      if (!o.error) run.index.setAnchors(o.path, o.facts.anchors);
    });
    active = next.filter((_, k) => processed[k] !== void 0).map(({ job }) => job);
  }
  for (const job of jobs) outcomes[job.at] = writeFixJob(run, job, options, fixed);
  return interrupted;
}
function writeFixJob(run, job, options, fixed) {
  const { original: o, source, text: text2 } = job;
  if (text2 === source.text) return job.current;
  const entry = { path: o.path, before: source.text, after: text2, bom: source.bom, fixes: job.fixes, written: false };
  fixed.push(entry);
  if (!options.dryRun) {
    const w = writeFixed(run.root, join4(run.root, o.path), source.bytes, text2, source.bom);
    if (w.ok) {
      entry.written = true;
      job.current.hash = w.hash;
      job.current.stamp = w.stamp;
      for (const note of w.notes) run.notes.push(`${o.path}: ${note}`);
    } else if (w.changed) {
      run.index.setAnchors(o.path, o.facts.anchors);
      return { ...emptyOutcome(o.path, w.reason, "io"), facts: o.facts };
    } else {
      run.runProblems.push({ path: o.path, message: w.reason });
      run.index.setAnchors(o.path, o.facts.anchors);
      return o;
    }
  }
  return job.current;
}

// src/core/report/build.ts
import { createHash } from "node:crypto";
import { resolve as resolve2 } from "node:path";
function unusedComments(o, silenced) {
  const out = [];
  for (const c of o.comments ?? []) {
    if (c.used || c.external || silenced.some((p) => isSuppressed(p, c.covers))) continue;
    const m = toMessage({ ruleId: "", messageId: "unused-suppression", message: `Suppression comment '${c.text}' silences nothing here`, start: c.start, end: c.end }, 1, o.lineStarts);
    out.push({ ...m, ruleId: null });
  }
  return out;
}
function classify(run, path, result, caused) {
  const change = run.change;
  if (!change) return result;
  const hunks = change.lines.get(path);
  const messages = result.messages.map((m) => ({ ...m, introduced: change.everything || onChangedLine(hunks, m.line, m.endLine ?? m.line) || caused(m) }));
  return makeResult(result.filePath, messages);
}
function resultFor(run, o, external = [], tally = { suppressed: 0, notChecked: 0 }) {
  const filePath = resolve2(run.root, o.path);
  if (o.error) return { result: classify(run, o.path, makeResult(filePath, [{ ruleId: null, severity: 2, fatal: true, message: o.error, line: 1, column: 1 }, ...external]), () => true), cross: [] };
  if (run.breakage && !run.breakage.direct.has(o.path)) {
    const ranges2 = touchedRanges(o.facts, run.breakage.touched, run.repo);
    const caused = crossProblems(run.checks, o).filter(({ problem }) => ranges2.some(([start, end]) => problem.start >= start && problem.end <= end)).map(({ problem, severity }) => toMessage(problem, severity, o.lineStarts));
    return { result: classify(run, o.path, resultOf(filePath, { messages: [] }, caused), () => true), cross: caused };
  }
  const silenced = [];
  const counted = { suppressed: 0, notChecked: 0, problems: silenced };
  const problems = crossProblems(run.checks, o, counted);
  tally.suppressed += counted.suppressed;
  tally.notChecked += counted.notChecked;
  const raw = problems.map(({ problem, severity }) => toMessage(problem, severity, o.lineStarts));
  if (run.reportUnused && o.comments) raw.push(...unusedComments(o, silenced));
  const max = run.checks.config.maxMessagesPerFile;
  const cross = raw.length > max ? capMessages(raw.sort(compareMessages), max) : raw;
  const result = withNotChecked(resultOf(filePath, o, external.length ? [...cross, ...external] : cross), (o.notChecked ?? 0) + tally.notChecked);
  if (!run.change || !run.breakage) return { result, cross };
  const ranges = touchedRanges(o.facts, run.breakage.touched, run.repo);
  const causedSet = new Set(ranges.length ? raw.filter((_, k) => ranges.some(([start, end]) => problems[k].problem.start >= start && problems[k].problem.end <= end)) : []);
  return { result: classify(run, o.path, result, (m) => causedSet.has(m)), cross };
}
function withNotChecked(result, n2) {
  if (n2 > 0) result.notCheckedCount = n2;
  return result;
}
function indexFingerprint(files, index, cache, root) {
  const h = createHash("sha1");
  for (const path of [...files].sort()) {
    h.update(path).update("\0");
    if (!isMarkdownPath(path)) continue;
    const anchors = index.knownAnchors(path) ?? cache.links(root, path)?.anchors;
    if (anchors) {
      for (const a of anchors) h.update(a).update("");
    } else {
      const stamp = cache.stamp(root, path);
      if (!stamp) return void 0;
      h.update(`${stamp.size}:${stamp.mtimeMs}`);
    }
    h.update("\0");
  }
  return h.digest("hex");
}
function* resultsPhase(run, outcomes, options) {
  const { cache, fingerprint: fingerprint2, external, cacheStats, tally } = options;
  const { files, slots, hit } = outcomes;
  const keep = cache !== void 0;
  for (const i of outcomes.order) {
    const path = files[i];
    if (!slots[i] && fingerprint2 !== void 0) {
      const json2 = cache?.cross(path, fingerprint2);
      if (json2 !== void 0) {
        if (cacheStats) cacheStats.reused++;
        const cross2 = JSON.parse(json2);
        if (external) cross2.push(...external(i));
        tally.suppressed += cache?.suppressedOf(path) ?? 0;
        const notChecked = cache?.notCheckedOf(path) ?? 0;
        tally.notChecked += notChecked;
        yield withNotChecked(resultOf(resolve2(run.root, path), { messages: [], packed: cache?.packed(path) }, cross2), notChecked);
        continue;
      }
    }
    const o = outcomes.at(i);
    if (!keep || hit[i]) slots[i] = void 0;
    const crossTally = { suppressed: 0, notChecked: 0 };
    const { result, cross } = resultFor(run, o, external?.(i), crossTally);
    tally.suppressed += (o.suppressed ?? 0) + crossTally.suppressed;
    tally.notChecked += (o.notChecked ?? 0) + crossTally.notChecked;
    if (fingerprint2 !== void 0 && !o.error) cache?.setCross(path, fingerprint2, JSON.stringify(cross), crossTally.suppressed, crossTally.notChecked);
    yield result;
  }
}

// src/core/fix/lock.ts
import { hostname, tmpdir } from "node:os";
import { closeSync, linkSync, lstatSync, mkdirSync, openSync, readFileSync, realpathSync as realpathSync3, renameSync, unlinkSync, writeSync } from "node:fs";
import { join as join5 } from "node:path";
import { createHash as createHash2, randomBytes } from "node:crypto";
var LOCK_NAME = "fix.lock";
var held = /* @__PURE__ */ new Map();
function readHolder(file) {
  try {
    const h = JSON.parse(readFileSync(file, "utf8"));
    return typeof h.pid === "number" && typeof h.host === "string" ? h : void 0;
  } catch {
    return void 0;
  }
}
function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}
function isStale(h) {
  if (!h) return false;
  return h.host === hostname() && h.pid !== process.pid && !processAlive(h.pid);
}
function tryCreate(file, body) {
  let fd;
  try {
    fd = openSync(file, "wx", 420);
  } catch (e) {
    const code = e.code;
    if (code === "EEXIST") return false;
    return code ?? e.message;
  }
  try {
    const data = Buffer.from(body);
    let off = 0;
    while (off < data.length) off += writeSync(fd, data, off);
  } finally {
    closeSync(fd);
  }
  return true;
}
function breakStale(file, stale) {
  const aside = `${file}.${process.pid}-${randomBytes(4).toString("hex")}.stale`;
  try {
    renameSync(file, aside);
  } catch (e) {
    const code = e.code;
    return code === "ENOENT" ? void 0 : code ?? e.message;
  }
  const moved = readHolder(aside);
  if (moved && (moved.pid !== stale.pid || moved.nonce !== stale.nonce)) {
    try {
      linkSync(aside, file);
    } catch {
    }
  }
  try {
    unlinkSync(aside);
  } catch {
  }
  return void 0;
}
function noCacheLock(root) {
  let real = root;
  try {
    real = realpathSync3(root);
  } catch {
  }
  const uid = typeof process.getuid === "function" ? process.getuid() : 0;
  return { dir: join5(tmpdir(), `archive-lint-${uid}`), name: `fix-${createHash2("sha1").update(real).digest("hex").slice(0, 20)}.lock` };
}
function privateFolder(dir) {
  try {
    mkdirSync(dir, { mode: 448 });
  } catch (e) {
    if (e.code !== "EEXIST") return `cannot create ${dir} (${e.code ?? e.message})`;
  }
  const st = lstatSync(dir, { throwIfNoEntry: false });
  const uid = typeof process.getuid === "function" ? process.getuid() : void 0;
  if (!st?.isDirectory() || uid !== void 0 && st.uid !== uid || (st.mode & 63) !== 0) return `${dir} is not a private folder of this user's`;
  return void 0;
}
async function takeFixLock(dir, signal2, onWait, pollMs = 200, name = LOCK_NAME) {
  const file = join5(dir, name);
  const me = { pid: process.pid, host: hostname(), started: (/* @__PURE__ */ new Date()).toISOString(), nonce: randomBytes(8).toString("hex") };
  const body = `${JSON.stringify(me)}
`;
  let told = false;
  let unreadable = 0;
  for (; ; ) {
    if (signal2?.aborted) return void 0;
    const made = tryCreate(file, body);
    if (typeof made === "string") return `cannot make the fix lock ${file} (${made})`;
    if (made) break;
    const holder = readHolder(file);
    if (isStale(holder)) {
      const broken = breakStale(file, holder);
      if (broken !== void 0) return `cannot remove the stale fix lock ${file} of process ${holder.pid} (${broken})`;
      continue;
    }
    if (!holder && ++unreadable * pollMs > 5e3) {
      try {
        unlinkSync(file);
      } catch {
      }
      continue;
    }
    if (holder) unreadable = 0;
    if (!told && holder) {
      told = true;
      onWait?.(`another archive-lint --fix (process ${holder.pid} on ${holder.host}, since ${holder.started}) is fixing this archive; waiting for it to finish (its lock: ${file})`);
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
  held.set(file, me.nonce);
  return {
    file,
    release: () => releaseLock(file)
  };
}
function releaseLock(file) {
  const nonce = held.get(file);
  if (nonce === void 0) return;
  held.delete(file);
  const h = readHolder(file);
  if (h && h.pid === process.pid && h.nonce === nonce) {
    try {
      unlinkSync(file);
    } catch {
    }
  }
}
function releaseHeldLocks() {
  for (const file of [...held.keys()]) releaseLock(file);
}

// src/core/external/collect.ts
function requestKey(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return void 0;
  }
  if (u.protocol !== "http:" && u.protocol !== "https:" || u.hostname === "") return void 0;
  u.hash = "";
  u.username = "";
  u.password = "";
  return u.href;
}
function externalKey(url, ctx) {
  const target = resolveTarget(url, ctx);
  return target.kind === "external" ? requestKey(target.url) : void 0;
}

// src/core/external/cache.ts
import { createHmac, timingSafeEqual } from "node:crypto";
import { join as join6 } from "node:path";
var MAGIC = "archive-lint-urls";
var FORMAT = 2;
function entriesMac(secret, json2) {
  return createHmac("sha256", secret).update(`${MAGIC}\0${FORMAT}\0`).update(json2).digest();
}
var URL_CACHE_FILE = "urls.json";
var archiveKey = (url, timestamp) => `ARCHIVE ${url} ${timestamp}`;
function archiveFound(found) {
  if (found === void 0) return true;
  const f = found;
  return f !== null && typeof f === "object" && typeof f.timestamp === "string" && /^\d{14}$/.test(f.timestamp) && typeof f.original === "string";
}
var UrlCache = class {
  constructor(dir, ttlMs, now = Date.now, archiveTtlMs = ttlMs, auth = { secret: machineSecret(secretFile(process.env)).secret }) {
    this.dir = dir;
    this.ttlMs = ttlMs;
    this.now = now;
    this.archiveTtlMs = archiveTtlMs;
    this.auth = auth;
    this.file = join6(dir, URL_CACHE_FILE);
  }
  dir;
  ttlMs;
  now;
  archiveTtlMs;
  auth;
  entries;
  /** Keys written by this run. */
  added = /* @__PURE__ */ new Map();
  warning;
  file;
  read() {
    const out = /* @__PURE__ */ new Map();
    let text2;
    try {
      text2 = readBounded(this.file, { maxBytes: LIMITS.cache, what: "URL cache", ...this.auth.root === void 0 ? {} : { root: this.auth.root } }).toString("utf8");
    } catch (e) {
      if (e instanceof IoError && e.problem !== "not-found") this.warning = `ignoring ${this.file}: ${e.reason}; rebuilding it`;
      return out;
    }
    try {
      const data = JSON.parse(text2);
      if (data.magic !== MAGIC || data.format !== FORMAT || typeof data.entries !== "object" || data.entries === null) throw new Error("not a URL cache of this format");
      const mac = typeof data.mac === "string" && /^[0-9a-f]{64}$/.test(data.mac) ? Buffer.from(data.mac, "hex") : void 0;
      if (!mac || !timingSafeEqual(mac, entriesMac(this.auth.secret, JSON.stringify(data.entries)))) throw new Error("not written by archive-lint on this machine (its authentication fails)");
      for (const [key, entry] of Object.entries(data.entries)) {
        if ((entry.status === "ok" || entry.status === "redirected") && typeof entry.checkedAt === "number" && typeof entry.code === "number") out.set(key, entry);
        else if (entry.status === "archive" && key.startsWith("ARCHIVE ") && typeof entry.checkedAt === "number" && archiveFound(entry.found)) out.set(key, entry);
      }
    } catch (e) {
      this.warning = `ignoring ${this.file}: ${e.message}; rebuilding it`;
    }
    return out;
  }
  fresh(entry) {
    const ttl = entry?.status === "archive" ? this.archiveTtlMs : this.ttlMs;
    return entry !== void 0 && this.now() - entry.checkedAt < ttl && entry.checkedAt <= this.now() + 6e4;
  }
  /** The fresh entry of a URL, whichever method found it working. */
  get(url) {
    this.entries ??= this.read();
    for (const method of ["HEAD", "GET"]) {
      const entry = this.entries.get(`${method} ${url}`);
      if (entry?.status !== "archive" && this.fresh(entry)) return { ...entry, method };
    }
    return void 0;
  }
  /** A fresh web-archive lookup of a URL at a timestamp: `found` is absent when the archive had no snapshot. */
  getArchive(url, timestamp) {
    this.entries ??= this.read();
    const entry = this.entries.get(archiveKey(url, timestamp));
    return entry?.status === "archive" && this.fresh(entry) ? entry : void 0;
  }
  /** Record a web-archive lookup, found or not. */
  setArchive(url, timestamp, found) {
    this.entries ??= this.read();
    const key = archiveKey(url, timestamp);
    const entry = { status: "archive", ...found ? { found } : {}, checkedAt: this.now() };
    this.entries.set(key, entry);
    this.added.set(key, entry);
  }
  /** Record a URL found working by `method`. */
  set(method, url, entry) {
    this.entries ??= this.read();
    const key = `${method} ${url}`;
    this.entries.set(key, entry);
    this.added.set(key, entry);
  }
  /** Write the cache back, merged with what is on disk now; a warning when it cannot be written. */
  save() {
    if (this.added.size === 0) return void 0;
    const merged = this.read();
    for (const [key, entry] of this.added) {
      const there = merged.get(key);
      if (!there || there.checkedAt < entry.checkedAt) merged.set(key, entry);
    }
    for (const [key, entry] of merged) if (!this.fresh(entry)) merged.delete(key);
    try {
      const entries = JSON.stringify(Object.fromEntries([...merged].sort((a, b) => a[0] < b[0] ? -1 : 1)));
      const mac = entriesMac(this.auth.secret, entries).toString("hex");
      writeFileAtomic(this.file, `{"magic":${JSON.stringify(MAGIC)},"format":${FORMAT},"mac":"${mac}","entries":${entries}}`, this.auth.root === void 0 ? {} : { root: this.auth.root });
      ensureGitignore(this.dir, this.auth.root);
      this.added.clear();
      return void 0;
    } catch (e) {
      if (e instanceof IoError) return `cannot write the URL cache ${this.file}: ${e.reason}`;
      return `cannot write the URL cache ${this.file}: ${e.code ?? e.message}`;
    }
  }
};

// src/core/external/phase.ts
function isDead(check) {
  if (!check) return false;
  if (check.status === "broken") return !check.loop && (check.code === 404 || check.code === 410);
  return check.status === "unreachable" && /^host not found \((ENOTFOUND|ENODATA|EAI_NONAME)\)/.test(check.reason ?? "");
}
function externalHooks(rules2) {
  return rules2.flatMap((r) => {
    const hook = r.externalCheck;
    return hook ? [{ id: r.meta.id, hook, meta: r.meta }] : [];
  });
}
var ExternalPhase = class {
  constructor(hooks, resolveCtx, site) {
    this.hooks = hooks;
    this.resolveCtx = resolveCtx;
    this.site = site;
  }
  hooks;
  resolveCtx;
  site;
  files = /* @__PURE__ */ new Map();
  keys = /* @__PURE__ */ new Set();
  /** Keys wanted by a hook that does not check web-archive links as snapshots: requested whatever they are. */
  plainKeys = /* @__PURE__ */ new Set();
  results = /* @__PURE__ */ new Map();
  occurrences = 0;
  archive;
  /** Web-archive lookups by URL and timestamp, and the dates of the commits that added files. */
  lookups = /* @__PURE__ */ new Map();
  commitDates = /* @__PURE__ */ new Map();
  askedGit = /* @__PURE__ */ new Set();
  archiveStats;
  /** The checks of every call so far (a run that fixes checks the URLs its fixes wrote in a second call). */
  total;
  /** Collect a file's external references (`at`: the file's place in the run). */
  add(at, o, rules2) {
    this.occurrences -= this.files.get(at)?.items.length ?? 0;
    this.files.delete(at);
    if (o.error) return;
    const items = [];
    for (const ref of o.facts.references) {
      let key = null;
      for (const { id, hook, meta } of this.hooks) {
        const rc = rules2[id];
        if (!rc || rc.severity === 0 || !hook.wants(ref)) continue;
        if (key === null) key = externalKey(ref.url, { from: o.path, mirrors: this.resolveCtx.mirrors, ...this.resolveCtx.repo ? { repo: this.resolveCtx.repo } : {} });
        if (key === void 0) break;
        items.push({ ref, key, hook, severity: rc.severity, ...meta ? { meta } : {} });
        this.keys.add(key);
        if (!hook.archive) this.plainKeys.add(key);
        this.occurrences++;
      }
    }
    if (items.length) this.files.set(at, { path: o.path, date: o.facts.articleDate, items, lineStarts: o.lineStarts, suppressions: o.suppressions });
  }
  /** A key checked as a web-archive snapshot rather than requested: its timestamp and the URL archived. */
  snapshotLink(key) {
    if (!this.archive) return void 0;
    const link = parseArchiveLink(key);
    return link ? { timestamp: link.timestamp, original: requestKey(link.original) ?? link.original } : void 0;
  }
  /** Check every URL collected, each once (called again after fixes, it checks only the URLs not checked yet). */
  async check(options, signal2) {
    const warnings = [];
    this.archive = options.settings.archive.enabled ? options.settings.archive : void 0;
    const auth = { secret: options.cacheSecret ?? machineSecret(secretFile(process.env)).secret, root: options.root };
    const cache = options.cacheDir === void 0 ? void 0 : new UrlCache(options.cacheDir, options.settings.cacheTtlMs, options.clock?.now, options.settings.archive.cacheTtlMs, auth);
    const { UrlChecker } = await import("./checker-KHWISHVJ.js");
    const checker = new UrlChecker({
      settings: options.settings,
      ...cache ? { cache } : {},
      ...options.clock ? { clock: options.clock } : {},
      ...options.resolve ? { resolve: options.resolve } : {},
      ...options.probeHost ? { probeHost: options.probeHost } : {},
      ...options.onProgress ? { onProgress: options.onProgress } : {},
      ...signal2 ? { signal: signal2 } : {}
    });
    const keys = [...this.keys].filter((k) => !this.results.has(k) && (this.plainKeys.has(k) || !this.snapshotLink(k)));
    for (const [k, c] of await checker.checkAll(keys)) this.results.set(k, c);
    if (this.archive && !checker.stats.networkUnavailable) await this.lookUp(this.archive, options, cache, signal2, checker);
    if (cache) {
      if (cache.warning) warnings.push(cache.warning);
      const w = cache.save();
      if (w) warnings.push(w);
    }
    this.total = this.total ? addStats(this.total, checker.stats) : { ...checker.stats, byStatus: { ...checker.stats.byStatus } };
    return { ...this.total, occurrences: this.occurrences, warnings, ...this.archiveStats ? { archive: { ...this.archiveStats } } : {} };
  }
  /** The web-archive lookups: each dead URL at its article's date, each web-archive link at its timestamp. */
  async lookUp(archive, options, cache, signal2, guard) {
    const wanted = /* @__PURE__ */ new Map();
    const want = (url, timestamp) => {
      const k = `${url} ${timestamp}`;
      if (!this.lookups.has(k)) wanted.set(k, { url, timestamp });
    };
    const undated = [];
    for (const f of this.files.values()) {
      for (const item of f.items) {
        if (!item.hook.archive) continue;
        const link = this.snapshotLink(item.key);
        if (link) want(link.original, link.timestamp);
        else if (isDead(this.results.get(item.key)) && !f.date && !this.askedGit.has(f.path)) undated.push(f.path);
      }
    }
    if (undated.length && options.root !== void 0) this.readCommitDates(options.root, [...new Set(undated)]);
    for (const f of this.files.values()) {
      for (const item of f.items) {
        if (!item.hook.archive || this.snapshotLink(item.key) || !isDead(this.results.get(item.key))) continue;
        const date = this.dateOf(f);
        if (date) want(item.key, date.date.replace(/-/g, ""));
      }
    }
    if (wanted.size === 0) return;
    const { Wayback } = await import("./wayback-2XTAR55A.js");
    const wayback = new Wayback({
      settings: archive,
      // The archive's endpoint through the same address guard as every URL.
      lookup: guard.connectLookup,
      guard: (href) => guard.refusal(href),
      timeoutMs: options.settings.timeoutMs,
      retries: options.settings.retries,
      ...cache ? { cache } : {},
      ...options.clock ? { clock: options.clock } : {},
      ...signal2 ? { signal: signal2 } : {}
    });
    try {
      await Promise.all(
        [...wanted].map(async ([k, { url, timestamp }]) => {
          const lookup = await wayback.lookup(url, timestamp);
          this.lookups.set(k, lookup);
          if (lookup.snapshot && !this.lookups.has(`${url} ${lookup.snapshot.timestamp}`)) this.lookups.set(`${url} ${lookup.snapshot.timestamp}`, { snapshot: lookup.snapshot, cached: true });
        })
      );
    } finally {
      await wayback.close();
    }
    const s = wayback.stats;
    const before = this.archiveStats;
    this.archiveStats = before ? { lookups: before.lookups + s.lookups, requests: before.requests + s.requests, cached: before.cached + s.cached, found: before.found + s.found, missing: before.missing + s.missing, failed: before.failed + s.failed } : { ...s };
  }
  /** The dates of the commits that added these files (root-relative), in one git call a thousand files. */
  readCommitDates(root, paths) {
    for (let i = 0; i < paths.length; i += 1e3) {
      const chunk = paths.slice(i, i + 1e3);
      for (const p of chunk) this.askedGit.add(p);
      const out = tryGit(root, ["-c", "core.quotePath=false", "log", "--no-renames", "--diff-filter=A", "--format=%x01%cs", "--name-only", "-z", "--relative", "--", ...chunk.map((p) => `:(literal)${p}`)]);
      if (!out) continue;
      let date;
      for (const token of out.split("\0")) {
        const t = token.replace(/^\n/, "");
        if (t.startsWith("")) date = t.slice(1);
        else if (t && date && /^\d{4}-\d\d-\d\d$/.test(date)) this.commitDates.set(t, date);
      }
    }
  }
  dateOf(f) {
    if (f.date) return f.date;
    const commit = this.commitDates.get(f.path);
    return commit ? { date: commit, source: "commit" } : void 0;
  }
  /** What the web archive says about an item, when it is asked about it. */
  noteOf(f, item) {
    if (!this.archive || !item.hook.archive) return void 0;
    const link = this.snapshotLink(item.key);
    if (link) {
      const lookup2 = this.lookups.get(`${link.original} ${link.timestamp}`);
      return lookup2 ? { kind: "snapshot-link", settings: this.archive, link, lookup: lookup2 } : void 0;
    }
    if (!isDead(this.results.get(item.key))) return void 0;
    const date = this.dateOf(f);
    const lookup = date ? this.lookups.get(`${item.key} ${date.date.replace(/-/g, "")}`) : void 0;
    return { kind: "repair", settings: this.archive, ...date ? { date } : {}, ...lookup ? { lookup } : {} };
  }
  /** A file's fixes from its external messages: safe ones, and with `unsafe` the unsafe ones too. */
  fixes(at, mode) {
    const out = [];
    for (const m of this.messages(at)) {
      if (m.fix) out.push(m.fix);
      else if (mode === "unsafe" && m.suggestions?.[0]) out.push(m.suggestions[0].fix);
    }
    return out;
  }
  /** How many messages about URLs inline comments suppressed, so far. */
  suppressed = 0;
  /** How many findings about URLs the profile cannot check, so far. */
  notChecked = 0;
  /** A file's messages about its external URLs, suppressions applied. */
  messages(at) {
    const f = this.files.get(at);
    if (!f) return [];
    const out = [];
    for (const item of f.items) {
      const note = this.noteOf(f, item);
      const check = this.results.get(item.key) ?? (note?.kind === "snapshot-link" ? { url: item.key, status: "excluded", requests: 0, retries: 0 } : void 0);
      const p = check && item.hook.report(item.ref, check, note);
      if (!p) continue;
      if (isSuppressed(p, f.suppressions)) {
        this.suppressed++;
        continue;
      }
      const severity = effectiveSeverity(item.meta, p, this.site, item.severity);
      if (severity === "not-checked") this.notChecked++;
      else if (severity > 0) out.push(toMessage(p, severity, f.lineStarts));
    }
    return out;
  }
};
function addStats(a, b) {
  const byStatus = { ...a.byStatus };
  for (const [k, n2] of Object.entries(b.byStatus)) byStatus[k] += n2;
  const out = {
    urls: a.urls + b.urls,
    requests: a.requests + b.requests,
    retries: a.retries + b.retries,
    redirects: a.redirects + b.redirects,
    getAfterHead: a.getAfterHead + b.getAfterHead,
    bodyBytesMax: Math.max(a.bodyBytesMax, b.bodyBytesMax),
    byStatus,
    slowest: a.slowest.length >= b.slowest.length ? a.slowest : b.slowest,
    ms: a.ms + b.ms
  };
  const offline = a.networkUnavailable ?? b.networkUnavailable;
  if (offline !== void 0) out.networkUnavailable = offline;
  return out;
}
async function externalPhase(external, outcomes, at, config, options, signal2) {
  for (const i of at) {
    const held2 = outcomes.slots[i] !== void 0;
    const o = outcomes.at(i);
    external.add(i, o, config.rulesFor(o.path));
    if (!held2) outcomes.release(i);
  }
  return external.check(options, signal2);
}

// src/version.ts
import { existsSync, readFileSync as readFileSync2 } from "node:fs";
import { dirname, join as join7 } from "node:path";
import { fileURLToPath } from "node:url";
function version() {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const p = join7(dir, "package.json");
    if (existsSync(p)) {
      const pkg = JSON.parse(readFileSync2(p, "utf8"));
      if (pkg.name === "archive-lint") return pkg.version ?? "0.0.0";
    }
    dir = dirname(dir);
  }
  return "0.0.0";
}

// src/core/run/engine.ts
var INTERRUPTED = "not linted: the run was interrupted before this file was read; the report is partial";
function cacheKey(config, repo, mirrors, rules2) {
  const metas = rules2.map((r) => [r.meta.id, r.meta.messages, r.meta.severities]);
  return createHash3("sha1").update(JSON.stringify({ v: version(), c: config.source, repo: repo ?? null, mirrors, metas, model: config.siteModel ?? null })).digest("hex");
}
function phaseClock(started, phases) {
  let mark = started;
  let loop = performance.eventLoopUtilization();
  return (name) => {
    const now = performance.now();
    phases[name] = Math.round(now - mark);
    const used = performance.eventLoopUtilization(loop);
    if (now - mark > 50) phases[`${name}.busy%`] = Math.round(used.utilization * 100);
    phases[`${name}.rssMB`] = Math.round(process.memoryUsage.rss() / 1048576);
    loop = performance.eventLoopUtilization();
    mark = now;
  };
}
async function lint(options) {
  const started = performance.now();
  const warnings = [];
  const nothing = (interrupted) => {
    const none = { runProblems: [], warnings, fixed: [], interrupted, stats: { linted: 0, indexed: 0, ms: performance.now() - started, phases: {} } };
    return options.stream ? { ...none, results: [], stream: [][Symbol.iterator]() } : { ...none, results: [] };
  };
  let lock;
  if (options.fix && !options.fix.dryRun && options.lock !== void 0) {
    const { dir, name } = typeof options.lock === "string" ? { dir: options.lock, name: void 0 } : options.lock;
    const unmade = name === void 0 ? makeFolder(dir) : privateFolder(dir);
    if (unmade === void 0 && name === void 0) ensureGitignore(dir);
    const taken = unmade === void 0 ? await takeFixLock(dir, options.signal, options.onNotice, 200, name) : `cannot make the fix lock's folder: ${unmade}`;
    if (taken === void 0) return nothing(true);
    if (typeof taken === "string") warnings.push(`${taken}; fixing without it (each write still checks that the file holds the text its fixes were computed on)`);
    else lock = taken;
  }
  try {
    return await lintLocked(options, started, warnings, lock);
  } finally {
    lock?.release();
  }
}
async function lintLocked(options, started, warnings, lock) {
  const { root, config, rules: rules2, rulesModule: rulesModule2, changed, repo } = options;
  if (changed?.note) warnings.push(changed.note);
  if (changed && changeTouchesNothing(changed, config)) {
    const none = { runProblems: [], warnings, fixed: [], interrupted: false, stats: { linted: 0, indexed: 0, ms: performance.now() - started, phases: {} } };
    return options.stream ? { ...none, results: [], stream: [][Symbol.iterator]() } : { ...none, results: [] };
  }
  const phases = {};
  const phase = phaseClock(started, phases);
  const { walked, files: underPaths } = walkArchive(root, config, options.paths, options.patterns);
  const runProblems = walked.problems.map((p) => ({ path: p.path, message: p.message }));
  const mirrors = Object.fromEntries(Object.entries(config.mirrors).map(([k, v]) => [k, resolve3(root, v)]));
  const tracked2 = options.cache ? trackedByGit(root, options.cache.location) : void 0;
  if (tracked2) warnings.push(tracked2);
  const cacheOptions = tracked2 ? void 0 : options.cache;
  const cache = cacheOptions && rulesModule2 !== void 0 ? new FileCache(cacheOptions.location, cacheKey(config, repo, mirrors, rules2), { root, ...cacheOptions.secret ? { secret: cacheOptions.secret } : {} }) : void 0;
  phase("walk");
  const { files, breakage } = selectFiles(root, config, repo, underPaths, walked, { changed, shard: options.shard, links: (path) => cache?.links(root, path)?.targets });
  const run = {
    root,
    config,
    rules: rules2,
    mirrors,
    repo,
    concurrency: options.concurrency ?? 1,
    setup: rulesModule2 !== void 0 ? { rulesModule: rulesModule2, root, config: config.source.config, configFile: config.file, cliRules: config.source.cliRules, repo, mirrors, ...config.siteModel ? { siteModel: config.siteModel } : {} } : void 0,
    signal: options.signal
  };
  const useOutcomes = cache !== void 0 && !changed;
  const staged = changed?.staged && changed.unstaged && !options.fix ? changed.unstaged : void 0;
  const perFile = await perFilePhase(run, files, { unfollowed: walked.links, cache, useOutcomes, staged, onProgress: options.onProgress, warnings });
  const { outcomes } = perFile;
  let interrupted = perFile.interrupted;
  if (interrupted) {
    for (let i = 0; i < files.length; i++) {
      if (!outcomes.hit[i] && !outcomes.slots[i]) outcomes.slots[i] = emptyOutcome(files[i], INTERRUPTED, "io");
    }
    outcomes.order = files.map((_, i) => i);
  }
  phase("per-file");
  const { index, ctx } = archiveIndexPhase({ root, config, files: walked.files, outcomes: outcomes.slots, cachedAnchors: (path) => cache?.links(root, path)?.anchors, mirrors, repo, changed });
  const checks = { config, rules: rules2, ctx };
  const slotOf = new Map(files.map((f, i) => [f, i]));
  const prefixes = options.paths?.length ? options.paths.map((p) => relative4(root, p).split(sep4).join("/")) : [""];
  const underPathsOf = (p) => prefixes.some((x) => x === "" || p === x || p.startsWith(`${x}/`));
  const graph = changed ? void 0 : graphPhase({
    root,
    config,
    rules: rules2,
    files: walked.files.filter((f) => !walked.links.has(f)),
    index,
    summary: options.graphSummary === true,
    // A page's findings belong to the run that lints it; another file's to a run under its PATHs (the first shard's).
    inScope: (p) => slotOf.has(p) || !isMarkdownPath(p) && underPathsOf(p) && (!options.shard || options.shard.index === 1),
    targetsOf: (page) => {
      const i = slotOf.get(page);
      const o = i === void 0 ? void 0 : outcomes.slots[i];
      if (o && !o.error) return localTargets(o.facts, repo);
      const cached = cache?.links(root, page);
      if (cached) return cached.targets;
      const facts = factsOf(root, page, config.maxFileSize, config.site);
      return facts ? localTargets(facts, repo) : void 0;
    }
  });
  if (graph) phase("graph");
  let external;
  let externalReport;
  const checkUrls = async (at) => {
    const ext = options.external;
    external ??= new ExternalPhase(externalHooks(rules2), { mirrors, ...repo ? { repo } : {} }, ctx.site);
    const cacheDir = cacheOptions?.location;
    externalReport = await externalPhase(external, outcomes, at, config, { root, ...ext, ...cacheDir !== void 0 && ext.cacheDir === void 0 ? { cacheDir } : {}, ...cacheOptions?.secret && !ext.cacheSecret ? { cacheSecret: cacheOptions.secret } : {} }, options.signal);
    warnings.push(...externalReport.warnings);
    if (options.signal?.aborted) interrupted = true;
  };
  const externalFirst = options.fix !== void 0 && options.external?.settings.archive.enabled === true;
  if (externalFirst && !interrupted) await checkUrls(outcomes.order);
  let fixed = [];
  if (options.fix && !interrupted) {
    const fixRun = { root, maxFileSize: config.maxFileSize, checks, index, runProblems, notes: warnings, reprocess: processMany.bind(void 0, run) };
    const urlFixes = external ? (i, mode) => external.fixes(i, mode) : void 0;
    const storeFixed = (o) => {
      if (cache && useOutcomes) cache.set(root, o.path, o, localLinks(o.facts, o.lineStarts, repo));
    };
    ({ fixed, interrupted } = await fixPhase(fixRun, outcomes, options.fix, urlFixes, storeFixed));
  }
  lock?.release();
  phase("fix");
  if (externalFirst && external && fixed.length && !interrupted) {
    const atOf = new Map(outcomes.order.map((i) => [files[i], i]));
    await checkUrls(fixed.flatMap((f) => atOf.has(f.path) ? [atOf.get(f.path)] : []));
  } else if (options.external && !externalFirst && !interrupted) {
    await checkUrls(outcomes.order);
  }
  if (external) phase("external");
  for (const o of outcomes.slots) if (o?.error && o.errorKind === "internal") warnings.push(`${o.path}: ${o.error.split("\n")[0]} (reported as an error of the file; please report this failure)`);
  const fingerprint2 = cache && useOutcomes && Object.keys(mirrors).length === 0 && !options.reportUnusedSuppressions ? indexFingerprint(walked.files, index, cache, root) : void 0;
  const cacheStats = cache ? { hits: cache.hits, misses: cache.misses, reused: 0 } : void 0;
  const urls = external;
  const change = changed ? { lines: changedLines(root, changed), everything: config.file !== void 0 && changed.changed.some((p) => resolve3(root, p) === resolve3(config.file)) } : void 0;
  function* results() {
    const tally = { suppressed: 0, notChecked: 0 };
    const archiveMessages = graph?.messages;
    const extra = urls || archiveMessages?.size ? (i) => [...urls ? urls.messages(i) : [], ...archiveMessages?.get(files[i]) ?? []] : void 0;
    yield* resultsPhase({ root, checks, repo, breakage, change, reportUnused: options.reportUnusedSuppressions === true }, outcomes, { cache, fingerprint: fingerprint2, external: extra, cacheStats, tally });
    if (archiveMessages) for (const path of [...archiveMessages.keys()].filter((p) => !slotOf.has(p)).sort()) yield makeResult(resolve3(root, path), archiveMessages.get(path));
    report.stats.suppressed = tally.suppressed + (urls?.suppressed ?? 0);
    report.stats.notChecked = tally.notChecked + (urls?.notChecked ?? 0);
    phase("cross-file");
    if (cache && useOutcomes) {
      if (!options.paths?.length && !options.patterns?.length) cache.retain(walked.lint);
      const saved = cache.save();
      warnings.push(...saved.unplaced);
      for (const problem of saved.failed) runProblems.push({ path: options.cache?.location ?? "cache", message: problem });
    }
    if (cache) warnings.unshift(...cache.warnings);
    phase("cache");
    report.stats.ms = performance.now() - started;
  }
  const report = { runProblems, warnings, ...change ? { lines: change.lines } : {}, ...cacheStats ? { cache: cacheStats } : {}, ...externalReport ? { external: externalReport } : {}, ...graph ? { graph: graph.summary } : {}, fixed, interrupted, stats: { linted: outcomes.order.length, indexed: index.size, ms: 0, suppressed: 0, notChecked: 0, phases } };
  if (options.stream) return { ...report, results: [], stream: results() };
  return { ...report, results: [...results()] };
}

// src/cli/links-to.ts
import { relative as relative5, resolve as resolve4, sep as sep5 } from "node:path";

// src/core/graph/links-to.ts
function archiveLinks(o) {
  const { root, config, cache } = o;
  const walked = walk(root, { include: config.include, ignore: config.ignore });
  const files = walked.files.filter((f) => !walked.links.has(f));
  const pages = /* @__PURE__ */ new Map();
  let read = 0;
  for (const path of files) {
    if (!isMarkdownPath(path)) continue;
    const entry = cache?.links(root, path);
    if (entry?.refs) {
      pages.set(path, { targets: entry.targets, refs: entry.refs });
      continue;
    }
    read++;
    const outcome = processFile(path, [], { root, rules: {}, mirrors: {}, maxFileSize: config.maxFileSize, site: config.site });
    if (outcome.error) continue;
    const local = localLinks(outcome.facts, outcome.lineStarts, o.repo);
    pages.set(path, local);
    if (cache && outcome.stamp && outcome.hash) cache.setLinks(path, outcome.stamp, outcome.hash, outcome.facts.anchors, local);
  }
  return { files, index: new ArchiveIndex(files), where: { site: config.site, siteRoot: config.siteRoot }, pages, read };
}
function matches(q, file, fragment) {
  if (!(q.path === "" || file === q.path || file.startsWith(`${q.path}/`))) return false;
  return q.fragment === void 0 || fragment !== void 0 && (fragment === q.fragment || fragment.toLowerCase() === q.fragment.toLowerCase());
}
function linksTo(links, queries) {
  const out = [];
  const published = links.where.site !== "github";
  const near = (t) => {
    const path = t.split("#")[0];
    return published || queries.some((q) => q.path === "" || path === q.path || path.startsWith(`${q.path}/`) || q.path.startsWith(`${path}/`) || path === "");
  };
  for (const [from, { targets, refs }] of [...links.pages].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)) {
    const files = targets.map((t) => near(t) ? targetFile(t, links.index, links.where) ?? t.split("#")[0] : void 0);
    for (let k = 0; k + 5 < refs.length; k += 6) {
      const i = refs[k];
      const target = targets[i];
      const file = files[i];
      if (file === void 0) continue;
      const hash = target.indexOf("#");
      if (!queries.some((q) => matches(q, file, hash < 0 ? void 0 : target.slice(hash + 1)))) continue;
      const flags = refs[k + 5];
      out.push({
        from,
        line: refs[k + 1],
        column: refs[k + 2],
        endLine: refs[k + 3],
        endColumn: refs[k + 4],
        target,
        file,
        type: flags & REF_IMAGE ? "image" : "link",
        source: flags & REF_HTML ? "html" : flags & REF_DEFINITION ? "definition" : "markdown"
      });
    }
  }
  return out;
}

// src/cli/setup.ts
function cacheWarnings(cache) {
  if (!cache) return [];
  const saved = cache.save();
  return [...cache.warnings, ...saved.unplaced, ...saved.failed];
}

// src/cli/links-to.ts
function queryOf(cwd, root, arg) {
  const hash = arg.indexOf("#");
  const path = hash < 0 ? arg : arg.slice(0, hash);
  const rel = relative5(root, resolve4(cwd, path)).split(sep5).join("/");
  if (rel === ".." || rel.startsWith("../") || /^[a-zA-Z]:/.test(rel) || rel.startsWith("/")) return `${arg}: outside the root ${root}; give --root`;
  return hash < 0 ? { path: rel } : { path: rel, fragment: arg.slice(hash + 1) };
}
function table(links) {
  const cell2 = (s) => s.replace(/\|/g, "\\|");
  return ["| file | line | column | kind | target |", "| --- | ---: | ---: | --- | --- |", ...links.map((l) => `| ${cell2(l.from)} | ${l.line} | ${l.column} | ${l.source === "html" ? "HTML " : ""}${l.type} | ${cell2(l.target)} |`)].join("\n");
}
async function linksToCommand(io, args, format, setup, write) {
  const { root, config, repo, cacheKey: cacheKey2, cacheLocation, cacheSecret: cacheSecret2 } = setup;
  if (!args.length) throw setup.usage("links-to takes one PATH or more: the pages or folders to find links to (page.md#anchor for one anchor)");
  if (!["text", "json", "markdown"].includes(format)) throw setup.usage(`--format '${format}': expected text, json or markdown`);
  const queries = [];
  for (const arg of args) {
    const q = queryOf(io.cwd, root, arg);
    if (typeof q === "string") throw setup.usage(q);
    queries.push(q);
  }
  const cache = cacheLocation === void 0 ? void 0 : new FileCache(cacheLocation, cacheKey2, { root, ...cacheSecret2 ? { secret: cacheSecret2 } : {} });
  const index = archiveLinks({ root, config, repo, cache });
  const links = linksTo(index, queries);
  for (const w of cacheWarnings(cache)) io.stderr.write(`archive-lint: warning: ${visible(w)}
`);
  const shown = (p) => relative5(io.cwd, resolve4(root, p)).split(sep5).join("/") || ".";
  if (format === "json") {
    write(JSON.stringify(links.map((l) => ({ filePath: resolve4(root, l.from), line: l.line, column: l.column, endLine: l.endLine, endColumn: l.endColumn, target: l.target, file: l.file, type: l.type, source: l.source })), null, 2));
  } else if (format === "markdown") {
    write(table(links));
  } else {
    write(links.map((l) => `${visible(shown(l.from))}:${l.line}:${l.column}  ${l.source === "html" ? "HTML " : ""}${l.type} to ${visible(l.target)}`).join("\n"));
  }
  const pages = new Set(links.map((l) => l.from)).size;
  const n2 = (x) => x.toLocaleString("en-US");
  io.stderr.write(
    `archive-lint: ${n2(links.length)} link${links.length === 1 ? "" : "s"} from ${n2(pages)} page${pages === 1 ? "" : "s"} to ${args.map(visible).join(", ")} (${n2(index.pages.size)} pages: ${n2(index.pages.size - index.read)} from the cache, ${n2(index.read)} read)
`
  );
  return 0;
}

// src/cli/mv.ts
import { relative as relative6, resolve as resolve5, sep as sep6 } from "node:path";

// src/core/graph/move.ts
import { lstatSync as lstatSync2, renameSync as renameSync2 } from "node:fs";
import { dirname as dirname2, join as join8, posix as posix2 } from "node:path";
function writeFile(root, path, read, text2, bom, maxSize) {
  const abs = join8(root, path);
  try {
    if (!Buffer.from(read).equals(readBounded(abs, { root, maxBytes: maxSize }))) return "changed on disk since it was read; not written";
    writeFileAtomic(abs, Buffer.from((bom ? "\uFEFF" : "") + text2, "utf8"), { root });
    return void 0;
  } catch (e) {
    return e instanceof IoError ? e.reason : e.message;
  }
}
function mover(from, to) {
  return (p) => p === from ? to : p.startsWith(`${from}/`) ? `${to}${p.slice(from.length)}` : void 0;
}
function planMove(links, o) {
  const { root, from, to } = o;
  if (from === "" || to === "") return "the root itself cannot be moved, nor anything moved onto it";
  let st;
  try {
    st = lstatSync2(join8(root, from));
  } catch {
    return `${from}: no such file or folder`;
  }
  if (st.isSymbolicLink()) return `${from}: a symbolic link; archive-lint never moves or writes through one`;
  if (!st.isFile() && !st.isDirectory()) return `${from}: not a regular file or folder`;
  if (lstatSync2(join8(root, to), { throwIfNoEntry: false })) return `${to}: exists already; not moved`;
  if (to.startsWith(`${from}/`)) return `${to}: inside ${from}; a folder cannot move into itself`;
  const folder = st.isDirectory();
  const moved = mover(from, to);
  const moves = folder ? links.files.filter((f) => moved(f) !== void 0).map((f) => [f, moved(f)]) : [[from, to]];
  if (!folder) {
    const ext = (p) => posix2.extname(p).toLowerCase();
    if (isMarkdownPath(from) !== isMarkdownPath(to) || !isMarkdownPath(from) && ext(from) !== ext(to)) {
    }
  }
  const touches = (target) => {
    const path = target.split("#")[0];
    if (moved(path) !== void 0) return true;
    const html = /^(.*)\.html?$/i.exec(path);
    return html !== null && moved(`${html[1]}.md`) !== void 0;
  };
  const pages = [...links.pages].filter(([page, l]) => moved(page) !== void 0 || l.targets.some(touches)).map(([page]) => page).sort();
  const settings = { root, rules: {}, mirrors: {}, maxFileSize: o.config.maxFileSize, site: o.config.site };
  const edits = [];
  const unrewritable = [];
  for (const page of pages) {
    const source = readSource(join8(root, page), o.config.maxFileSize);
    if (!("text" in source)) {
      unrewritable.push({ path: page, line: 1, column: 1, url: `(not read: ${source.reason})` });
      continue;
    }
    const outcome = processSource(page, source, [], settings);
    const newPath = moved(page) ?? page;
    const fixes = [];
    for (const ref of outcome.facts.references) {
      const t = resolveTarget(ref.url, { from: page, ...o.repo ? { repo: o.repo } : {} });
      if (t.kind !== "local" || t.via !== "relative" && t.via !== "absolute" && t.via !== "self-url") continue;
      const targetMoves = touches(t.path);
      if (!targetMoves && (newPath === page || t.via !== "relative")) continue;
      const raw = source.text.slice(ref.start, ref.end);
      const url = movedUrl(raw, ref.source, t.via, page, newPath, t.path, moved);
      if (url === void 0) {
        const at = pointAt(outcome.lineStarts, ref.start);
        unrewritable.push({ path: page, line: at.line, column: at.column, url: ref.url });
      } else if (url !== raw) {
        fixes.push({ range: [ref.start, ref.end], text: url });
      }
    }
    if (fixes.length) edits.push({ path: page, newPath, bytes: source.bytes, bom: source.bom, before: source.text, after: applyFixes(source.text, fixes).text, links: fixes.length });
  }
  return { from, to, moves, folder, edits, unrewritable };
}
function tracked(root, path) {
  return tryGit(root, ["ls-files", "--error-unmatch", "--", path]) !== void 0;
}
function movePath(root, from, to, git) {
  const made = makeFolder(dirname2(join8(root, to)));
  if (made !== void 0) return made;
  if (git) return tryGit(root, ["mv", "--", from, to]) === void 0 ? `git mv ${from} ${to} failed` : void 0;
  try {
    renameSync2(join8(root, from), join8(root, to));
    return void 0;
  } catch (e) {
    return `cannot move ${from} to ${to}: ${e.code ?? e.message}`;
  }
}
function executeMove(root, plan, maxSize) {
  const git = tryGit(root, ["rev-parse", "--is-inside-work-tree"]) === "true" && tracked(root, plan.from);
  const moveError = movePath(root, plan.from, plan.to, git);
  if (moveError !== void 0) return moveError;
  const written = [];
  for (const edit of plan.edits) {
    const failed = writeFile(root, edit.newPath, edit.bytes, edit.after, edit.bom, maxSize);
    if (failed === void 0) {
      written.push(edit);
      continue;
    }
    for (const done of written) writeFile(root, done.newPath, Buffer.from((done.bom ? "\uFEFF" : "") + done.after, "utf8"), done.before, done.bom, maxSize);
    movePath(root, plan.to, plan.from, git);
    return `${edit.path}: ${failed}; nothing was moved or changed`;
  }
  return { git, written: written.map((e) => e.newPath) };
}

// node_modules/diff/libesm/diff/base.js
var Diff = class {
  diff(oldStr, newStr, options = {}) {
    let callback;
    if (typeof options === "function") {
      callback = options;
      options = {};
    } else if ("callback" in options) {
      callback = options.callback;
    }
    const oldString = this.castInput(oldStr, options);
    const newString = this.castInput(newStr, options);
    const oldTokens = this.removeEmpty(this.tokenize(oldString, options));
    const newTokens = this.removeEmpty(this.tokenize(newString, options));
    return this.diffWithOptionsObj(oldTokens, newTokens, options, callback);
  }
  diffWithOptionsObj(oldTokens, newTokens, options, callback) {
    var _a;
    const done = (value) => {
      value = this.postProcess(value, options);
      if (callback) {
        setTimeout(function() {
          callback(value);
        }, 0);
        return void 0;
      } else {
        return value;
      }
    };
    const newLen = newTokens.length, oldLen = oldTokens.length;
    let editLength = 1;
    let maxEditLength = newLen + oldLen;
    if (options.maxEditLength != null) {
      maxEditLength = Math.min(maxEditLength, options.maxEditLength);
    }
    const maxExecutionTime = (_a = options.timeout) !== null && _a !== void 0 ? _a : Infinity;
    const abortAfterTimestamp = Date.now() + maxExecutionTime;
    const bestPath = [{ oldPos: -1, lastComponent: void 0 }];
    let newPos = this.extractCommon(bestPath[0], newTokens, oldTokens, 0, options);
    if (bestPath[0].oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
      return done(this.buildValues(bestPath[0].lastComponent, newTokens, oldTokens));
    }
    let minDiagonalToConsider = -Infinity, maxDiagonalToConsider = Infinity;
    const execEditLength = () => {
      for (let diagonalPath = Math.max(minDiagonalToConsider, -editLength); diagonalPath <= Math.min(maxDiagonalToConsider, editLength); diagonalPath += 2) {
        let basePath;
        const removePath = bestPath[diagonalPath - 1], addPath = bestPath[diagonalPath + 1];
        if (removePath) {
          bestPath[diagonalPath - 1] = void 0;
        }
        let canAdd = false;
        if (addPath) {
          const addPathNewPos = addPath.oldPos - diagonalPath;
          canAdd = addPath && 0 <= addPathNewPos && addPathNewPos < newLen;
        }
        const canRemove = removePath && removePath.oldPos + 1 < oldLen;
        if (!canAdd && !canRemove) {
          bestPath[diagonalPath] = void 0;
          continue;
        }
        if (!canRemove || canAdd && removePath.oldPos < addPath.oldPos) {
          basePath = this.addToPath(addPath, true, false, 0, options);
        } else {
          basePath = this.addToPath(removePath, false, true, 1, options);
        }
        newPos = this.extractCommon(basePath, newTokens, oldTokens, diagonalPath, options);
        if (basePath.oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
          return done(this.buildValues(basePath.lastComponent, newTokens, oldTokens)) || true;
        } else {
          bestPath[diagonalPath] = basePath;
          if (basePath.oldPos + 1 >= oldLen) {
            maxDiagonalToConsider = Math.min(maxDiagonalToConsider, diagonalPath - 1);
          }
          if (newPos + 1 >= newLen) {
            minDiagonalToConsider = Math.max(minDiagonalToConsider, diagonalPath + 1);
          }
        }
      }
      editLength++;
    };
    if (callback) {
      (function exec() {
        setTimeout(function() {
          if (editLength > maxEditLength || Date.now() > abortAfterTimestamp) {
            return callback(void 0);
          }
          if (!execEditLength()) {
            exec();
          }
        }, 0);
      })();
    } else {
      while (editLength <= maxEditLength && Date.now() <= abortAfterTimestamp) {
        const ret = execEditLength();
        if (ret) {
          return ret;
        }
      }
    }
  }
  addToPath(path, added, removed, oldPosInc, options) {
    const last = path.lastComponent;
    if (last && !options.oneChangePerToken && last.added === added && last.removed === removed) {
      return {
        oldPos: path.oldPos + oldPosInc,
        lastComponent: { count: last.count + 1, added, removed, previousComponent: last.previousComponent }
      };
    } else {
      return {
        oldPos: path.oldPos + oldPosInc,
        lastComponent: { count: 1, added, removed, previousComponent: last }
      };
    }
  }
  extractCommon(basePath, newTokens, oldTokens, diagonalPath, options) {
    const newLen = newTokens.length, oldLen = oldTokens.length;
    let oldPos = basePath.oldPos, newPos = oldPos - diagonalPath, commonCount = 0;
    while (newPos + 1 < newLen && oldPos + 1 < oldLen && this.equals(oldTokens[oldPos + 1], newTokens[newPos + 1], options)) {
      newPos++;
      oldPos++;
      commonCount++;
      if (options.oneChangePerToken) {
        basePath.lastComponent = { count: 1, previousComponent: basePath.lastComponent, added: false, removed: false };
      }
    }
    if (commonCount && !options.oneChangePerToken) {
      basePath.lastComponent = { count: commonCount, previousComponent: basePath.lastComponent, added: false, removed: false };
    }
    basePath.oldPos = oldPos;
    return newPos;
  }
  equals(left, right, options) {
    if (options.comparator) {
      return options.comparator(left, right);
    } else {
      return left === right || !!options.ignoreCase && left.toLowerCase() === right.toLowerCase();
    }
  }
  removeEmpty(array) {
    const ret = [];
    for (let i = 0; i < array.length; i++) {
      if (array[i]) {
        ret.push(array[i]);
      }
    }
    return ret;
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  castInput(value, options) {
    return value;
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  tokenize(value, options) {
    return Array.from(value);
  }
  join(chars) {
    return chars.join("");
  }
  postProcess(changeObjects, options) {
    return changeObjects;
  }
  get useLongestToken() {
    return false;
  }
  buildValues(lastComponent, newTokens, oldTokens) {
    const components = [];
    let nextComponent;
    while (lastComponent) {
      components.push(lastComponent);
      nextComponent = lastComponent.previousComponent;
      delete lastComponent.previousComponent;
      lastComponent = nextComponent;
    }
    components.reverse();
    const componentLen = components.length;
    let componentPos = 0, newPos = 0, oldPos = 0;
    for (; componentPos < componentLen; componentPos++) {
      const component = components[componentPos];
      if (!component.removed) {
        if (!component.added && this.useLongestToken) {
          let value = newTokens.slice(newPos, newPos + component.count);
          value = value.map(function(value2, i) {
            const oldValue = oldTokens[oldPos + i];
            return oldValue.length > value2.length ? oldValue : value2;
          });
          component.value = this.join(value);
        } else {
          component.value = this.join(newTokens.slice(newPos, newPos + component.count));
        }
        newPos += component.count;
        if (!component.added) {
          oldPos += component.count;
        }
      } else {
        component.value = this.join(oldTokens.slice(oldPos, oldPos + component.count));
        oldPos += component.count;
      }
    }
    return components;
  }
};

// node_modules/diff/libesm/diff/line.js
var LineDiff = class extends Diff {
  constructor() {
    super(...arguments);
    this.tokenize = tokenize;
  }
  equals(left, right, options) {
    if (options.ignoreWhitespace) {
      if (!options.newlineIsToken || !left.includes("\n")) {
        left = left.trim();
      }
      if (!options.newlineIsToken || !right.includes("\n")) {
        right = right.trim();
      }
    } else if (options.ignoreNewlineAtEof && !options.newlineIsToken) {
      if (left.endsWith("\n")) {
        left = left.slice(0, -1);
      }
      if (right.endsWith("\n")) {
        right = right.slice(0, -1);
      }
    }
    return super.equals(left, right, options);
  }
};
var lineDiff = new LineDiff();
function diffLines(oldStr, newStr, options) {
  return lineDiff.diff(oldStr, newStr, options);
}
function tokenize(value, options) {
  if (options.stripTrailingCr) {
    value = value.replace(/\r\n/g, "\n");
  }
  const retLines = [], linesAndNewlines = value.split(/(\n|\r\n)/);
  if (!linesAndNewlines[linesAndNewlines.length - 1]) {
    linesAndNewlines.pop();
  }
  for (let i = 0; i < linesAndNewlines.length; i++) {
    const line = linesAndNewlines[i];
    if (i % 2 && !options.newlineIsToken) {
      retLines[retLines.length - 1] += line;
    } else {
      retLines.push(line);
    }
  }
  return retLines;
}

// node_modules/diff/libesm/patch/create.js
function needsQuoting(s) {
  for (let i = 0; i < s.length; i++) {
    if (s[i] < " " || s[i] > "~" || s[i] === '"' || s[i] === "\\") {
      return true;
    }
  }
  return false;
}
function quoteFileNameIfNeeded(s) {
  if (!needsQuoting(s)) {
    return s;
  }
  let result = '"';
  const bytes = new TextEncoder().encode(s);
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b === 7) {
      result += "\\a";
    } else if (b === 8) {
      result += "\\b";
    } else if (b === 9) {
      result += "\\t";
    } else if (b === 10) {
      result += "\\n";
    } else if (b === 11) {
      result += "\\v";
    } else if (b === 12) {
      result += "\\f";
    } else if (b === 13) {
      result += "\\r";
    } else if (b === 34) {
      result += '\\"';
    } else if (b === 92) {
      result += "\\\\";
    } else if (b >= 32 && b <= 126) {
      result += String.fromCharCode(b);
    } else {
      result += "\\" + b.toString(8).padStart(3, "0");
    }
    i++;
  }
  result += '"';
  return result;
}
var INCLUDE_HEADERS = {
  includeIndex: true,
  includeUnderline: true,
  includeFileHeaders: true
};
function structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options) {
  let optionsObj;
  if (!options) {
    optionsObj = {};
  } else if (typeof options === "function") {
    optionsObj = { callback: options };
  } else {
    optionsObj = options;
  }
  if (typeof optionsObj.context === "undefined") {
    optionsObj.context = 4;
  }
  const context = optionsObj.context;
  if (optionsObj.newlineIsToken) {
    throw new Error("newlineIsToken may not be used with patch-generation functions, only with diffing functions");
  }
  if (!optionsObj.callback) {
    return diffLinesResultToPatch(diffLines(oldStr, newStr, optionsObj));
  } else {
    const { callback } = optionsObj;
    diffLines(oldStr, newStr, Object.assign(Object.assign({}, optionsObj), { callback: (diff) => {
      const patch2 = diffLinesResultToPatch(diff);
      callback(patch2);
    } }));
  }
  function diffLinesResultToPatch(diff) {
    if (!diff) {
      return;
    }
    diff.push({ value: "", lines: [] });
    function contextLines(lines) {
      return lines.map(function(entry) {
        return " " + entry;
      });
    }
    const hunks = [];
    let oldRangeStart = 0, newRangeStart = 0, curRange = [], oldLine = 1, newLine = 1;
    for (let i = 0; i < diff.length; i++) {
      const current = diff[i], lines = current.lines || splitLines(current.value);
      current.lines = lines;
      if (current.added || current.removed) {
        if (!oldRangeStart) {
          const prev = diff[i - 1];
          oldRangeStart = oldLine;
          newRangeStart = newLine;
          if (prev) {
            curRange = context > 0 ? contextLines(prev.lines.slice(-context)) : [];
            oldRangeStart -= curRange.length;
            newRangeStart -= curRange.length;
          }
        }
        for (const line of lines) {
          curRange.push((current.added ? "+" : "-") + line);
        }
        if (current.added) {
          newLine += lines.length;
        } else {
          oldLine += lines.length;
        }
      } else {
        if (oldRangeStart) {
          if (lines.length <= context * 2 && i < diff.length - 2) {
            for (const line of contextLines(lines)) {
              curRange.push(line);
            }
          } else {
            const contextSize = Math.min(lines.length, context);
            for (const line of contextLines(lines.slice(0, contextSize))) {
              curRange.push(line);
            }
            const hunk = {
              oldStart: oldRangeStart,
              oldLines: oldLine - oldRangeStart + contextSize,
              newStart: newRangeStart,
              newLines: newLine - newRangeStart + contextSize,
              lines: curRange
            };
            hunks.push(hunk);
            oldRangeStart = 0;
            newRangeStart = 0;
            curRange = [];
          }
        }
        oldLine += lines.length;
        newLine += lines.length;
      }
    }
    for (const hunk of hunks) {
      for (let i = 0; i < hunk.lines.length; i++) {
        if (hunk.lines[i].endsWith("\n")) {
          hunk.lines[i] = hunk.lines[i].slice(0, -1);
        } else {
          hunk.lines.splice(i + 1, 0, "\\ No newline at end of file");
          i++;
        }
      }
    }
    return {
      oldFileName,
      newFileName,
      oldHeader,
      newHeader,
      hunks
    };
  }
}
function formatPatch(patch2, headerOptions) {
  var _a, _b, _c, _d, _e, _f;
  if (!headerOptions) {
    headerOptions = INCLUDE_HEADERS;
  }
  if (Array.isArray(patch2)) {
    if (patch2.length > 1 && !headerOptions.includeFileHeaders && !patch2.every((p) => p.isGit)) {
      throw new Error("Cannot omit file headers on a multi-file patch. (The result would be unparseable; how would a tool trying to apply the patch know which changes are to which file?)");
    }
    return patch2.map((p) => formatPatch(p, headerOptions)).join("\n");
  }
  const ret = [];
  if (patch2.isGit) {
    headerOptions = INCLUDE_HEADERS;
    if (!patch2.oldFileName) {
      throw new Error("oldFileName must be specified for Git patches");
    }
    if (!patch2.newFileName) {
      throw new Error("newFileName must be specified for Git patches");
    }
    let gitOldName = patch2.oldFileName;
    let gitNewName = patch2.newFileName;
    if (patch2.isCreate && gitOldName === "/dev/null") {
      gitOldName = gitNewName.replace(/^b\//, "a/");
    } else if (patch2.isDelete && gitNewName === "/dev/null") {
      gitNewName = gitOldName.replace(/^a\//, "b/");
    }
    ret.push("diff --git " + quoteFileNameIfNeeded(gitOldName) + " " + quoteFileNameIfNeeded(gitNewName));
    if (patch2.isDelete) {
      ret.push("deleted file mode " + ((_a = patch2.oldMode) !== null && _a !== void 0 ? _a : "100644"));
    }
    if (patch2.isCreate) {
      ret.push("new file mode " + ((_b = patch2.newMode) !== null && _b !== void 0 ? _b : "100644"));
    }
    if (patch2.oldMode && patch2.newMode && !patch2.isDelete && !patch2.isCreate) {
      ret.push("old mode " + patch2.oldMode);
      ret.push("new mode " + patch2.newMode);
    }
    if (patch2.isRename) {
      ret.push("rename from " + quoteFileNameIfNeeded(((_c = patch2.oldFileName) !== null && _c !== void 0 ? _c : "").replace(/^a\//, "")));
      ret.push("rename to " + quoteFileNameIfNeeded(((_d = patch2.newFileName) !== null && _d !== void 0 ? _d : "").replace(/^b\//, "")));
    }
    if (patch2.isCopy) {
      ret.push("copy from " + quoteFileNameIfNeeded(((_e = patch2.oldFileName) !== null && _e !== void 0 ? _e : "").replace(/^a\//, "")));
      ret.push("copy to " + quoteFileNameIfNeeded(((_f = patch2.newFileName) !== null && _f !== void 0 ? _f : "").replace(/^b\//, "")));
    }
  } else {
    if (headerOptions.includeIndex && patch2.oldFileName == patch2.newFileName && patch2.oldFileName !== void 0) {
      ret.push("Index: " + patch2.oldFileName);
    }
    if (headerOptions.includeUnderline) {
      ret.push("===================================================================");
    }
  }
  const hasHunks = patch2.hunks.length > 0;
  if (headerOptions.includeFileHeaders && patch2.oldFileName !== void 0 && patch2.newFileName !== void 0 && (!patch2.isGit || hasHunks)) {
    ret.push("--- " + quoteFileNameIfNeeded(patch2.oldFileName) + (patch2.oldHeader ? "	" + patch2.oldHeader : ""));
    ret.push("+++ " + quoteFileNameIfNeeded(patch2.newFileName) + (patch2.newHeader ? "	" + patch2.newHeader : ""));
  }
  for (let i = 0; i < patch2.hunks.length; i++) {
    const hunk = patch2.hunks[i];
    const oldStart = hunk.oldLines === 0 ? hunk.oldStart - 1 : hunk.oldStart;
    const newStart = hunk.newLines === 0 ? hunk.newStart - 1 : hunk.newStart;
    ret.push("@@ -" + oldStart + "," + hunk.oldLines + " +" + newStart + "," + hunk.newLines + " @@");
    for (const line of hunk.lines) {
      ret.push(line);
    }
  }
  return ret.join("\n") + "\n";
}
function createTwoFilesPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options) {
  if (typeof options === "function") {
    options = { callback: options };
  }
  if (!(options === null || options === void 0 ? void 0 : options.callback)) {
    const patchObj = structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options);
    if (!patchObj) {
      return;
    }
    return formatPatch(patchObj, options === null || options === void 0 ? void 0 : options.headerOptions);
  } else {
    const { callback } = options;
    structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, Object.assign(Object.assign({}, options), { callback: (patchObj) => {
      if (!patchObj) {
        callback(void 0);
      } else {
        callback(formatPatch(patchObj, options.headerOptions));
      }
    } }));
  }
}
function splitLines(text2) {
  const hasTrailingNl = text2.endsWith("\n");
  const result = text2.split("\n").map((line) => line + "\n");
  if (hasTrailingNl) {
    result.pop();
  } else {
    result.push(result.pop().slice(0, -1));
  }
  return result;
}

// src/cli/diff.ts
function unifiedDiff(f) {
  const bom = f.bom ? "\uFEFF" : "";
  const patch2 = createTwoFilesPatch(`a/${f.path}`, `b/${f.path}`, bom + f.before, bom + f.after, void 0, void 0, { context: 3 });
  return `diff --git a/${f.path} b/${f.path}
${patch2.replace(/^(?:Index: .*\n)?=+\n/, "")}`;
}

// src/cli/mv.ts
function patch(a, b, before, after, bom) {
  const p = createTwoFilesPatch(`a/${a}`, `b/${b}`, (bom ? "\uFEFF" : "") + before, (bom ? "\uFEFF" : "") + after, void 0, void 0, { context: 3 });
  return p.replace(/^(?:Index: .*\n)?=+\n/, "");
}
function rootRelative(io, root, arg, usage) {
  const rel = relative6(root, resolve5(io.cwd, arg)).split(sep6).join("/");
  if (rel === ".." || rel.startsWith("../") || /^[a-zA-Z]:/.test(rel) || rel.startsWith("/")) throw usage(`${arg}: outside the root ${root}; give --root`);
  return rel;
}
async function mvCommand(io, args, options, setup) {
  const { root, config, repo, cacheKey: cacheKey2, cacheLocation, cacheSecret: cacheSecret2, usage } = setup;
  if (args.length !== 2) throw usage("mv takes two paths: OLD NEW (a page or a folder, and where it goes)");
  const from = rootRelative(io, root, args[0], usage);
  const to = rootRelative(io, root, args[1], usage);
  const cache = cacheLocation === void 0 ? void 0 : new FileCache(cacheLocation, cacheKey2, { root, ...cacheSecret2 ? { secret: cacheSecret2 } : {} });
  const links = archiveLinks({ root, config, repo, cache });
  for (const w of cacheWarnings(cache)) io.stderr.write(`archive-lint: warning: ${visible(w)}
`);
  const plan = planMove(links, { root, config, repo, from, to });
  if (typeof plan === "string") throw usage(plan);
  for (const u of plan.unrewritable) io.stderr.write(`archive-lint: ${visible(u.path)}:${u.line}:${u.column}: cannot rewrite the link '${visible(u.url)}' (its text is not the URL as written)
`);
  if (plan.unrewritable.length && !options.force) {
    io.stderr.write(`archive-lint: not moved: ${plan.unrewritable.length} link${plan.unrewritable.length === 1 ? "" : "s"} to ${visible(from)} cannot be rewritten; fix ${plan.unrewritable.length === 1 ? "it" : "them"} by hand, or give --force to move anyway
`);
    return 2;
  }
  const linksCount = plan.edits.reduce((n2, e) => n2 + e.links, 0);
  const what = `${plan.folder ? `folder (${plan.moves.length} files)` : "file"} ${visible(from)} → ${visible(to)}`;
  if (options.dryRun) {
    const edits = new Map(plan.edits.map((e) => [e.path, e]));
    const out = [];
    for (const [a, b] of plan.moves) {
      const e = edits.get(a);
      out.push(`diff --git a/${a} b/${b}
rename from ${a}
rename to ${b}
${e ? patch(a, b, e.before, e.after, e.bom) : ""}`);
    }
    for (const e of plan.edits) if (e.newPath === e.path) out.push(unifiedDiff({ path: e.path, before: e.before, after: e.after, bom: e.bom, fixes: e.links, written: false }));
    io.stdout.write(out.join(""));
    io.stderr.write(`archive-lint: mv --dry-run: would move the ${what} and rewrite ${linksCount} link${linksCount === 1 ? "" : "s"} in ${plan.edits.length} file${plan.edits.length === 1 ? "" : "s"}; nothing was written
`);
    return 0;
  }
  const done = executeMove(root, plan, config.maxFileSize);
  if (typeof done === "string") {
    io.stderr.write(`archive-lint: ${visible(done)}
`);
    return 2;
  }
  io.stderr.write(`archive-lint: moved the ${what}${done.git ? " (git mv)" : ""}; rewrote ${linksCount} link${linksCount === 1 ? "" : "s"} in ${done.written.length} file${done.written.length === 1 ? "" : "s"}
`);
  return 0;
}

// src/rule-set.ts
var here = import.meta.url;
var rulesModule = here.endsWith("/src/rule-set.ts") ? new URL("../rules/index.ts", here).href : here.endsWith("/src/rule-set.js") ? new URL("../rules/index.js", here).href : new URL("./rules.js", here).href;

// src/formatters/stylish.ts
var import_picocolors = __toESM(require_picocolors(), 1);

// src/formatters/paths.ts
import { relative as relative7, sep as sep7 } from "node:path";
function relPath(base, abs) {
  return relative7(base, abs).split(sep7).join("/") || ".";
}

// src/formatters/stylish.ts
var MAX_PER_KIND = 10;
function plural(n2, word) {
  return `${n2} ${word}${n2 === 1 ? "" : "s"}`;
}
var stylish = (results, ctx) => {
  const c = (0, import_picocolors.createColors)(ctx.color);
  const out = [];
  for (const r of results) {
    if (r.messages.length === 0) continue;
    out.push("", c.underline(visibleLineStart(relPath(ctx.cwd, r.filePath))));
    const seen = /* @__PURE__ */ new Map();
    const hidden = /* @__PURE__ */ new Map();
    const shown = r.messages.filter((m) => {
      const key = `${m.ruleId ?? ""}\0${m.messageId ?? ""}`;
      const n2 = (seen.get(key) ?? 0) + 1;
      seen.set(key, n2);
      if (n2 <= MAX_PER_KIND) return true;
      const h = hidden.get(key) ?? { count: 0, ruleId: m.ruleId ?? "", messageId: m.messageId ?? "" };
      h.count++;
      hidden.set(key, h);
      return false;
    });
    const rows = shown.map((m) => [
      `${m.line}:${m.column}`,
      m.severity === 2 ? "error" : "warning",
      visible(m.message),
      m.ruleId ?? ""
    ]);
    const w0 = Math.max(...rows.map((x) => x[0].length));
    const w1 = "warning".length;
    for (const [pos = "", sev = "", msg = "", id = ""] of rows) {
      const sevText = sev === "error" ? c.red(sev.padEnd(w1)) : c.yellow(sev.padEnd(w1));
      out.push(`  ${c.dim(pos.padEnd(w0))}  ${sevText}  ${msg}  ${c.dim(id)}`.trimEnd());
    }
    for (const h of hidden.values()) out.push(c.dim(`  … and ${h.count} more ${h.messageId} (${h.ruleId}) in this file`));
  }
  const t = totals(results);
  const problems = t.errors + t.warnings;
  if (problems > 0) {
    const line = `✖ ${plural(problems, "problem")} (${plural(t.errors, "error")}, ${plural(t.warnings, "warning")})`;
    out.push("", c.bold(t.errors ? c.red(line) : c.yellow(line)));
    const fixable = t.fixableErrors + t.fixableWarnings;
    if (fixable) out.push(c.bold(`  ${plural(fixable, "problem")} potentially fixable with the \`--fix\` option.`));
    out.push("");
  }
  const notChecked = notCheckedTotal(results);
  if (notChecked) out.push(c.dim(`${notCheckedText(notChecked)}.`), "");
  return out.join("\n");
};

// src/formatters/json.ts
var json = (results) => JSON.stringify(results);
function* jsonChunks(results) {
  yield "[";
  let first = true;
  for (const r of results) {
    if (!first) yield ",";
    yield packedJson(r) ?? JSON.stringify(r);
    first = false;
  }
  yield "]";
}

// src/formatters/sarif.ts
import { pathToFileURL } from "node:url";

// src/formatters/order.ts
function rank(m) {
  return (m.introduced === false ? 2 : 0) + (m.severity === 2 ? 0 : 1);
}
function* errorsFirst(results) {
  for (let group = 0; group < 4; group++) {
    for (const r of results) {
      for (const m of r.messages) if (rank(m) === group) yield [r, m];
    }
  }
}

// src/formatters/sarif.ts
var SARIF_LIMIT = 5e3;
var sarif = (results, ctx) => {
  const ruleIndex = new Map(ctx.rules.map((r, i) => [r.id, i]));
  const limit = ctx.sarifLimit ?? SARIF_LIMIT;
  const sarifResults = [];
  const notifications = [];
  let omitted = 0;
  const uris = /* @__PURE__ */ new Map();
  for (const [r, m] of errorsFirst(results)) {
    if (m.ruleId !== null && sarifResults.length >= limit) {
      omitted++;
      continue;
    }
    let uri = uris.get(r);
    if (uri === void 0) uris.set(r, uri = encodePath(relPath(ctx.root, r.filePath)));
    const location = {
      physicalLocation: {
        artifactLocation: { uri, uriBaseId: "%SRCROOT%" },
        region: { startLine: m.line, startColumn: m.column, endLine: m.endLine ?? m.line, endColumn: m.endColumn ?? m.column }
      }
    };
    if (m.ruleId === null) {
      notifications.push({ level: "error", message: { text: m.message }, locations: [location] });
      continue;
    }
    sarifResults.push({
      ruleId: m.ruleId,
      ruleIndex: ruleIndex.get(m.ruleId),
      level: m.severity === 2 ? "error" : "warning",
      message: { text: m.message },
      locations: [location]
    });
  }
  const kept = sarifResults.length;
  const total2 = kept + omitted;
  if (omitted > 0) {
    ctx.warn?.(`SARIF: kept ${kept} of ${total2} results, errors first (GitHub code scanning keeps at most ${SARIF_LIMIT} a run); --format json has every one`);
  }
  const root = pathToFileURL(ctx.root).href.replace(/\/?$/, "/");
  return JSON.stringify(
    {
      $schema: "https://json.schemastore.org/sarif-2.1.0.json",
      version: "2.1.0",
      runs: [
        {
          tool: {
            driver: {
              name: "archive-lint",
              version: ctx.version,
              semanticVersion: ctx.version,
              informationUri: REPOSITORY_URL,
              rules: ctx.rules.map((r) => ({
                id: r.id,
                name: r.id.replace(/(^|-)(\w)/g, (_m, _d, ch) => ch.toUpperCase()),
                shortDescription: { text: r.description },
                fullDescription: { text: r.description },
                helpUri: docsUrl(r.id),
                help: { text: `${r.description} See ${docsUrl(r.id)}` },
                defaultConfiguration: { level: r.defaultSeverity === "error" ? "error" : r.defaultSeverity === "warn" ? "warning" : "none" },
                properties: { tags: ["markdown", "archive"] }
              }))
            }
          },
          originalUriBaseIds: { "%SRCROOT%": { uri: root } },
          invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
          columnKind: "utf16CodeUnits",
          results: sarifResults,
          ...omitted > 0 ? { properties: { "archive-lint/truncated": true, "archive-lint/totalResults": total2, "archive-lint/keptResults": kept } } : {}
        }
      ]
    },
    null,
    2
  );
};

// src/formatters/github.ts
var ANNOTATIONS_LIMIT = 50;
function escapeData(s) {
  return visible(s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A"));
}
function escapeProperty(s) {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function githubAnnotations(results, ctx, limit) {
  const lines = [];
  let omitted = 0;
  for (const [r, m] of errorsFirst(results)) {
    if (lines.length >= limit) {
      omitted++;
      continue;
    }
    const props = [`file=${escapeProperty(relPath(ctx.cwd, r.filePath))}`, `line=${m.line}`, `col=${m.column}`];
    if (m.endLine !== void 0) props.push(`endLine=${m.endLine}`);
    if (m.endColumn !== void 0 && m.endLine === m.line) props.push(`endColumn=${m.endColumn}`);
    props.push(`title=${escapeProperty(m.ruleId ?? "archive-lint")}`);
    lines.push(`::${m.severity === 2 ? "error" : "warning"} ${props.join(",")}::${escapeData(m.message)}`);
  }
  return { lines, omitted };
}
var github = (results, ctx) => {
  const limit = ctx.annotationsLimit ?? ANNOTATIONS_LIMIT;
  const { lines, omitted } = githubAnnotations(results, ctx, limit);
  if (omitted > 0 && limit > 0) {
    lines.pop();
    const left = omitted + 1;
    const total2 = lines.length + left;
    lines.push(
      `::notice::${escapeData(`archive-lint: ${left} of ${total2} problems are not annotated (GitHub shows only the first annotations of a job; errors come first). The complete list is in the job summary (--format markdown).`)}`
    );
  }
  return lines.length ? `${lines.join("\n")}
` : "";
};

// src/core/report/summary.ts
import { relative as relative8, sep as sep8 } from "node:path";
var MISSING = {
  missingFile: { what: "file", target: /'([^']+)'/ },
  deleted: { what: "file", target: /'([^']+)'/ },
  renamed: { what: "file", target: /'([^']+)'/ },
  mirrorMissing: { what: "file in a mirror", target: /'([^']+)'/ },
  originalSitePath: { what: "original-site path", target: /'([^']+)'/ },
  unmirroredPage: { what: "page never mirrored", target: /never mirrored: (\S+)$/ }
};
var MISSING_RULES = /* @__PURE__ */ new Set(["no-broken-links", "no-missing-images"]);
function missingTarget(m) {
  if (m.ruleId === null || !MISSING_RULES.has(m.ruleId) || m.messageId === void 0) return void 0;
  const kind = Object.hasOwn(MISSING, m.messageId) ? MISSING[m.messageId] : void 0;
  const target = kind?.target.exec(m.message)?.[1];
  return kind && target !== void 0 ? { target, what: kind.what } : void 0;
}
function rootRelative2(root, file) {
  return relative8(root, file).split(sep8).join("/");
}
function folderAt(rel, depth) {
  const parts2 = rel.split("/");
  parts2.pop();
  return parts2.slice(0, depth).join("/") || ".";
}
var FEW_FOLDERS = 8;
var MANY_FOLDERS = 400;
function folderDepth(rels) {
  const dirs = /* @__PURE__ */ new Set();
  for (const rel of rels) dirs.add(folderAt(rel, Infinity));
  const deepest = Math.max(1, ...[...dirs].map((d) => d === "." ? 0 : d.split("/").length));
  let depth = 1;
  while (depth < deepest) {
    const here2 = new Set([...dirs].map((d) => folderAt(`${d}/x`, depth))).size;
    if (here2 >= FEW_FOLDERS) break;
    const next = new Set([...dirs].map((d) => folderAt(`${d}/x`, depth + 1))).size;
    if (next > MANY_FOLDERS) break;
    depth++;
  }
  return depth;
}
function summarize(results, root) {
  const byRule = /* @__PURE__ */ new Map();
  const byFolder = /* @__PURE__ */ new Map();
  const missingTargets = /* @__PURE__ */ new Map();
  const rels = results.map((r) => rootRelative2(root, r.filePath));
  const depth = folderDepth(rels);
  results.forEach((r, i) => {
    const folder = folderAt(rels[i], depth);
    const f = byFolder.get(folder) ?? { errors: 0, warnings: 0, files: 0 };
    f.files++;
    byFolder.set(folder, f);
    for (const m of r.messages) {
      const n2 = m.occurrences ?? 1;
      const id = m.ruleId ?? "(file errors)";
      const c = byRule.get(id) ?? { errors: 0, warnings: 0, kinds: /* @__PURE__ */ new Map() };
      if (m.severity === 2) {
        c.errors += n2;
        f.errors += n2;
      } else {
        c.warnings += n2;
        f.warnings += n2;
      }
      const kind = m.messageId ?? "fatal";
      c.kinds.set(kind, (c.kinds.get(kind) ?? 0) + n2);
      byRule.set(id, c);
      const missing = missingTarget(m);
      if (missing !== void 0) {
        const t = missingTargets.get(missing.target) ?? { links: 0, what: missing.what, image: false };
        t.links += n2;
        if (m.ruleId === "no-missing-images") t.image = true;
        missingTargets.set(missing.target, t);
      }
    }
  });
  return { byRule, byFolder, folderDepth: depth, missingTargets, files: results.length };
}
function sortedRows(map) {
  return [...map].sort((a, b) => b[1].errors - a[1].errors || b[1].warnings - a[1].warnings || a[0].localeCompare(b[0]));
}
function topMissing(map) {
  return [...map].sort((a, b) => b[1].links - a[1].links || a[0].localeCompare(b[0]));
}
function kindName(rules2, ruleId, kind) {
  if (ruleId === null && kind === "tooManyMessages") return "more problems not listed";
  if (ruleId === null || kind === "fatal") return "file not linted";
  const named = rules2.find((r) => r.id === ruleId)?.kindNames?.[kind];
  return named ?? kind.replace(/([a-z\d])([A-Z])/g, "$1 $2").toLowerCase();
}
function kindsText(rules2, ruleId, kinds, format = String) {
  return [...kinds].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, n2]) => `${kindName(rules2, ruleId.startsWith("(") ? null : ruleId, k)} ${format(n2)}`).join(", ");
}

// src/core/report/plan.ts
function fixPlan(results, root, rules2, limit = 5) {
  const rels = results.map((r) => rootRelative2(root, r.filePath));
  const depth = folderDepth(rels);
  const groups = [/* @__PURE__ */ new Map(), /* @__PURE__ */ new Map()];
  const fix = { findings: 0, errors: 0, warnings: 0, files: 0 };
  let unsafe = 0;
  const unsafeRules = /* @__PURE__ */ new Set();
  results.forEach((r, at) => {
    const folder = folderAt(rels[at], depth);
    let fixedHere = false;
    for (const m of r.messages) {
      const sev = m.severity === 2 ? 1 : 0;
      const safe = m.fix !== void 0;
      const onlyUnsafe = !safe && (m.suggestions?.length ?? 0) > 0;
      if (safe) {
        fix.findings++;
        if (sev) fix.errors++;
        else fix.warnings++;
        fixedHere = true;
      } else if (onlyUnsafe) {
        unsafe++;
        if (m.ruleId !== null) unsafeRules.add(m.ruleId);
      }
      const messageId = m.messageId ?? (m.ruleId === null ? "fatal" : "");
      const key = `${m.ruleId ?? ""}\0${messageId}`;
      const map = groups[sev];
      let g = map.get(key);
      if (g === void 0) {
        g = { ruleId: m.ruleId, messageId, count: 0, safe: 0, unsafe: 0, files: /* @__PURE__ */ new Set(), folders: /* @__PURE__ */ new Map(), targets: /* @__PURE__ */ new Map(), first: { file: rels[at], line: m.line } };
        map.set(key, g);
      }
      g.count++;
      if (safe) g.safe++;
      else if (onlyUnsafe) g.unsafe++;
      g.files.add(at);
      g.folders.set(folder, (g.folders.get(folder) ?? 0) + 1);
      const target = missingTarget(m);
      if (target !== void 0) g.targets.set(target.target, (g.targets.get(target.target) ?? 0) + 1);
    }
    if (fixedHere) fix.files++;
  });
  const severity = groups[1].size > 0 ? 2 : 1;
  const chosen = [...groups[severity - 1].values()].sort(
    (a, b) => b.count - a.count || (a.ruleId ?? "").localeCompare(b.ruleId ?? "") || a.messageId.localeCompare(b.messageId)
  );
  const byRule = /* @__PURE__ */ new Map();
  for (const g of chosen) byRule.set(g.ruleId, (byRule.get(g.ruleId) ?? 0) + g.count);
  const steps = chosen.slice(0, limit).map((g) => step(g, severity, rules2, unsafeRules, byRule.get(g.ruleId) === g.count));
  return { steps, more: Math.max(0, chosen.length - steps.length), severity, fix, unsafe };
}
function step(g, severity, rules2, unsafeRules, wholeRule) {
  const s = {
    ruleId: g.ruleId,
    messageId: g.messageId,
    kind: kindName(rules2, g.ruleId, g.messageId),
    count: g.count,
    severity,
    files: g.files.size,
    safe: g.safe,
    unsafe: g.unsafe,
    first: g.first
  };
  const [folder, inFolder] = [...g.folders].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? ["", 0];
  if (inFolder * 2 >= g.count && g.folders.size > 1 && folder !== ".") s.folder = { name: folder, count: inFolder };
  const [target, links] = [...g.targets].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? ["", 0];
  if (links > 0) s.target = { name: target, links, targets: g.targets.size };
  if (g.safe > 0) s.command = "archive-lint check --fix";
  else if (g.unsafe > 0 && g.ruleId !== null) {
    const others = [...unsafeRules].filter((id) => id !== g.ruleId).sort();
    s.command = ["archive-lint check --fix-unsafe", ...others.map((id) => `--rule ${id}=off`)].join(" ");
  }
  if (g.ruleId !== null && g.safe + g.unsafe < g.count) {
    const off = severity === 2 ? "warn" : "off";
    if (s.folder) s.config = `"overrides": [{ "files": ["${jsonText(s.folder.name)}/**"], "rules": { "${g.ruleId}": "${off}" } }]`;
    else if (wholeRule) s.config = `"rules": { "${g.ruleId}": "${off}" }`;
  }
  return s;
}
function jsonText(s) {
  return JSON.stringify(s).slice(1, -1);
}
function stepAdvice(s, format = String) {
  const parts2 = [];
  if (s.safe === s.count) parts2.push(s.count === 1 ? "--fix fixes it" : "--fix fixes all of them");
  else if (s.safe > 0) parts2.push(`--fix fixes ${format(s.safe)}`);
  if (s.unsafe === s.count) parts2.push(`${s.count === 1 ? "it has" : "each has"} an unsafe fix, which may change what a reader sees: review it with --fix-dry-run first`);
  else if (s.unsafe > 0) parts2.push(`${format(s.unsafe)} have an unsafe fix`);
  if (s.target && (s.target.links > 1 || s.count === 1)) {
    const more = s.target.targets > 1 ? ` (the most-linked of ${format(s.target.targets)} missing targets)` : "";
    parts2.push(`${s.target.links === s.count ? s.count === 1 ? "it links" : "all link" : `${format(s.target.links)} of them link`} to '${s.target.name}'${more}: restore it or rewrite the links`);
  }
  if (s.folder) parts2.push(`${format(s.folder.count)} in ${s.folder.name}/`);
  return parts2.join("; ");
}

// src/formatters/markdown.ts
var MAX_ROWS = 50;
var TOP_FOLDERS = 20;
var TOP_MISSING = 10;
var SUMMARY_LIMIT_BYTES = 1024 * 1024;
function cell(s) {
  return visible(s).replace(/[\\`*_[\]!|~#]/g, (c) => `\\${c}`).replace(/[&<>]/g, (c) => c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;");
}
function count(n2, noun) {
  return `${n2.toLocaleString("en-US")} ${noun}${n2 === 1 ? "" : "s"}`;
}
var markdown = (results, ctx) => markdownSummary(results, ctx).text;
function markdownSummary(results, ctx) {
  const t = totals(results);
  const s = summarize(results, ctx.root);
  if (t.errors + t.warnings === 0) return { text: ["## archive-lint", "", `No problems in ${count(t.files, "file")}. ✅`, ""].join("\n"), listed: 0, total: 0 };
  const out = [];
  const maxRows = ctx.maxRows ?? MAX_ROWS;
  const cap = ctx.summaryLimitBytes ?? SUMMARY_LIMIT_BYTES;
  let bytes = 0;
  const add = (...lines) => {
    for (const line of lines) bytes += Buffer.byteLength(line) + 1;
    out.push(...lines);
  };
  add("## archive-lint", "", `**${count(t.errors, "error")}**, **${count(t.warnings, "warning")}** in ${t.filesWithProblems.toLocaleString("en-US")} of ${count(t.files, "file")}.`, "");
  const kinds = introducedCounts(results);
  if (kinds) add(`Introduced by the change: **${count(kinds.introduced.errors, "error")}**, **${count(kinds.introduced.warnings, "warning")}**; there before it: ${count(kinds.existing.errors, "error")}, ${count(kinds.existing.warnings, "warning")}.`, "");
  const plan = fixPlan(results, ctx.root, ctx.rules);
  if (plan.steps.length) {
    const noun = plan.severity === 2 ? "error" : "warning";
    add(plan.severity === 2 ? "### Fix first" : "### Fix first (no errors; the largest groups of warnings)", "");
    plan.steps.forEach((s2, i) => {
      const advice = stepAdvice(s2, num);
      add(`${i + 1}. **${s2.ruleId ?? "file messages"}** · ${cell(s2.kind)}: ${count(s2.count, noun)} in ${count(s2.files, "file")}, first at ${cell(`${s2.first.file}:${s2.first.line}`)}${advice ? `; ${cell(advice)}` : ""}`);
      if (s2.command) add(`   - run \`${s2.command}\``);
      if (s2.config) add(`   - or silence it in the config: ${cell(s2.config)}`);
    });
    const f = plan.fix;
    add("", f.findings ? `\`archive-lint check --fix\` fixes ${count(f.findings, "finding")} (${count(f.errors, "error")}, ${count(f.warnings, "warning")}) in ${count(f.files, "file")}.` : "Nothing here has a safe fix.", "");
  }
  add("| rule | errors | warnings | kinds |", "| --- | ---: | ---: | --- |");
  for (const [id, c] of sortedRows(s.byRule)) {
    const kinds2 = kindsText(ctx.rules, id, c.kinds, num);
    const name = id.startsWith("(") ? id : `[${id}](${docsUrl(id)})`;
    add(`| ${name} | ${num(c.errors)} | ${num(c.warnings)} | ${cell(kinds2)} |`);
  }
  const all = t.errors + t.warnings;
  const allFolders = sortedRows(s.byFolder).filter(([, c]) => c.errors + c.warnings > 0);
  const folders = allFolders.slice(0, TOP_FOLDERS);
  const missing = topMissing(s.missingTargets);
  let reserve = Buffer.byteLength(closing(all, cap)) + Buffer.byteLength(moreFolders(allFolders.length)) + Buffer.byteLength(moreTargets(missing.length)) + 6;
  const fits = (line) => bytes + Buffer.byteLength(line) + 1 + reserve <= cap;
  add("", "| folder | files | errors | warnings |", "| --- | ---: | ---: | ---: |");
  let foldersShown = 0;
  for (const [folder, c] of folders) {
    const row = `| ${cell(folder)} | ${num(c.files)} | ${num(c.errors)} | ${num(c.warnings)} |`;
    if (!fits(row)) break;
    add(row);
    foldersShown++;
  }
  if (foldersShown < allFolders.length) add("", moreFolders(allFolders.length - foldersShown));
  if (missing.length) {
    const head2 = ["", "| most-linked missing target | links | what |", "| --- | ---: | --- |"];
    let targetsShown = 0;
    if (fits(head2.join("\n"))) {
      add(...head2);
      for (const [target, v] of missing.slice(0, TOP_MISSING)) {
        const row = `| ${cell(target)} | ${num(v.links)} | ${v.image ? "image, " : ""}${v.what} |`;
        if (!fits(row)) break;
        add(row);
        targetsShown++;
      }
    }
    if (targetsShown < missing.length) add("", moreTargets(missing.length - targetsShown));
  }
  reserve = Buffer.byteLength(closing(all, cap)) + 2;
  let shown = 0;
  let full = false;
  const head = ["", "| file | line | severity | message | rule |", "| --- | ---: | --- | --- | --- |"];
  if (fits(head.join("\n"))) {
    add(...head);
    for (const [r, m] of errorsFirst(results)) {
      if (shown >= maxRows) break;
      const row = `| ${cell(relPath(ctx.cwd, r.filePath))} | ${m.line} | ${m.severity === 2 ? "error" : "warning"}${m.introduced === false ? " (before)" : ""} | ${cell(m.message)} | ${m.ruleId ?? ""} |`;
      if (!fits(row)) {
        full = true;
        break;
      }
      add(row);
      shown++;
    }
  } else {
    full = true;
  }
  if (all > shown) add("", full ? closing(all - shown, cap) : `…and ${num(all - shown)} more.`);
  out.push("");
  return { text: out.join("\n"), listed: shown, total: all };
}
function introducedCounts(results) {
  const c = { introduced: { errors: 0, warnings: 0 }, existing: { errors: 0, warnings: 0 } };
  let classified = false;
  for (const r of results) {
    for (const m of r.messages) {
      if (m.introduced === void 0) continue;
      classified = true;
      const kind = m.introduced ? c.introduced : c.existing;
      if (m.severity === 2) kind.errors++;
      else if (m.severity === 1) kind.warnings++;
    }
  }
  return classified ? c : void 0;
}
function num(n2) {
  return n2.toLocaleString("en-US");
}
function moreFolders(more) {
  return `…and ${num(more)} more folders.`;
}
function moreTargets(more) {
  return `…and ${num(more)} more missing targets.`;
}
function closing(more, cap) {
  return `…and ${num(more)} more, left out to keep this summary within ${num(cap)} bytes.`;
}

// src/formatters/index.ts
var formatters = { stylish, json, sarif, github, markdown };

// src/cli/report.ts
import { dirname as dirname4, join as join9, resolve as resolve7 } from "node:path";

// src/cli/io.ts
function* blocks(chunks, size = 1 << 20) {
  let held2 = [];
  let bytes = 0;
  for (const chunk of chunks) {
    const b = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    held2.push(b);
    bytes += b.length;
    if (bytes >= size) {
      yield Buffer.concat(held2, bytes);
      held2 = [];
      bytes = 0;
    }
  }
  if (bytes) yield Buffer.concat(held2, bytes);
}

// src/formatters/html.ts
import { dirname as dirname3, relative as relative9, resolve as resolve6, sep as sep9 } from "node:path";
import { gzipSync } from "node:zlib";

// src/formatters/html/model.ts
function templateParts(template) {
  const parts2 = [];
  let slot = 0;
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    if (m.index > last) parts2.push(template.slice(last, m.index));
    parts2.push(slot++);
    last = m.index + m[0].length;
  }
  if (last < template.length) parts2.push(template.slice(last));
  return parts2;
}
var LITERAL = [0];
function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function matcher(parts2) {
  const slots = parts2.filter((p) => typeof p === "number").length;
  const source = parts2.map((p) => typeof p === "number" ? "([\\s\\S]*?)" : escapeRegExp(p)).join("");
  const re = new RegExp(`^${source}$`);
  return (message) => {
    const m = re.exec(message);
    if (!m) return void 0;
    const values = m.slice(1, slots + 1);
    return fill(parts2, values) === message ? values : void 0;
  };
}
function fill(parts2, values) {
  return parts2.map((p) => typeof p === "number" ? values[p] ?? "" : p).join("");
}
var Varints = class {
  bytes = new Uint8Array(1 << 16);
  length = 0;
  push(n2) {
    if (this.length + 5 > this.bytes.length) {
      const next = new Uint8Array(this.bytes.length * 2);
      next.set(this.bytes);
      this.bytes = next;
    }
    while (n2 > 127) {
      this.bytes[this.length++] = n2 & 127 | 128;
      n2 >>>= 7;
    }
    this.bytes[this.length++] = n2;
  }
};
var MEMO_LIMIT = 1e5;
var DEAD_KINDS = /* @__PURE__ */ new Set(["broken", "redirectLoop", "tooManyRedirects", "timeout", "unreachable", "remoteBroken", "remoteUnreachable"]);
function deadUrl(m) {
  if (m.severity !== 2 || m.messageId === void 0 || !DEAD_KINDS.has(m.messageId)) return void 0;
  if (m.ruleId !== "no-dead-urls" && m.ruleId !== "no-missing-images") return void 0;
  return /^(?:URL|Image) (\S+)/.exec(m.message)?.[1];
}
function hostOf(url) {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}
function buildModel(results, root, metas) {
  const rules2 = [];
  const ruleIndex = /* @__PURE__ */ new Map();
  const ruleOf = (id) => {
    const key = id ?? "";
    let i = ruleIndex.get(key);
    if (i === void 0) {
      i = rules2.length;
      rules2.push(key);
      ruleIndex.set(key, i);
    }
    return i;
  };
  for (const m of metas) ruleOf(m.id);
  const templates = [LITERAL];
  const templateIndex = /* @__PURE__ */ new Map();
  const templateOf = (ruleId, messageId) => {
    const key = `${ruleId ?? ""}\0${messageId ?? ""}`;
    let t = templateIndex.get(key);
    if (t === void 0) {
      const text2 = ruleId === null || messageId === void 0 ? void 0 : metas.find((r) => r.id === ruleId)?.messages[messageId];
      if (text2 === void 0) t = { index: 0, match: (message) => [message] };
      else {
        const parts2 = templateParts(text2);
        t = { index: templates.length, match: matcher(parts2) };
        templates.push(parts2);
      }
      templateIndex.set(key, t);
    }
    return t;
  };
  const kinds = [];
  const kindIndex = /* @__PURE__ */ new Map();
  const strings = [];
  const stringIndex = /* @__PURE__ */ new Map();
  const stringOf = (s) => {
    let i = stringIndex.get(s);
    if (i === void 0) {
      i = strings.length;
      strings.push(s);
      stringIndex.set(s, i);
    }
    return i;
  };
  const memo = /* @__PURE__ */ new Map();
  const rels = results.map((r) => rootRelative2(root, r.filePath));
  const depth = folderDepth(rels);
  const folders = [];
  const folderIndex = /* @__PURE__ */ new Map();
  const heat = [];
  const folderFiles = [];
  const byKind = [];
  const missing = /* @__PURE__ */ new Map();
  const dead = /* @__PURE__ */ new Map();
  const files = [];
  const data = new Varints();
  const totals2 = { errors: 0, warnings: 0, files: results.length, filesWithProblems: 0, fixable: 0, unsafeFixable: 0, notChecked: 0 };
  let findings = 0;
  let slots = 0;
  results.forEach((r, at) => {
    const rel = rels[at];
    const folder = folderAt(rel, depth);
    let f = folderIndex.get(folder);
    if (f === void 0) {
      f = folders.length;
      folders.push(folder);
      folderIndex.set(folder, f);
      heat.push([]);
      folderFiles.push(0);
    }
    folderFiles[f] = folderFiles[f] + 1;
    totals2.notChecked += r.notCheckedCount ?? 0;
    const messages = r.messages;
    if (messages.length === 0) return;
    totals2.filesWithProblems++;
    files.push([rel, f, messages.length]);
    const row = heat[f];
    for (const m of messages) {
      const severity = m.severity === 2 ? 2 : 1;
      const rule = ruleOf(m.ruleId);
      const fix = m.fix ? 1 : m.suggestions?.length ? 2 : 0;
      const occurrences2 = (m.occurrences ?? 1) > 1;
      let split = memo.get(m.message);
      const t = templateOf(m.ruleId, m.messageId);
      if (split === void 0 || split.template !== t.index) {
        const values = t.match(m.message);
        split = values === void 0 ? { template: 0, values: [stringOf(m.message)] } : { template: t.index, values: values.map(stringOf) };
        if (memo.size < MEMO_LIMIT) memo.set(m.message, split);
      }
      const messageId = m.messageId ?? (m.ruleId === null ? "fatal" : "");
      const key = `${rule}\0${messageId}\0${severity}\0${fix}\0${occurrences2 ? 1 : 0}\0${split.template}`;
      let k = kindIndex.get(key);
      if (k === void 0) {
        k = kinds.length;
        kinds.push({ rule, id: messageId, name: kindName(metas, m.ruleId, messageId), severity, fix, occurrences: occurrences2, template: split.template });
        kindIndex.set(key, k);
        byKind.push({ errors: 0, warnings: 0 });
      }
      data.push(k);
      data.push(Math.max(0, m.line));
      data.push(Math.max(0, m.column));
      if (occurrences2) data.push(m.occurrences);
      for (const v of split.values) data.push(v);
      slots += split.values.length;
      findings++;
      const cell2 = row[rule] ??= { errors: 0, warnings: 0 };
      const kc = byKind[k];
      if (severity === 2) {
        totals2.errors++;
        cell2.errors++;
        kc.errors++;
      } else {
        totals2.warnings++;
        cell2.warnings++;
        kc.warnings++;
      }
      if (fix === 1) totals2.fixable++;
      else if (fix === 2) totals2.unsafeFixable++;
      const target = missingTarget(m);
      if (target !== void 0) {
        const t2 = missing.get(target.target) ?? { links: 0, what: target.what, image: false };
        t2.links++;
        if (m.ruleId === "no-missing-images") t2.image = true;
        missing.set(target.target, t2);
      }
      const url = deadUrl(m);
      if (url !== void 0) {
        const host = hostOf(url);
        const d = dead.get(host) ?? { host, findings: 0, urls: /* @__PURE__ */ new Set(), kinds: /* @__PURE__ */ new Map() };
        d.findings++;
        d.urls.add(url);
        const name = kindName(metas, m.ruleId, messageId);
        d.kinds.set(name, (d.kinds.get(name) ?? 0) + 1);
        dead.set(host, d);
      }
    }
  });
  const byRule = rules2.map(() => ({ errors: 0, warnings: 0 }));
  for (const row of heat) {
    row.forEach((c, i) => {
      const t = byRule[i];
      t.errors += c.errors;
      t.warnings += c.warnings;
    });
  }
  return {
    rules: rules2,
    kinds,
    templates,
    folders,
    files,
    strings,
    data: data.bytes.subarray(0, data.length),
    findings,
    slots,
    totals: totals2,
    byRule,
    byKind,
    heat,
    folderFiles,
    folderDepth: depth,
    missing: [...missing].sort((a, b) => b[1].links - a[1].links || a[0].localeCompare(b[0])),
    deadHosts: [...dead.values()].sort((a, b) => b.findings - a.findings || a.host.localeCompare(b.host))
  };
}

// src/formatters/html/style.ts
var STYLE = `
:root{--bg:#f6f7f9;--panel:#fff;--ink:#1f2328;--muted:#656d76;--line:#d8dee4;--soft:#eef1f4;--err:#cf222e;--err-bg:#ffebe9;
--warn:#bf8700;--warn-bar:#e3b341;--warn-bg:#fff8c5;--ok:#1a7f37;--ok-bg:#dafbe1;--accent:#0969da;--shadow:0 1px 3px rgba(31,35,40,.08)}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--panel:#161b22;--ink:#e6edf3;--muted:#8d96a0;--line:#30363d;--soft:#21262d;--err:#f85149;
--err-bg:#3c1618;--warn:#d29922;--warn-bar:#bb8009;--warn-bg:#3b2e06;--ok:#3fb950;--ok-bg:#12311c;--accent:#4493f8;--shadow:none}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC",sans-serif}
code,.loc,.mono{font-family:ui-monospace,SFMono-Regular,"SF Mono",Menlo,Consolas,monospace;font-size:12.5px}
a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
header.top{background:linear-gradient(120deg,#24292f,#3b2f4a);color:#fff;padding:22px 32px 20px}
header.top h1{margin:0;font-size:22px;font-weight:650;letter-spacing:.2px}
header.top .sub{margin:4px 0 0;color:#c9d1d9;font-size:13px;word-break:break-all}
header.top .sub b{color:#fff;font-weight:600}
main{max-width:1280px;margin:0 auto;padding:20px 24px 48px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin:-38px 0 18px}
.card{background:var(--panel);border:1px solid var(--line);border-radius:10px;padding:12px 14px;box-shadow:var(--shadow)}
.card .label{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.6px}
.card .value{display:block;font-size:26px;font-weight:650;line-height:1.2;margin-top:2px;font-variant-numeric:tabular-nums}
.card .note{display:block;color:var(--muted);font-size:12px}
.card.errors{border-top:4px solid var(--err)}.card.errors .value{color:var(--err)}
.card.warnings{border-top:4px solid var(--warn-bar)}.card.warnings .value{color:var(--warn)}
.card.fixable{border-top:4px solid var(--ok)}.card.plain{border-top:4px solid var(--line)}
.panel{background:var(--panel);border:1px solid var(--line);border-radius:10px;padding:16px 18px;margin:0 0 18px;box-shadow:var(--shadow)}
.panel h2{font-size:16px;margin:0 0 4px;font-weight:650}
.panel .lead{color:var(--muted);margin:0 0 12px;font-size:13px}
td.what{white-space:nowrap}
.plan{border-left:4px solid var(--err)}
.plan ol.steps{margin:0;padding:0;list-style:none;counter-reset:step}
.plan ol.steps li{counter-increment:step;position:relative;padding:8px 10px 8px 40px;border-radius:8px;cursor:pointer}
.plan ol.steps li:hover,.plan ol.steps li:focus{background:var(--soft)}
.plan ol.steps li::before{content:counter(step);position:absolute;left:8px;top:8px;width:22px;height:22px;border-radius:11px;background:var(--err);color:#fff;font-weight:650;font-size:12px;text-align:center;line-height:22px}
.plan .step-n{font-weight:650;color:var(--err);font-variant-numeric:tabular-nums}
.plan .advice{font-size:13px;margin-top:2px}
.plan .cmd{font-size:13px;margin-top:3px}.plan .cmd code{background:var(--soft);border-radius:4px;padding:1px 6px;word-break:break-all}
.plan .fixall{margin:10px 0 0;font-size:13px}.plan .fixall code{background:var(--soft);border-radius:4px;padding:1px 5px}
details.more summary{cursor:pointer;color:var(--accent);margin:8px 0 0;font-size:13px}
svg{display:block;max-width:100%;height:auto}
svg text{fill:var(--ink);font:12px system-ui,sans-serif}svg text.muted{fill:var(--muted)}svg text.num{font-variant-numeric:tabular-nums}
svg .track{fill:var(--soft)}svg .be{fill:var(--err)}svg .bw{fill:var(--warn-bar)}
svg [data-filter]{cursor:pointer}svg [data-filter]:hover rect,svg [data-filter]:focus rect{stroke:var(--ink);stroke-width:1.5}
.legend{display:flex;gap:16px;color:var(--muted);font-size:12px;margin:6px 0 0}
.legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:5px;vertical-align:-1px}
table{border-collapse:collapse;width:100%}
th{text-align:left;font-weight:600;color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.4px;border-bottom:1px solid var(--line);padding:6px 8px}
td{border-bottom:1px solid var(--soft);padding:6px 8px;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr[data-filter]{cursor:pointer}tr[data-filter]:hover td{background:var(--soft)}
.target{word-break:break-all}
.meter{margin:7px 0;height:6px;border-radius:3px;background:var(--soft);min-width:60px;overflow:hidden}.meter span{display:block;height:100%;background:var(--err)}
.meter.w span{background:var(--warn-bar)}
.kinds td.rule{font-weight:600;white-space:nowrap}
.muted{color:var(--muted)}
.note-box{background:var(--soft);border-radius:8px;padding:10px 12px;color:var(--muted);font-size:13px}
#f-controls{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin:8px 0 10px}
#f-controls select,#f-controls input[type=search],#f-controls button{font:inherit;font-size:13px;color:var(--ink);background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:5px 8px}
#f-controls input[type=search]{flex:1 1 220px;min-width:180px}
#f-controls label{color:var(--muted);font-size:13px;display:flex;gap:4px;align-items:center}
.pager{display:flex;gap:6px;align-items:center;justify-content:space-between;margin:6px 0;flex-wrap:wrap}
.pager button{font:inherit;font-size:13px;color:var(--ink);background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:3px 10px;cursor:pointer}
.pager button:disabled{opacity:.4;cursor:default}
#f-status{color:var(--muted);font-size:13px}
#f-list td{font-size:13px}
#f-list td.loc{max-width:340px;word-break:break-all}
#f-list td.loc .lc{color:var(--muted);white-space:nowrap}
#f-list td.msg{word-break:break-word}
#f-list td.rk{white-space:nowrap;font-size:12px}
#f-list td.rk .rule{display:block;font-weight:600}#f-list td.rk .kind{display:block;color:var(--muted)}
.sev{display:inline-block;border-radius:10px;padding:0 8px;font-size:11.5px;font-weight:600;line-height:18px}
.sev.e{background:var(--err-bg);color:var(--err)}.sev.w{background:var(--warn-bg);color:var(--warn)}
.fix{display:inline-block;border-radius:10px;padding:0 7px;font-size:11px;line-height:17px;white-space:nowrap}
.fix.safe{background:var(--ok-bg);color:var(--ok)}.fix.unsafe{border:1px solid var(--line);color:var(--muted)}
.occ{color:var(--muted)}
footer{color:var(--muted);font-size:12px;text-align:center;margin-top:24px}
`;

// src/formatters/html/client.ts
var CLIENT_JS = String.raw`
(function () {
  'use strict';
  var html = document.documentElement;
  var $ = function (id) { return document.getElementById(id); };
  var PAGE = 100;
  function fail(e) {
    console.error(e);
    html.setAttribute('data-ready', 'error');
    var s = $('f-status');
    if (s) s.textContent = 'The findings could not be read: ' + ((e && e.message) || e);
  }
  function bytesOf(id) {
    var s = $(id).textContent.replace(/\s+/g, '');
    var b = atob(s);
    var u = new Uint8Array(b.length);
    for (var i = 0; i < b.length; i++) u[i] = b.charCodeAt(i);
    return u;
  }
  function gunzip(u) {
    if (typeof DecompressionStream === 'undefined') return Promise.reject(new Error('this browser cannot unpack them (no DecompressionStream); open the report in a current Chromium, Firefox or Safari'));
    var stream = new Blob([u]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Response(stream).arrayBuffer().then(function (b) { return new Uint8Array(b); });
  }
  var UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
  var NAMED = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  function vis(s) {
    return s.replace(UNSAFE, function (c) {
      if (NAMED[c]) return NAMED[c];
      var n = c.charCodeAt(0);
      return n <= 0xff ? '\\x' + (n < 16 ? '0' : '') + n.toString(16) : '\\u{' + n.toString(16) + '}';
    });
  }
  var fmt = new Intl.NumberFormat('en-US');
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function start(meta, bytes) {
    if (!$('f-rule')) { html.setAttribute('data-ready', 'true'); return; }
    var n = meta.findings, K = meta.kinds, T = meta.templates, S = meta.strings, F = meta.files, R = meta.rules;
    var kslots = K.map(function (k) { return T[k[6]].filter(function (p) { return typeof p === 'number'; }).length; });
    var fileOf = new Int32Array(n), line = new Int32Array(n), col = new Int32Array(n), kind = new Uint16Array(n);
    var vstart = new Int32Array(n + 1), vals = new Int32Array(meta.slots), occ = {};
    var p = 0, v = 0, i = 0;
    function rd() {
      var x = 0, mul = 1, b;
      do { b = bytes[p++]; x += (b & 0x7f) * mul; mul *= 128; } while (b & 0x80);
      return x;
    }
    for (var f = 0; f < F.length; f++) {
      for (var j = 0; j < F[f][2]; j++) {
        fileOf[i] = f;
        var k = rd();
        kind[i] = k;
        line[i] = rd();
        col[i] = rd();
        if (K[k][5]) occ[i] = rd();
        vstart[i] = v;
        for (var s = 0; s < kslots[k]; s++) vals[v++] = rd();
        i++;
      }
    }
    vstart[n] = v;
    if (i !== n || p !== bytes.length) throw new Error('the findings are damaged (' + i + ' of ' + n + ' read)');

    // Kinds grouped by rule and id (a kind's severity, fix and template may vary within a group).
    var groups = [], groupOf = new Int32Array(K.length), groupIndex = {};
    K.forEach(function (k, x) {
      var key = k[0] + ':' + k[1];
      if (groupIndex[key] === undefined) { groupIndex[key] = groups.length; groups.push({ rule: k[0], id: k[1], name: k[2], count: 0 }); }
      groupOf[x] = groupIndex[key];
    });
    var ruleCount = R.map(function () { return 0; }), folderCount = meta.folders.map(function () { return 0; });
    for (i = 0; i < n; i++) { groups[groupOf[kind[i]]].count++; ruleCount[K[kind[i]][0]]++; }
    F.forEach(function (file) { folderCount[file[1]] += file[2]; });
    // Errors first, each part in file order.
    var order = new Int32Array(n), o = 0;
    for (i = 0; i < n; i++) if (K[kind[i]][3] === 2) order[o++] = i;
    for (i = 0; i < n; i++) if (K[kind[i]][3] !== 2) order[o++] = i;

    function message(x) {
      var parts = T[K[kind[x]][6]], out = '';
      for (var q = 0; q < parts.length; q++) out += typeof parts[q] === 'number' ? S[vals[vstart[x] + parts[q]]] : parts[q];
      return out;
    }
    function href(path, ln) {
      var p = path.split('/').map(encodeURIComponent).join('/');
      return meta.blob ? meta.blob + p + (ln > 0 ? '#L' + ln : '') : meta.prefix + p;
    }

    var ui = { rule: $('f-rule'), kind: $('f-kind'), sev: $('f-sev'), folder: $('f-folder'), fix: $('f-fix'), q: $('f-q'), sort: $('f-sort') };
    function option(sel, value, label) { var op = el('option', '', label); op.value = value; sel.appendChild(op); }
    option(ui.rule, '', 'every rule (' + fmt.format(n) + ')');
    R.forEach(function (r, x) { if (ruleCount[x]) option(ui.rule, String(x), (r || 'file messages') + ' (' + fmt.format(ruleCount[x]) + ')'); });
    function kindOptions() {
      var keep = ui.kind.value;
      ui.kind.textContent = '';
      option(ui.kind, '', 'every kind');
      var rule = ui.rule.value === '' ? -1 : Number(ui.rule.value);
      groups.map(function (g, x) { return [g, x]; })
        .filter(function (e) { return rule < 0 || e[0].rule === rule; })
        .sort(function (a, b) { return b[0].count - a[0].count; })
        .forEach(function (e) { option(ui.kind, String(e[1]), e[0].name + (rule < 0 ? ' · ' + (R[e[0].rule] || 'file') : '') + ' (' + fmt.format(e[0].count) + ')'); });
      ui.kind.value = keep;
      if (ui.kind.value !== keep) ui.kind.value = '';
    }
    kindOptions();
    // Fixes: the safe ones are what --fix applies, so that count is the report's "Fixable by --fix".
    var fixCount = [0, 0, 0];
    for (i = 0; i < n; i++) fixCount[K[kind[i]][4]]++;
    option(ui.fix, '', 'fixed or not');
    option(ui.fix, 'safe', 'safe fix, by --fix (' + fmt.format(fixCount[1]) + ')');
    option(ui.fix, 'unsafe', 'unsafe fix only, by --fix-unsafe (' + fmt.format(fixCount[2]) + ')');
    option(ui.fix, 'none', 'no fix (' + fmt.format(fixCount[0]) + ')');
    var FIXES = { safe: 1, unsafe: 2, none: 0 };
    option(ui.folder, '', 'every folder');
    meta.folders.map(function (name, x) { return [name, x]; })
      .filter(function (e) { return folderCount[e[1]] > 0; })
      .sort(function (a, b) { return folderCount[b[1]] - folderCount[a[1]] || (a[0] < b[0] ? -1 : 1); })
      .forEach(function (e) { option(ui.folder, String(e[1]), vis(e[0]) + ' (' + fmt.format(folderCount[e[1]]) + ')'); });

    var matched = new Int32Array(n), count = 0, page = 0;
    function filter() {
      var rule = ui.rule.value === '' ? -1 : Number(ui.rule.value);
      var group = ui.kind.value === '' ? -1 : Number(ui.kind.value);
      var sev = ui.sev.value === '' ? 0 : Number(ui.sev.value);
      var folder = ui.folder.value === '' ? -1 : Number(ui.folder.value);
      var fix = ui.fix.value === '' ? -1 : FIXES[ui.fix.value];
      var q = ui.q.value.trim().toLowerCase();
      var src = ui.sort.value === 'file' ? null : order;
      var fileHit = q ? F.map(function (file) { return vis(file[0]).toLowerCase().indexOf(q) >= 0; }) : null;
      count = 0;
      for (var x = 0; x < n; x++) {
        var at = src ? src[x] : x, kk = K[kind[at]];
        if (rule >= 0 && kk[0] !== rule) continue;
        if (group >= 0 && groupOf[kind[at]] !== group) continue;
        if (sev && kk[3] !== sev) continue;
        if (fix >= 0 && kk[4] !== fix) continue;
        if (folder >= 0 && F[fileOf[at]][1] !== folder) continue;
        if (q && !fileHit[fileOf[at]] && vis(message(at)).toLowerCase().indexOf(q) < 0) continue;
        matched[count++] = at;
      }
      page = 0;
    }

    var body = $('f-rows'), status = $('f-status'), pageBox = $('f-page');
    var SEV = { 1: ['w', 'warning'], 2: ['e', 'error'] }, FIX = { 1: ['safe', 'fix'], 2: ['unsafe', 'unsafe fix'] };
    function draw() {
      var pages = Math.max(1, Math.ceil(count / PAGE));
      if (page >= pages) page = pages - 1;
      var from = page * PAGE, to = Math.min(count, from + PAGE);
      var frag = document.createDocumentFragment();
      for (var x = from; x < to; x++) {
        var at = matched[x], kk = K[kind[at]], file = F[fileOf[at]][0];
        var tr = el('tr', SEV[kk[3]][0]);
        var td = el('td');
        td.appendChild(el('span', 'sev ' + SEV[kk[3]][0], SEV[kk[3]][1]));
        tr.appendChild(td);
        td = el('td', 'loc');
        var a = el('a', '', vis(file));
        a.href = href(file, line[at]);
        a.title = (meta.blob ? 'open on GitHub: ' : 'open ') + vis(file) + (meta.blob && line[at] > 0 ? ' at line ' + line[at] : '');
        td.appendChild(a);
        td.appendChild(el('span', 'lc', ':' + line[at] + ':' + col[at]));
        tr.appendChild(td);
        td = el('td', 'msg', vis(message(at)));
        if (occ[at]) td.appendChild(el('span', 'occ', ' ×' + fmt.format(occ[at])));
        tr.appendChild(td);
        td = el('td', 'rk');
        td.appendChild(el('span', 'rule', R[kk[0]] || 'file messages'));
        td.appendChild(el('span', 'kind', kk[2]));
        tr.appendChild(td);
        td = el('td');
        if (kk[4]) td.appendChild(el('span', 'fix ' + FIX[kk[4]][0], FIX[kk[4]][1]));
        tr.appendChild(td);
        frag.appendChild(tr);
      }
      body.textContent = '';
      body.appendChild(frag);
      status.textContent = count ? 'Showing ' + fmt.format(from + 1) + '–' + fmt.format(to) + ' of ' + fmt.format(count) + (count === n ? ' findings' : ' matching findings (of ' + fmt.format(n) + ')') : 'No finding matches these filters.';
      $('f-list').setAttribute('data-matching', String(count));
      pageBox.textContent = 'page ' + fmt.format(page + 1) + ' of ' + fmt.format(pages);
      $('f-prev').disabled = $('f-first').disabled = page === 0;
      $('f-next').disabled = $('f-last').disabled = page >= pages - 1;
    }
    function save() {
      var s = new URLSearchParams();
      ['rule', 'kind', 'sev', 'folder', 'q', 'fix'].forEach(function (key) { if (ui[key].value) s.set(key, ui[key].value); });
      if (ui.sort.value === 'file') s.set('sort', 'file');
      var h = s.toString();
      try { history.replaceState(null, '', h ? '#' + h : location.pathname + location.search); } catch (e) { /* file: pages may refuse */ }
    }
    function load() {
      var s = new URLSearchParams(location.hash.slice(1));
      if (s.has('rule')) ui.rule.value = s.get('rule');
      kindOptions();
      ['kind', 'sev', 'folder', 'q'].forEach(function (key) { if (s.has(key)) ui[key].value = s.get(key); });
      // fix=1: the former "fixable" box, which meant any fix.
      ui.fix.value = s.get('fix') === '1' ? '' : s.get('fix') || '';
      if (ui.fix.selectedIndex < 0) ui.fix.value = '';
      if (s.get('sort') === 'file') ui.sort.value = 'file';
    }
    function update() { filter(); draw(); save(); }
    ui.rule.addEventListener('change', function () { kindOptions(); update(); });
    ['kind', 'sev', 'folder', 'fix', 'sort'].forEach(function (key) { ui[key].addEventListener('change', update); });
    var timer = 0;
    ui.q.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(update, 250); });
    $('f-first').addEventListener('click', function () { page = 0; draw(); });
    $('f-prev').addEventListener('click', function () { page--; draw(); });
    $('f-next').addEventListener('click', function () { page++; draw(); });
    $('f-last').addEventListener('click', function () { page = Math.ceil(count / PAGE) - 1; draw(); });
    $('f-reset').addEventListener('click', function () {
      ui.rule.value = ''; kindOptions(); ui.kind.value = ''; ui.sev.value = ''; ui.folder.value = ''; ui.fix.value = ''; ui.q.value = '';
      update();
    });
    // Charts and tables above set the filters: a heat cell (folder and rule), a kind, a missing target, a host.
    document.addEventListener('click', function (ev) {
      var t = ev.target.closest && ev.target.closest('[data-filter]');
      if (!t) return;
      ev.preventDefault();
      var s = JSON.parse(t.getAttribute('data-filter'));
      ui.rule.value = s.rule === undefined ? '' : String(R.indexOf(s.rule));
      kindOptions();
      ui.kind.value = s.kind === undefined ? '' : String(groupIndex[R.indexOf(s.rule) + ':' + s.kind]);
      ui.folder.value = s.folder === undefined ? '' : String(meta.folders.indexOf(s.folder));
      ui.q.value = s.q || '';
      ui.sev.value = s.sev || ''; ui.fix.value = s.fix || '';
      update();
      $('findings').scrollIntoView({ behavior: 'smooth' });
    });
    document.addEventListener('keydown', function (ev) {
      var t = ev.target.closest && ev.target.closest('[data-filter]');
      if (t && (ev.key === 'Enter' || ev.key === ' ')) { ev.preventDefault(); t.click(); }
    });
    load();
    filter();
    draw();
    $('f-controls').removeAttribute('hidden');
    html.setAttribute('data-ready', 'true');
  }

  try {
    Promise.all([gunzip(bytesOf('al-meta')), gunzip(bytesOf('al-data'))])
      .then(function (r) { start(JSON.parse(new TextDecoder().decode(r[0])), r[1]); })
      .catch(fail);
  } catch (e) { fail(e); }
})();
`;

// src/formatters/html.ts
function escapeHtml(s) {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}
function text(s) {
  return escapeHtml(visible(s));
}
var num2 = (n2) => n2.toLocaleString("en-US");
function short(n2) {
  if (n2 < 1e3) return String(n2);
  if (n2 < 1e6) return `${(n2 / 1e3).toFixed(n2 < 1e4 ? 1 : 0).replace(/\.0$/, "")}k`;
  return `${(n2 / 1e6).toFixed(n2 < 1e7 ? 2 : 1).replace(/\.?0+$/, "")}M`;
}
function plural2(n2, noun) {
  return `${num2(n2)} ${noun}${n2 === 1 ? "" : "s"}`;
}
function filterAttr(f) {
  return ` data-filter="${escapeHtml(JSON.stringify(f))}" tabindex="0"`;
}
var TOP_FOLDERS2 = 30;
var TOP_MISSING2 = 100;
var FIRST_ROWS = 15;
var TOP_HOSTS = 30;
var PIECE = 3 * 256 * 1024;
function* htmlChunks(results, ctx) {
  const model = buildModel(results, ctx.root, ctx.rules);
  const at = ctx.generatedAt ?? /* @__PURE__ */ new Date();
  yield `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`;
  yield `<title>archive-lint report: ${text(ctx.root.split(sep9).pop() || ctx.root)}</title><style>${STYLE}</style></head><body>`;
  yield `<header class="top"><h1>archive-lint report</h1><p class="sub"><b>${text(ctx.root)}</b> · archive-lint ${escapeHtml(ctx.version)} · ${escapeHtml(at.toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC"))}</p></header><main>`;
  yield cards(model, ctx);
  yield planPanel(fixPlan(results, ctx.root, ctx.rules), model);
  yield rulePanel(model);
  yield heatPanel(model);
  yield missingPanel(model);
  yield hostsPanel(model, ctx);
  if (ctx.graph) yield graphPanel(ctx.graph);
  yield findingsPanel(model, ctx);
  yield `<footer>Made by archive-lint ${escapeHtml(ctx.version)}. Every number counts messages, as the JSON report lists them.</footer></main>`;
  const prefix = relative9(ctx.reportFile === void 0 ? ctx.cwd : dirname3(resolve6(ctx.cwd, ctx.reportFile)), ctx.root).split(sep9).filter(Boolean).map(encodeURIComponent).join("/");
  const meta = {
    findings: model.findings,
    slots: model.slots,
    prefix: prefix ? `${prefix}/` : "",
    // The GitHub page of a file: this and its root-relative path, then `#L` and the line.
    blob: ctx.github === void 0 ? "" : blobUrl(ctx.github.repo, ctx.github.prefix ? `${ctx.github.prefix}/` : ""),
    rules: model.rules,
    kinds: model.kinds.map((k) => [k.rule, k.id, k.name, k.severity, k.fix, k.occurrences ? 1 : 0, k.template]),
    templates: model.templates,
    folders: model.folders,
    files: model.files,
    strings: model.strings
  };
  yield '<script type="application/octet-stream" id="al-meta">';
  yield* base64(gzipSync(JSON.stringify(meta)));
  yield '</script><script type="application/octet-stream" id="al-data">';
  yield* base64(gzipSync(model.data));
  yield `</script><script>${CLIENT_JS}</script></body></html>
`;
}
function* base64(bytes) {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 0; at < b.length; at += PIECE) yield b.subarray(at, at + PIECE).toString("base64");
}
function card(cls, label, value, note, id, raw) {
  const v = id === void 0 ? value : `<data id="${id}" value="${raw ?? ""}">${value}</data>`;
  return `<div class="card ${cls}"><span class="label">${label}</span><span class="value">${v}</span><span class="note">${note}</span></div>`;
}
function cards(m, ctx) {
  const t = m.totals;
  const suppressed = ctx.suppressed === void 0 ? card("plain", "Suppressed", "–", "not counted for this report", "t-suppressed", void 0) : card("plain", "Suppressed", num2(ctx.suppressed), "by <code>&lt;!-- lint disable --&gt;</code> comments", "t-suppressed", ctx.suppressed);
  return `<section class="cards">${[
    card("errors", "Errors", num2(t.errors), `in ${plural2(m.rules.filter((_, i) => (m.byRule[i]?.errors ?? 0) > 0).length, "rule")}`, "t-errors", t.errors),
    card("warnings", "Warnings", num2(t.warnings), `in ${plural2(m.rules.filter((_, i) => (m.byRule[i]?.warnings ?? 0) > 0).length, "rule")}`, "t-warnings", t.warnings),
    card("plain", "Files linted", num2(t.files), `${num2(t.filesWithProblems)} with problems`, "t-files", t.files),
    card("fixable", "Fixable", num2(t.fixable), `by --fix; ${short(t.unsafeFixable)} more by --fix-unsafe`, "t-fixable", t.fixable),
    suppressed,
    card("plain", "Not checked", num2(m.totals.notChecked), "made by the site in ways the profile cannot evaluate; never errors", "t-not-checked", m.totals.notChecked)
  ].join("")}</section>`;
}
function planPanel(plan, m) {
  const head = `<section class="panel plan" id="plan"><h2>Fix first</h2>`;
  if (plan.steps.length === 0) return `${head}<p class="note-box">Nothing to fix in ${plural2(m.totals.files, "file")}.</p></section>`;
  const noun = plan.severity === 2 ? "error" : "warning";
  const lead = plan.severity === 2 ? `The largest groups of errors (what a reader of the site hits), largest first${plan.more ? `; ${plural2(plan.more, "more kind")} of error below` : ""}. Click one to list its findings.` : "No errors. The largest groups of warnings, largest first. Click one to list its findings.";
  const items = plan.steps.map((s) => {
    const rule = s.ruleId ?? "";
    const advice = stepAdvice(s, num2);
    const lines = [
      `<div class="what"><b>${escapeHtml(ruleLabel(rule))}</b> · ${escapeHtml(s.kind)}: <span class="step-n">${plural2(s.count, noun)}</span> <span class="muted">in ${plural2(s.files, "file")}; first at <code>${text(s.first.file)}:${s.first.line}</code></span></div>`,
      advice ? `<div class="advice">${text(advice)}</div>` : "",
      s.command ? `<div class="cmd"><span class="muted">run</span> <code>${escapeHtml(s.command)}</code></div>` : "",
      s.config ? `<div class="cmd"><span class="muted">or silence, in the config</span> <code>${text(s.config)}</code></div>` : ""
    ];
    return `<li${filterAttr({ rule, kind: s.messageId, sev: String(plan.severity) })}>${lines.join("")}</li>`;
  });
  const f = plan.fix;
  const fixLine = f.findings ? `<p class="fixall"><code>archive-lint check --fix</code> fixes ${plural2(f.findings, "finding")} (${plural2(f.errors, "error")}, ${plural2(f.warnings, "warning")}) in ${plural2(f.files, "file")}, keeping what a reader sees; <code>--fix-dry-run</code> shows the diff first. <a href="#findings" data-filter="${escapeHtml(JSON.stringify({ fix: "safe" }))}">List them</a>.${plan.unsafe ? ` ${plural2(plan.unsafe, "more finding")} ${plan.unsafe === 1 ? "has" : "have"} an unsafe fix (<code>--fix-unsafe</code>), which may change what a reader sees.` : ""}</p>` : '<p class="fixall">Nothing here has a safe fix: <code>--fix</code> changes nothing.</p>';
  return `${head}<p class="lead">${lead}</p><ol class="steps">${items.join("")}</ol>${fixLine}</section>`;
}
function ruleOrder(m) {
  const e = (i) => m.byRule[i]?.errors ?? 0;
  const w = (i) => m.byRule[i]?.warnings ?? 0;
  return m.rules.map((_, i) => i).filter((i) => total(m.byRule[i]) > 0).sort((a, b) => e(b) - e(a) || w(b) - w(a) || m.rules[a].localeCompare(m.rules[b]));
}
function total(c) {
  return c === void 0 ? 0 : c.errors + c.warnings;
}
function ruleLabel(id) {
  return id === "" ? "file messages" : id;
}
function rulePanel(m) {
  const order = ruleOrder(m);
  if (order.length === 0) return `<section class="panel"><h2>Findings by rule</h2><p class="note-box">No problems in ${plural2(m.totals.files, "file")}.</p></section>`;
  const emax = Math.max(1, ...order.map((i) => m.byRule[i]?.errors ?? 0));
  const wmax = Math.max(1, ...order.map((i) => m.byRule[i]?.warnings ?? 0));
  const W = 900;
  const LABEL = 170;
  const BAR = 300;
  const GAP = 60;
  const ROW = 30;
  const HEAD = 22;
  const xw = LABEL + BAR + GAP;
  const rows = order.map((i, row) => {
    const c = m.byRule[i];
    const y = HEAD + row * ROW + 6;
    const id = m.rules[i];
    const bar = (n2, max, x, cls, sev) => {
      const w = n2 ? Math.max(2, n2 / max * BAR) : 0;
      return `<g${n2 ? filterAttr({ rule: id, sev }) : ""}><title>${escapeHtml(ruleLabel(id))}: ${n2 ? plural2(n2, sev === "2" ? "error" : "warning") : `no ${sev === "2" ? "errors" : "warnings"}`}</title><rect class="track" x="${x}" y="${y}" width="${BAR}" height="20" rx="4"/>` + (w ? `<rect class="${cls}" x="${x}" y="${y}" width="${w.toFixed(1)}" height="20" rx="4"/>` : "") + `<text class="num${n2 ? "" : " muted"}" x="${(x + w + 6).toFixed(1)}" y="${y + 14}">${n2 ? num2(n2) : "0"}</text></g>`;
    };
    return `<text x="${LABEL - 10}" y="${y + 14}" text-anchor="end">${escapeHtml(ruleLabel(id))}</text>${bar(c.errors, emax, LABEL, "be", "2")}${bar(c.warnings, wmax, xw, "bw", "1")}`;
  });
  const heads = `<text x="${LABEL}" y="14" class="muted">errors (scale: ${num2(emax)})</text><text x="${xw}" y="14" class="muted">warnings (scale: ${num2(wmax)})</text>`;
  const svg = `<svg viewBox="0 0 ${W} ${HEAD + order.length * ROW + 10}" role="img" aria-label="Errors and warnings per rule">${heads}${rows.join("")}</svg>`;
  const legend = `<div class="legend"><span><i style="background:var(--err)"></i>errors</span><span><i style="background:var(--warn-bar)"></i>warnings, on a scale of their own</span><span>Click a bar or a kind to list its findings.</span></div>`;
  const groups = /* @__PURE__ */ new Map();
  m.kinds.forEach((k, i) => {
    const key = `${k.rule}:${k.id}`;
    const g = groups.get(key) ?? { rule: k.rule, id: k.id, name: k.name, c: { errors: 0, warnings: 0 } };
    g.c.errors += m.byKind[i]?.errors ?? 0;
    g.c.warnings += m.byKind[i]?.warnings ?? 0;
    groups.set(key, g);
  });
  const kemax = Math.max(1, ...[...groups.values()].map((g) => g.c.errors));
  const kwmax = Math.max(1, ...[...groups.values()].filter((g) => !g.c.errors).map((g) => g.c.warnings));
  const kindRows = [];
  for (const r of order) {
    const list = [...groups.values()].filter((g) => g.rule === r).sort((a, b) => b.c.errors - a.c.errors || b.c.warnings - a.c.warnings || a.name.localeCompare(b.name));
    list.forEach((g, j) => {
      const id = m.rules[r];
      const name = j === 0 ? id === "" ? "file messages" : `<a href="${escapeHtml(docsUrl(id))}">${escapeHtml(id)}</a>` : "";
      const w = (g.c.errors ? 100 * g.c.errors / kemax : 100 * g.c.warnings / kwmax).toFixed(2);
      kindRows.push(
        `<tr${filterAttr({ rule: id, kind: g.id })}><td class="rule">${name}</td><td>${escapeHtml(g.name)}</td><td class="n">${g.c.errors ? num2(g.c.errors) : ""}</td><td class="n">${g.c.warnings ? num2(g.c.warnings) : ""}</td><td style="width:28%"><div class="meter${g.c.errors ? "" : " w"}"><span style="width:${w}%"></span></div></td></tr>`
      );
    });
  }
  const kinds = `<table class="kinds"><thead><tr><th>rule</th><th>kind</th><th class="n">errors</th><th class="n">warnings</th><th></th></tr></thead><tbody>${kindRows.join("")}</tbody></table>`;
  return `<section class="panel"><h2>Findings by rule</h2><p class="lead">${num2(m.totals.errors + m.totals.warnings)} findings in ${plural2(m.totals.filesWithProblems, "file")}.</p>${svg}${legend}<h2 style="margin-top:18px">By kind</h2>${kinds}</section>`;
}
function heatColour(share) {
  const hue = 50 - 50 * share;
  const light = 93 - 52 * share;
  return { fill: `hsl(${hue.toFixed(0)} 92% ${light.toFixed(0)}%)`, ink: light < 62 ? "#fff" : "#1f2328" };
}
function heatPanel(m) {
  const rules2 = ruleOrder(m);
  const folders = m.folders.map((_, i) => i).filter((i) => rowTotal(m, i) > 0);
  if (rules2.length === 0 || folders.length === 0) return "";
  const errors = (f) => (m.heat[f] ?? []).reduce((n2, c) => n2 + (c?.errors ?? 0), 0);
  folders.sort((a, b) => errors(b) - errors(a) || rowTotal(m, b) - rowTotal(m, a) || m.folders[a].localeCompare(m.folders[b]));
  const shown = folders.slice(0, TOP_FOLDERS2);
  const LABEL = 220;
  const CW = 122;
  const CH = 28;
  const HEAD = 34;
  const cols = [...rules2, -1];
  const width = LABEL + cols.length * CW;
  const cellMax = Math.max(1, ...shown.flatMap((f) => rules2.map((r) => total(m.heat[f]?.[r]))));
  const rowMax = Math.max(1, ...shown.map((f) => rowTotal(m, f)));
  const out = [];
  cols.forEach((r, j) => {
    const x = LABEL + j * CW + CW / 2;
    out.push(`<text x="${x}" y="${HEAD - 12}" text-anchor="middle" class="${r < 0 ? "muted" : ""}">${escapeHtml(r < 0 ? "all rules" : ruleLabel(m.rules[r]))}</text>`);
  });
  shown.forEach((f, row) => {
    const y = HEAD + row * CH;
    const name = visible(m.folders[f]);
    const label = name.length > 30 ? `…${name.slice(-29)}` : name;
    out.push(`<text x="${LABEL - 10}" y="${y + 18}" text-anchor="end"><title>${text(m.folders[f])}: ${plural2(m.folderFiles[f] ?? 0, "file")}</title>${escapeHtml(label)}</text>`);
    cols.forEach((r, j) => {
      const n2 = r < 0 ? rowTotal(m, f) : total(m.heat[f]?.[r]);
      const x = LABEL + j * CW;
      const share = n2 === 0 ? 0 : Math.log1p(n2) / Math.log1p(r < 0 ? rowMax : cellMax);
      const { fill: fill2, ink } = n2 === 0 ? { fill: "var(--soft)", ink: "var(--muted)" } : heatColour(share);
      const c = r < 0 ? void 0 : m.heat[f]?.[r];
      const tip = `${visible(m.folders[f])} · ${r < 0 ? "all rules" : ruleLabel(m.rules[r])}: ${c ? [c.errors ? `${num2(c.errors)} errors` : "", c.warnings ? `${num2(c.warnings)} warnings` : ""].filter(Boolean).join(", ") || "none" : num2(n2)}`;
      const filter = { folder: m.folders[f] };
      if (r >= 0) filter.rule = m.rules[r];
      out.push(
        `<g${n2 ? filterAttr(filter) : ""}><title>${escapeHtml(tip)}</title><rect x="${x + 2}" y="${y + 1}" width="${CW - 4}" height="${CH - 3}" rx="4" style="fill:${fill2}"/><text class="num" x="${x + CW / 2}" y="${y + 18}" text-anchor="middle" style="fill:${ink}">${n2 ? short(n2) : "·"}</text></g>`
      );
    });
  });
  const more = folders.length > shown.length ? ` The ${num2(shown.length)} folders with the most findings are shown, of ${num2(folders.length)}; the list below filters by any.` : "";
  const depth = m.folderDepth === 1 ? "top-level folders" : `folders ${m.folderDepth} levels deep`;
  return `<section class="panel"><h2>Where the problems are</h2><p class="lead">Findings by folder (${depth}) and rule, folders with the most errors first; the darker, the more (log scale). Click a cell to list its findings.${more}</p><svg viewBox="0 0 ${width} ${HEAD + shown.length * CH + 4}" role="img" aria-label="Heat table of findings by folder and rule">${out.join("")}</svg></section>`;
}
function rowTotal(m, f) {
  let n2 = 0;
  for (const c of m.heat[f] ?? []) n2 += total(c);
  return n2;
}
function missingPanel(m) {
  const head = '<section class="panel"><h2>Most-linked missing targets</h2>';
  if (m.missing.length === 0) return `${head}<p class="note-box">No link or image points at a missing file or at a path of the original site.</p></section>`;
  const links = m.missing.reduce((n2, [, v]) => n2 + v.links, 0);
  const shown = m.missing.slice(0, TOP_MISSING2);
  const shownLinks = shown.reduce((n2, [, v]) => n2 + v.links, 0);
  const max = shown[0]?.[1].links ?? 1;
  const rows = shown.map(
    ([target, v]) => `<tr${filterAttr({ q: target })}><td class="target"><code>${text(target)}</code></td><td class="n">${num2(v.links)}</td><td class="muted what">${escapeHtml(whatText(v))}</td><td style="width:30%"><div class="meter"><span style="width:${(100 * v.links / max).toFixed(2)}%"></span></div></td></tr>`
  );
  const head2 = '<table><thead><tr><th>target</th><th class="n">links</th><th>what</th><th></th></tr></thead><tbody>';
  const first = rows.slice(0, FIRST_ROWS).join("");
  const rest = rows.length > FIRST_ROWS ? `<details class="more"><summary>${plural2(rows.length - FIRST_ROWS, "more target")}</summary>${head2}${rows.slice(FIRST_ROWS).join("")}</tbody></table></details>` : "";
  return `${head}<p class="lead">${plural2(links, "link")} and images point at ${plural2(m.missing.length, "missing target")}${shown.length < m.missing.length ? `, ${num2(shownLinks)} of them at these ${num2(shown.length)}` : ""}. Restoring one, or rewriting its links in one pass, fixes every finding that points at it.</p>${head2}${first}</tbody></table>${rest}</section>`;
}
function whatText(v) {
  if (v.what === "file") return v.image ? "missing image" : "missing page";
  return v.image ? `${v.what} (image)` : v.what;
}
function hostsPanel(m, ctx) {
  const head = '<section class="panel"><h2>Dead hosts</h2>';
  const e = ctx.external;
  const checked = e === false ? "External URLs were not checked in this run (<code>--no-external</code>)." : e === void 0 ? "" : e.networkUnavailable ? `External URLs were not checked: ${text(e.networkUnavailable)}.` : `${plural2(e.urls, "unique URL")} checked (of ${plural2(e.occurrences, "link")} and images), ${plural2(e.requests, "request")} in ${(e.ms / 1e3).toFixed(1)} s.`;
  if (m.deadHosts.length === 0) {
    const none = e === void 0 ? "No dead URL in these results (they do not say whether external URLs were checked: <code>--external</code> checks them)." : e === false || e.networkUnavailable ? "" : "No dead URL.";
    return `${head}<p class="note-box">${[checked, none].filter(Boolean).join(" ")}</p></section>`;
  }
  const rows = m.deadHosts.slice(0, TOP_HOSTS).map((h) => {
    const kinds = [...h.kinds].sort((a, b) => b[1] - a[1]).map(([k, n2]) => `${escapeHtml(k)} ${num2(n2)}`).join(", ");
    return `<tr${filterAttr({ q: h.host })}><td class="target"><code>${text(h.host)}</code></td><td class="n">${num2(h.urls.size)}</td><td class="n">${num2(h.findings)}</td><td class="muted">${kinds}</td></tr>`;
  });
  const more = m.deadHosts.length > TOP_HOSTS ? ` The ${TOP_HOSTS} with the most are shown, of ${num2(m.deadHosts.length)}.` : "";
  return `${head}<p class="lead">${checked ? `${checked} ` : ""}Hosts whose URLs are broken, unreachable or time out, by links to them.${more}</p><table><thead><tr><th>host</th><th class="n">URLs</th><th class="n">links</th><th>how</th></tr></thead><tbody>${rows.join("")}</tbody></table></section>`;
}
function graphPanel(g) {
  const head = '<section class="panel" id="graph"><h2>Archive graph</h2>';
  const entries = g.entryPoints ? `${plural2(g.entryPoints, "entry point")} ${g.entryPoints === 1 ? "reaches" : "reach"} ${num2(g.reachable)} of them` : "no entry point was found (no-orphans: <code>entryPoints</code>)";
  const lead = `<p class="lead">${plural2(g.pages, "page")}; ${entries}. <data id="g-orphans" value="${g.noIncoming}">${num2(g.noIncoming)}</data> pages have no incoming link, <data id="g-unreachable" value="${g.unreachable}">${num2(g.unreachable)}</data> more are linked only from pages no entry point reaches. <data id="g-unused" value="${g.unused.bytes}">${plural2(g.unused.files, "unused file")} ${g.unused.files === 1 ? "takes" : "take"} ${escapeHtml(bytesText(g.unused.bytes))}</data>.</p>`;
  const sections = g.unreachableFolders.length ? `<h3>Unreachable sections</h3><table><thead><tr><th>folder</th><th class="n">unreachable</th><th class="n">pages</th></tr></thead><tbody>${g.unreachableFolders.map((f) => `<tr${filterAttr({ q: `${f.folder}/` })}><td class="target"><code>${text(f.folder)}</code></td><td class="n">${num2(f.pages)}</td><td class="n">${num2(f.of)}</td></tr>`).join("")}</tbody></table>` : "";
  const kinds = Object.entries(g.unused.byKind).sort((a, b) => b[1].bytes - a[1].bytes);
  const unused = kinds.length ? `<h3>Unused files by kind</h3><table><thead><tr><th>kind</th><th class="n">files</th><th class="n">bytes</th></tr></thead><tbody>${kinds.map(([k, v]) => `<tr><td>${escapeHtml(k)}</td><td class="n">${num2(v.files)}</td><td class="n">${escapeHtml(bytesText(v.bytes))}</td></tr>`).join("")}</tbody></table>` : "";
  const linked = g.mostLinked.length ? `<h3>Most linked</h3><table><thead><tr><th>file</th><th class="n">pages linking</th></tr></thead><tbody>${g.mostLinked.map((m) => `<tr><td class="target"><code>${text(m.path)}</code></td><td class="n">${num2(m.pages)}</td></tr>`).join("")}</tbody></table>` : "";
  return `${head}${lead}${sections}${unused}${linked}</section>`;
}
function findingsPanel(m, ctx) {
  if (m.findings === 0) return `<section class="panel" id="findings"><h2>Every finding</h2><p class="note-box">None.</p><table id="f-list" data-matching="0" hidden><tbody id="f-rows"></tbody></table></section>`;
  const sev = '<select id="f-sev" aria-label="severity"><option value="">errors and warnings</option><option value="2">errors</option><option value="1">warnings</option></select>';
  const sort = '<select id="f-sort" aria-label="order"><option value="errors">errors first</option><option value="file">file order</option></select>';
  const controls = `<div id="f-controls" hidden><select id="f-rule" aria-label="rule"></select><select id="f-kind" aria-label="kind"></select>${sev}<select id="f-folder" aria-label="folder"></select><input id="f-q" type="search" placeholder="Search files and messages" aria-label="search"><select id="f-fix" aria-label="fix"></select>${sort}<button id="f-reset" type="button">Reset</button></div>`;
  const pager = `<div class="pager"><span id="f-status">Unpacking ${num2(m.findings)} findings…</span><span><button id="f-first" type="button">«</button> <button id="f-prev" type="button">‹ previous</button> <span id="f-page" class="muted"></span> <button id="f-next" type="button">next ›</button> <button id="f-last" type="button">»</button></span></div>`;
  return `<section class="panel" id="findings"><h2>Every finding</h2><p class="lead">${plural2(m.findings, "finding")} in ${plural2(m.files.length, "file")}, 100 a page. ${ctx.github === void 0 ? "The links open the files, relative to where this report was written: keep it beside the archive." : `The links open each file on GitHub at its line (${text(`${ctx.github.repo.owner}/${ctx.github.repo.name}`)}, branch ${text(ctx.github.repo.branch)}).`}</p>${controls}${pager}<table id="f-list"><thead><tr><th>severity</th><th>file:line:column</th><th>message</th><th>rule · kind</th><th>fix</th></tr></thead><tbody id="f-rows"></tbody></table><noscript><p class="note-box">The list of findings needs JavaScript.</p></noscript></section>`;
}

// src/cli/report.ts
var DEFAULT_REPORT = "report.html";
function writeFileChunks(file, chunks, root) {
  writeFileAtomic(file, blocks(chunks), root === void 0 ? {} : { root });
}
function writeHtmlReport(results, ctx, asked, cacheFolder) {
  const file = asked === void 0 ? join9(cacheFolder, DEFAULT_REPORT) : resolve7(ctx.cwd, asked);
  const shown = visible(file);
  if (asked === void 0) {
    try {
      checkTarget(file, { root: ctx.root });
    } catch (e) {
      if (!(e instanceof IoError)) throw e;
      const why = e.path === file ? `${file}: ${e.reason}` : e.reason;
      return { notes: [`archive-lint: warning: HTML report not written: ${visible(why)}; give --report FILE.html`] };
    }
    ensureGitignore(dirname4(file));
  }
  try {
    writeFileChunks(file, htmlChunks(results, { ...ctx, reportFile: file }), ctx.root);
  } catch (e) {
    if (e instanceof IoError && asked !== void 0) return { notes: [`archive-lint: ${visible(e.message)}`], failed: true };
    const why = e instanceof IoError ? e.message : `${e.code ?? e.message}`;
    if (asked === void 0) return { notes: [`archive-lint: warning: HTML report not written to ${shown} (${visible(why)}); give --report FILE.html`] };
    return { notes: [`archive-lint: cannot write ${shown}: ${visible(why)}`], failed: true };
  }
  return { file, notes: [`archive-lint: HTML report written to ${shown}`] };
}

// src/cli/signals.ts
import { constants } from "node:os";
function interruptedStatus(reason) {
  return 128 + (constants.signals[reason ?? "SIGINT"] ?? 2);
}
function cleanUp() {
  removePendingTemps();
  releaseHeldLocks();
}
function handleInterrupts() {
  const signal2 = { aborted: false };
  let count2 = 0;
  for (const name of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(name, () => {
      signal2.aborted = true;
      signal2.reason ??= name;
      if (++count2 > 1) {
        cleanUp();
        process.exit(interruptedStatus(signal2.reason));
      }
    });
  }
  process.on("exit", cleanUp);
  return signal2;
}

// src/cli/rules-table.ts
function severityText(r) {
  return r.auditSeverity && r.auditSeverity !== r.defaultSeverity ? `${r.defaultSeverity} (audit: ${r.auditSeverity})` : r.defaultSeverity;
}
function rulesMarkdown(rules2, linkBase) {
  const rows = rules2.map((r) => `| [\`${r.id}\`](${linkBase === void 0 ? docsUrl(r.id) : `${linkBase}${r.id}/README.md`}) | ${severityText(r)} | ${r.fixable === "none" ? "no" : r.fixable} | ${r.description} |`);
  return ["| rule | default | fixable | checks |", "| --- | --- | --- | --- |", ...rows].join("\n");
}
function rulesText(rules2) {
  const w = Math.max(...rules2.map((r) => r.id.length));
  return rules2.map((r) => `${r.id.padEnd(w)}  ${severityText(r).padEnd(5)}  ${(r.fixable === "none" ? "-" : r.fixable).padEnd(11)}  ${r.description}`).join("\n");
}
function rulesJson(rules2) {
  return JSON.stringify(rules2.map((r) => ({ id: r.id, defaultSeverity: r.defaultSeverity, ...r.auditSeverity ? { auditSeverity: r.auditSeverity } : {}, fixable: r.fixable, description: r.description, docs: docsUrl(r.id), external: r.external ?? false })), null, 2);
}
var SITES = ["github", "mdbook", "mkdocs", "jekyll"];
function ruleDoc(meta, page, severity, note) {
  const out = [];
  if (page !== void 0) out.push(page.trimEnd());
  else out.push(`# ${meta.id}`, "", meta.description, "", `(The rule's page is not installed beside this copy of archive-lint: ${docsUrl(meta.id)})`);
  out.push("", "## Messages and their severity per publishing profile", "");
  if (note) out.push(note, "");
  out.push(`| message id | ${SITES.join(" | ")} | message |`, `| --- | ${SITES.map(() => "---").join(" | ")} | --- |`);
  for (const [id2, template] of Object.entries(meta.messages)) {
    out.push(`| \`${id2}\` | ${SITES.map((s) => severity(meta, id2, s)).join(" | ")} | ${template.replace(/\|/g, "\\|")} |`);
  }
  const id = meta.id;
  out.push(
    "",
    "## Silencing it",
    "",
    `- a line or a node, in the page: \`<!-- lint ignore ${id} -->\` on the line before it; a stretch: \`<!-- lint disable ${id} -->\` … \`<!-- lint enable ${id} -->\``,
    `- everywhere, in archive-lint.config.json: \`"rules": { "${id}": "off" }\` (or \`"warn"\`); once, on the command line: \`--rule ${id}=off\``,
    `- in a folder: \`"overrides": [{ "files": ["FOLDER/**"], "rules": { "${id}": "off" } }]\``,
    "- what is there today: a baseline (`--baseline FILE --update-baseline`), then only new problems are reported",
    "",
    `Default severity: ${meta.defaultSeverity}. Fixable: ${meta.fixable === "none" ? "no" : meta.fixable}.${meta.external ? " Runs only with external checks on (--external, or audit)." : ""} Online: ${docsUrl(id)}`,
    ""
  );
  return out.join("\n");
}

// src/cli/summary-text.ts
var import_picocolors2 = __toESM(require_picocolors(), 1);
function table2(rows, rightAligned) {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  return rows.map((r) => r.map((c, i) => rightAligned.includes(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)).join("  ").trimEnd());
}
var TOP_MISSING3 = 10;
var TOP_FOLDERS3 = 15;
function planText(plan, bold = (s) => s) {
  if (plan.steps.length === 0) return [];
  const out = ["", bold(plan.severity === 2 ? "Fix first (the largest groups of errors)" : "Fix first (no errors; the largest groups of warnings)")];
  const noun = plan.severity === 2 ? "error" : "warning";
  plan.steps.forEach((s, i) => {
    const what = `${s.ruleId === null ? "file messages" : s.ruleId} · ${s.kind}`;
    out.push(`${String(i + 1).padStart(2)}. ${visibleLineStart(what)}: ${s.count} ${noun}${s.count === 1 ? "" : "s"} in ${s.files} file${s.files === 1 ? "" : "s"}`);
    const advice = stepAdvice(s);
    out.push(`    ${visible(`first at ${s.first.file}:${s.first.line}${advice ? `; ${advice}` : ""}`)}`);
    if (s.command) out.push(`    run:     ${s.command}`);
    if (s.config) out.push(`    silence: ${visible(s.config)} in the config`);
  });
  if (plan.more) out.push(`    …and ${plan.more} more kind${plan.more === 1 ? "" : "s"} of ${noun}`);
  const f = plan.fix;
  if (f.findings) out.push(`archive-lint check --fix changes ${f.findings} finding${f.findings === 1 ? "" : "s"} (${f.errors} error${f.errors === 1 ? "" : "s"}, ${f.warnings} warning${f.warnings === 1 ? "" : "s"}) in ${f.files} file${f.files === 1 ? "" : "s"}; --fix-dry-run shows the diff first.`);
  else out.push("Nothing here has a safe fix (--fix changes nothing).");
  return out;
}
function summaryText(results, root, report, color, rules2, site) {
  const c = (0, import_picocolors2.createColors)(color);
  const s = summarize(results, root);
  const t = totals(results);
  const out = ["", c.bold("Summary by rule")];
  const ruleRows = [["rule", "errors", "warnings", "kinds"]];
  for (const [id, v] of sortedRows(s.byRule)) ruleRows.push([visibleLineStart(id), String(v.errors), String(v.warnings), visible(kindsText(rules2, id, v.kinds))]);
  out.push(...table2(ruleRows, [1, 2]));
  out.push("", c.bold("Summary by folder"));
  const folders = sortedRows(s.byFolder);
  const folderRows = [["folder", "files", "errors", "warnings"]];
  for (const [folder, v] of folders.slice(0, TOP_FOLDERS3)) folderRows.push([visibleLineStart(folder), String(v.files), String(v.errors), String(v.warnings)]);
  out.push(...table2(folderRows, [1, 2, 3]));
  if (folders.length > TOP_FOLDERS3) out.push(`…and ${folders.length - TOP_FOLDERS3} more folders`);
  const missing = topMissing(s.missingTargets);
  if (missing.length) {
    out.push("", c.bold("Top missing targets"));
    const rows = [["target", "links", "what"], ...missing.slice(0, TOP_MISSING3).map(([t2, v]) => [visibleLineStart(t2), String(v.links), `${v.image ? "image, " : ""}${v.what}`])];
    out.push(...table2(rows, [1]));
    if (missing.length > TOP_MISSING3) out.push(`…and ${missing.length - TOP_MISSING3} more missing targets`);
  }
  out.push(...planText(fixPlan(results, root, rules2), c.bold));
  const fixable = t.fixableErrors + t.fixableWarnings;
  const indexed = report.stats.indexed ? `, ${report.stats.indexed} files indexed` : "";
  const linted = report.stats.linted || t.files;
  out.push("", `${linted} files linted${indexed}, ${t.errors} errors, ${t.warnings} warnings${fixable ? ` (${fixable} fixable with --fix)` : ""} in ${(report.stats.ms / 1e3).toFixed(1)} s`);
  const notChecked = notCheckedTotal(results);
  if (notChecked) out.push(`${notCheckedText(notChecked)}.`);
  if (site) out.push(`Links resolved as ${visible(site)}.`);
  out.push("");
  return out.join("\n");
}

// src/cli/graph-text.ts
var import_picocolors3 = __toESM(require_picocolors(), 1);
var n = (x) => x.toLocaleString("en-US");
function graphText(g, color) {
  const c = (0, import_picocolors3.createColors)(color);
  const out = ["", c.bold("Archive graph")];
  const pages = (x) => `${n(x)} page${x === 1 ? "" : "s"}`;
  const entries = g.entryPoints ? `${n(g.entryPoints)} entry point${g.entryPoints === 1 ? " reaches" : "s reach"} ${n(g.reachable)}` : "no entry point found (see no-orphans: entryPoints)";
  out.push(`${pages(g.pages)}; ${entries}. No incoming link: ${pages(g.noIncoming)}; unreachable from the entry points: ${n(g.unreachable)} more.`);
  if (g.unreachableFolders.length) out.push(`Unreachable sections: ${g.unreachableFolders.map((f) => `${visible(f.folder)} ${n(f.pages)}/${n(f.of)}`).join(", ")}.`);
  const kinds = Object.entries(g.unused.byKind).sort((a, b) => b[1].bytes - a[1].bytes);
  out.push(`Unused files: ${n(g.unused.files)}, ${bytesText(g.unused.bytes)}${kinds.length ? ` (${kinds.map(([k, v]) => `${k} ${n(v.files)}, ${bytesText(v.bytes)}`).join("; ")})` : ""}.`);
  if (g.mostLinked.length) {
    out.push("Most linked:");
    for (const m of g.mostLinked) out.push(`  ${String(n(m.pages)).padStart(7)}  ${visibleLineStart(m.path)}`);
  }
  out.push("");
  return out.join("\n");
}

// src/cli/progress.ts
var Progress = class {
  constructor(out) {
    this.out = out;
  }
  out;
  last = 0;
  update(done, total2, path) {
    const shown = visible(path);
    this.draw(done, total2, `${done}/${total2} ${shown.length > 50 ? `…${shown.slice(-49)}` : shown}`);
  }
  /** External checks: URLs done of all, and the hosts slowest to answer. */
  urls(done, total2, slowest) {
    const slow = slowest.length ? `  slowest: ${slowest.map((h) => `${visible(h.host)} ${(h.ms / 1e3).toFixed(1)} s`).join(", ")}` : "";
    this.draw(done, total2, `URLs ${done}/${total2}${slow}`);
  }
  /** The bar and its text, at most ten times a second (always the last state). */
  draw(done, total2, text2) {
    const now = Date.now();
    if (done !== total2 && now - this.last < 100) return;
    this.last = now;
    const width = 24;
    const filled = total2 ? Math.round(done / total2 * width) : width;
    this.out.write(`\r\x1B[2K${"█".repeat(filled)}${"░".repeat(width - filled)} ${text2}`);
  }
  done() {
    this.out.write("\r\x1B[2K");
  }
};

// src/cli/main.ts
var import_picomatch3 = __toESM(require_picomatch(), 1);

// src/core/report/filter.ts
import { relative as relative10 } from "node:path";
var FILTERS = ["added", "context", "file", "all"];
var CONTEXT_LINES = 3;
function keeps(filter, m, lines, path) {
  if (filter === "all" || filter === "file" || m.introduced !== false) return true;
  return filter === "context" && onChangedLine(lines?.get(path), m.line, m.endLine ?? m.line, CONTEXT_LINES);
}
function introducedFirst(r) {
  const messages = r.messages;
  if (!messages.some((m) => m.introduced === false) || !messages.some((m) => m.introduced === true)) return r;
  return { ...r, messages: [...messages.filter((m) => m.introduced !== false), ...messages.filter((m) => m.introduced === false)] };
}
function resultFilter(filter, root, lines) {
  const leftOut = { problems: 0, errors: 0, files: [], introduced: 0, existing: 0 };
  const apply = (r) => {
    for (const m of r.messages) {
      if (m.introduced === true) leftOut.introduced++;
      else if (m.introduced === false) leftOut.existing++;
    }
    if (filter === "all" || filter === "file") return introducedFirst(r);
    const path = relative10(root, r.filePath).split("\\").join("/");
    const kept = [];
    let dropped = 0;
    for (const m of r.messages) {
      if (keeps(filter, m, lines, path)) kept.push(m);
      else {
        dropped++;
        if (m.severity === 2) leftOut.errors++;
      }
    }
    if (dropped === 0) return introducedFirst(r);
    leftOut.problems += dropped;
    leftOut.files.push(path);
    return introducedFirst(makeResult(r.filePath, kept));
  };
  return { apply, leftOut };
}
function leftOutLine(leftOut, filter) {
  if (leftOut.problems === 0) return void 0;
  const shown = leftOut.files.slice(0, 3).map((f) => /^[\w./@+-]+$/.test(f) ? f : `'${f.replace(/'/g, `'\\''`)}'`);
  const more = leftOut.files.length > 3 ? ` … (${leftOut.files.length} files)` : "";
  const noun = leftOut.problems === 1 ? "older problem" : "older problems";
  const what = filter === "context" ? "away from the lines you changed" : "in the files you touched";
  return `${leftOut.problems.toLocaleString("en-US")} ${noun} ${what}, not failing this run (--filter all shows them): archive-lint check ${shown.join(" ")}${more}`;
}
function classifiedLine(leftOut) {
  const n2 = (k, w) => `${k.toLocaleString("en-US")} ${w}${k === 1 ? "" : "s"}`;
  return `${n2(leftOut.introduced, "problem")} introduced by the change, ${n2(leftOut.existing, "problem")} there before it`;
}

// src/core/report/baseline.ts
import { createHash as createHash4 } from "node:crypto";
var BASELINE_FORMAT = 1;
var READABLE = 40;
var HASHED = "sha1:";
var BaselineError = class extends Error {
};
function groupOf(m) {
  return `${m.ruleId ?? ""}\0${m.ruleId === null ? "" : m.messageId ?? ""}`;
}
function fingerprintText(found) {
  if (found.length <= READABLE && !found.startsWith(HASHED) && !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(found)) return found;
  return HASHED + createHash4("sha1").update(found).digest("hex").slice(0, 12);
}
function textAt(text2) {
  const cr = text2.includes("\r");
  return { text: text2, starts: cr ? lineStarts(text2) : [0], complete: cr, seen: /* @__PURE__ */ new Map() };
}
function lineStart(t, line) {
  const { starts, text: text2 } = t;
  while (!t.complete && starts.length < line) {
    const nl = text2.indexOf("\n", starts[starts.length - 1]);
    if (nl < 0) t.complete = true;
    else starts.push(nl + 1);
  }
  return starts[Math.min(Math.max(line, 1), starts.length) - 1];
}
function offsetOf(t, line, column) {
  return Math.min(lineStart(t, line) + Math.max(column, 1) - 1, t.text.length);
}
function fingerprint(m, t) {
  if (m.ruleId === null || t === void 0) return "";
  const start = offsetOf(t, m.line, m.column);
  const end = m.endLine === void 0 ? start : Math.max(start, offsetOf(t, m.endLine, m.endColumn ?? m.column));
  const found = t.text.slice(start, end);
  let fp = t.seen.get(found);
  if (fp === void 0) t.seen.set(found, fp = fingerprintText(found));
  return fp;
}
function occurrences(m) {
  return m.occurrences !== void 0 && m.occurrences > 1 ? m.occurrences : 1;
}
function messageKeys(messages, t) {
  return messages.map((m) => ({ group: groupOf(m), fp: fingerprint(m, t), n: occurrences(m) }));
}
function entriesOf(messages, t, keys = messageKeys(messages, t)) {
  const out = /* @__PURE__ */ new Map();
  for (const { group, fp, n: n2 } of keys) {
    let fps = out.get(group);
    if (!fps) out.set(group, fps = /* @__PURE__ */ new Map());
    fps.set(fp, (fps.get(fp) ?? 0) + n2);
  }
  return out;
}
function countEntries(entries) {
  let n2 = 0;
  for (const fps of entries.values()) for (const c of fps.values()) n2 += c;
  return n2;
}
function filterMessages(messages, keys, recorded) {
  if (!recorded || recorded.size === 0) return { kept: [...messages], hidden: 0 };
  const left = /* @__PURE__ */ new Map();
  const kept = [];
  let hidden = 0;
  messages.forEach((m, i) => {
    const { group, fp, n: n2 } = keys[i];
    const key = `${group}\0${fp}`;
    const budget = left.get(key) ?? recorded.get(group)?.get(fp) ?? 0;
    if (budget >= n2) {
      left.set(key, budget - n2);
      hidden += n2;
    } else {
      left.set(key, budget);
      kept.push(m);
    }
  });
  return { kept, hidden };
}
function compareEntries(before, after) {
  let added = 0;
  let removed = 0;
  const groups = /* @__PURE__ */ new Set([...before?.keys() ?? [], ...after?.keys() ?? []]);
  for (const g of groups) {
    const b = before?.get(g);
    const a = after?.get(g);
    for (const fp of /* @__PURE__ */ new Set([...b?.keys() ?? [], ...a?.keys() ?? []])) {
      const d = (a?.get(fp) ?? 0) - (b?.get(fp) ?? 0);
      if (d > 0) added += d;
      else removed -= d;
    }
  }
  return { added, removed };
}
function applyRenames(b, renamed) {
  let moved = 0;
  for (const [from, to] of renamed) {
    const entries = b.files.get(from);
    if (!entries) continue;
    b.files.delete(from);
    const there = b.files.get(to);
    if (!there) b.files.set(to, entries);
    else {
      for (const [g, fps] of entries) {
        let t = there.get(g);
        if (!t) there.set(g, t = /* @__PURE__ */ new Map());
        for (const [fp, c] of fps) t.set(fp, (t.get(fp) ?? 0) + c);
      }
    }
    moved++;
  }
  return moved;
}
function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function serialiseBaseline(b) {
  const lines = [];
  let problems = 0;
  let files = 0;
  for (const path of [...b.files.keys()].sort(compare)) {
    const entries = b.files.get(path);
    let any = false;
    for (const g of [...entries.keys()].sort(compare)) {
      const fps = [...entries.get(g)].filter(([, c]) => c > 0).sort((x, y) => compare(x[0], y[0]));
      if (fps.length === 0) continue;
      any = true;
      const [rule, id] = g.split("\0");
      const counts = fps.map(([fp, c]) => `${JSON.stringify(fp)}:${c}`).join(",");
      problems += fps.reduce((n2, [, c]) => n2 + c, 0);
      lines.push(`[${JSON.stringify(path)},${rule === "" ? "null" : JSON.stringify(rule)},${rule === "" ? "null" : JSON.stringify(id)},{${counts}}]`);
    }
    if (any) files++;
  }
  const header = { archiveLintBaseline: BASELINE_FORMAT, ...b.commit ? { commit: b.commit } : {}, files, problems };
  return `${JSON.stringify(header)}
${lines.map((l) => `${l}
`).join("")}`;
}
function parseBaseline(text2, file) {
  const b = { files: /* @__PURE__ */ new Map() };
  const lines = text2.replace(/^\ufeff/, "").split(/\r?\n/);
  const fail = (n2, why) => {
    throw new BaselineError(`${file}:${n2}: ${why}`);
  };
  let headerSeen = false;
  lines.forEach((line, i) => {
    const n2 = i + 1;
    if (line.trim() === "") return;
    let value;
    try {
      value = JSON.parse(line);
    } catch (e) {
      fail(n2, `not JSON (${e.message.split("\n")[0]}); a baseline has one JSON value a line`);
    }
    if (!headerSeen) {
      const h = value;
      if (typeof value !== "object" || value === null || Array.isArray(value) || h.archiveLintBaseline === void 0) {
        fail(n2, 'expected the header {"archiveLintBaseline":1,…}: this is not an archive-lint baseline (written by --update-baseline)');
      }
      if (h.archiveLintBaseline !== BASELINE_FORMAT) fail(n2, `baseline format ${JSON.stringify(h.archiveLintBaseline)}, expected ${BASELINE_FORMAT}: write it again with --update-baseline`);
      if (h.commit !== void 0) {
        if (typeof h.commit !== "string" || !/^[0-9a-f]{7,64}$/.test(h.commit)) fail(n2, '"commit": expected a commit id');
        b.commit = h.commit;
      }
      headerSeen = true;
      return;
    }
    if (!Array.isArray(value) || value.length !== 4) fail(n2, "expected [file, rule, message id, {fingerprint: count, …}]");
    const [path, rule, id, counts] = value;
    if (typeof path !== "string" || path === "") fail(n2, "the file: expected a root-relative path");
    if (!(typeof rule === "string" && rule !== "" && typeof id === "string" || rule === null && id === null)) fail(n2, "the rule and message id: expected two strings (or null and null for a file that cannot be linted)");
    if (typeof counts !== "object" || counts === null || Array.isArray(counts)) fail(n2, "the counts: expected an object of fingerprint → count");
    const g = rule === null ? "\0" : `${rule}\0${id}`;
    let entries = b.files.get(path);
    if (!entries) b.files.set(path, entries = /* @__PURE__ */ new Map());
    let fps = entries.get(g);
    if (!fps) entries.set(g, fps = /* @__PURE__ */ new Map());
    for (const [fp, c] of Object.entries(counts)) {
      if (typeof c !== "number" || !Number.isInteger(c) || c < 1) fail(n2, `the count of ${JSON.stringify(fp)}: expected a whole number of at least 1`);
      fps.set(fp, (fps.get(fp) ?? 0) + c);
    }
  });
  if (!headerSeen) fail(1, 'empty: expected the header {"archiveLintBaseline":1,…} (write the baseline with --update-baseline)');
  return b;
}

// src/cli/baseline.ts
import { statSync as statSync5 } from "node:fs";
import { basename, dirname as dirname5, join as join10 } from "node:path";
function loadBaseline(abs, update, root) {
  let text2;
  try {
    text2 = readBounded(abs, { maxBytes: LIMITS.baseline, what: "baseline", ...root === void 0 ? {} : { root } }).toString("utf8");
  } catch (e) {
    if (e instanceof IoError && e.code === void 0) throw new BaselineError(`--baseline ${abs}: ${e.reason}`);
    const code = e.code;
    if (code === "ENOENT" && update) {
      if (!statSync5(dirname5(abs), { throwIfNoEntry: false })?.isDirectory()) throw new BaselineError(`--update-baseline: cannot write ${abs}: ${dirname5(abs)} is not a folder`);
      return { files: /* @__PURE__ */ new Map(), created: true };
    }
    if (code === "ENOENT") throw new BaselineError(`--baseline ${abs}: no such file; write it with --update-baseline`);
    throw new BaselineError(`--baseline ${abs}: cannot read it (${code ?? e.message})`);
  }
  return parseBaseline(text2, abs);
}
function renamesSince(root, commit) {
  const renamed = /* @__PURE__ */ new Map();
  if (!tryGit(root, ["rev-parse", "--verify", "--quiet", `${commit}^{commit}`])) {
    return { renamed, warning: `the baseline was written at commit ${commit.slice(0, 12)}, which this clone does not have: files renamed since keep no records (fetch more history, e.g. fetch-depth: 0)` };
  }
  let out;
  try {
    out = runGit(root, ["diff", "--relative", "-M", "--name-status", "-z", commit, "--", "."]);
  } catch (e) {
    return { renamed, warning: `git diff from the baseline's commit failed (${e.message.split("\n")[0]}): renames not followed` };
  }
  const parts2 = out.split("\0");
  for (let i = 0; i < parts2.length; ) {
    const status = parts2[i] ?? "";
    if (status === "") break;
    if (status.startsWith("R") || status.startsWith("C")) {
      if (status.startsWith("R")) renamed.set(parts2[i + 1], parts2[i + 2]);
      i += 3;
    } else i += 2;
  }
  return { renamed };
}
function headCommit(root) {
  return tryGit(root, ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]) || void 0;
}
var BaselineRun = class {
  constructor(o) {
    this.o = o;
  }
  o;
  current = /* @__PURE__ */ new Map();
  hidden = 0;
  added = 0;
  fixed = 0;
  notes = [];
  text(path) {
    const given = this.o.textOf?.(path);
    if (given !== void 0) return textAt(given);
    try {
      return textAt(readBounded(join10(this.o.root, path), { maxBytes: LIMITS.page, root: this.o.root }).toString("utf8").replace(/^\ufeff/, ""));
    } catch {
      return void 0;
    }
  }
  /** A result without its recorded problems (updating: without any, since all are recorded now). */
  filter = (r) => {
    const path = relPath(this.o.root, r.filePath);
    const recorded = this.o.baseline.files.get(path);
    if (r.errorCount + r.warningCount === 0 && !recorded) return r;
    const messages = messagesOf(r);
    const t = messages.length ? this.text(path) : void 0;
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
  finish(linted) {
    const lintedSet = new Set(linted.map((abs) => relPath(this.o.root, abs)));
    for (const [path, entries] of this.o.baseline.files) if (this.o.covers(path) && !lintedSet.has(path)) this.fixed += countEntries(entries);
    const n2 = (x) => x.toLocaleString("en-US");
    const name = basename(this.o.file);
    if (this.o.update) {
      const next = { files: /* @__PURE__ */ new Map() };
      const commit = headCommit(this.o.root);
      if (commit) next.commit = commit;
      for (const [path, entries] of this.o.baseline.files) if (!this.o.covers(path)) next.files.set(path, entries);
      for (const [path, entries] of this.current) next.files.set(path, entries);
      const text2 = serialiseBaseline(next);
      writeAtomically(this.o.file, text2, this.o.root);
      const files = [...next.files.values()].filter((e) => countEntries(e) > 0).length;
      const total2 = [...next.files.values()].reduce((a, e) => a + countEntries(e), 0);
      const size = `${n2(total2)} problem${total2 === 1 ? "" : "s"} in ${n2(files)} file${files === 1 ? "" : "s"} (${n2(Buffer.byteLength(text2))} bytes)`;
      this.notes.push(
        this.o.baseline.created ? `baseline ${name} created: ${size} recorded as they are today; runs with --baseline ${name} report only problems it does not record` : `baseline ${name} written: ${size}; ${n2(this.added)} new since the last baseline, ${n2(this.fixed)} fixed and dropped`
      );
    } else {
      const fixed = this.o.countsFixed ? this.fixed : 0;
      this.notes.push(
        `baseline ${name}: ${n2(this.hidden)} recorded problem${this.hidden === 1 ? "" : "s"} not reported${fixed ? `; ${n2(fixed)} recorded problem${fixed === 1 ? " is" : "s are"} fixed (--update-baseline drops ${fixed === 1 ? "it" : "them"})` : ""}`
      );
    }
    return this.notes;
  }
};
function messagesOf(r) {
  const json2 = packedJson(r);
  return json2 === void 0 ? r.messages : JSON.parse(json2.toString("utf8")).messages;
}
function writeAtomically(abs, text2, root) {
  try {
    writeFileAtomic(abs, text2, { root });
  } catch (e) {
    if (e instanceof IoError) throw new BaselineError(`--update-baseline: ${e.message}`);
    throw e;
  }
}

// src/cli/merge.ts
import { readFileSync as readFileSync3 } from "node:fs";
import { isAbsolute, relative as relative11, resolve as resolve8 } from "node:path";

// src/core/report/merge-reports.ts
var ReportError = class extends Error {
};
function isObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function positiveInteger(v) {
  return typeof v === "number" && Number.isInteger(v) && v >= 1;
}
function badMessage(m) {
  if (!isObject(m)) return "expected an object";
  if (!(m.ruleId === null || typeof m.ruleId === "string" && m.ruleId !== "")) return '"ruleId": expected a rule id or null';
  if (m.severity !== 1 && m.severity !== 2) return '"severity": expected 1 or 2';
  if (typeof m.message !== "string") return '"message": expected a string';
  for (const key of ["line", "column"]) if (!positiveInteger(m[key])) return `"${key}": expected a whole number of at least 1`;
  for (const key of ["endLine", "endColumn"]) if (m[key] !== void 0 && !positiveInteger(m[key])) return `"${key}": expected a whole number of at least 1`;
  return void 0;
}
function parseReport(text2, name) {
  let value;
  try {
    value = JSON.parse(text2);
  } catch (e) {
    throw new ReportError(`${name}: not JSON (${e.message.split("\n")[0]}); expected a report written by --format json`);
  }
  if (!Array.isArray(value)) throw new ReportError(`${name}: expected an array of results (a report written by --format json)`);
  const out = [];
  value.forEach((r, i) => {
    const where = `${name}: result ${i + 1}`;
    if (!isObject(r) || typeof r.filePath !== "string" || r.filePath === "") throw new ReportError(`${where}: expected an object with a "filePath"`);
    if (!Array.isArray(r.messages)) throw new ReportError(`${where} (${r.filePath}): "messages": expected an array`);
    r.messages.forEach((m, k) => {
      const why = badMessage(m);
      if (why !== void 0) throw new ReportError(`${where} (${r.filePath}): message ${k + 1}: ${why}`);
    });
    const result = makeResult(r.filePath, r.messages);
    if (positiveInteger(r.notCheckedCount)) result.notCheckedCount = r.notCheckedCount;
    out.push(result);
  });
  return out;
}
function parts(path) {
  return path.split(/[\\/]/);
}
function compareWalkOrder(a, b) {
  const x = parts(a);
  const y = parts(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i];
    const q = y[i];
    if (p !== q) return p < q ? -1 : 1;
  }
  return x.length - y.length;
}
function mergeResults(reports) {
  const from = /* @__PURE__ */ new Map();
  const out = [];
  for (const { name, results } of reports) {
    for (const r of results) {
      const other = from.get(r.filePath);
      if (other !== void 0) {
        const where = other === name ? `twice in ${name}` : `in both ${other} and ${name}`;
        throw new ReportError(`${r.filePath} is ${where}: the reports overlap (each file must come from one shard: the same N, the same PATHs, each shard once)`);
      }
      from.set(r.filePath, name);
      out.push(r);
    }
  }
  return out.sort((a, b) => compareWalkOrder(a.filePath, b.filePath));
}

// src/cli/merge.ts
var MERGE_OPTIONS = /* @__PURE__ */ new Set(["format", "output", "report", "root", "quiet", "max-warnings", "color", "no-color", "help", "version"]);
async function mergeCommand(io, files, values, h) {
  const started = performance.now();
  for (const [key, v] of Object.entries(values)) if (v !== void 0 && !MERGE_OPTIONS.has(key)) throw h.usage(`--${key} does not go with merge-reports: it merges reports, it lints nothing`);
  if (files.length === 0) throw h.usage("merge-reports needs the JSON reports to merge: archive-lint merge-reports shard-1.json shard-2.json …");
  const format = values.format ?? "stylish";
  const formatter = formatters[format];
  if (!formatter) throw h.usage(`--format '${format}': expected one of ${Object.keys(formatters).join(", ")}`);
  let maxWarnings = -1;
  if (values["max-warnings"] !== void 0) {
    const v = values["max-warnings"];
    if (!/^\d+$/.test(v)) throw h.usage(`--max-warnings '${v}': expected a whole number`);
    maxWarnings = Number(v);
  }
  const reports = [];
  try {
    for (const file of files) {
      const abs = resolve8(io.cwd, file);
      let text3;
      try {
        text3 = readFileSync3(abs, "utf8");
      } catch (e) {
        throw new ReportError(`${abs}: cannot read it (${e.code ?? e.message})`);
      }
      reports.push({ name: file, results: parseReport(text3, file) });
    }
  } catch (e) {
    if (e instanceof ReportError) throw h.usage(e.message);
    throw e;
  }
  let results;
  try {
    results = mergeResults(reports);
  } catch (e) {
    if (e instanceof ReportError) throw h.usage(e.message);
    throw e;
  }
  const root = values.root !== void 0 ? resolve8(io.cwd, values.root) : gitTopLevel(io.cwd) ?? io.cwd;
  const outside = results.filter((r) => {
    const rel = relative11(root, r.filePath);
    return rel.startsWith("..") || isAbsolute(rel);
  }).length;
  if (outside) io.stderr.write(`archive-lint: warning: ${outside} file${outside === 1 ? "" : "s"} of the reports ${outside === 1 ? "is" : "are"} outside the root ${visible(root)}: give --root as the shards ran it (SARIF and the summaries show paths relative to it)
`);
  if (values.quiet) results = errorsOnly(results);
  const env = io.env ?? {};
  const ctx = {
    cwd: io.cwd,
    root,
    color: values.output === void 0 && h.colorFor(io.stdout, env, values),
    rules: rules.map((r) => r.meta),
    version: version(),
    warn: (message) => io.stderr.write(`archive-lint: warning: ${visible(message)}
`)
  };
  const listing = values.output !== void 0 || values.format !== void 0;
  if (listing) {
    if (format === "json") await h.writeChunks(io, values.output, jsonChunks(results));
    else h.writeOut(io, values.output, formatter(results, ctx));
  }
  const stats = { linted: results.length, indexed: 0, ms: performance.now() - started, phases: {} };
  const text2 = `${summaryText(results, root, { stats }, h.colorFor(io.stderr, env, values), ctx.rules)}Merged from ${files.length} report${files.length === 1 ? "" : "s"}.
`;
  if (format === "stylish" || values.output !== void 0) io.stdout.write(text2);
  else io.stderr.write(text2);
  if (values.report !== void 0) {
    const written = writeHtmlReport(results, { ...ctx, color: false }, values.report, io.cwd);
    for (const note of written.notes) io.stderr.write(`${note}
`);
    if (written.failed) return 2;
  }
  const t = totals(results);
  if (t.errors > 0) return 1;
  if (maxWarnings >= 0 && t.warnings > maxWarnings) {
    io.stderr.write(`archive-lint: ${t.warnings} warnings, more than --max-warnings ${maxWarnings}
`);
    return 1;
  }
  return 0;
}

// src/cli/main.ts
var UsageError = class extends Error {
};
var COMMANDS = /* @__PURE__ */ new Set(["check", "audit", "merge-reports", "rules", "init", "lsp", "links-to", "mv"]);
var WORKERS_PER_CORE = 4;
var MAX_WORKERS = 64;
var OPTIONS = {
  format: { type: "string" },
  output: { type: "string", short: "o" },
  config: { type: "string", short: "c" },
  root: { type: "string" },
  repo: { type: "string" },
  branch: { type: "string" },
  rule: { type: "string", multiple: true },
  quiet: { type: "boolean" },
  "max-warnings": { type: "string" },
  report: { type: "string" },
  "no-external": { type: "boolean" },
  "no-cache": { type: "boolean" },
  color: { type: "boolean" },
  "no-color": { type: "boolean" },
  force: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
  fix: { type: "boolean" },
  "fix-unsafe": { type: "boolean" },
  "fix-dry-run": { type: "boolean" },
  external: { type: "boolean" },
  changed: { type: "boolean" },
  base: { type: "string" },
  filter: { type: "string" },
  "new-only": { type: "boolean" },
  "report-unused-suppressions": { type: "boolean" },
  cache: { type: "boolean" },
  "cache-location": { type: "string" },
  baseline: { type: "string" },
  "update-baseline": { type: "boolean" },
  shard: { type: "string" },
  concurrency: { type: "string" },
  "dry-run": { type: "boolean" },
  "allow-private-hosts": { type: "boolean" },
  "allow-host": { type: "string", multiple: true },
  "archive-endpoint": { type: "string" },
  "cdx-endpoint": { type: "string" }
};
var HELP = `Usage: archive-lint [check] [PATH|GLOB...] [options]   (GLOB: "pages/**/*.md", "!drafts/**")
       archive-lint audit [PATH] [options]
       archive-lint merge-reports FILE.json... [--format F] [-o FILE] [--report FILE.html]
       archive-lint rules [ID] [--format text|json|markdown]   (ID: that rule's documentation)
       archive-lint init [--force]
       archive-lint lsp [--stdio]    a language server for editors, on stdin/stdout (docs/editors.md)
       archive-lint links-to PATH[#ANCHOR]... [--format text|json|markdown] [-o FILE]
       archive-lint mv OLD NEW [--dry-run] [--force]

Options (check and audit):
  --format stylish|json|sarif|github|markdown   output format (default stylish)
  -o, --output FILE          write the report to FILE instead of stdout
  -c, --config FILE          config file (default: looked up at the root)
  --root DIR                 archive root (default: git top level, else the working directory)
  --repo OWNER/NAME          the archive's GitHub identity (default: git remote origin)
  --branch NAME              its branch (default: the current branch)
  --rule ID=off|warn|error   override a rule's severity (repeatable)
  --quiet                    report errors only
  --max-warnings N           exit 1 when warnings exceed N
  --report FILE.html         (audit) where to write the HTML report (default report.html in the cache folder)
  --fix                      apply safe fixes in place (atomic writes, never outside the root)
  --fix-unsafe               apply unsafe fixes too (with --fix, or alone)
  --fix-dry-run              print the fixes as a unified diff and write nothing
  --changed [--base REF]     lint only what a change touches: files changed since REF (default: the staged
                             files in a pre-commit context, else the merge base with the default branch), plus
                             every file whose links point at a file the change deleted or renamed, or at an
                             anchor it removed
  --filter added|context|file|all   (with --changed) which problems are reported and fail the run: those
                             the change introduced (added), those within 3 lines of a changed line too
                             (context), every problem of the files it edits (file, all); default added in a git
                             hook (pre-commit, husky), else all
  --new-only                 the same as --filter added
  --report-unused-suppressions   warn of suppression comments that silence nothing
  --baseline FILE            report only problems not recorded in FILE (a baseline)
  --update-baseline          record the current problems in the --baseline FILE (and report none)
  --shard I/N                lint and report the I-th of N slices of the files, balanced by bytes (for CI matrices)
  --concurrency N            parsing worker threads (default: the available cores; at most 4 a core, 64 in all)
  --no-cache                 do not reuse or record results of unchanged files (the cache is on by default)
  --cache-location DIR       where the cache lives (default node_modules/.cache/archive-lint, else .archive-lint-cache)
  --external                 check http(s) URLs, each once (on by default for audit)
  --no-external              do not check http(s) URLs
  --allow-private-hosts      let external checks reach private, loopback and link-local addresses
  --allow-host HOST          let them reach HOST (or *.DOMAIN) though it resolves to one (repeatable)
  --archive-endpoint URL     the web archive's availability API (external.archive); --cdx-endpoint URL its CDX API
                             (guards: in CI a config cannot set these, see SECURITY.md)
  -h, --help, -v, --version

links-to: every link and image that reaches PATH (a page, a folder, one anchor), as file:line:column, from the cache.
mv: move a page or folder (with git mv in a repository) and rewrite every link to it, and its own relative links,
  keeping each link's form; --dry-run prints the diff and writes nothing; --force moves even when some link cannot
  be rewritten (they are listed).

Exit codes: 0 no errors; 1 lint errors or too many warnings; 2 bad usage, bad config, unreadable root or files, no network
when external checks were asked for, internal error.`;
var SEE_HELP = "See archive-lint --help.";
function optionHint(unknown, argv) {
  const long = Object.keys(OPTIONS);
  if (unknown.startsWith("--")) return closestName(unknown.slice(2), long);
  const token = argv.find((a) => /^-[^-]/.test(a) && a.includes(unknown.slice(1)));
  const word = token?.slice(1).split("=")[0] ?? "";
  return word.length > 1 ? closestName(word, long) : void 0;
}
function parse(argv) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    const message = e.message.replace(/\. To specify a positional argument.*$/s, "");
    const unknown = e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" ? /^Unknown option '([^']+)'/.exec(message)?.[1] : void 0;
    const hint = unknown === void 0 ? void 0 : optionHint(unknown, argv);
    throw new UsageError(`${message}.${hint === void 0 ? "" : ` Did you mean --${hint}?`} ${SEE_HELP}`);
  }
  const [first, ...rest] = parsed.positionals;
  const explicit = first !== void 0 && COMMANDS.has(first);
  return { command: explicit ? first : "check", explicit, paths: explicit ? rest : parsed.positionals, values: parsed.values };
}
function colorFor(out, env, values) {
  if (values["no-color"]) return false;
  if (values.color) return true;
  if (env.NO_COLOR !== void 0 && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== void 0) return env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  return Boolean(out.isTTY) && env.TERM !== "dumb";
}
function parseRuleOverrides(list) {
  const out = {};
  for (const item of list ?? []) {
    const m = /^([\w-]+)=(off|warn|error|0|1|2)$/.exec(item);
    if (!m) throw new UsageError(`--rule '${item}': expected ID=off|warn|error`);
    const id = m[1];
    if (!rules.some((r) => r.meta.id === id)) throw new UsageError(`--rule '${item}': unknown rule '${id}'; expected one of: ${rules.map((r) => r.meta.id).join(", ")}`);
    const sev = m[2];
    out[id] = severityOf(/^\d$/.test(sev) ? Number(sev) : sev);
  }
  return out;
}
async function writeChunks(io, file, chunks, root) {
  if (file !== void 0) {
    const abs = resolve9(io.cwd, file);
    if (streamTarget(abs)) writeStream(abs, withNewline(blocks(chunks)));
    else writeFileAtomic(abs, withNewline(blocks(chunks)), root === void 0 ? {} : { root });
    return;
  }
  for (const block of blocks(chunks)) {
    if (io.stdout.write(block) === false && io.stdout.once) await new Promise((r) => io.stdout.once?.("drain", () => r()));
  }
  io.stdout.write("\n");
}
function* withNewline(chunks) {
  yield* chunks;
  yield "\n";
}
function streamTarget(abs) {
  const st = statSync6(abs, { throwIfNoEntry: false });
  return st !== void 0 && (st.isCharacterDevice() || st.isFIFO() || st.isSocket());
}
function writeStream(abs, pieces) {
  let fd;
  try {
    fd = openSync2(abs, "w");
    for (const piece of pieces) {
      const data = typeof piece === "string" ? Buffer.from(piece) : piece;
      let off = 0;
      while (off < data.length) {
        const n2 = writeSync2(fd, data, off, data.length - off);
        if (!(n2 > 0)) throw Object.assign(new Error(`wrote ${n2} of ${data.length - off} bytes`), { code: "EIO" });
        off += n2;
      }
    }
  } catch (e) {
    throw new UsageError(`cannot write ${abs}: ${e.code ?? e.message}`);
  } finally {
    if (fd !== void 0) closeSync2(fd);
  }
}
function writeOut(io, file, text2, root) {
  if (file === void 0) {
    if (text2) io.stdout.write(text2.endsWith("\n") ? text2 : `${text2}
`);
    return;
  }
  const abs = resolve9(io.cwd, file);
  if (streamTarget(abs)) writeStream(abs, [text2.endsWith("\n") ? text2 : `${text2}
`]);
  else writeFileAtomic(abs, text2.endsWith("\n") ? text2 : `${text2}
`, root === void 0 ? {} : { root });
}
function repoIdentity(values, config, root, env) {
  const actions = env.GITHUB_ACTIONS === "true";
  const slug = values.repo ?? config.repository;
  let base;
  if (slug !== void 0) {
    base = parseRepoSlug(slug);
    if (!base) throw new UsageError(`--repo '${slug}': expected OWNER/NAME`);
  } else {
    base = gitRemoteRepo(root) ?? (actions && env.GITHUB_REPOSITORY ? parseRepoSlug(env.GITHUB_REPOSITORY) : void 0);
  }
  if (!base) return void 0;
  const jobBranch = actions ? env.GITHUB_BASE_REF || (env.GITHUB_REF_TYPE === "branch" ? env.GITHUB_REF_NAME : void 0) || void 0 : void 0;
  const branch = values.branch ?? config.branch ?? gitBranch(root) ?? jobBranch ?? "main";
  return { ...base, branch };
}
function trustOf(values, env) {
  const where = inCi(env);
  const guards = {};
  if (values["allow-private-hosts"]) guards.allowPrivateHosts = true;
  const hosts = values["allow-host"];
  if (hosts?.length) guards.allowHosts = hosts;
  for (const [option, key] of [["archive-endpoint", "archiveEndpoint"], ["cdx-endpoint", "cdxEndpoint"]]) {
    const v = values[option];
    if (v === void 0) continue;
    if (!/^https?:\/\/[^/]/.test(v) && !(key === "cdxEndpoint" && v === "")) throw new UsageError(`--${option} '${v}': expected an http(s) URL`);
    guards[key] = v;
  }
  return { untrustedConfig: where !== void 0, ...where ? { where } : {}, guards };
}
function cacheSecret(io) {
  const held2 = machineSecret(secretFile(io.env ?? {}));
  if (held2.warning) io.stderr.write(`archive-lint: warning: ${visible(held2.warning)}
`);
  return held2.secret;
}
function rootPattern(glob, cwd, root) {
  const negated = glob.startsWith("!");
  const scan = import_picomatch3.default.scan(negated ? glob.slice(1) : glob);
  const base = resolve9(cwd, scan.base);
  if (!inside2(root, base)) throw new UsageError(`'${glob}' is outside the root ${root}; give --root`);
  const rel = relative12(root, base).split(sep10).join("/");
  return `${negated ? "!" : ""}${rel ? `${rel}/` : ""}${scan.glob}`;
}
function repoPrefix(root) {
  const top = gitTopLevel(root);
  if (top === void 0) return "";
  const rel = relative12(realpathSync4(top), realpathSync4(root));
  return rel.startsWith("..") || isAbsolute2(rel) ? "" : rel.split(sep10).join("/");
}
function unlinted(named, linted, root, config) {
  const shown = (abs) => relative12(root, abs).split(sep10).join("/") || ".";
  if (named.length === 0) return linted.length ? [] : [`no Markdown file to lint under ${root} (include: ${config.include.join(", ")})`];
  const out = [];
  for (const abs of named) {
    if (linted.some((f) => f === abs || f.startsWith(abs.endsWith(sep10) ? abs : `${abs}${sep10}`))) continue;
    let st;
    try {
      st = statSync6(abs);
    } catch (e) {
      if (lstatSync3(abs, { throwIfNoEntry: false })?.isSymbolicLink()) out.push(`${shown(abs)}: a symbolic link that loops or is broken (${e.code ?? "unreadable"}); not linted`);
      continue;
    }
    if (st.isDirectory() && lstatSync3(abs).isSymbolicLink()) out.push(`${shown(abs)}: a symbolic link to a folder, never followed (a folder of the archive is linted where it is); nothing linted`);
    else if (st.isDirectory()) out.push(`${shown(abs)}: no Markdown file the config includes is there (include: ${config.include.join(", ")}); nothing linted`);
    else if (!st.isFile()) out.push(`${shown(abs)}: not a regular file (a pipe, socket or device); not linted`);
    else out.push(`${shown(abs)}: not a file the config includes (include: ${config.include.join(", ")}), or one it ignores; not linted`);
  }
  return out;
}
function nothingStaged(cs) {
  return cs.staged && cs.note !== void 0 && cs.changed.length === 0 && cs.deleted.length === 0 && cs.renamed.size === 0;
}
function nothingChanged(cs, config) {
  const what = cs.staged ? "the staged changes touch" : `the changes since ${cs.base.slice(0, 12)} touch`;
  return `${what} no Markdown file the config includes (include: ${config.include.join(", ")}) and break no link to a file; nothing linted`;
}
function siteText(config) {
  return `${config.site} (${config.siteSource ?? "the config"}${config.siteRoot ? `; site root ${config.siteRoot}/` : ""})`;
}
async function archiveSetup(io, p) {
  const { values } = p;
  const root = values.root ? resolve9(io.cwd, values.root) : gitTopLevel(io.cwd) ?? io.cwd;
  try {
    if (!statSync6(root).isDirectory()) throw new UsageError(`root ${root} is not a folder`);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot read the root ${root}: ${e.code ?? e.message}`);
  }
  const config = await loadConfig(root, values.config, rules, {}, io.cwd, trustOf(values, io.env ?? {}));
  for (const w of config.warnings ?? []) io.stderr.write(`archive-lint: warning: ${visible(w)}
`);
  const repo = repoIdentity(values, config, root, io.env ?? {});
  const mirrors = Object.fromEntries(Object.entries(config.mirrors).map(([k, v]) => [k, resolve9(root, v)]));
  const cacheLocation = values["no-cache"] ? void 0 : values["cache-location"] ? resolve9(io.cwd, values["cache-location"]) : defaultCacheLocation(root);
  return { root, config, repo, cacheLocation, cacheKey: cacheKey(config, repo, mirrors, rules), ...cacheLocation === void 0 ? {} : { cacheSecret: cacheSecret(io) }, usage: (m) => new UsageError(m) };
}
async function runLint(io, p) {
  const started = performance.now();
  const { values } = p;
  const audit = p.command === "audit";
  let shard;
  if (values.shard !== void 0) {
    const parsed = parseShard(values.shard);
    if (typeof parsed === "string") throw new UsageError(`--shard '${values.shard}': ${parsed}`);
    shard = parsed;
  }
  const update = Boolean(values["update-baseline"]);
  if (update && values.baseline === void 0) throw new UsageError("--update-baseline needs --baseline FILE: the file to write");
  if (update && values.changed) throw new UsageError("--update-baseline records every problem of the files it lints: run it without --changed");
  if (update && shard) throw new UsageError("--update-baseline writes one file for the whole run: run it without --shard");
  if (update && values["fix-dry-run"]) throw new UsageError("--update-baseline writes the baseline, --fix-dry-run writes nothing: give one of them");
  if (audit && p.paths.length > 1) throw new UsageError("audit takes one PATH: the archive");
  if (!audit && values.report !== void 0) throw new UsageError("--report goes with audit");
  const format = values.format ?? "stylish";
  const formatter = formatters[format];
  if (!formatter) throw new UsageError(`--format '${format}': expected one of ${Object.keys(formatters).join(", ")}`);
  let maxWarnings = -1;
  if (values["max-warnings"] !== void 0) {
    const v = values["max-warnings"];
    if (!/^\d+$/.test(v)) throw new UsageError(`--max-warnings '${v}': expected a whole number`);
    maxWarnings = Number(v);
  }
  const cliRules = parseRuleOverrides(values.rule);
  const globs = p.paths.filter((x) => !existsSync2(resolve9(io.cwd, x)) && !lstatSync3(resolve9(io.cwd, x), { throwIfNoEntry: false }) && (x.startsWith("!") || import_picomatch3.default.scan(x).isGlob));
  if (audit && globs.length) throw new UsageError(`audit takes the archive's folder, not a glob ('${globs[0]}'): give globs to check`);
  const named = p.paths.filter((x) => !globs.includes(x));
  const paths = (named.length || globs.every((g) => g.startsWith("!")) ? named.length ? named : ["."] : []).map((x) => resolve9(io.cwd, x));
  for (const x of paths) {
    if (existsSync2(x) || lstatSync3(x, { throwIfNoEntry: false })) continue;
    const command = !p.explicit && x === paths[0] ? closestName(p.paths[0], [...COMMANDS]) : void 0;
    throw new UsageError(`${x}: no such file or folder${command === void 0 ? "" : `. Did you mean the command '${command}'? ${SEE_HELP}`}`);
  }
  const auditDir = audit ? paths[0] : void 0;
  const rootArg = values.root;
  const root = rootArg ? resolve9(io.cwd, rootArg) : gitTopLevel(auditDir ?? io.cwd) ?? auditDir ?? io.cwd;
  try {
    if (!statSync6(root).isDirectory()) throw new UsageError(`root ${root} is not a folder`);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot read the root ${root}: ${e.code ?? e.message}`);
  }
  for (const x of paths) {
    if (!inside2(root, x)) throw new UsageError(`${x} is outside the root ${root}; give --root`);
  }
  const patterns = globs.map((g) => rootPattern(g, io.cwd, root));
  if (typeof values.output === "string") checkTarget(resolve9(io.cwd, values.output), { root });
  if (typeof values.report === "string") checkTarget(resolve9(io.cwd, values.report), { root });
  const config = await loadConfig(root, values.config, rules, cliRules, io.cwd, trustOf(values, io.env ?? {}), { audit });
  for (const w of config.warnings ?? []) io.stderr.write(`archive-lint: warning: ${visible(w)}
`);
  for (const line of config.deprecations ?? []) io.stderr.write(`archive-lint: warning: ${visible(line)}
`);
  const baselineFile = values.baseline === void 0 ? void 0 : resolve9(io.cwd, values.baseline);
  let baseline;
  if (baselineFile !== void 0) {
    baseline = loadBaseline(baselineFile, update, root);
    if (baseline.commit !== void 0) {
      const { renamed, warning } = renamesSince(root, baseline.commit);
      if (warning) io.stderr.write(`archive-lint: warning: ${visible(warning)}
`);
      applyRenames(baseline, renamed);
    }
  }
  const repo = repoIdentity(values, config, root, io.env ?? {});
  if (!audit && config.site !== "github") io.stderr.write(`archive-lint: links resolved as ${visible(siteText(config))}
`);
  if (values.external && values["no-external"]) throw new UsageError("--external and --no-external: give one of them");
  const externalOn = audit ? !values["no-external"] : Boolean(values.external);
  if (externalOn) for (const w of config.guardWarnings ?? []) io.stderr.write(`archive-lint: warning: ${visible(w)}
`);
  const cores = availableParallelism();
  let concurrency = Math.min(cores, MAX_WORKERS);
  if (values.concurrency !== void 0) {
    const v = values.concurrency;
    if (!/^[1-9]\d*$/.test(v)) throw new UsageError(`--concurrency '${v}': expected a whole number of at least 1`);
    concurrency = Number(v);
    const cap = Math.min(WORKERS_PER_CORE * cores, MAX_WORKERS);
    if (concurrency > cap) {
      io.stderr.write(`archive-lint: warning: --concurrency ${v} capped at ${cap} worker threads (${WORKERS_PER_CORE} × ${cores} available core${cores === 1 ? "" : "s"}, at most ${MAX_WORKERS})
`);
      concurrency = cap;
    }
  }
  const cacheLocation = values["no-cache"] ? void 0 : values["cache-location"] ? resolve9(io.cwd, values["cache-location"]) : defaultCacheLocation(root);
  if (cacheLocation !== void 0 && values["cache-location"]) {
    const unmade = makeFolder(cacheLocation);
    if (unmade !== void 0) throw new UsageError(`--cache-location: ${unmade}; give a folder that can be made, or --no-cache`);
  }
  if (values.base !== void 0 && !values.changed) throw new UsageError("--base goes with --changed");
  const filter = filterOf(values, io.env ?? {});
  let changed;
  if (values.changed) {
    try {
      changed = changeSet(root, values.base, io.env ?? {});
    } catch (e) {
      if (e instanceof ChangeError) throw new UsageError(e.message);
      throw new UsageError(`--changed: git failed: ${e.message.split("\n")[0]}`);
    }
  }
  const fixMode = values["fix-unsafe"] ? "unsafe" : values.fix || values["fix-dry-run"] ? "safe" : void 0;
  const dryRun = Boolean(values["fix-dry-run"]);
  const progress = audit && io.stderr.isTTY ? new Progress(io.stderr) : void 0;
  const signal2 = io.signal ?? { aborted: false };
  const stream = format === "json" && !audit && !dryRun;
  let report;
  try {
    report = await lint({
      root,
      rules,
      rulesModule,
      stream,
      paths,
      ...patterns.length ? { patterns } : {},
      config,
      signal: signal2,
      graphSummary: audit,
      concurrency,
      ...changed ? { changed } : {},
      ...shard ? { shard } : {},
      ...values["report-unused-suppressions"] ? { reportUnusedSuppressions: true } : {},
      ...cacheLocation === void 0 ? {} : { cache: { location: cacheLocation, secret: cacheSecret(io) } },
      ...repo ? { repo } : {},
      ...fixMode ? { fix: { mode: fixMode, dryRun }, lock: cacheLocation ?? noCacheLock(root) } : {},
      onNotice: (message) => io.stderr.write(`archive-lint: ${visible(message)}
`),
      ...progress ? { onProgress: (d, t2, f) => progress.update(d, t2, f) } : {},
      ...externalOn ? { external: { settings: config.external, ...progress ? { onProgress: (u) => progress.urls(u.done, u.total, u.slowest) } : {} } } : {}
    });
  } finally {
    progress?.done();
  }
  if (dryRun) {
    const diff = report.fixed.map((f) => unifiedDiff(f)).join("");
    writeOut(io, values.output, diff, root);
    io.stderr.write(`archive-lint: --fix-dry-run: ${report.fixed.length} file${report.fixed.length === 1 ? "" : "s"} would be changed by ${report.fixed.reduce((n2, f) => n2 + f.fixes, 0)} fixes; nothing was written
`);
  } else if (fixMode) {
    const written = report.fixed.filter((f) => f.written);
    const fixes = written.reduce((n2, f) => n2 + f.fixes, 0);
    io.stderr.write(`archive-lint: fixed ${written.length} file${written.length === 1 ? "" : "s"} (${fixes} fix${fixes === 1 ? "" : "es"})
`);
  }
  if (report.interrupted) {
    const by = signal2.reason ? ` by ${signal2.reason}` : "";
    io.stderr.write(`archive-lint: interrupted${by}: the report is partial${fixMode && !dryRun ? "; files already fixed are whole, the rest untouched" : ""}
`);
  }
  let t;
  const linted = [];
  let results = report.results;
  const bl = baseline && baselineFile !== void 0 ? baselineRun(baselineFile, root, baseline, update, p.paths.length > 0 ? pathSelector(root, paths, patterns) : () => true, changed, shard, report, Boolean(fixMode)) : void 0;
  if (bl && report.stream) report.stream = mapStream(report.stream, bl.filter);
  else if (bl) results = results.map(bl.filter);
  const classified = changed ? resultFilter(filter, root, report.lines) : void 0;
  if (classified && report.stream) report.stream = mapStream(report.stream, classified.apply);
  else if (classified) results = results.map(classified.apply);
  let baselineNotes = [];
  if (bl && !report.stream && !report.interrupted) baselineNotes = bl.finish(results.map((r) => r.filePath));
  if (report.stream) {
    const counted = { errors: 0, warnings: 0 };
    const quiet = Boolean(values.quiet);
    const each = function* (stream2) {
      for (const r of stream2) {
        linted.push(r.filePath);
        const shown = quiet ? errorsOnly([r])[0] : r;
        counted.errors += shown.errorCount;
        counted.warnings += shown.warningCount;
        yield shown;
      }
    };
    await writeChunks(io, values.output, jsonChunks(each(report.stream)), root);
    t = counted;
    if (bl && !report.interrupted) baselineNotes = bl.finish(linted);
  } else if (values.quiet) {
    results = errorsOnly(results);
  }
  const env = io.env ?? {};
  const ctx = {
    cwd: io.cwd,
    root,
    color: values.output === void 0 && colorFor(io.stdout, env, values),
    rules: rules.map((r) => r.meta),
    version: version(),
    warn: (message) => io.stderr.write(`archive-lint: warning: ${visible(message)}
`)
  };
  const listing = !audit || values.output !== void 0 || values.format !== void 0;
  if (!dryRun && !report.stream && listing) {
    if (format === "json") await writeChunks(io, values.output, jsonChunks(results), root);
    else writeOut(io, values.output, formatter(results, ctx), root);
  }
  let reportFailed = false;
  if (audit) {
    const github2 = repo ? { repo, prefix: repoPrefix(root) } : void 0;
    const written = writeHtmlReport(
      results,
      { ...ctx, color: false, external: externalOn ? report.external : false, ...report.stats.suppressed !== void 0 ? { suppressed: report.stats.suppressed } : {}, ...github2 ? { github: github2 } : {}, ...report.graph ? { graph: report.graph } : {} },
      values.report,
      cacheLocation ?? defaultCacheLocation(root)
    );
    reportFailed = written.failed === true;
    const whole = { ...report, stats: { ...report.stats, ms: performance.now() - started } };
    const text2 = `${summaryText(results, root, whole, colorFor(io.stderr, env, values), ctx.rules, siteText(config))}${report.graph ? graphText(report.graph, colorFor(io.stderr, env, values)) : ""}${report.external ? `${externalText(report.external)}
` : ""}${baselineNotes.map((n2) => `${capital(visible(n2))}.
`).join("")}`;
    if (format === "stylish" || values.output !== void 0) io.stdout.write(text2);
    else io.stderr.write(text2);
    if (!listing && results.some((r) => r.messages.length)) {
      io.stdout.write(`Every finding: ${written.file === void 0 ? "archive-lint check" : visible(written.file)}, or audit with --format json -o FILE.
`);
    }
    for (const note of written.notes) io.stderr.write(`${note}
`);
  }
  if (io.env?.ARCHIVE_LINT_TIMING) io.stderr.write(`archive-lint: timing ${JSON.stringify({ ...report.stats.phases, total: Math.round(report.stats.ms) })}
`);
  if (!report.stream) for (const r of report.results) linted.push(r.filePath);
  if (!audit) for (const n2 of baselineNotes) io.stderr.write(`archive-lint: ${visible(n2)}
`);
  if (shard && linted.length === 0 && !report.interrupted) io.stderr.write(`archive-lint: shard ${shard.index}/${shard.count} holds no file of this run
`);
  if (!changed && !shard && !report.interrupted) {
    for (const note of unlinted(named.length ? paths : [], linted, root, config)) io.stderr.write(`archive-lint: warning: ${visible(note)}
`);
    for (const [glob, pattern] of globs.map((g, i) => [g, patterns[i]])) {
      if (pattern.startsWith("!")) continue;
      const match = (0, import_picomatch3.default)(pattern, { dot: true });
      if (!linted.some((f) => match(relative12(root, f).split(sep10).join("/")))) io.stderr.write(`archive-lint: warning: ${visible(`'${glob}' matches no file to lint (include: ${config.include.join(", ")})`)}
`);
    }
  }
  for (const w of report.warnings) io.stderr.write(`archive-lint: warning: ${visible(w)}
`);
  if (changed && !report.interrupted && linted.length === 0 && !nothingStaged(changed)) io.stderr.write(`archive-lint: warning: ${visible(nothingChanged(changed, config))}
`);
  for (const rp of report.runProblems) io.stderr.write(`archive-lint: ${visible(rp.path)}: ${visible(rp.message)}
`);
  const leftOut = classified && !report.interrupted ? leftOutLine(classified.leftOut, filter) : void 0;
  if (classified && leftOut) io.stderr.write(`archive-lint: ${classifiedLine(classified.leftOut)}; ${visible(leftOut)}
`);
  const offline = report.external?.networkUnavailable;
  if (offline && values.external) io.stderr.write(`archive-lint: external URLs not checked: ${visible(offline)}
`);
  else if (offline) io.stderr.write(`archive-lint: warning: external URLs not checked: ${visible(offline)}; audited offline (--external makes this an error, --no-external skips the check)
`);
  if (report.interrupted) return interruptedStatus(signal2.reason);
  if (report.runProblems.length || offline && values.external || reportFailed) return 2;
  t ??= totals(results);
  if (t.errors > 0) return 1;
  if (maxWarnings >= 0 && t.warnings > maxWarnings) {
    io.stderr.write(`archive-lint: ${t.warnings} warnings, more than --max-warnings ${maxWarnings}
`);
    return 1;
  }
  return 0;
}
function filterOf(values, env) {
  const given = values.filter;
  if (given !== void 0 && !FILTERS.includes(given)) throw new UsageError(`--filter '${given}': expected one of ${FILTERS.join(", ")}`);
  if (values["new-only"] && given !== void 0 && given !== "added") throw new UsageError(`--new-only is --filter added: give one of them`);
  if ((given !== void 0 || values["new-only"]) && !values.changed) throw new UsageError(`${given !== void 0 ? "--filter" : "--new-only"} goes with --changed`);
  if (values["new-only"]) return "added";
  if (given !== void 0) return given;
  return env.PRE_COMMIT === "1" || env.GIT_INDEX_FILE !== void 0 ? "added" : "all";
}
function baselineRun(file, root, baseline, update, selected, changed, shard, report, fixing) {
  const covers = changed || shard ? () => false : selected;
  const dry = new Map(report.fixed.filter((f) => !f.written).map((f) => [f.path, f.after]));
  const staged = changed?.staged && changed.unstaged && !fixing ? changed.unstaged : void 0;
  const textOf = (path) => dry.get(path) ?? (staged?.has(path) ? stagedText(root, path)?.replace(/^\ufeff/, "") : void 0);
  return new BaselineRun({ file, root, baseline, update, covers, countsFixed: !changed, textOf });
}
function* mapStream(stream, f) {
  for (const r of stream) yield f(r);
}
function capital(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
function externalText(e) {
  const n2 = (x) => x.toLocaleString("en-US");
  if (e.networkUnavailable) return `External URLs: none checked (${e.networkUnavailable}).`;
  const found = URL_STATUSES.filter((s) => e.byStatus[s] > 0).map((s) => `${s} ${n2(e.byStatus[s])}`).join(", ");
  const slow = e.slowest.length ? `; slowest hosts ${e.slowest.slice(0, 3).map((h) => `${visible(h.host)} ${(h.ms / 1e3).toFixed(1)} s`).join(", ")}` : "";
  const a = e.archive;
  const count2 = (x, word) => `${n2(x)} ${word}${x === 1 ? "" : "s"}`;
  const archive = a ? ` Web archive: ${count2(a.lookups, "lookup")} (${n2(a.cached)} from the cache, ${count2(a.requests, "request")}): found ${n2(a.found)}, none ${n2(a.missing)}${a.failed ? `, unknown ${n2(a.failed)}` : ""}.` : "";
  return `External URLs: ${n2(e.urls)} unique of ${n2(e.occurrences)} links and images, ${n2(e.requests)} requests (${n2(e.retries)} retries) in ${(e.ms / 1e3).toFixed(1)} s${found ? `: ${found}` : ""}${slow}.${archive}`;
}
function runRules(io, p) {
  const format = p.values.format ?? "text";
  const metas = rules.map((r) => r.meta);
  if (p.paths.length > 1) throw new UsageError(`rules takes one rule id at most, not ${p.paths.length}`);
  const wanted = p.paths[0];
  if (wanted !== void 0) {
    const meta = metas.find((m) => m.id === wanted);
    if (meta === void 0) {
      const near = closestName(wanted, metas.map((m) => m.id));
      throw new UsageError(`no rule '${wanted}'${near ? `; did you mean '${near}'?` : "."} Rules: ${metas.map((m) => m.id).join(", ")}`);
    }
    if (format !== "text" && format !== "markdown") throw new UsageError(`--format '${format}' with a rule id: expected text or markdown (its page is Markdown)`);
    writeOut(io, p.values.output, ruleDoc(meta, rulePage(meta.id), (m, id, site) => SEVERITY_WORDS[severityFor(m, id, site)], RULE_SEVERITY_NOTE));
    return 0;
  }
  const text2 = format === "json" ? rulesJson(metas) : format === "markdown" ? rulesMarkdown(metas) : format === "text" ? rulesText(metas) : void 0;
  if (text2 === void 0) throw new UsageError(`--format '${format}': expected text, json or markdown`);
  writeOut(io, p.values.output, text2);
  return 0;
}
var RULE_SEVERITY_NOTE = "What a reader of the site as each profile publishes it gets (docs/profiles.md): error, something broken; warning, it works there but is fragile; not checked, the profile cannot tell (counted, never an error). Set to warn, a rule reports only warnings.";
var SEVERITY_WORDS = { error: "error", warn: "warning", "not-checked": "not checked" };
function rulePage(id) {
  const dir = packageDir();
  if (dir === void 0) return void 0;
  try {
    return readBoundedIfAny(join11(dir, "rules", id, "README.md"), { maxBytes: LIMITS.config, what: "rule page" })?.toString("utf8");
  } catch {
    return void 0;
  }
}
function packageDir() {
  let dir = dirname6(fileURLToPath2(import.meta.url));
  for (let i = 0; i < 5; i++) {
    try {
      if (JSON.parse(readFileSync4(join11(dir, "package.json"), "utf8")).name === "archive-lint") return dir;
    } catch {
    }
    dir = dirname6(dir);
  }
  return void 0;
}
function inside2(root, path) {
  const rel = relative12(root, path);
  return !(rel === ".." || rel.startsWith(`..${sep10}`) || isAbsolute2(rel));
}
function schemaRef(root) {
  const dir = packageDir();
  if (dir === void 0) return void 0;
  try {
    const schema = realpathSync4(join11(dir, "archive-lint.schema.json"));
    const installed = join11(root, "node_modules", "archive-lint", "archive-lint.schema.json");
    if (existsSync2(installed) && realpathSync4(installed) === schema) return "./node_modules/archive-lint/archive-lint.schema.json";
    const realRoot = realpathSync4(root);
    return inside2(realRoot, schema) ? `./${relative12(realRoot, schema).split(sep10).join("/")}` : void 0;
  } catch {
    return void 0;
  }
}
function runInit(io, p) {
  const root = p.values.root ? resolve9(io.cwd, p.values.root) : gitTopLevel(io.cwd) ?? io.cwd;
  const file = join11(root, "archive-lint.config.json");
  if (lstatSync3(file, { throwIfNoEntry: false }) && !p.values.force) throw new UsageError(`${file} exists already (--force to overwrite)`);
  const remote = gitRemoteRepo(root);
  const starter = {};
  const schema = schemaRef(root);
  if (schema !== void 0) starter.$schema = schema;
  if (remote) starter.repository = `${remote.owner}/${remote.name}`;
  const branch = gitBranch(root);
  if (branch) starter.branch = branch;
  starter.include = ["**/*.md"];
  starter.ignore = ["node_modules/**"];
  starter.rules = Object.fromEntries(rules.filter((r) => r.meta.auditSeverity === void 0).map((r) => [r.meta.id, r.meta.defaultSeverity]));
  writeFileAtomic(file, `${JSON.stringify(starter, null, 2)}
`, { root });
  io.stdout.write(`Wrote ${file}
`);
  const npmProject = existsSync2(join11(root, "package.json"));
  const ignored = ignoreNodeModules(root, npmProject);
  if (ignored.note) io.stdout.write(`${ignored.note}
`);
  if (ignored.warning) io.stderr.write(`archive-lint: warning: ${visible(ignored.warning)}
`);
  if (!npmProject) {
    io.stdout.write(
      `This archive is not an npm project (no package.json): install archive-lint for your user (npm install --global ${npmSpec()}), not with npm install in the archive, which would write a package.json and a node_modules/ into it for everyone who clones it.
`
    );
  }
  if (!remote) {
    io.stderr.write(
      `archive-lint: no GitHub remote 'origin', so the config has no "repository": runs will need --repo OWNER/NAME, or the "repository" key in ${file}, to resolve links as GitHub does and check links to the archive's own GitHub URLs
`
    );
  }
  const rel = relative12(io.cwd, root);
  const where = rel === "" ? "." : /^[\w./-]+$/.test(rel) ? rel : `'${rel.replace(/'/g, `'\\''`)}'`;
  io.stdout.write(`Next: ${runCommand(root)} audit ${where}
`);
  return 0;
}
function npmSpec() {
  return `github:${REPOSITORY_URL.replace(/^https:\/\/github\.com\//, "")}`;
}
function runCommand(root) {
  const dir = packageDir();
  if (dir !== void 0 && existsSync2(join11(root, "node_modules", "archive-lint")) && realpathSync4(join11(root, "node_modules", "archive-lint")) === realpathSync4(dir)) return "npx --no -- archive-lint";
  if (dir !== void 0 && dir.split(sep10).includes("_npx")) return `npx ${npmSpec()}`;
  return "archive-lint";
}
function ignoreNodeModules(root, npmProject) {
  const file = join11(root, ".gitignore");
  try {
    const text2 = readBoundedIfAny(file, { maxBytes: LIMITS.gitignore, root, what: ".gitignore" })?.toString("utf8");
    if (text2 === void 0) {
      writeFileAtomic(file, "node_modules/\n", { root });
      return { note: `Wrote ${file} (node_modules/)` };
    }
    if (!npmProject) return {};
    if (text2.split(/\r?\n/).some((line) => /^\/?node_modules(?:\/(?:\*\*?)?)?$/.test(line.trim()))) return {};
    writeFileAtomic(file, `${text2}${text2 === "" || text2.endsWith("\n") ? "" : "\n"}node_modules/
`, { root });
    return { note: `Added node_modules/ to ${file}` };
  } catch (e) {
    if (e instanceof IoError) return { warning: `${e.message}: add node_modules/ to it yourself` };
    throw e;
  }
}
async function main(io) {
  try {
    const p = parse(io.argv);
    if (p.values.help) {
      io.stdout.write(`${HELP}
`);
      return 0;
    }
    if (p.values.version) {
      io.stdout.write(`${version()}
`);
      return 0;
    }
    switch (p.command) {
      case "rules":
        return runRules(io, p);
      case "init":
        return runInit(io, p);
      case "lsp":
        throw new UsageError("lsp runs as a process of its own: start `archive-lint lsp` (docs/editors.md)");
      case "links-to":
        return await linksToCommand(io, p.paths, p.values.format ?? "text", await archiveSetup(io, p), (text2) => writeOut(io, p.values.output, text2));
      case "mv":
        return await mvCommand(io, p.paths, { dryRun: Boolean(p.values["dry-run"]), force: Boolean(p.values.force) }, await archiveSetup(io, p));
      case "merge-reports":
        return await mergeCommand(io, p.paths, p.values, { writeChunks, writeOut, colorFor, usage: (m) => new UsageError(m) });
      default:
        return await runLint(io, p);
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof ConfigError || e instanceof BaselineError || e instanceof IoError) {
      io.stderr.write(`${e.message.split("\n").map((line) => `archive-lint: ${visible(line)}
`).join("")}`);
      return 2;
    }
    const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    const frames = e instanceof Error ? (e.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line)) : [];
    io.stderr.write(`archive-lint: internal error: ${visible(message)}
${frames.map((f) => `${visible(f)}
`).join("")}`);
    return 2;
  }
}

// src/action/annotations.ts
var PER_LEVEL = 10;
function annotationOf(r, m, ctx) {
  const a = {
    level: m.severity === 2 ? "error" : "warning",
    path: relPath(ctx.cwd, r.filePath),
    line: m.line,
    column: m.column,
    title: `${m.ruleId ?? "archive-lint"}${m.introduced === false ? " (there before this change)" : ""}`,
    message: m.message
  };
  if (m.endLine !== void 0) a.endLine = m.endLine;
  if (m.endColumn !== void 0 && m.endLine === m.line) a.endColumn = m.endColumn;
  if (m.introduced !== void 0) a.introduced = m.introduced;
  return a;
}
function allAnnotations(results, ctx, max = Infinity) {
  const out = [];
  for (const [r, m] of errorsFirst(results)) {
    if (out.length >= max) break;
    out.push(annotationOf(r, m, ctx));
  }
  return out;
}
function limitedAnnotations(results, ctx, perLevel, where) {
  const annotations = [];
  const used = { error: 0, warning: 0, notice: 0 };
  let omitted = 0;
  for (const [r, m] of errorsFirst(results)) {
    const level = m.severity === 2 ? "error" : "warning";
    if (used[level] >= perLevel) {
      omitted++;
      continue;
    }
    used[level]++;
    annotations.push(annotationOf(r, m, ctx));
  }
  if (omitted > 0) annotations.push({ level: "notice", title: "archive-lint", message: where(omitted) });
  return { annotations, omitted };
}
function workflowCommand(a) {
  const props = [];
  if (a.path !== void 0) props.push(`file=${escapeProperty(a.path)}`);
  if (a.line !== void 0) props.push(`line=${a.line}`);
  if (a.column !== void 0) props.push(`col=${a.column}`);
  if (a.endLine !== void 0) props.push(`endLine=${a.endLine}`);
  if (a.endColumn !== void 0) props.push(`endColumn=${a.endColumn}`);
  if (a.path !== void 0) props.push(`title=${escapeProperty(a.title)}`);
  return `::${a.level}${props.length ? ` ${props.join(",")}` : ""}::${escapeData(a.message)}`;
}

// src/action/checks.ts
var BATCH = 50;
var TEXT_LIMIT = 65535;
function checkAnnotation(a) {
  if (a.path === void 0 || a.line === void 0) return void 0;
  const end = a.endLine ?? a.line;
  const out = { path: a.path, start_line: a.line, end_line: end, annotation_level: a.level === "error" ? "failure" : a.level, message: a.message.slice(0, 64 * 1024), title: a.title.slice(0, 255) };
  if (end === a.line && a.column !== void 0) {
    out.start_column = a.column;
    out.end_column = a.endColumn ?? a.column;
  }
  return out;
}
function cut(s) {
  return s.length <= TEXT_LIMIT ? s : `${s.slice(0, TEXT_LIMIT - 2)}
…`;
}
async function refusal(res) {
  let message = "";
  try {
    const body = await res.json();
    if (typeof body.message === "string") message = `: ${body.message}`;
  } catch {
  }
  return `${res.status} ${res.statusText}${message}`.replace(/\s+/g, " ").trim();
}
async function createCheckRun(req, fetchImpl = fetch) {
  const all = req.annotations.map(checkAnnotation).filter((a) => a !== void 0);
  const headers = {
    authorization: `Bearer ${req.token}`,
    accept: "application/vnd.github+json",
    "content-type": "application/json",
    "user-agent": "archive-lint",
    "x-github-api-version": "2022-11-28"
  };
  const base = `${req.apiUrl.replace(/\/+$/, "")}/repos/${req.repository}/check-runs`;
  const output = (annotations) => ({ title: req.title, summary: cut(req.summary), annotations });
  let annotated = 0;
  let requests = 0;
  let res;
  try {
    res = await fetchImpl(base, { method: "POST", headers, body: JSON.stringify({ name: req.name, head_sha: req.headSha, status: "completed", conclusion: req.conclusion, output: output(all.slice(0, BATCH)) }) });
  } catch (e) {
    return { ok: false, reason: `cannot reach ${req.apiUrl}: ${e.message}`, permission: false, annotated };
  }
  requests++;
  if (!res.ok) {
    return { ok: false, reason: await refusal(res), permission: res.status === 403 || res.status === 404 || res.status === 401, annotated };
  }
  const created = await res.json().catch(() => ({}));
  annotated = Math.min(all.length, BATCH);
  if (typeof created.id !== "number") return { ok: false, reason: "the API created a check run but gave no id", permission: false, annotated };
  for (let at = BATCH; at < all.length; at += BATCH) {
    const batch = all.slice(at, at + BATCH);
    let update;
    try {
      update = await fetchImpl(`${base}/${created.id}`, { method: "PATCH", headers, body: JSON.stringify({ output: output(batch) }) });
    } catch (e) {
      return { ok: false, reason: `cannot reach ${req.apiUrl}: ${e.message}`, permission: false, annotated };
    }
    requests++;
    if (!update.ok) return { ok: false, reason: await refusal(update), permission: false, annotated };
    annotated += batch.length;
  }
  return { ok: true, url: created.html_url, requests, annotated };
}

// src/action/publish.ts
var CHECK_RUN_MAX = 1e3;
function asCommands(o) {
  const { annotations } = limitedAnnotations(o.results, o.ctx, o.perLevel, o.where);
  const made = { error: 0, warning: 0, notice: 0 };
  for (const a of annotations) {
    o.log(workflowCommand(a));
    made[a.level]++;
  }
  return made;
}
async function publishAnnotations(o) {
  const none = { error: 0, warning: 0, notice: 0 };
  if (!o.check) return asCommands(o);
  const annotations = allAnnotations(o.results, o.ctx, CHECK_RUN_MAX);
  const c = o.check;
  const r = await createCheckRun({ apiUrl: c.apiUrl, token: c.token, repository: c.repository, headSha: c.headSha, name: "archive-lint", conclusion: c.conclusion, title: c.title, summary: c.summary, annotations }, c.fetch);
  if (r.ok) {
    const total2 = o.results.reduce((n2, x) => n2 + x.messages.length, 0);
    const left = total2 - r.annotated;
    o.log(`Check run 'archive-lint' created${r.url ? ` (${r.url})` : ""} with ${r.annotated} annotation${r.annotated === 1 ? "" : "s"} in ${r.requests} request${r.requests === 1 ? "" : "s"}${left > 0 ? `; ${o.where(left)}` : ""}.`);
    return none;
  }
  if (r.annotated > 0) {
    o.log(`::warning::${escapeData(`The check run was created, but adding its annotations failed after ${r.annotated} (${r.reason}); the rest are in the job summary.`)}`);
    return { ...none, warning: 1 };
  }
  const why = r.permission ? `the token cannot create check runs (${r.reason}; it needs \`checks: write\`, which a pull request from a fork never gets)` : `the Checks API failed (${r.reason})`;
  o.log(`::warning::${escapeData(`archive-lint: ${why}; annotating with workflow commands instead, at most ${o.perLevel} per level.`)}`);
  const made = asCommands(o);
  return { ...made, warning: made.warning + 1 };
}

// node_modules/string-argv/index.js
function parseArgsStringToArgv(value, env, file) {
  var myRegexp = /([^\s'"]([^\s'"]*(['"])([^\3]*?)\3)+[^\s'"]*)|[^\s'"]+|(['"])([^\5]*?)\5/gi;
  var myString = value;
  var myArray = [];
  if (env) {
    myArray.push(env);
  }
  if (file) {
    myArray.push(file);
  }
  var match;
  do {
    match = myRegexp.exec(myString);
    if (match !== null) {
      myArray.push(firstString(match[1], match[6], match[0]));
    }
  } while (match !== null);
  return myArray;
}
function firstString() {
  var args = [];
  for (var _i = 0; _i < arguments.length; _i++) {
    args[_i] = arguments[_i];
  }
  for (var i = 0; i < args.length; i++) {
    var arg = args[i];
    if (typeof arg === "string") {
      return arg;
    }
  }
}

// src/action/main.ts
var SUMMARY_LIMIT = 1024 * 1024;
var ActionError = class extends Error {
};
function input(env, name) {
  return (env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}
function booleanInput(env, name, fallback) {
  const v = input(env, name).toLowerCase();
  if (v === "") return fallback;
  if (["true", "yes", "on", "1"].includes(v)) return true;
  if (["false", "no", "off", "0"].includes(v)) return false;
  throw new ActionError(`input '${name}': expected true or false, got '${v}'`);
}
function pathsInput(env) {
  return input(env, "paths").split(/\s+/).filter((x) => x !== "");
}
var OWN_OPTIONS = ["--format", "-o", "--output", "--changed", "--base", "--filter", "--new-only", "--cache-location", "--fix", "--fix-unsafe", "--fix-dry-run", "--update-baseline"];
function argsInput(env) {
  const text2 = input(env, "args");
  if (text2 === "") return [];
  const args = parseArgsStringToArgv(text2);
  for (const a of args) {
    const name = a.split("=")[0];
    if (OWN_OPTIONS.includes(name)) throw new ActionError(`input 'args': ${name} is set by the action itself${name === "--filter" || name === "--new-only" ? " (use the filter input)" : ""}`);
  }
  return args;
}
var FILTER_WORDS = { added: "introduced by this change", context: "on or near the lines this change wrote", file: "in the files this change touched", all: "in the files this run linted" };
function whereListed(omitted, env, summary) {
  const where = !env.GITHUB_STEP_SUMMARY ? "the report-file output has every problem" : summary.listed >= summary.total ? "the job summary lists every problem" : `the job summary lists ${count(summary.listed, "problem")} of ${summary.total.toLocaleString("en-US")}, the report-file output every one`;
  return `${count(omitted, "more problem")} not annotated (GitHub shows 10 annotations per level); ${where}.`;
}
function checkTarget2(env, event) {
  const repository = env.GITHUB_REPOSITORY ?? "";
  const headSha = event?.pull_request?.head?.sha ?? env.GITHUB_SHA ?? "";
  if (!/^[\w.-]+\/[\w.-]+$/.test(repository)) throw new ActionError("input 'token': GITHUB_REPOSITORY is not set, so the check run has no repository");
  if (!/^[0-9a-f]{40}$/i.test(headSha)) throw new ActionError("input 'token': no commit to make the check run on (pull_request.head.sha or GITHUB_SHA)");
  return { apiUrl: env.GITHUB_API_URL || "https://api.github.com", repository, headSha };
}
function checkTitle(results, t) {
  const kinds = introducedCounts(results);
  if (!kinds) return `${count(t.errors, "error")}, ${count(t.warnings, "warning")}`;
  return `introduced: ${count(kinds.introduced.errors, "error")}, ${count(kinds.introduced.warnings, "warning")}; before: ${count(kinds.existing.errors + kinds.existing.warnings, "problem")}`;
}
function hasCommit(cwd, sha) {
  return tryGit(cwd, ["cat-file", "-e", `${sha}^{commit}`]) !== void 0;
}
function parents(cwd, rev) {
  const raw = tryGit(cwd, ["cat-file", "commit", rev]) ?? "";
  return [...raw.split("\n\n")[0].matchAll(/^parent ([0-9a-f]{40})$/gm)].map((m) => m[1]);
}
function pullRequestBase(cwd, event, log) {
  const pr = event.pull_request;
  const head = pr?.head?.sha;
  const merge = parents(cwd, "HEAD");
  const mergedInto = merge.length === 2 && merge[1] === head ? merge[0] : void 0;
  const base = mergedInto ?? pr?.base?.sha;
  if (!base || !/^[0-9a-f]{40}$/i.test(base)) throw new ActionError("the pull_request event names no base commit (pull_request.base.sha)");
  if (!hasCommit(cwd, base)) {
    log(`Fetching the base commit ${base.slice(0, 12)}, which the shallow checkout lacks.`);
    const fetched = tryGit(cwd, ["fetch", "--no-tags", "--no-recurse-submodules", "--depth=1", "origin", base]);
    if (fetched === void 0 || !hasCommit(cwd, base)) {
      throw new ActionError(`the base commit ${base} is not in the checkout and could not be fetched from origin; set \`fetch-depth: 0\` on actions/checkout`);
    }
  }
  if (head && tryGit(cwd, ["rev-parse", "HEAD"]) === head) {
    const mb = tryGit(cwd, ["merge-base", base, head]);
    if (mb) return mb;
    log(`::warning::${escapeData(`The checkout is the pull request's head and too shallow to find where it left the base branch; comparing with the base commit, so changes made on the base branch since count as this pull request's. Set \`fetch-depth: 0\` on actions/checkout.`)}`);
  }
  return base;
}
var LOOKED_UP = ["archive-lint.config.json", ".archive-lintrc.json"];
function baseCommitConfig(workspace, base, named, scratch, log) {
  const root = gitTopLevel(workspace) ?? workspace;
  const rel = (p) => relative13(root, resolve10(workspace, p)).split(sep11).join("/");
  const show = (path2) => tryGit(root, ["show", `${base}:${path2}`]);
  let path;
  let text2;
  if (named) {
    path = rel(named);
    text2 = show(path);
    if (text2 === void 0) throw new ActionError(`input 'config': ${named} is not in the base commit ${base.slice(0, 12)} (on a pull request the config is read from the base commit, so that the pull request cannot change it)`);
  } else {
    for (const name of LOOKED_UP) {
      text2 = show(name);
      if (text2 !== void 0) {
        path = name;
        break;
      }
    }
    if (path === void 0) {
      const pkg = show("package.json");
      try {
        const data = pkg === void 0 ? void 0 : JSON.parse(pkg);
        if (data && typeof data === "object" && data["archive-lint"] !== void 0) [path, text2] = ["package.json", JSON.stringify(data["archive-lint"])];
      } catch {
      }
    }
  }
  const ext = path !== void 0 && /\.[cm]?js$/.test(path) ? extname(path) : ".json";
  const file = join12(scratch, `base-config${ext}`);
  writeFileSync(file, text2 ?? "{}");
  log(path === void 0 ? `Config: none in the base commit ${base.slice(0, 12)}; the defaults apply (a pull request's config is never used).` : `Config: ${path} as of the base commit ${base.slice(0, 12)} (git show ${base.slice(0, 12)}:${path}); the pull request's tree is not read for a config.`);
  const candidates = [.../* @__PURE__ */ new Set([...path ? [path] : [], ...LOOKED_UP, "archive-lint.config.js", "archive-lint.config.mjs", "package.json"])];
  const changed = (tryGit(root, ["diff", "--name-only", base, "--", ...candidates]) ?? "").split("\n").filter((x) => x !== "");
  for (const c of changed) {
    log(`::notice file=${escapeProperty(c)}::${escapeData(`This pull request changes ${c}: the run uses the base commit's config; the change takes effect once merged.`)}`);
  }
  return file;
}
function setOutput(file, name, value) {
  if (!file) return;
  const delimiter = `ghadelimiter_${randomUUID()}`;
  appendFileSync(file, `${name}<<${delimiter}
${value}
${delimiter}
`);
}
function fitSummary(text2, limit) {
  if (Buffer.byteLength(text2) <= limit) return text2;
  const note = "\n\n…the summary was cut at GitHub's 1 MiB limit; the SARIF file or `--format json` has every problem.\n";
  const cut2 = Buffer.from(text2).subarray(0, limit - Buffer.byteLength(note)).toString("utf8");
  return cut2.slice(0, Math.max(0, cut2.lastIndexOf("\n"))) + note;
}
function guardArgs(env) {
  const out = [];
  if (booleanInput(env, "allow-private-hosts", false)) out.push("--allow-private-hosts");
  for (const host of input(env, "allow-hosts").split(/[\s,]+/).filter((x) => x !== "")) out.push("--allow-host", host);
  return out;
}
async function runAction(io) {
  const { env } = io;
  const log = (s) => io.stdout.write(`${s}
`);
  const scratch = mkdtempSync(join12(env.RUNNER_TEMP || tmpdir2(), "archive-lint-"));
  try {
    const workspace = resolve10(env.GITHUB_WORKSPACE || process.cwd());
    const eventName = env.GITHUB_EVENT_NAME ?? "";
    const failOn = input(env, "fail-on") || "error";
    if (!["error", "warning", "never"].includes(failOn)) throw new ActionError(`input 'fail-on': expected error, warning or never, got '${failOn}'`);
    const limitText = input(env, "annotations-limit") || String(PER_LEVEL);
    if (!/^\d+$/.test(limitText)) throw new ActionError(`input 'annotations-limit': expected a whole number, got '${limitText}'`);
    const annotationsLimit = Number(limitText);
    const filter = input(env, "filter") || "added";
    if (!FILTERS.includes(filter)) throw new ActionError(`input 'filter': expected ${FILTERS.join(", ")}, got '${filter}'`);
    const token = input(env, "token");
    const extra = argsInput(env);
    const external = booleanInput(env, "external", false);
    const paths = pathsInput(env);
    const config = input(env, "config");
    const baseline = input(env, "baseline");
    const sarifFile = input(env, "sarif-file");
    const report = resolve10(workspace, input(env, "report-file") || join12(env.RUNNER_TEMP || tmpdir2(), "archive-lint-report.json"));
    rmSync(report, { force: true });
    const reportFolder = makeFolder(dirname7(report));
    if (reportFolder !== void 0) throw new ActionError(`input 'report-file': ${reportFolder}`);
    const argv = [];
    let mode;
    let prEvent;
    let prBase;
    if (eventName === "pull_request" || eventName === "pull_request_target") {
      if (eventName === "pull_request_target") log(`::warning::${escapeData("archive-lint runs on the pull request's content: use the pull_request event, not pull_request_target.")}`);
      if (!env.GITHUB_EVENT_PATH) throw new ActionError("GITHUB_EVENT_PATH is not set: cannot read the pull request");
      const event = JSON.parse(readFileSync5(env.GITHUB_EVENT_PATH, "utf8"));
      const base = pullRequestBase(workspace, event, log);
      prEvent = event;
      prBase = base;
      const number = event.pull_request?.number ?? event.number;
      mode = `pull request${number !== void 0 ? ` #${number}` : ""}: the files it changes and the files it breaks, compared with ${base.slice(0, 12)}`;
      argv.push("check", ...paths, "--changed", "--base", base, "--filter", "all", "--config", baseCommitConfig(workspace, base, input(env, "config"), scratch, log));
    } else if (paths.length > 1) {
      mode = `${eventName || "run"}: ${paths.join(", ")}`;
      argv.push("check", ...paths);
    } else {
      mode = `${eventName || "run"}: audit of ${paths[0] ?? "the whole archive"}`;
      argv.push("audit", paths[0] ?? ".");
    }
    argv.push("--format", "json", "--output", report, external ? "--external" : "--no-external");
    if (config && !argv.includes("--config")) argv.push("--config", config);
    argv.push(...guardArgs(env));
    if (baseline) argv.push("--baseline", baseline);
    argv.push("--cache-location", join12(env.RUNNER_TEMP || scratch, "archive-lint-cache"));
    argv.push(...extra);
    log(`archive-lint ${version()}: ${mode}`);
    log(`::group::archive-lint ${argv.map((a) => /\s/.test(a) ? JSON.stringify(a) : a).join(" ")}`);
    let said = "";
    const stderr = { write: (s) => (said += typeof s === "string" ? s : Buffer.from(s).toString("utf8"), io.stdout.write(s)) };
    const stopToken = `archive-lint-${randomUUID()}`;
    log(`::stop-commands::${stopToken}`);
    const code = await main({ argv, cwd: workspace, stdout: io.stdout, stderr, env: { ...env, PRE_COMMIT: void 0, GIT_INDEX_FILE: void 0 }, ...io.signal ? { signal: io.signal } : {} });
    log(`::${stopToken}::`);
    log("::endgroup::");
    const couldNotRun = code !== 0 && code !== 1;
    const reason = said.split("\n").filter((l) => l.startsWith("archive-lint: ") && !l.startsWith("archive-lint: warning:")).map((l) => l.slice("archive-lint: ".length));
    if (couldNotRun) {
      const why = reason.length ? reason.join("; ") : `exit ${code}`;
      log(`::error::${escapeData(`archive-lint could not run as asked: ${why}`)}`);
      if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, `## archive-lint

_${cell(mode)}._

**archive-lint could not run as asked** (exit ${code}):

${reason.map((r) => `- ${cell(r)}`).join("\n") || `- exit ${code}`}

`);
      if (!existsSync3(report)) return 2;
    }
    const results = JSON.parse(readFileSync5(report, "utf8"));
    const root = gitTopLevel(workspace) ?? workspace;
    const ctx = {
      cwd: workspace,
      root,
      color: false,
      rules: rules.map((r) => r.meta),
      version: version(),
      warn: (m) => log(`::warning::${escapeData(m.replace(/--format json has every one/, "the report-file output has every one"))}`)
    };
    const t = totals(results);
    const lines = prEvent && filter === "context" && prBase ? changedLines(root, changeSet(root, prBase, {})) : void 0;
    const failing = prEvent ? resultFilter(filter, root, lines) : void 0;
    const f = totals(failing ? results.map(failing.apply) : results);
    const failed = failOn === "error" ? f.errors > 0 : failOn === "warning" ? f.errors + f.warnings > 0 : false;
    const left = failing && failing.leftOut.problems > 0 ? `${count(failing.leftOut.problems, "older problem")} in the files this pull request touched ${failing.leftOut.problems === 1 ? "does" : "do"} not fail this check (filter: ${filter}); they are listed after the introduced ones. Locally: archive-lint check ${failing.leftOut.files.slice(0, 3).join(" ")}${failing.leftOut.files.length > 3 ? " …" : ""}` : void 0;
    const head = `_${cell(mode)}._

`;
    const tail = `
The complete report (every problem, as JSON) is the step's \`report-file\` output, for actions/upload-artifact.
`;
    const summary = markdownSummary(results, { ...ctx, maxRows: Infinity, summaryLimitBytes: SUMMARY_LIMIT - Buffer.byteLength(head) - Buffer.byteLength(tail) - 1024 });
    if (env.GITHUB_STEP_SUMMARY) {
      const body = summary.text.replace(/^## archive-lint\n\n/, `## archive-lint

${head}`) + (summary.listed < summary.total ? tail : "");
      appendFileSync(env.GITHUB_STEP_SUMMARY, fitSummary(body, SUMMARY_LIMIT));
    }
    const made = await publishAnnotations({
      results,
      ctx,
      perLevel: annotationsLimit,
      where: (omitted) => whereListed(omitted, env, summary),
      log,
      ...token ? { check: { ...checkTarget2(env, prEvent), token, conclusion: failed ? "failure" : "success", title: checkTitle(results, t), summary: summary.text.slice(0, 6e4) } } : {}
    });
    if (left) {
      log(left);
      if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, `${cell(left)}
`);
    }
    if (sarifFile) {
      const abs = resolve10(workspace, sarifFile);
      try {
        writeFileAtomic(abs, `${sarif(results, ctx)}
`, { root });
      } catch (e) {
        if (e instanceof IoError) throw new ActionError(`input 'sarif-file': ${e.message}`);
        throw e;
      }
      log(`SARIF written to ${abs}`);
      setOutput(env.GITHUB_OUTPUT, "sarif-file", abs);
    }
    setOutput(env.GITHUB_OUTPUT, "report-file", report);
    setOutput(env.GITHUB_OUTPUT, "errors", t.errors);
    setOutput(env.GITHUB_OUTPUT, "warnings", t.warnings);
    setOutput(env.GITHUB_OUTPUT, "files", t.files);
    if (failing) setOutput(env.GITHUB_OUTPUT, "introduced", failing.leftOut.introduced);
    log(`archive-lint: ${count(t.errors, "error")}, ${count(t.warnings, "warning")} in ${count(t.files, "file")}.`);
    if (failed) log(`${made.error < Math.max(annotationsLimit, 1) && made.error < PER_LEVEL ? "::error::" : ""}${escapeData(`archive-lint found ${count(f.errors, "error")} and ${count(f.warnings, "warning")}${prEvent ? ` ${FILTER_WORDS[filter]}` : ""} (fail-on: ${failOn}).`)}`);
    return couldNotRun ? 2 : failed ? 1 : 0;
  } catch (e) {
    const message = e instanceof ActionError ? e.message : `internal error: ${e.stack ?? String(e)}`;
    log(`::error::${escapeData(`archive-lint: ${message}`)}`);
    return 2;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

// src/action/index.ts
var signal = handleInterrupts();
process.stdout.on("error", (e) => {
  if (e.code !== "EPIPE") throw e;
});
process.exitCode = await runAction({ env: process.env, stdout: process.stdout, stderr: process.stderr, signal });
