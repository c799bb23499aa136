/** What the command line writes to and is given: shared by main.ts and the modules it calls (progress, merge). */

export interface Output {
  write(chunk: string | Uint8Array): unknown;
  isTTY?: boolean;
  once?(event: 'drain', listener: () => void): unknown;
}

export interface MainIO {
  argv: string[];
  cwd: string;
  stdout: Output;
  stderr: Output;
  env?: Record<string, string | undefined>;
  /** Set by the caller on Ctrl-C: the run stops between files. */
  signal?: { aborted: boolean };
}
