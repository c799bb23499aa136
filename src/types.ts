/** Shared plain-data types of the core. Everything here is serialisable (worker threads, cache). */

export type Severity = 0 | 1 | 2;
export type SeverityName = 'off' | 'warn' | 'error';

/** A text edit on offsets of the file's text (BOM removed), in UTF-16 code units. */
export interface Fix {
  range: [number, number];
  text: string;
}

/** A message in the ESLint-compatible shape of the contract. */
export interface LintMessage {
  ruleId: string | null;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** A safe fix (`--fix` applies it). */
  fix?: Fix;
  /** Unsafe fixes, in ESLint's shape (`--fix-unsafe` applies them). */
  suggestions?: { desc: string; fix: Fix }[];
  /** Kind of finding within the rule (for summaries), e.g. `missing-file`. Not part of ESLint's shape. */
  messageId?: string;
  /** Marks a fatal problem with the file itself (unreadable, binary). */
  fatal?: boolean;
  /** How many occurrences the message stands for (when a rule reports a kind once per file). */
  occurrences?: number;
  /**
   * Change-aware runs only: the change caused it (on a line it added or modified, at a link to what it deleted,
   * renamed or changed, or anywhere when it changed the config): `true`; it was there before: `false`.
   */
  introduced?: boolean;
}

export interface LintResult {
  filePath: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  fatalErrorCount?: number;
  /**
   * How many links, anchors or images of the file the publishing profile cannot check (made by a plugin, a hook or
   * Liquid it cannot evaluate): never errors, counted so that the user knows what was not verified. Absent: none.
   */
  notCheckedCount?: number;
}

/** A problem found by a rule, positioned by offsets; turned into a LintMessage once positions are known. */
export interface RawProblem {
  ruleId: string;
  messageId: string;
  message: string;
  start: number;
  end: number;
  fix?: Fix;
  /** `unsafe` fixes may change what a reader sees; only `--fix-unsafe` applies them. Default `safe`. */
  fixKind?: 'safe' | 'unsafe';
  /** A severity of its own (rules with per-kind severities); otherwise the rule's. */
  severity?: Severity;
  /** How many occurrences the problem stands for (reported once per file). */
  occurrences?: number;
}

/** Where a reference was found. */
export type RefSource = 'markdown' | 'definition' | 'html';

/** A link or image reference extracted from a file: plain data for cross-file checks. */
export interface Reference {
  /** `link` for navigation links, `image` for image sources. */
  type: 'link' | 'image';
  source: RefSource;
  /** The URL as written, after Markdown/HTML unescaping. */
  url: string;
  /** HTML attribute or element that held it, e.g. `href`, `src`. */
  attribute?: string;
  /** Offsets of the URL text (or of the whole node when the URL cannot be located exactly). */
  start: number;
  end: number;
  /** For an external http(s) link written as is: how it is written, for fixes that rewrite its URL. */
  form?: LinkForm;
  /**
   * Under Jekyll, a URL made by Liquid: `{% link X %}` (X a source file), `{% post_url X %}` (a post's name),
   * `url` (a string literal through relative_url or absolute_url, a site URL), `unevaluated` (Liquid the profile
   * cannot evaluate: a variable, an include).
   */
  liquid?: 'link' | 'post_url' | 'url' | 'unevaluated';
}

/**
 * How an external link is written, for a fix that rewrites its URL and keeps the original in sight (no-dead-urls'
 * web-archive snapshots). Present only when the URL is written exactly as `url` holds it.
 */
export interface LinkForm {
  /** `[t](url)`, `<url>`, a bare URL (GFM), `[id]: url`, or a raw-HTML attribute. */
  kind: 'inline' | 'autolink' | 'literal' | 'definition' | 'html';
  /** Offsets of the URL as written. */
  range: [number, number];
  /** Where a title may be added (none: the link has one, or its form has none). */
  titleAt?: number;
  /** Just after the link as a reader sees it, where a note may go (none: where no reader sees it). */
  noteAt?: number;
  /** The file's text from the URL's end to the later of `titleAt` and `noteAt`. */
  tail: string;
}

/** The date an article was written, and where it was read (see `core/parse/article-date.ts`). */
export interface ArticleDateFact {
  /** `YYYY-MM-DD`. */
  date: string;
  source: 'dateline' | 'original URL' | 'path' | 'front matter';
}

export interface FileFacts {
  /** Path relative to the root, with `/` separators. */
  path: string;
  /** Heading slugs (GitHub style) and explicit `id`/`name` anchors. */
  anchors: string[];
  references: Reference[];
  /** The page's original URL when it states one (`原文地址：…`, front matter `source:`). */
  originalUrl?: string;
  /** The article's date, when the file has external links and no-dead-urls is on (for web-archive lookups). */
  articleDate?: ArticleDateFact;
}

/** What the per-file step returns: plain data. */
export interface FileOutcome {
  path: string;
  /**
   * Messages of the per-file rules, final (severities of the resolved config, positions, fixes), filtered by
   * inline suppressions and sorted.
   */
  messages: LintMessage[];
  /**
   * The same messages packed, as workers send them and the cache keeps them: `messages` is then empty.
   * A big archive's messages are held this way until its report is written (see `core/cache/packed.ts`).
   */
  packed?: PackedMessages;
  facts: FileFacts;
  /** Suppression ranges, applied again to cross-file problems. */
  suppressions: Suppression[];
  /** The file's suppression comments and what each silenced (for `--report-unused-suppressions`), when it has any. */
  comments?: SuppressionComment[];
  /** How many problems of the per-file rules inline comments suppressed. */
  suppressed?: number;
  /** How many findings of the per-file rules the profile cannot check (`not-checked` in their rule's metadata). */
  notChecked?: number;
  /** Start offset of each line, for positions. */
  lineStarts: number[];
  /** The file could not be linted: the reason. */
  error?: string;
  /** `io`: could not be read; `content`: binary, not UTF-8 or too large; `internal`: a crash. */
  errorKind?: 'io' | 'content' | 'internal';
  /** The file starts with a byte order mark (removed from the text that offsets count in). */
  bom?: boolean;
  /** SHA-1 of the file's bytes, for the cache. */
  hash?: string;
  /** The file's stat as it was read, and when it was read (`checkedAt`, ms since the epoch), for the cache. */
  stamp?: FileStamp;
}

/**
 * What the cache compares to tell an unchanged file without reading it: size, modification and change times,
 * inode, and when the file was read (a change within the file system's time granularity of that read cannot be
 * told by stat: such a file is hashed).
 */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  /** Status change time: set by the kernel on every write, never by `touch`, `cp -p`, `rsync -a` or `tar -x`. */
  ctimeMs: number;
  ino: number;
  /** When the file was read (ms since the epoch). */
  checkedAt: number;
}

/** Per-file messages as the JSON report writes them, packed: their text is most of a big archive's report. */
export interface PackedMessages {
  /** The messages' JSON, one after the other separated by commas, in UTF-8, deflated. */
  json: Uint8Array;
  /** Three numbers a message: its line, its column, and where its JSON starts in the inflated text. */
  marks: Int32Array;
  /** Errors, warnings, fixable errors, fixable warnings. */
  counts: Int32Array;
}

export interface Suppression {
  /** Rule ids; empty means every rule. */
  ruleIds: string[];
  start: number;
  /** Exclusive; `Infinity` is stored as -1 for JSON. */
  end: number;
}

/** A suppression comment of a file, and what it silenced. */
export interface SuppressionComment {
  /** As written, `lint ignore no-raw-html`, `markdownlint-disable-next-line`. */
  text: string;
  start: number;
  end: number;
  /** It silenced one of the file's per-file problems. */
  used: boolean;
  /** Where it silenced a rule at a reference (a place of cross-file problems), on its own. */
  covers: Suppression[];
  /** It silences a rule whose problems come from URL checks: counted as used (URLs are checked later, or not at all). */
  external?: boolean;
}
