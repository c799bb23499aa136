/**
 * Interruption, for the command line and the Action: SIGINT (Ctrl-C), SIGTERM (how GitHub Actions cancels a job,
 * and `timeout`, `docker stop`) and SIGHUP (a closed terminal) all stop the run between files, which then writes
 * a report that says it is partial and exits 128 + the signal's number (130, 143, 129). A second signal stops at
 * once, with the same guarantees: on every way out (a signal, `process.exit`, an uncaught error) the temporary
 * files being written are removed and the fix lock is released, so no half-written file and no lock is left.
 */
import { constants } from 'node:os';
import { removePendingTemps } from '../core/fix/write.js';
import { releaseHeldLocks } from '../core/fix/lock.js';

export type StopSignal = 'SIGINT' | 'SIGTERM' | 'SIGHUP';

/** What the run checks between files: set by the first signal, with its name. */
export interface Interrupt {
  aborted: boolean;
  reason?: StopSignal;
}

/** The exit status of a run a signal stopped: 128 + its number, as a shell reports it. */
export function interruptedStatus(reason: StopSignal | undefined): number {
  return 128 + (constants.signals[reason ?? 'SIGINT'] ?? 2);
}

/** Remove what a run leaves while it writes: temporary files, the fix lock. Safe to call more than once. */
export function cleanUp(): void {
  removePendingTemps();
  releaseHeldLocks();
}

/** Install the handlers on this process; returns the flag the run checks. */
export function handleInterrupts(): Interrupt {
  const signal: Interrupt = { aborted: false };
  let count = 0;
  for (const name of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(name, () => {
      signal.aborted = true;
      signal.reason ??= name;
      if (++count > 1) {
        cleanUp();
        process.exit(interruptedStatus(signal.reason));
      }
    });
  }
  process.on('exit', cleanUp);
  return signal;
}
