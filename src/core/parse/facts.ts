/** A file's facts alone: its links and anchors, without running any rule (for files this run does not lint). */
import { processFile, processSource, type ProcessSettings } from './process-file.js';
import type { FileFacts } from '../../types.js';

/** A file's links and anchors without running any rule (from `text` when it was read already). */
export function factsOf(root: string, path: string, maxFileSize: number, site: ProcessSettings['site'], text?: string, siteModel?: ProcessSettings['siteModel']): FileFacts | undefined {
  const settings: ProcessSettings = { root, rules: {}, mirrors: {}, maxFileSize, site, ...(siteModel ? { siteModel } : {}) };
  const o = text === undefined ? processFile(path, [], settings) : processSource(path, { text, bom: false }, [], settings);
  return o.error ? undefined : o.facts;
}
