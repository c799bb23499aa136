/**
 * Regular expressions written in a config, run on a linear-time engine: RE2JS (the JavaScript port of RE2, pure
 * JavaScript, no native build). A pattern from the archive's config is data: on V8's backtracking engine
 * `^http://x/(a+)+$` spins the main thread for minutes on a long URL; on RE2 every match is linear in the input.
 * What RE2 cannot run in linear time (backreferences, lookarounds) is refused with the reason.
 */
import { RE2JS } from 're2js';

/** A compiled pattern: what `external.exclude` needs of it. */
export interface LinearPattern {
  readonly source: string;
  /** Whether the pattern matches anywhere in `input` (as RegExp#test, without the `g` flag's state). */
  test(input: string): boolean;
}

/** Patterns longer than this are refused: a config needs none so long, and compiling one costs memory. */
export const MAX_PATTERN_LENGTH = 1000;

/** Compile `source` (JavaScript syntax) for RE2. Throws an Error saying why it cannot be. */
export function linearPattern(source: string, flags: { ignoreCase?: boolean } = {}): LinearPattern {
  if (source.length > MAX_PATTERN_LENGTH) throw new Error(`longer than ${MAX_PATTERN_LENGTH} characters`);
  // JavaScript's own syntax first (compiling runs nothing): its messages name the fault as users know them.
  new RegExp(source, flags.ignoreCase ? 'i' : '');
  let re: RE2JS;
  try {
    re = RE2JS.compile(RE2JS.translateRegExp(source), flags.ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
  } catch (e) {
    // Backreferences and lookarounds have no linear-time match: RE2 has neither.
    throw new Error(`not a pattern the linear-time engine (RE2) runs: ${(e as Error).message}`);
  }
  return { source, test: (input: string) => re.test(input) };
}

/** The longest glob accepted (picomatch's own limit is 65,536). */
export const MAX_GLOB_LENGTH = 1024;
/** The most wildcard runs (`*`, `**`, `?`) in one glob: picomatch's regular expression backtracks over each. */
export const MAX_GLOB_WILDCARDS = 10;

/**
 * Why a glob of the config is refused, or undefined. picomatch turns a glob into a backtracking regular expression:
 * `*a*a*a…` (20 stars) against a long name spins for minutes. Real globs (`indexes/**`, `**` then `*.md`) have a few.
 */
export function globProblem(glob: string): string | undefined {
  if (glob.length > MAX_GLOB_LENGTH) return `longer than ${MAX_GLOB_LENGTH} characters`;
  const wildcards = glob.match(/\*+|\?/g)?.length ?? 0;
  if (wildcards > MAX_GLOB_WILDCARDS) return `${wildcards} wildcards (at most ${MAX_GLOB_WILDCARDS}: matching more backtracks without bound)`;
  return undefined;
}
