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
  /** Set by the caller on Ctrl-C, SIGTERM or SIGHUP (`reason`, for the exit status): the run stops between files. */
  signal?: { aborted: boolean; reason?: 'SIGINT' | 'SIGTERM' | 'SIGHUP' };
}

/** Chunks gathered into blocks of about `size` bytes: a big report is written in few writes, never held whole. */
export function* blocks(chunks: Iterable<string | Buffer>, size = 1 << 20): Generator<Buffer> {
  let held: Buffer[] = [];
  let bytes = 0;
  for (const chunk of chunks) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
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
