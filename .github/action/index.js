import { createRequire as __archiveLintRequire } from 'node:module'; const require = __archiveLintRequire(import.meta.url);
import {
  ArchiveIndex,
  ConfigError,
  FileCache,
  FsIndex,
  closestName,
  defaultCacheLocation,
  docsUrl,
  emptyOutcome,
  encodePath,
  ensureGitignore,
  errorsOnly,
  extract,
  isMarkdownPath,
  isSuppressed,
  loadConfig,
  makeFolder,
  makeResult,
  outcomeMessages,
  packMessages,
  packedJson,
  parseMarkdown,
  parseRepoSlug,
  processFile,
  processJob,
  processSource,
  readSource,
  repoFromRemote,
  require_picomatch,
  resolveTarget,
  resultOf,
  rules,
  severityOf,
  strippedPadding,
  toMessage,
  totals,
  visible,
  visibleLineStart
} from "./chunk-KJHXFGYT.js";
import {
  URL_STATUSES
} from "./chunk-44LDCLWA.js";
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
        (prev, [matcher, replacer, required]) => {
          if (matcher === DIRECT) {
            return replacer(prev, pattern);
          }
          if (required !== UNDEFINED && prev.indexOf(required) < 0) {
            return prev;
          }
          return matcher.test(prev) ? prev.replace(matcher, replacer.bind(pattern)) : prev;
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
      const cut = path.lastIndexOf(
        SLASH,
        path.charCodeAt(end) === SLASH_CODE ? end - 1 : end
      );
      return cut < 0 ? EMPTY : path.slice(0, cut + 1);
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
    var createColors3 = (enabled = isColorSupported) => {
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
    module.exports = createColors3();
    module.exports.createColors = createColors3;
  }
});

// src/action/main.ts
import { appendFileSync, existsSync as existsSync3, mkdtempSync, readFileSync as readFileSync7, rmSync, writeFileSync as writeFileSync3 } from "node:fs";
import { tmpdir } from "node:os";
import { dirname as dirname4, join as join7, resolve as resolve3 } from "node:path";
import { randomUUID } from "node:crypto";

// src/cli/main.ts
import { closeSync as closeSync2, existsSync as existsSync2, openSync as openSync2, readFileSync as readFileSync6, realpathSync as realpathSync3, statSync as statSync4, writeFileSync as writeFileSync2, writeSync as writeSync2 } from "node:fs";
import { fileURLToPath as fileURLToPath2 } from "node:url";
import { dirname as dirname3, isAbsolute, join as join6, relative as relative6, resolve as resolve2, sep as sep6 } from "node:path";
import { parseArgs } from "node:util";
import { availableParallelism } from "node:os";

// src/core/engine.ts
import { statSync as statSync3 } from "node:fs";
import { join as join5, relative as relative3, resolve, sep as sep3 } from "node:path";

// src/core/walk.ts
var import_ignore = __toESM(require_ignore(), 1);
var import_picomatch = __toESM(require_picomatch(), 1);
import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
function within(root, real) {
  const rel = relative(root, real);
  return rel === "" || !rel.startsWith("..") && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel);
}
function walk(root, options) {
  const files = [];
  const problems = [];
  const links = /* @__PURE__ */ new Map();
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
    let entries;
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch (e) {
      problems.push({ path: dirRel || ".", message: `cannot read folder: ${e.code ?? e.message}` });
      return;
    }
    let here2 = layers;
    if (entries.some((e) => e.name === ".gitignore" && !e.isDirectory())) {
      try {
        here2 = [...layers, { base: dirRel, ig: (0, import_ignore.default)().add(readFileSync(join(abs, ".gitignore"), "utf8")) }];
      } catch (e) {
        problems.push({ path: dirRel ? `${dirRel}/.gitignore` : ".gitignore", message: `cannot read: ${e.message}` });
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
  const lint2 = found.filter((f) => links.has(f) || linted(f));
  return { files, lint: lint2, problems, links };
}

// src/core/engine.ts
import { readFileSync as readFileSync5 } from "node:fs";

// src/core/git.ts
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

// src/core/changed.ts
import { posix } from "node:path";
function mergeBase(root) {
  const candidates = [];
  const originHead = tryGit(root, ["symbolic-ref", "--quiet", "refs/remotes/origin/HEAD"]);
  if (originHead) candidates.push(originHead);
  candidates.push("refs/remotes/origin/main", "refs/remotes/origin/master", "refs/heads/main", "refs/heads/master");
  for (const ref of candidates) {
    if (!tryGit(root, ["rev-parse", "--verify", "--quiet", ref])) continue;
    const base = tryGit(root, ["merge-base", "HEAD", ref]);
    if (base) return base;
  }
  return void 0;
}
var ChangeError = class extends Error {
};
function changeSet(root, baseRef, env) {
  if (tryGit(root, ["rev-parse", "--is-inside-work-tree"]) !== "true") throw new ChangeError(`--changed needs a git work tree; ${root} is not one`);
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
    if (!mb) throw new ChangeError("--changed: cannot find the default branch to compare with; give --base REF");
    base = mb;
  }
  const head = staged && !tryGit(root, ["rev-parse", "--verify", "--quiet", "HEAD"]) ? EMPTY_TREE : base;
  const diffArgs = staged ? ["diff", "--cached", "--relative", "--name-status", "-M", "-z", head] : ["diff", "--relative", "--name-status", "-M", "-z", base, ...to ? [to] : []];
  const raw = runGit(root, diffArgs).split("\0").filter((x) => x !== "");
  const cs = { base: staged ? head : base, staged, changed: [], deleted: [], renamed: /* @__PURE__ */ new Map(), modified: [] };
  if (note) cs.note = note;
  for (let i = 0; i < raw.length; ) {
    const status = raw[i++];
    if (status.startsWith("R") || status.startsWith("C")) {
      const from = raw[i++];
      const to2 = raw[i++];
      if (status.startsWith("R")) cs.renamed.set(from, to2);
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
  const text = tryGit(root, ["show", `${base}:./${path}`]);
  if (text === void 0) return /* @__PURE__ */ new Set();
  return new Set(extract(parseMarkdown(text.replace(/^\ufeff/, "")), text, path, site).facts.anchors);
}
function localTargets(facts, repo) {
  return [...new Set([...localRefs(facts, repo)].map((r) => r.target))];
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
    const path = hash < 0 ? target : target.slice(0, hash);
    if (touched.gone.has(path)) return true;
    const removed = touched.removedAnchors.get(path);
    if (removed && hash >= 0 && removed.has(target.slice(hash + 1))) return true;
  }
  return false;
}
function needles(touched) {
  const out = /* @__PURE__ */ new Set();
  for (const p of [...touched.gone, ...touched.removedAnchors.keys()]) {
    const base = posix.basename(p);
    out.add(base);
    out.add(encodeURIComponent(base));
    out.add(base.replace(/ /g, "%20"));
  }
  return [...out];
}

// src/core/engine.ts
var import_picomatch2 = __toESM(require_picomatch(), 1);
import { createHash } from "node:crypto";

// src/version.ts
import { existsSync, readFileSync as readFileSync2 } from "node:fs";
import { dirname, join as join2 } from "node:path";
import { fileURLToPath } from "node:url";
function version() {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const p = join2(dir, "package.json");
    if (existsSync(p)) {
      const pkg = JSON.parse(readFileSync2(p, "utf8"));
      if (pkg.name === "archive-lint") return pkg.version ?? "0.0.0";
    }
    dir = dirname(dir);
  }
  return "0.0.0";
}

// src/core/pool.ts
import { Worker } from "node:worker_threads";
var here = import.meta.url;
var fromSource = here.endsWith(".ts");
function spawn(options) {
  const resourceLimits = { maxOldGenerationSizeMb: options.maxOldGenerationSizeMb ?? 2048 };
  if (!fromSource) return new Worker(new URL("./worker.js", here), { workerData: options.setup, resourceLimits });
  const tsx = import.meta.resolve("tsx/esm/api");
  const entry = new URL("./worker.ts", here).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => m.register()).then(() => import(${JSON.stringify(entry)}))`;
  return new Worker(boot, { eval: true, workerData: options.setup, resourceLimits });
}
function failed(path, reason) {
  return emptyOutcome(path, `internal error: ${reason}`, "internal");
}
async function processInPool(jobs, options, onDone, signal) {
  const batchSize = Math.max(1, Math.min(32, Math.ceil(jobs.length / (options.size * 16))));
  let next = 0;
  let interrupted = false;
  const live = /* @__PURE__ */ new Set();
  const slot = () => new Promise((resolve4) => {
    const inFlight = /* @__PURE__ */ new Map();
    let worker;
    let finished = false;
    const send = () => {
      if (signal?.aborted) interrupted = true;
      while (inFlight.size < 2 && next < jobs.length && !interrupted) {
        const batch = { start: next, end: Math.min(jobs.length, next + batchSize) };
        next = batch.end;
        inFlight.set(batch.start, batch);
        worker.postMessage({ id: batch.start, jobs: jobs.slice(batch.start, batch.end) });
      }
      if (inFlight.size === 0 && !finished) {
        finished = true;
        live.delete(worker);
        void worker.terminate();
        resolve4();
      }
    };
    const start = () => {
      const w = spawn(options);
      worker = w;
      live.add(w);
      w.on("message", (msg) => {
        inFlight.delete(msg.id);
        msg.outcomes.forEach((o, i) => onDone(msg.id + i, o));
        send();
      });
      const die = (reason) => {
        if (w !== worker || inFlight.size === 0) return;
        for (const batch of inFlight.values()) for (let i = batch.start; i < batch.end; i++) onDone(i, failed(jobs[i].path, reason));
        inFlight.clear();
        live.delete(w);
        start();
        send();
      };
      w.on("error", (e) => die(`parsing worker failed: ${e.message}`));
      w.on("exit", (code) => die(`parsing worker exited with code ${code}`));
    };
    start();
    send();
  });
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.size, Math.ceil(jobs.length / batchSize))) }, slot));
  } finally {
    await Promise.all([...live].map((w) => w.terminate()));
  }
  return { interrupted };
}

// src/core/fix.ts
function lineEnding(text) {
  return text.includes("\r\n") ? "\r\n" : "\n";
}
function applyFixes(text, fixes) {
  const eol = lineEnding(text);
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const applied = [];
  const skipped = [];
  let out = "";
  let last = 0;
  let lastEnd = -1;
  for (const fix of sorted) {
    const [start, end] = fix.range;
    if (start < 0 || end > text.length || start > end || start <= lastEnd) {
      skipped.push(fix);
      continue;
    }
    const insert = eol === "\r\n" ? fix.text.replace(/\r?\n/g, "\r\n") : fix.text;
    out += text.slice(last, start) + insert;
    last = end;
    lastEnd = end;
    applied.push(fix);
  }
  out += text.slice(last);
  return { text: out, applied, skipped };
}

// src/core/write.ts
import { closeSync, fsyncSync, openSync, readFileSync as readFileSync3, realpathSync as realpathSync2, renameSync, statSync as statSync2, unlinkSync, writeSync, chmodSync } from "node:fs";
import { basename, dirname as dirname2, join as join3, relative as relative2, sep as sep2 } from "node:path";
import { randomBytes } from "node:crypto";
var pendingTemps = /* @__PURE__ */ new Set();
function inside(root, path) {
  const rel = relative2(root, path);
  return rel !== "" && !rel.startsWith(`..${sep2}`) && rel !== ".." && !rel.startsWith(sep2);
}
function writeFixed(root, abs, original, text, bom) {
  let real;
  try {
    real = realpathSync2(abs);
    if (!inside(realpathSync2(root), real)) return { ok: false, reason: "resolves outside the root; not written" };
  } catch (e) {
    return { ok: false, reason: `cannot resolve: ${e.code ?? e.message}` };
  }
  let mode;
  try {
    const st = statSync2(real);
    mode = st.mode & 4095;
    if ((mode & 146) === 0) return { ok: false, reason: "file is read-only; not fixed" };
  } catch (e) {
    return { ok: false, reason: `cannot stat: ${e.code ?? e.message}` };
  }
  const tmp = join3(dirname2(real), `.${basename(real)}.archive-lint-${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
  pendingTemps.add(tmp);
  try {
    const fd = openSync(tmp, "wx", mode);
    try {
      const data = Buffer.from((bom ? "\uFEFF" : "") + text, "utf8");
      let off = 0;
      while (off < data.length) off += writeSync(fd, data, off, data.length - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    chmodSync(tmp, mode);
    const now = readFileSync3(real);
    if (!Buffer.from(original).equals(now)) {
      unlinkSync(tmp);
      return { ok: false, reason: "file changed on disk since it was read; not fixed" };
    }
    renameSync(tmp, real);
    return { ok: true };
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
    }
    return { ok: false, reason: `cannot write: ${e.code ?? e.message}` };
  } finally {
    pendingTemps.delete(tmp);
  }
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
import { randomBytes as randomBytes2 } from "node:crypto";
import { readFileSync as readFileSync4, renameSync as renameSync2, unlinkSync as unlinkSync2, writeFileSync } from "node:fs";
import { join as join4 } from "node:path";
var MAGIC = "archive-lint-urls";
var FORMAT = 1;
var URL_CACHE_FILE = "urls.json";
var UrlCache = class {
  constructor(dir, ttlMs, now = Date.now) {
    this.dir = dir;
    this.ttlMs = ttlMs;
    this.now = now;
    this.file = join4(dir, URL_CACHE_FILE);
  }
  dir;
  ttlMs;
  now;
  entries;
  /** Keys written by this run. */
  added = /* @__PURE__ */ new Map();
  warning;
  file;
  read() {
    const out = /* @__PURE__ */ new Map();
    let text;
    try {
      text = readFileSync4(this.file, "utf8");
    } catch {
      return out;
    }
    try {
      const data = JSON.parse(text);
      if (data.magic !== MAGIC || data.format !== FORMAT || typeof data.entries !== "object" || data.entries === null) throw new Error("not a URL cache of this format");
      for (const [key, entry] of Object.entries(data.entries)) {
        if ((entry.status === "ok" || entry.status === "redirected") && typeof entry.checkedAt === "number" && typeof entry.code === "number") out.set(key, entry);
      }
    } catch (e) {
      this.warning = `ignoring ${this.file}: ${e.message}; rebuilding it`;
    }
    return out;
  }
  fresh(entry) {
    return entry !== void 0 && this.now() - entry.checkedAt < this.ttlMs && entry.checkedAt <= this.now() + 6e4;
  }
  /** The fresh entry of a URL, whichever method found it working. */
  get(url) {
    this.entries ??= this.read();
    for (const method of ["HEAD", "GET"]) {
      const entry = this.entries.get(`${method} ${url}`);
      if (this.fresh(entry)) return { ...entry, method };
    }
    return void 0;
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
    const tmp = `${this.file}.${process.pid}-${randomBytes2(4).toString("hex")}.tmp`;
    try {
      const why = makeFolder(this.dir);
      if (why !== void 0) return `cannot write the URL cache ${this.file}: ${why}`;
      writeFileSync(tmp, JSON.stringify({ magic: MAGIC, format: FORMAT, entries: Object.fromEntries([...merged].sort((a, b) => a[0] < b[0] ? -1 : 1)) }));
      renameSync2(tmp, this.file);
      ensureGitignore(this.dir);
      this.added.clear();
      return void 0;
    } catch (e) {
      try {
        unlinkSync2(tmp);
      } catch {
      }
      return `cannot write the URL cache ${this.file}: ${e.code ?? e.message}`;
    }
  }
};

// src/core/external/phase.ts
function externalHooks(rules2) {
  return rules2.flatMap((r) => {
    const hook = r.externalCheck;
    return hook ? [{ id: r.meta.id, hook }] : [];
  });
}
var ExternalPhase = class {
  constructor(hooks, resolveCtx) {
    this.hooks = hooks;
    this.resolveCtx = resolveCtx;
  }
  hooks;
  resolveCtx;
  files = /* @__PURE__ */ new Map();
  keys = /* @__PURE__ */ new Set();
  results = /* @__PURE__ */ new Map();
  occurrences = 0;
  /** Collect a file's external references (`at`: the file's place in the run). */
  add(at, o, rules2) {
    if (o.error) return;
    const items = [];
    for (const ref of o.facts.references) {
      let key = null;
      for (const { id, hook } of this.hooks) {
        const rc = rules2[id];
        if (!rc || rc.severity === 0 || !hook.wants(ref)) continue;
        if (key === null) key = externalKey(ref.url, { from: o.path, mirrors: this.resolveCtx.mirrors, ...this.resolveCtx.repo ? { repo: this.resolveCtx.repo } : {} });
        if (key === void 0) break;
        items.push({ ref, key, hook, severity: rc.severity });
        this.keys.add(key);
        this.occurrences++;
      }
    }
    if (items.length) this.files.set(at, { items, lineStarts: o.lineStarts, suppressions: o.suppressions });
  }
  /** Check every URL collected, each once. */
  async check(options, signal) {
    const warnings = [];
    const cache = options.cacheDir === void 0 ? void 0 : new UrlCache(options.cacheDir, options.settings.cacheTtlMs, options.clock?.now);
    const { UrlChecker } = await import("./checker-SDGSNV6E.js");
    const checker = new UrlChecker({
      settings: options.settings,
      ...cache ? { cache } : {},
      ...options.clock ? { clock: options.clock } : {},
      ...options.resolve ? { resolve: options.resolve } : {},
      ...options.probeHost ? { probeHost: options.probeHost } : {},
      ...options.onProgress ? { onProgress: options.onProgress } : {},
      ...signal ? { signal } : {}
    });
    this.results = await checker.checkAll([...this.keys]);
    if (cache) {
      if (cache.warning) warnings.push(cache.warning);
      const w = cache.save();
      if (w) warnings.push(w);
    }
    return { ...checker.stats, occurrences: this.occurrences, warnings };
  }
  /** A file's messages about its external URLs, suppressions applied. */
  messages(at) {
    const f = this.files.get(at);
    if (!f) return [];
    const out = [];
    for (const item of f.items) {
      const check = this.results.get(item.key);
      const p = check && item.hook.report(item.ref, check);
      if (!p || isSuppressed(p, f.suppressions)) continue;
      out.push(toMessage(p, Math.min(p.severity ?? item.severity, item.severity), f.lineStarts));
    }
    return out;
  }
};

// src/core/engine.ts
var POOL_THRESHOLD = 200;
var MAX_FIX_PASSES = 10;
function factsOf(root, path, maxFileSize, site, text) {
  const settings = { root, rules: {}, mirrors: {}, maxFileSize, site };
  const o = text === void 0 ? processFile(path, [], settings) : processSource(path, { text, bom: false }, [], settings);
  return o.error ? void 0 : o.facts;
}
function changedFiles(s, lintable, cs, cache, unfollowed) {
  const lintSet = new Set(lintable);
  const direct = new Set(cs.changed.filter((p) => lintSet.has(p)));
  const touched = { gone: /* @__PURE__ */ new Set([...cs.deleted, ...cs.renamed.keys()]), removedAnchors: /* @__PURE__ */ new Map() };
  for (const path of cs.modified) {
    if (!isMarkdownPath(path)) continue;
    const before = anchorsAtBase(s.root, cs.base, path, s.config.site);
    if (before.size === 0) continue;
    const staged = cs.staged && cs.unstaged?.has(path) ? stagedText(s.root, path)?.replace(/^\ufeff/, "") : void 0;
    const current = new Set(factsOf(s.root, path, s.config.maxFileSize, s.config.site, staged)?.anchors ?? []);
    const removed = new Set([...before].filter((a) => !current.has(a)));
    if (removed.size) touched.removedAnchors.set(path, removed);
  }
  const out = new Set(direct);
  if (touched.gone.size === 0 && touched.removedAnchors.size === 0) return { files: lintable.filter((p) => out.has(p)), direct, touched };
  const words = needles(touched);
  for (const path of lintable) {
    if (out.has(path) || unfollowed.has(path)) continue;
    let targets = cache?.links(s.root, path)?.targets;
    if (!targets) {
      let text;
      try {
        text = readFileSync5(join5(s.root, path), "utf8");
      } catch {
        continue;
      }
      if (!words.some((w) => text.includes(w))) continue;
      const facts = factsOf(s.root, path, s.config.maxFileSize, s.config.site, text.replace(/^\ufeff/, ""));
      if (!facts) continue;
      targets = localTargets(facts, s.repo);
    }
    if (linksToTouched(targets, touched)) out.add(path);
  }
  return { files: lintable.filter((p) => out.has(p)), direct, touched };
}
function changeTouchesNothing(cs, config) {
  if (cs.deleted.length || cs.renamed.size || cs.modified.some(isMarkdownPath)) return false;
  const included = (0, import_picomatch2.default)(config.include, { dot: true });
  const ignored = (0, import_picomatch2.default)(config.ignore, { dot: true });
  return !cs.changed.some((p) => included(p) && !ignored(p));
}
function cacheKey(config, repo, mirrors) {
  return createHash("sha1").update(JSON.stringify({ v: version(), c: config.source, repo: repo ?? null, mirrors })).digest("hex");
}
function toRel(root, abs) {
  return relative3(root, abs).split(sep3).join("/");
}
function selectPaths(lint2, root, paths) {
  if (!paths || paths.length === 0) return lint2;
  const prefixes = paths.map((p) => toRel(root, resolve(p)));
  if (prefixes.some((p) => p === "")) return lint2;
  return lint2.filter((f) => prefixes.some((p) => f === p || f.startsWith(`${p}/`)));
}
function settingsFor(s, path) {
  const settings = { root: s.root, rules: s.config.rulesFor(path), mirrors: s.mirrors, maxFileSize: s.config.maxFileSize, site: s.config.site };
  if (s.repo) settings.repo = s.repo;
  return settings;
}
function crossProblems(s, o) {
  const out = [];
  const ruleConfigs = s.config.rulesFor(o.path);
  for (const rule of s.rules) {
    const rc = ruleConfigs[rule.meta.id];
    if (!rule.crossFile || !rc || rc.severity === 0) continue;
    for (const p of rule.crossFile(o.facts, s.ctx, rc.options)) {
      if (!isSuppressed(p, o.suppressions)) out.push({ problem: p, severity: p.severity ?? rc.severity });
    }
  }
  return out;
}
function resultFor(s, o, external = []) {
  const filePath = resolve(s.root, o.path);
  if (o.error) return { result: makeResult(filePath, [{ ruleId: null, severity: 2, fatal: true, message: o.error, line: 1, column: 1 }]), cross: [] };
  if (s.breakage && !s.breakage.direct.has(o.path)) {
    const ranges = touchedRanges(o.facts, s.breakage.touched, s.repo);
    const caused = crossProblems(s, o).filter(({ problem }) => ranges.some(([start, end]) => problem.start >= start && problem.end <= end)).map(({ problem, severity }) => toMessage(problem, severity, o.lineStarts));
    return { result: resultOf(filePath, { messages: [] }, caused), cross: caused };
  }
  const cross = crossProblems(s, o).map(({ problem, severity }) => toMessage(problem, severity, o.lineStarts));
  return { result: resultOf(filePath, o, external.length ? [...cross, ...external] : cross), cross };
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
function fixesOf(s, o, mode) {
  if (o.error) return [];
  const fixes = [];
  for (const m of outcomeMessages(o)) {
    if (m.fix) fixes.push(m.fix);
    else if (mode === "unsafe" && m.suggestions?.[0]) fixes.push(m.suggestions[0].fix);
  }
  for (const { problem: p } of crossProblems(s, o)) if (p.fix && (mode === "unsafe" || p.fixKind !== "unsafe")) fixes.push(p.fix);
  return fixes;
}
async function processMany(s, jobs, run, onDone) {
  if (run.setup && run.concurrency > 1 && jobs.length >= POOL_THRESHOLD) {
    return (await processInPool(jobs, { size: run.concurrency, setup: run.setup }, onDone, run.signal)).interrupted;
  }
  for (let k = 0; k < jobs.length; k++) {
    if (run.signal?.aborted) return true;
    const job = jobs[k];
    onDone(k, packMessages(processJob(job, s.rules, settingsFor(s, job.path))));
    if (k % 64 === 63) await new Promise((r) => setImmediate(r));
  }
  return false;
}
async function fixAll(s, outcomes, options, index, fixed, runProblems, run) {
  const jobs = [];
  for (let at = 0; at < outcomes.length; at++) {
    const o = outcomes[at];
    const pending = fixesOf(s, o, options.mode);
    if (pending.length === 0) continue;
    const source = readSource(join5(s.root, o.path), s.config.maxFileSize);
    if (!("text" in source)) continue;
    jobs.push({ at, original: o, source, text: source.text, current: o, fixes: 0, pending });
  }
  let interrupted = false;
  let active = jobs;
  for (let pass = 0; pass < MAX_FIX_PASSES && active.length > 0 && !interrupted; pass++) {
    const next = [];
    for (const job of active) {
      const fixes = job.pending ?? fixesOf(s, job.current, options.mode);
      job.pending = void 0;
      if (fixes.length === 0) continue;
      const applied = applyFixes(job.text, fixes);
      if (applied.applied.length === 0 || applied.text === job.text) continue;
      next.push({ job, before: job.text, fixes: applied.applied.length });
      job.text = applied.text;
    }
    const processed = new Array(next.length);
    interrupted = await processMany(s, next.map(({ job }) => ({ path: job.original.path, text: job.text, bom: job.source.bom })), run, (k, o) => {
      processed[k] = o;
    });
    next.forEach(({ job, before, fixes }, k) => {
      const o = processed[k];
      if (!o) {
        job.text = before;
        return;
      }
      job.current = o;
      job.fixes += fixes;
      if (!o.error) index.setAnchors(o.path, o.facts.anchors);
    });
    active = next.filter((_, k) => processed[k] !== void 0).map(({ job }) => job);
  }
  for (const job of jobs) outcomes[job.at] = writeFixJob(s, job, options, index, fixed, runProblems);
  return interrupted;
}
function writeFixJob(s, job, options, index, fixed, runProblems) {
  const { original: o, source, text } = job;
  if (text === source.text) return job.current;
  const entry = { path: o.path, before: source.text, after: text, bom: source.bom, fixes: job.fixes, written: false };
  fixed.push(entry);
  if (!options.dryRun) {
    const w = writeFixed(s.root, join5(s.root, o.path), source.bytes, text, source.bom);
    if (w.ok) entry.written = true;
    else {
      runProblems.push({ path: o.path, message: w.reason });
      index.setAnchors(o.path, o.facts.anchors);
      return o;
    }
  }
  return job.current;
}
async function lint(options) {
  const started = performance.now();
  const rules2 = options.rules ?? rules;
  const { root, config } = options;
  const warnings = [];
  const changed = options.changed;
  if (changed?.note) warnings.push(changed.note);
  if (changed && changeTouchesNothing(changed, config)) {
    const none = { runProblems: [], warnings, fixed: [], interrupted: false, stats: { linted: 0, indexed: 0, ms: performance.now() - started, phases: {} } };
    return options.stream ? { ...none, results: [], stream: [][Symbol.iterator]() } : { ...none, results: [] };
  }
  const phases = {};
  let mark = started;
  let loop = performance.eventLoopUtilization();
  const phase = (name) => {
    const now = performance.now();
    phases[name] = Math.round(now - mark);
    const used = performance.eventLoopUtilization(loop);
    if (now - mark > 50) phases[`${name}.busy%`] = Math.round(used.utilization * 100);
    phases[`${name}.rssMB`] = Math.round(process.memoryUsage.rss() / 1048576);
    loop = performance.eventLoopUtilization();
    mark = now;
  };
  const walked = walk(root, { include: config.include, ignore: config.ignore });
  let files = selectPaths(walked.lint, root, options.paths);
  const runProblems = walked.problems.map((p) => ({ path: p.path, message: p.message }));
  const mirrors = Object.fromEntries(Object.entries(config.mirrors).map(([k, v]) => [k, resolve(root, v)]));
  const cache = options.cache && rules2 === rules ? new FileCache(options.cache.location, cacheKey(config, options.repo, mirrors)) : void 0;
  const index = new ArchiveIndex(walked.files, (path) => {
    const cached = cache?.links(root, path)?.anchors;
    if (cached) return new Set(cached);
    const facts = factsOf(root, path, config.maxFileSize, config.site);
    return facts ? new Set(facts.anchors) : void 0;
  });
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
  if (options.repo) ctx.repo = options.repo;
  if (config.site !== "github") Object.assign(ctx, { site: config.site, siteRoot: config.siteRoot, siteExternal: config.siteExternal });
  const session = { root, config, rules: rules2, ctx, mirrors, repo: options.repo };
  phase("walk");
  if (changed) {
    const c = changedFiles(session, files, changed, cache, walked.links);
    files = c.files;
    session.breakage = { direct: c.direct, touched: c.touched };
    ctx.renamed = changed.renamed;
    ctx.deleted = new Set(changed.deleted);
  }
  let interrupted = false;
  const slots = new Array(files.length);
  const hit = new Array(files.length).fill(false);
  let done = 0;
  const todo = [];
  const useOutcomes = cache !== void 0 && !changed;
  for (let i = 0; i < files.length; i++) {
    const unfollowed = walked.links.get(files[i]);
    if (unfollowed !== void 0) {
      slots[i] = emptyOutcome(files[i], unfollowed, "content");
      options.onProgress?.(++done, files.length, files[i]);
    } else if (useOutcomes && cache.has(root, files[i])) {
      hit[i] = true;
      options.onProgress?.(++done, files.length, files[i]);
    } else {
      todo.push(i);
    }
  }
  const run = {
    concurrency: options.concurrency ?? 1,
    setup: rules2 === rules ? { root, config: config.source.config, configFile: config.file, cliRules: config.source.cliRules, repo: options.repo, mirrors } : void 0,
    signal: options.signal
  };
  const staged = changed?.staged && changed.unstaged && !options.fix ? changed.unstaged : void 0;
  let asStaged = 0;
  const jobOf = (path) => {
    const text = staged?.has(path) ? stagedText(root, path) : void 0;
    if (text === void 0) return { path };
    asStaged++;
    return text.charCodeAt(0) === 65279 ? { path, text: text.slice(1), bom: true } : { path, text };
  };
  const jobs = todo.map((i) => jobOf(files[i]));
  if (asStaged) warnings.push(`${asStaged} file${asStaged === 1 ? " has" : "s have"} unstaged changes: linted as staged`);
  interrupted = await processMany(session, jobs, run, (k, o) => {
    slots[todo[k]] = o;
    options.onProgress?.(++done, files.length, o.path);
  });
  if (cache && useOutcomes) {
    for (const k of todo) if (slots[k]) cache.set(root, files[k], slots[k], localTargets(slots[k].facts, options.repo));
  }
  const order = files.map((_, i) => i).filter((i) => hit[i] || slots[i]);
  phase("per-file");
  for (const o of slots) if (o && !o.error) index.setAnchors(o.path, o.facts.anchors);
  const outcomeAt = (i) => {
    let o = slots[i];
    if (!o) {
      const path = files[i];
      o = cache?.get(path);
      const lost = !o || !cache?.links(root, path);
      o ??= packMessages(processFile(path, rules2, settingsFor(session, path)));
      if (cache && lost) cache.set(root, path, o, localTargets(o.facts, options.repo));
      slots[i] = o;
    }
    return o;
  };
  const fixed = [];
  if (options.fix && !interrupted) {
    const outcomes = order.map(outcomeAt);
    interrupted = await fixAll(session, outcomes, options.fix, index, fixed, runProblems, run);
    order.forEach((i, k) => slots[i] = outcomes[k]);
    if (cache && useOutcomes) {
      const byPath = new Map(outcomes.map((o) => [o.path, o]));
      for (const f of fixed) {
        const o = byPath.get(f.path);
        if (f.written && o) cache.set(root, f.path, o, localTargets(o.facts, options.repo));
      }
    }
  }
  phase("fix");
  let external;
  let externalReport;
  if (options.external && !interrupted) {
    external = new ExternalPhase(externalHooks(rules2), { mirrors, ...options.repo ? { repo: options.repo } : {} });
    for (const i of order) {
      const held = slots[i] !== void 0;
      const o = outcomeAt(i);
      external.add(i, o, config.rulesFor(o.path));
      if (!held && hit[i]) slots[i] = void 0;
    }
    const cacheDir = options.cache?.location;
    externalReport = await external.check({ ...options.external, ...cacheDir !== void 0 && options.external.cacheDir === void 0 ? { cacheDir } : {} }, options.signal);
    warnings.push(...externalReport.warnings);
    if (options.signal?.aborted) interrupted = true;
    phase("external");
  }
  for (const o of slots) if (o?.error && o.errorKind === "internal") runProblems.push({ path: o.path, message: o.error });
  const fingerprint = cache && useOutcomes && Object.keys(mirrors).length === 0 ? indexFingerprint(walked.files, index, cache, root) : void 0;
  const keep = cache !== void 0;
  const cacheStats = cache ? { hits: cache.hits, misses: cache.misses, reused: 0 } : void 0;
  function* build() {
    for (const i of order) {
      const path = files[i];
      if (!slots[i] && fingerprint !== void 0) {
        const json2 = cache?.cross(path, fingerprint);
        if (json2 !== void 0) {
          if (cacheStats) cacheStats.reused++;
          const cross2 = JSON.parse(json2);
          if (external) cross2.push(...external.messages(i));
          yield resultOf(resolve(root, path), { messages: [], packed: cache?.packed(path) }, cross2);
          continue;
        }
      }
      const o = outcomeAt(i);
      if (!keep || hit[i]) slots[i] = void 0;
      const { result, cross } = resultFor(session, o, external?.messages(i));
      if (fingerprint !== void 0 && !o.error) cache?.setCross(path, fingerprint, JSON.stringify(cross));
      yield result;
    }
    phase("cross-file");
    if (cache && useOutcomes) {
      if (!options.paths?.length) cache.retain(walked.lint);
      warnings.push(...cache.save());
    }
    if (cache) warnings.unshift(...cache.warnings);
    phase("cache");
    report.stats.ms = performance.now() - started;
  }
  const report = { runProblems, warnings, ...cacheStats ? { cache: cacheStats } : {}, ...externalReport ? { external: externalReport } : {}, fixed, interrupted, stats: { linted: order.length, indexed: index.size, ms: 0, phases } };
  if (options.stream) return { ...report, results: [], stream: build() };
  return { ...report, results: [...build()] };
}

// src/formatters/stylish.ts
var import_picocolors = __toESM(require_picocolors(), 1);

// src/formatters/paths.ts
import { relative as relative4, sep as sep4 } from "node:path";
function relPath(base, abs) {
  return relative4(base, abs).split(sep4).join("/") || ".";
}

// src/formatters/stylish.ts
var MAX_PER_KIND = 10;
function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
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
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      if (n <= MAX_PER_KIND) return true;
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
function* errorsFirst(results) {
  for (const errors of [true, false]) {
    for (const r of results) {
      for (const m of r.messages) if (m.severity === 2 === errors) yield [r, m];
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
  const total = kept + omitted;
  if (omitted > 0) {
    ctx.warn?.(`SARIF: kept ${kept} of ${total} results, errors first (GitHub code scanning keeps at most ${SARIF_LIMIT} a run); --format json has every one`);
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
              informationUri: "https://github.com/archive-lint/archive-lint",
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
          ...omitted > 0 ? { properties: { "archive-lint/truncated": true, "archive-lint/totalResults": total, "archive-lint/keptResults": kept } } : {}
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
    const total = lines.length + left;
    lines.push(
      `::notice::${escapeData(`archive-lint: ${left} of ${total} problems are not annotated (GitHub shows only the first annotations of a job; errors come first). The complete list is in the job summary (--format markdown).`)}`
    );
  }
  return lines.length ? `${lines.join("\n")}
` : "";
};

// src/core/summary.ts
import { relative as relative5, sep as sep5 } from "node:path";
var MISSING = /* @__PURE__ */ new Set(["missingFile", "deleted", "renamed", "mirrorMissing"]);
function topFolder(root, file) {
  const rel = relative5(root, file).split(sep5);
  return rel.length > 1 ? rel[0] : ".";
}
function summarize(results, root) {
  const byRule = /* @__PURE__ */ new Map();
  const byFolder = /* @__PURE__ */ new Map();
  const missingTargets = /* @__PURE__ */ new Map();
  for (const r of results) {
    const folder = topFolder(root, r.filePath);
    const f = byFolder.get(folder) ?? { errors: 0, warnings: 0, files: 0 };
    f.files++;
    byFolder.set(folder, f);
    for (const m of r.messages) {
      const n = m.occurrences ?? 1;
      const id = m.ruleId ?? "(file errors)";
      const c = byRule.get(id) ?? { errors: 0, warnings: 0, kinds: /* @__PURE__ */ new Map() };
      if (m.severity === 2) {
        c.errors += n;
        f.errors += n;
      } else {
        c.warnings += n;
        f.warnings += n;
      }
      const kind = m.messageId ?? "fatal";
      c.kinds.set(kind, (c.kinds.get(kind) ?? 0) + n);
      byRule.set(id, c);
      const target = MISSING.has(kind) ? /'([^']+)'/.exec(m.message)?.[1] : void 0;
      if (target !== void 0) missingTargets.set(target, (missingTargets.get(target) ?? 0) + n);
    }
  }
  return { byRule, byFolder, missingTargets, files: results.length };
}
function sortedRows(map) {
  return [...map].sort((a, b) => b[1].errors + b[1].warnings - (a[1].errors + a[1].warnings) || a[0].localeCompare(b[0]));
}

// src/formatters/markdown.ts
var MAX_ROWS = 50;
function cell(s) {
  return visible(s).replace(/[\\`*_[\]!|~#]/g, (c) => `\\${c}`).replace(/[&<>]/g, (c) => c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;");
}
function count(n, noun) {
  return `${n.toLocaleString("en-US")} ${noun}${n === 1 ? "" : "s"}`;
}
var markdown = (results, ctx) => markdownSummary(results, ctx).text;
function markdownSummary(results, ctx) {
  const t = totals(results);
  const s = summarize(results, ctx.root);
  if (t.errors + t.warnings === 0) return { text: ["## archive-lint", "", `No problems in ${count(t.files, "file")}. ✅`, ""].join("\n"), listed: 0, total: 0 };
  const out = [];
  const maxRows = ctx.maxRows ?? MAX_ROWS;
  const cap = ctx.summaryLimitBytes ?? Infinity;
  let bytes = 0;
  const add = (...lines) => {
    for (const line of lines) bytes += Buffer.byteLength(line) + 1;
    out.push(...lines);
  };
  add("## archive-lint", "", `**${count(t.errors, "error")}**, **${count(t.warnings, "warning")}** in ${t.filesWithProblems.toLocaleString("en-US")} of ${count(t.files, "file")}.`, "");
  add("| rule | errors | warnings | kinds |", "| --- | ---: | ---: | --- |");
  for (const [id, c] of sortedRows(s.byRule)) {
    const kinds = [...c.kinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(", ");
    const name = id.startsWith("(") ? id : `[${id}](${docsUrl(id)})`;
    add(`| ${name} | ${num(c.errors)} | ${num(c.warnings)} | ${cell(kinds)} |`);
  }
  const all = t.errors + t.warnings;
  const folders = sortedRows(s.byFolder).filter(([, c]) => c.errors + c.warnings > 0);
  const reserve = Buffer.byteLength(closing(all, cap)) + Buffer.byteLength(moreFolders(folders.length)) + 4;
  const fits = (line) => bytes + Buffer.byteLength(line) + 1 + reserve <= cap;
  add("", "| folder | files | errors | warnings |", "| --- | ---: | ---: | ---: |");
  let foldersShown = 0;
  for (const [folder, c] of folders) {
    const row = `| ${cell(folder)} | ${num(c.files)} | ${num(c.errors)} | ${num(c.warnings)} |`;
    if (!fits(row)) break;
    add(row);
    foldersShown++;
  }
  if (foldersShown < folders.length) add("", moreFolders(folders.length - foldersShown));
  let shown = 0;
  let full = false;
  const head = ["", "| file | line | severity | message | rule |", "| --- | ---: | --- | --- | --- |"];
  if (fits(head.join("\n"))) {
    add(...head);
    for (const [r, m] of errorsFirst(results)) {
      if (shown >= maxRows) break;
      const row = `| ${cell(relPath(ctx.cwd, r.filePath))} | ${m.line} | ${m.severity === 2 ? "error" : "warning"} | ${cell(m.message)} | ${m.ruleId ?? ""} |`;
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
function num(n) {
  return n.toLocaleString("en-US");
}
function moreFolders(more) {
  return `…and ${num(more)} more folders.`;
}
function closing(more, cap) {
  return `…and ${num(more)} more, left out to keep this summary within ${num(cap)} bytes.`;
}

// src/formatters/index.ts
var formatters = { stylish, json, sarif, github, markdown };

// src/formatters/html.ts
function escapeHtml(s) {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}
var STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1f2328}h1{font-size:1.6rem}
table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #d0d7de;padding:.3rem .6rem;text-align:left;vertical-align:top}
td.n{text-align:right}.error{color:#cf222e}.warning{color:#9a6700}details{margin:.2rem 0}summary{cursor:pointer}
code{font-family:ui-monospace,monospace}.muted{color:#656d76}`;
var html = (results, ctx) => {
  const t = totals(results);
  const s = summarize(results, ctx.root);
  const e = escapeHtml;
  const parts = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>archive-lint report</title>',
    `<style>${STYLE}</style></head><body>`,
    `<h1>archive-lint report</h1><p><b class="error">${t.errors} errors</b>, <b class="warning">${t.warnings} warnings</b> in ${t.filesWithProblems} of ${t.files} files under <code>${e(ctx.root)}</code>. archive-lint ${e(ctx.version)}.</p>`,
    "<h2>By rule</h2><table><tr><th>rule</th><th>errors</th><th>warnings</th><th>kinds</th></tr>"
  ];
  for (const [id, c] of sortedRows(s.byRule)) {
    const kinds = [...c.kinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${e(k)}&nbsp;${n}`).join(", ");
    const name = id.startsWith("(") ? e(id) : `<a href="${e(docsUrl(id))}">${e(id)}</a>`;
    parts.push(`<tr><td>${name}</td><td class="n">${c.errors}</td><td class="n">${c.warnings}</td><td>${kinds}</td></tr>`);
  }
  parts.push("</table><h2>By folder</h2><table><tr><th>folder</th><th>files</th><th>errors</th><th>warnings</th></tr>");
  for (const [folder, c] of sortedRows(s.byFolder)) {
    parts.push(`<tr><td><code>${e(folder)}</code></td><td class="n">${c.files}</td><td class="n">${c.errors}</td><td class="n">${c.warnings}</td></tr>`);
  }
  parts.push("</table><h2>Files</h2>");
  for (const r of results) {
    if (r.messages.length === 0) continue;
    parts.push(`<details><summary><code>${e(relPath(ctx.root, r.filePath))}</code> <span class="muted">${r.errorCount} errors, ${r.warningCount} warnings</span></summary><table>`);
    for (const m of r.messages) {
      const sev = m.severity === 2 ? "error" : "warning";
      parts.push(`<tr><td class="n">${m.line}:${m.column}</td><td class="${sev}">${sev}</td><td>${e(m.message)}</td><td class="muted">${e(m.ruleId ?? "")}</td></tr>`);
    }
    parts.push("</table></details>");
  }
  parts.push("</body></html>\n");
  return parts.join("\n");
};

// src/cli/rules-table.ts
function rulesMarkdown(rules2) {
  const rows = rules2.map((r) => `| [\`${r.id}\`](${docsUrl(r.id).replace(/^https:\/\/github\.com\/[^/]+\/[^/]+\/blob\/main\//, "")}) | ${r.defaultSeverity} | ${r.fixable === "none" ? "no" : r.fixable} | ${r.description} |`);
  return ["| rule | default | fixable | checks |", "| --- | --- | --- | --- |", ...rows].join("\n");
}
function rulesText(rules2) {
  const w = Math.max(...rules2.map((r) => r.id.length));
  return rules2.map((r) => `${r.id.padEnd(w)}  ${r.defaultSeverity.padEnd(5)}  ${(r.fixable === "none" ? "-" : r.fixable).padEnd(11)}  ${r.description}`).join("\n");
}
function rulesJson(rules2) {
  return JSON.stringify(rules2.map((r) => ({ id: r.id, defaultSeverity: r.defaultSeverity, fixable: r.fixable, description: r.description, docs: docsUrl(r.id), external: r.external ?? false })), null, 2);
}

// src/cli/summary-text.ts
var import_picocolors2 = __toESM(require_picocolors(), 1);
function table(rows, rightAligned) {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  return rows.map((r) => r.map((c, i) => rightAligned.includes(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)).join("  ").trimEnd());
}
var TOP_MISSING = 10;
function summaryText(results, root, report, color, site) {
  const c = (0, import_picocolors2.createColors)(color);
  const s = summarize(results, root);
  const t = totals(results);
  const out = ["", c.bold("Summary by rule")];
  const ruleRows = [["rule", "errors", "warnings", "kinds"]];
  for (const [id, v] of sortedRows(s.byRule)) {
    const kinds = [...v.kinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(", ");
    ruleRows.push([visibleLineStart(id), String(v.errors), String(v.warnings), visible(kinds)]);
  }
  out.push(...table(ruleRows, [1, 2]));
  out.push("", c.bold("Summary by folder"));
  const folderRows = [["folder", "files", "errors", "warnings"]];
  for (const [folder, v] of sortedRows(s.byFolder)) folderRows.push([visibleLineStart(folder), String(v.files), String(v.errors), String(v.warnings)]);
  out.push(...table(folderRows, [1, 2, 3]));
  const missing = [...s.missingTargets].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (missing.length) {
    out.push("", c.bold("Top missing targets"));
    const rows = [["target", "links"], ...missing.slice(0, TOP_MISSING).map(([t2, n]) => [visibleLineStart(t2), String(n)])];
    out.push(...table(rows, [1]));
    if (missing.length > TOP_MISSING) out.push(`…and ${missing.length - TOP_MISSING} more missing targets`);
  }
  out.push("", `${t.files} files linted, ${report.stats.indexed} files indexed, ${t.errors} errors, ${t.warnings} warnings in ${(report.stats.ms / 1e3).toFixed(1)} s`);
  if (site) out.push(`Links resolved as ${visible(site)}.`);
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
  update(done, total, path) {
    const shown = visible(path);
    this.draw(done, total, `${done}/${total} ${shown.length > 50 ? `…${shown.slice(-49)}` : shown}`);
  }
  /** External checks: URLs done of all, and the hosts slowest to answer. */
  urls(done, total, slowest) {
    const slow = slowest.length ? `  slowest: ${slowest.map((h) => `${visible(h.host)} ${(h.ms / 1e3).toFixed(1)} s`).join(", ")}` : "";
    this.draw(done, total, `URLs ${done}/${total}${slow}`);
  }
  /** The bar and its text, at most ten times a second (always the last state). */
  draw(done, total, text) {
    const now = Date.now();
    if (done !== total && now - this.last < 100) return;
    this.last = now;
    const width = 24;
    const filled = total ? Math.round(done / total * width) : width;
    this.out.write(`\r\x1B[2K${"█".repeat(filled)}${"░".repeat(width - filled)} ${text}`);
  }
  done() {
    this.out.write("\r\x1B[2K");
  }
};

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
      const patch = diffLinesResultToPatch(diff);
      callback(patch);
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
function formatPatch(patch, headerOptions) {
  var _a, _b, _c, _d, _e, _f;
  if (!headerOptions) {
    headerOptions = INCLUDE_HEADERS;
  }
  if (Array.isArray(patch)) {
    if (patch.length > 1 && !headerOptions.includeFileHeaders && !patch.every((p) => p.isGit)) {
      throw new Error("Cannot omit file headers on a multi-file patch. (The result would be unparseable; how would a tool trying to apply the patch know which changes are to which file?)");
    }
    return patch.map((p) => formatPatch(p, headerOptions)).join("\n");
  }
  const ret = [];
  if (patch.isGit) {
    headerOptions = INCLUDE_HEADERS;
    if (!patch.oldFileName) {
      throw new Error("oldFileName must be specified for Git patches");
    }
    if (!patch.newFileName) {
      throw new Error("newFileName must be specified for Git patches");
    }
    let gitOldName = patch.oldFileName;
    let gitNewName = patch.newFileName;
    if (patch.isCreate && gitOldName === "/dev/null") {
      gitOldName = gitNewName.replace(/^b\//, "a/");
    } else if (patch.isDelete && gitNewName === "/dev/null") {
      gitNewName = gitOldName.replace(/^a\//, "b/");
    }
    ret.push("diff --git " + quoteFileNameIfNeeded(gitOldName) + " " + quoteFileNameIfNeeded(gitNewName));
    if (patch.isDelete) {
      ret.push("deleted file mode " + ((_a = patch.oldMode) !== null && _a !== void 0 ? _a : "100644"));
    }
    if (patch.isCreate) {
      ret.push("new file mode " + ((_b = patch.newMode) !== null && _b !== void 0 ? _b : "100644"));
    }
    if (patch.oldMode && patch.newMode && !patch.isDelete && !patch.isCreate) {
      ret.push("old mode " + patch.oldMode);
      ret.push("new mode " + patch.newMode);
    }
    if (patch.isRename) {
      ret.push("rename from " + quoteFileNameIfNeeded(((_c = patch.oldFileName) !== null && _c !== void 0 ? _c : "").replace(/^a\//, "")));
      ret.push("rename to " + quoteFileNameIfNeeded(((_d = patch.newFileName) !== null && _d !== void 0 ? _d : "").replace(/^b\//, "")));
    }
    if (patch.isCopy) {
      ret.push("copy from " + quoteFileNameIfNeeded(((_e = patch.oldFileName) !== null && _e !== void 0 ? _e : "").replace(/^a\//, "")));
      ret.push("copy to " + quoteFileNameIfNeeded(((_f = patch.newFileName) !== null && _f !== void 0 ? _f : "").replace(/^b\//, "")));
    }
  } else {
    if (headerOptions.includeIndex && patch.oldFileName == patch.newFileName && patch.oldFileName !== void 0) {
      ret.push("Index: " + patch.oldFileName);
    }
    if (headerOptions.includeUnderline) {
      ret.push("===================================================================");
    }
  }
  const hasHunks = patch.hunks.length > 0;
  if (headerOptions.includeFileHeaders && patch.oldFileName !== void 0 && patch.newFileName !== void 0 && (!patch.isGit || hasHunks)) {
    ret.push("--- " + quoteFileNameIfNeeded(patch.oldFileName) + (patch.oldHeader ? "	" + patch.oldHeader : ""));
    ret.push("+++ " + quoteFileNameIfNeeded(patch.newFileName) + (patch.newHeader ? "	" + patch.newHeader : ""));
  }
  for (let i = 0; i < patch.hunks.length; i++) {
    const hunk = patch.hunks[i];
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
function splitLines(text) {
  const hasTrailingNl = text.endsWith("\n");
  const result = text.split("\n").map((line) => line + "\n");
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
  const patch = createTwoFilesPatch(`a/${f.path}`, `b/${f.path}`, bom + f.before, bom + f.after, void 0, void 0, { context: 3 });
  return `diff --git a/${f.path} b/${f.path}
${patch.replace(/^(?:Index: .*\n)?=+\n/, "")}`;
}

// src/cli/main.ts
var UsageError = class extends Error {
};
var COMMANDS = /* @__PURE__ */ new Set(["check", "audit", "rules", "init"]);
var NOT_YET = {
  baseline: "--baseline",
  "update-baseline": "--update-baseline",
  shard: "--shard"
};
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
  cache: { type: "boolean" },
  "cache-location": { type: "string" },
  baseline: { type: "string" },
  "update-baseline": { type: "boolean" },
  shard: { type: "string" },
  concurrency: { type: "string" }
};
var HELP = `Usage: archive-lint [check] [PATH...] [options]
       archive-lint audit [PATH] [options]
       archive-lint rules [--format text|json|markdown]
       archive-lint init [--force]

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
  --report FILE.html         (audit) write a self-contained HTML report
  --fix                      apply safe fixes in place (atomic writes, never outside the root)
  --fix-unsafe               apply unsafe fixes too (with --fix, or alone)
  --fix-dry-run              print the fixes as a unified diff and write nothing
  --changed [--base REF]     lint only what a change touches: files changed since REF (default: the staged
                             files in a pre-commit context, else the merge base with the default branch), plus
                             every file whose links point at a file the change deleted or renamed, or at an
                             anchor it removed
  --concurrency N            parsing worker threads (default: the available cores; at most 4 a core, 64 in all)
  --no-cache                 do not reuse or record results of unchanged files (the cache is on by default)
  --cache-location DIR       where the cache lives (default node_modules/.cache/archive-lint, else .archive-lint-cache)
  --external                 check http(s) URLs, each once (on by default for audit)
  --no-external              do not check http(s) URLs
  -h, --help, -v, --version

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
async function writeChunks(io, file, chunks) {
  const fd = file === void 0 ? void 0 : openFor(resolve2(io.cwd, file));
  try {
    for (const block of blocks(chunks)) {
      if (fd !== void 0) writeSync2(fd, block);
      else if (io.stdout.write(block) === false && io.stdout.once) await new Promise((r) => io.stdout.once?.("drain", () => r()));
    }
    if (fd !== void 0) writeSync2(fd, "\n");
    else io.stdout.write("\n");
  } finally {
    if (fd !== void 0) closeSync2(fd);
  }
}
function folderFor(abs) {
  const why = makeFolder(dirname3(abs));
  if (why !== void 0) throw new UsageError(`cannot write ${abs}: ${why}`);
}
function openFor(abs) {
  folderFor(abs);
  return openSync2(abs, "w");
}
function* blocks(chunks, size = 1 << 20) {
  let held = [];
  let bytes = 0;
  for (const chunk of chunks) {
    const b = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    held.push(b);
    bytes += b.length;
    if (bytes >= size) {
      yield Buffer.concat(held, bytes);
      held = [];
      bytes = 0;
    }
  }
  if (bytes) yield Buffer.concat(held, bytes);
}
function writeOut(io, file, text) {
  if (file === void 0) {
    if (text) io.stdout.write(text.endsWith("\n") ? text : `${text}
`);
    return;
  }
  const abs = resolve2(io.cwd, file);
  folderFor(abs);
  writeFileSync2(abs, text.endsWith("\n") ? text : `${text}
`);
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
function unlinted(named, linted, root, config) {
  const shown = (abs) => relative6(root, abs).split(sep6).join("/") || ".";
  if (named.length === 0) return linted.length ? [] : [`no Markdown file to lint under ${root} (include: ${config.include.join(", ")})`];
  const out = [];
  for (const abs of named) {
    if (linted.some((f) => f === abs || f.startsWith(abs.endsWith(sep6) ? abs : `${abs}${sep6}`))) continue;
    let st;
    try {
      st = statSync4(abs);
    } catch {
      continue;
    }
    if (st.isDirectory()) out.push(`${shown(abs)}: no Markdown file the config includes is there (include: ${config.include.join(", ")}); nothing linted`);
    else if (!st.isFile()) out.push(`${shown(abs)}: not a regular file (a pipe, socket or device); not linted`);
    else out.push(`${shown(abs)}: not a file the config includes (include: ${config.include.join(", ")}), or one it ignores; not linted`);
  }
  return out;
}
function siteText(config) {
  return `${config.site} (${config.siteSource ?? "the config"}${config.siteRoot ? `; site root ${config.siteRoot}/` : ""})`;
}
async function runLint(io, p) {
  const started = performance.now();
  const { values } = p;
  const audit = p.command === "audit";
  for (const [key, flag] of Object.entries(NOT_YET)) {
    if (values[key] !== void 0) throw new UsageError(`${flag} is not available in this version yet`);
  }
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
  for (const out of [values.output, values.report]) if (typeof out === "string") folderFor(resolve2(io.cwd, out));
  const paths = (p.paths.length ? p.paths : ["."]).map((x) => resolve2(io.cwd, x));
  for (const x of paths) {
    if (existsSync2(x)) continue;
    const command = !p.explicit && x === paths[0] ? closestName(p.paths[0], [...COMMANDS]) : void 0;
    throw new UsageError(`${x}: no such file or folder${command === void 0 ? "" : `. Did you mean the command '${command}'? ${SEE_HELP}`}`);
  }
  const auditDir = audit ? paths[0] : void 0;
  const rootArg = values.root;
  const root = rootArg ? resolve2(io.cwd, rootArg) : gitTopLevel(auditDir ?? io.cwd) ?? auditDir ?? io.cwd;
  try {
    if (!statSync4(root).isDirectory()) throw new UsageError(`root ${root} is not a folder`);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot read the root ${root}: ${e.code ?? e.message}`);
  }
  for (const x of paths) {
    if (!inside2(root, x)) throw new UsageError(`${x} is outside the root ${root}; give --root`);
  }
  const config = await loadConfig(root, values.config, rules, cliRules, io.cwd);
  const repo = repoIdentity(values, config, root, io.env ?? {});
  if (!audit && config.site !== "github") io.stderr.write(`archive-lint: links resolved as ${visible(siteText(config))}
`);
  if (values.external && values["no-external"]) throw new UsageError("--external and --no-external: give one of them");
  const externalOn = audit ? !values["no-external"] : Boolean(values.external);
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
  const cacheLocation = values["no-cache"] ? void 0 : values["cache-location"] ? resolve2(io.cwd, values["cache-location"]) : defaultCacheLocation(root);
  if (cacheLocation !== void 0 && values["cache-location"]) {
    const unmade = makeFolder(cacheLocation);
    if (unmade !== void 0) throw new UsageError(`--cache-location: ${unmade}; give a folder that can be made, or --no-cache`);
  }
  if (values.base !== void 0 && !values.changed) throw new UsageError("--base goes with --changed");
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
  const signal = io.signal ?? { aborted: false };
  const stream = format === "json" && !audit && !dryRun;
  let report;
  try {
    report = await lint({
      root,
      stream,
      paths,
      config,
      signal,
      concurrency,
      ...changed ? { changed } : {},
      ...cacheLocation === void 0 ? {} : { cache: { location: cacheLocation } },
      ...repo ? { repo } : {},
      ...fixMode ? { fix: { mode: fixMode, dryRun } } : {},
      ...progress ? { onProgress: (d, t2, f) => progress.update(d, t2, f) } : {},
      ...externalOn ? { external: { settings: config.external, ...progress ? { onProgress: (u) => progress.urls(u.done, u.total, u.slowest) } : {} } } : {}
    });
  } finally {
    progress?.done();
  }
  if (dryRun) {
    const diff = report.fixed.map((f) => unifiedDiff(f)).join("");
    writeOut(io, values.output, diff);
    io.stderr.write(`archive-lint: --fix-dry-run: ${report.fixed.length} file${report.fixed.length === 1 ? "" : "s"} would be changed by ${report.fixed.reduce((n, f) => n + f.fixes, 0)} fixes; nothing was written
`);
  } else if (fixMode) {
    const written = report.fixed.filter((f) => f.written);
    io.stderr.write(`archive-lint: fixed ${written.length} file${written.length === 1 ? "" : "s"} (${written.reduce((n, f) => n + f.fixes, 0)} fixes)
`);
  }
  if (report.interrupted) io.stderr.write("archive-lint: interrupted; files already fixed are whole, the rest untouched\n");
  let t;
  const linted = [];
  let results = report.results;
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
    await writeChunks(io, values.output, jsonChunks(each(report.stream)));
    t = counted;
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
    if (format === "json") await writeChunks(io, values.output, jsonChunks(results));
    else writeOut(io, values.output, formatter(results, ctx));
  }
  if (audit) {
    const whole = { ...report, stats: { ...report.stats, ms: performance.now() - started } };
    const text = `${summaryText(results, root, whole, colorFor(io.stderr, env, values), siteText(config))}${report.external ? `${externalText(report.external)}
` : ""}`;
    if (format === "stylish" || values.output !== void 0) io.stdout.write(text);
    else io.stderr.write(text);
    if (!listing && results.some((r) => r.messages.length)) io.stdout.write("Every finding: archive-lint check, or audit with --format json -o FILE (or --report FILE.html).\n");
    if (values.report !== void 0) {
      writeOut(io, values.report, html(results, { ...ctx, color: false }));
      io.stderr.write(`archive-lint: HTML report written to ${visible(resolve2(io.cwd, values.report))}
`);
    }
  }
  if (io.env?.ARCHIVE_LINT_TIMING) io.stderr.write(`archive-lint: timing ${JSON.stringify({ ...report.stats.phases, total: Math.round(report.stats.ms) })}
`);
  if (!report.stream) for (const r of report.results) linted.push(r.filePath);
  if (!changed && !report.interrupted) for (const note of unlinted(p.paths.length ? paths : [], linted, root, config)) io.stderr.write(`archive-lint: warning: ${visible(note)}
`);
  for (const w of report.warnings) io.stderr.write(`archive-lint: warning: ${visible(w)}
`);
  for (const rp of report.runProblems) io.stderr.write(`archive-lint: ${visible(rp.path)}: ${visible(rp.message)}
`);
  const offline = report.external?.networkUnavailable;
  if (offline && values.external) io.stderr.write(`archive-lint: external URLs not checked: ${visible(offline)}
`);
  else if (offline) io.stderr.write(`archive-lint: warning: external URLs not checked: ${visible(offline)}; audited offline (--external makes this an error, --no-external skips the check)
`);
  if (report.runProblems.length || report.interrupted || offline && values.external) return 2;
  t ??= totals(results);
  if (t.errors > 0) return 1;
  if (maxWarnings >= 0 && t.warnings > maxWarnings) {
    io.stderr.write(`archive-lint: ${t.warnings} warnings, more than --max-warnings ${maxWarnings}
`);
    return 1;
  }
  return 0;
}
function externalText(e) {
  const n = (x) => x.toLocaleString("en-US");
  if (e.networkUnavailable) return `External URLs: none checked (${e.networkUnavailable}).`;
  const found = URL_STATUSES.filter((s) => e.byStatus[s] > 0).map((s) => `${s} ${n(e.byStatus[s])}`).join(", ");
  const slow = e.slowest.length ? `; slowest hosts ${e.slowest.slice(0, 3).map((h) => `${visible(h.host)} ${(h.ms / 1e3).toFixed(1)} s`).join(", ")}` : "";
  return `External URLs: ${n(e.urls)} unique of ${n(e.occurrences)} links and images, ${n(e.requests)} requests (${n(e.retries)} retries) in ${(e.ms / 1e3).toFixed(1)} s${found ? `: ${found}` : ""}${slow}.`;
}
function runRules(io, p) {
  const format = p.values.format ?? "text";
  const metas = rules.map((r) => r.meta);
  const text = format === "json" ? rulesJson(metas) : format === "markdown" ? rulesMarkdown(metas) : format === "text" ? rulesText(metas) : void 0;
  if (text === void 0) throw new UsageError(`--format '${format}': expected text, json or markdown`);
  writeOut(io, p.values.output, text);
  return 0;
}
function packageDir() {
  let dir = dirname3(fileURLToPath2(import.meta.url));
  for (let i = 0; i < 5; i++) {
    try {
      if (JSON.parse(readFileSync6(join6(dir, "package.json"), "utf8")).name === "archive-lint") return dir;
    } catch {
    }
    dir = dirname3(dir);
  }
  return void 0;
}
function inside2(root, path) {
  const rel = relative6(root, path);
  return !(rel === ".." || rel.startsWith(`..${sep6}`) || isAbsolute(rel));
}
function schemaRef(root) {
  const dir = packageDir();
  if (dir === void 0) return void 0;
  try {
    const schema = realpathSync3(join6(dir, "archive-lint.schema.json"));
    const installed = join6(root, "node_modules", "archive-lint", "archive-lint.schema.json");
    if (existsSync2(installed) && realpathSync3(installed) === schema) return "./node_modules/archive-lint/archive-lint.schema.json";
    const realRoot = realpathSync3(root);
    return inside2(realRoot, schema) ? `./${relative6(realRoot, schema).split(sep6).join("/")}` : void 0;
  } catch {
    return void 0;
  }
}
function runInit(io, p) {
  const root = p.values.root ? resolve2(io.cwd, p.values.root) : gitTopLevel(io.cwd) ?? io.cwd;
  const file = join6(root, "archive-lint.config.json");
  if (existsSync2(file) && !p.values.force) throw new UsageError(`${file} exists already (--force to overwrite)`);
  const remote = gitRemoteRepo(root);
  const starter = {};
  const schema = schemaRef(root);
  if (schema !== void 0) starter.$schema = schema;
  if (remote) starter.repository = `${remote.owner}/${remote.name}`;
  const branch = gitBranch(root);
  if (branch) starter.branch = branch;
  starter.include = ["**/*.md"];
  starter.ignore = ["node_modules/**"];
  starter.rules = Object.fromEntries(rules.map((r) => [r.meta.id, r.meta.defaultSeverity]));
  writeFileSync2(file, `${JSON.stringify(starter, null, 2)}
`);
  io.stdout.write(`Wrote ${file}
`);
  if (!remote) {
    io.stderr.write(
      `archive-lint: no GitHub remote 'origin', so the config has no "repository": runs will need --repo OWNER/NAME, or the "repository" key in ${file}, to resolve links as GitHub does and check links to the archive's own GitHub URLs
`
    );
  }
  const rel = relative6(io.cwd, root);
  const where = rel === "" ? "." : /^[\w./-]+$/.test(rel) ? rel : `'${rel.replace(/'/g, `'\\''`)}'`;
  io.stdout.write(`Next: npx archive-lint audit ${where}
`);
  return 0;
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
      default:
        return await runLint(io, p);
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof ConfigError) {
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
function setOutput(file, name, value) {
  if (!file) return;
  const delimiter = `ghadelimiter_${randomUUID()}`;
  appendFileSync(file, `${name}<<${delimiter}
${value}
${delimiter}
`);
}
function fitSummary(text, limit) {
  if (Buffer.byteLength(text) <= limit) return text;
  const note = "\n\n…the summary was cut at GitHub's 1 MiB limit; the SARIF file or `--format json` has every problem.\n";
  const cut = Buffer.from(text).subarray(0, limit - Buffer.byteLength(note)).toString("utf8");
  return cut.slice(0, Math.max(0, cut.lastIndexOf("\n"))) + note;
}
async function runAction(io) {
  const { env } = io;
  const log = (s) => io.stdout.write(`${s}
`);
  const scratch = mkdtempSync(join7(env.RUNNER_TEMP || tmpdir(), "archive-lint-"));
  try {
    const workspace = resolve3(env.GITHUB_WORKSPACE || process.cwd());
    const eventName = env.GITHUB_EVENT_NAME ?? "";
    const failOn = input(env, "fail-on") || "error";
    if (!["error", "warning", "never"].includes(failOn)) throw new ActionError(`input 'fail-on': expected error, warning or never, got '${failOn}'`);
    const limitText = input(env, "annotations-limit") || "50";
    if (!/^\d+$/.test(limitText)) throw new ActionError(`input 'annotations-limit': expected a whole number, got '${limitText}'`);
    const annotationsLimit = Number(limitText);
    const external = booleanInput(env, "external", false);
    const paths = pathsInput(env);
    const config = input(env, "config");
    const baseline = input(env, "baseline");
    const sarifFile = input(env, "sarif-file");
    const report = resolve3(workspace, input(env, "report-file") || join7(env.RUNNER_TEMP || tmpdir(), "archive-lint-report.json"));
    rmSync(report, { force: true });
    const reportFolder = makeFolder(dirname4(report));
    if (reportFolder !== void 0) throw new ActionError(`input 'report-file': ${reportFolder}`);
    const argv = [];
    let mode;
    if (eventName === "pull_request" || eventName === "pull_request_target") {
      if (eventName === "pull_request_target") log(`::warning::${escapeData("archive-lint runs on the pull request's content: use the pull_request event, not pull_request_target.")}`);
      if (!env.GITHUB_EVENT_PATH) throw new ActionError("GITHUB_EVENT_PATH is not set: cannot read the pull request");
      const event = JSON.parse(readFileSync7(env.GITHUB_EVENT_PATH, "utf8"));
      const base = pullRequestBase(workspace, event, log);
      const number = event.pull_request?.number ?? event.number;
      mode = `pull request${number !== void 0 ? ` #${number}` : ""}: the files it changes and the files it breaks, compared with ${base.slice(0, 12)}`;
      argv.push("check", ...paths, "--changed", "--base", base);
    } else if (paths.length > 1) {
      mode = `${eventName || "run"}: ${paths.join(", ")}`;
      argv.push("check", ...paths);
    } else {
      mode = `${eventName || "run"}: audit of ${paths[0] ?? "the whole archive"}`;
      argv.push("audit", paths[0] ?? ".");
    }
    argv.push("--format", "json", "--output", report, external ? "--external" : "--no-external");
    if (config) argv.push("--config", config);
    if (baseline) argv.push("--baseline", baseline);
    argv.push("--cache-location", join7(env.RUNNER_TEMP || scratch, "archive-lint-cache"));
    log(`archive-lint ${version()}: ${mode}`);
    log(`::group::archive-lint ${argv.map((a) => /\s/.test(a) ? JSON.stringify(a) : a).join(" ")}`);
    let said = "";
    const stderr = { write: (s) => (said += typeof s === "string" ? s : Buffer.from(s).toString("utf8"), io.stdout.write(s)) };
    const token = `archive-lint-${randomUUID()}`;
    log(`::stop-commands::${token}`);
    const code = await main({ argv, cwd: workspace, stdout: io.stdout, stderr, env: { ...env, PRE_COMMIT: void 0, GIT_INDEX_FILE: void 0 } });
    log(`::${token}::`);
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
    const results = JSON.parse(readFileSync7(report, "utf8"));
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
    let annotations = githubAnnotations(results, ctx, annotationsLimit);
    const notice = annotations.omitted > 0 && annotationsLimit > 1;
    if (notice) annotations = githubAnnotations(results, ctx, annotationsLimit - 1);
    for (const line of annotations.lines) io.stdout.write(`${line}
`);
    if (annotations.omitted > 0) {
      const where = !env.GITHUB_STEP_SUMMARY ? "the report-file output has every problem" : summary.listed >= summary.total ? "the job summary lists every problem" : `the job summary lists ${count(summary.listed, "problem")} of ${summary.total.toLocaleString("en-US")}, the report-file output every one`;
      const text = `${count(annotations.omitted, "problem")} not annotated (annotations-limit ${annotationsLimit}); ${where}.`;
      log(notice ? `::notice::${escapeData(text)}` : text);
    }
    if (sarifFile) {
      const abs = resolve3(workspace, sarifFile);
      const folder = makeFolder(dirname4(abs));
      if (folder !== void 0) throw new ActionError(`input 'sarif-file': ${folder}`);
      writeFileSync3(abs, `${sarif(results, ctx)}
`);
      log(`SARIF written to ${abs}`);
      setOutput(env.GITHUB_OUTPUT, "sarif-file", abs);
    }
    setOutput(env.GITHUB_OUTPUT, "report-file", report);
    setOutput(env.GITHUB_OUTPUT, "errors", t.errors);
    setOutput(env.GITHUB_OUTPUT, "warnings", t.warnings);
    setOutput(env.GITHUB_OUTPUT, "files", t.files);
    log(`archive-lint: ${count(t.errors, "error")}, ${count(t.warnings, "warning")} in ${count(t.files, "file")}.`);
    const failed2 = failOn === "error" ? t.errors > 0 : failOn === "warning" ? t.errors + t.warnings > 0 : false;
    if (failed2) log(`::error::${escapeData(`archive-lint found ${count(t.errors, "error")} and ${count(t.warnings, "warning")} (fail-on: ${failOn}).`)}`);
    return couldNotRun ? 2 : failed2 ? 1 : 0;
  } catch (e) {
    const message = e instanceof ActionError ? e.message : `internal error: ${e.stack ?? String(e)}`;
    log(`::error::${escapeData(`archive-lint: ${message}`)}`);
    return 2;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

// src/action/index.ts
process.stdout.on("error", (e) => {
  if (e.code !== "EPIPE") throw e;
});
process.exitCode = await runAction({ env: process.env, stdout: process.stdout, stderr: process.stderr });
