/**
 * Stage-independent: the file system's one way in (read.ts) and one way out (write.ts), and their error (errors.ts).
 * Every read of a file that is not a page, and every write, goes through these.
 */
export { IoError, type IoProblem } from './errors.js';
export { LIMITS, readBounded, readBoundedIfAny, readBoundedText, type ReadOptions } from './read.js';
export { AtomicFile, checkTarget, pendingTemps, removeTemporaries, writeFileAtomic, type WriteOptions } from './write.js';
