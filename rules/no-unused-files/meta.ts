import type { RuleMeta } from '../../src/core/parse/rule.js';

/** Kinds of file, by extension (lower case, without the dot). */
export const KINDS: Record<string, readonly string[]> = {
  image: ['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'avif', 'bmp', 'ico', 'tif', 'tiff', 'heic'],
  audio: ['mp3', 'ogg', 'oga', 'wav', 'flac', 'm4a', 'aac', 'opus'],
  video: ['mp4', 'webm', 'ogv', 'mov', 'm4v', 'avi', 'mkv'],
  document: ['pdf', 'doc', 'docx', 'odt', 'rtf', 'epub', 'ppt', 'pptx', 'odp', 'xls', 'xlsx', 'ods'],
  archive: ['zip', 'gz', 'tgz', 'bz2', 'xz', '7z', 'rar', 'tar'],
  data: ['txt', 'csv', 'tsv', 'xml', 'srt', 'vtt'],
};

export const meta: RuleMeta = {
  id: 'no-unused-files',
  description: 'Images and other files of the archive must be used: linked or shown by some page.',
  defaultSeverity: 'off',
  auditSeverity: 'warn',
  fixable: 'none',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      kinds: {
        type: 'array',
        items: { enum: [...Object.keys(KINDS), 'other'] },
        default: Object.keys(KINDS),
        description: "Kinds of file to report: image, audio, video, document, archive, data, and 'other' (code, styles, configuration, files of no known kind), which is left out by default.",
      },
      ignore: { type: 'array', items: { type: 'string' }, description: 'Globs (root-relative) of files never reported (used by a layout, a stylesheet, a script, or served on their own).' },
    },
  },
  messages: {
    unusedFile: 'No page links to or shows this {kind} file ({size})',
  },
  // A page no reader reaches, a file no page uses: worth knowing, never broken for a reader; a warning on every profile.
  severities: {
    unusedFile: 'warn',
  },
  kindNames: {
    unusedFile: 'unused file',
  },
};
