/**
 * A thread's own CPU time, for the per-file time budget: a busy machine slows a parse in wall time, never in the
 * CPU time the parse itself takes, so a budget in CPU time gives the same answer on an idle machine and on a
 * loaded one (a budget in wall time turned a 7 s page into "not linted" on a busy CI runner).
 *
 * On Linux the main thread reads a worker's `/proc/self/task/TID/stat` (utime + stime, in clock ticks: USER_HZ,
 * 100 on every architecture Node runs on), the worker having said its TID (`/proc/thread-self`). Elsewhere,
 * `worker.cpuUsage()` (Node 24.6 and later) against `process.threadCpuUsage()` in the worker (Node 23.9 and
 * later). Where neither exists, the budget falls back to wall time.
 */
import { readFileSync, readlinkSync } from 'node:fs';

/** Clock ticks a second in /proc's times (USER_HZ). */
const TICKS_PER_SECOND = 100;

/** This thread's id for /proc (a worker calls it), or -1 where there is no /proc. */
export function ownThreadId(): number {
  try {
    // `/proc/thread-self` → `PID/task/TID`.
    const tid = Number(/task\/(\d+)$/.exec(readlinkSync('/proc/thread-self'))?.[1]);
    return Number.isInteger(tid) && tid > 0 ? tid : -1;
  } catch {
    return -1;
  }
}

/** CPU milliseconds a thread of this process has used (user + system), from /proc; undefined when unknown. */
export function threadCpuMs(tid: number): number | undefined {
  if (tid <= 0) return undefined;
  try {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'latin1');
    // The command name may hold spaces and parentheses: the fields are counted from its closing one.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return Number.isFinite(utime) && Number.isFinite(stime) ? ((utime + stime) * 1000) / TICKS_PER_SECOND : undefined;
  } catch {
    return undefined;
  }
}

/** This thread's CPU milliseconds where Node can say it (`process.threadCpuUsage`, Node 23.9 and later). */
export function ownCpuMs(tid: number): number | undefined {
  const fromProc = threadCpuMs(tid);
  if (fromProc !== undefined) return fromProc;
  const usage = (process as { threadCpuUsage?: () => { user: number; system: number } }).threadCpuUsage?.();
  return usage ? (usage.user + usage.system) / 1000 : undefined;
}
