import type { RuleMeta } from '../../src/core/rule.js';
import { STANDALONE_OPTIONS } from '../../src/core/plugin-context.js';

export const meta: RuleMeta = {
  id: 'no-missing-images',
  description: "Image sources must exist: local files, this repository's own URLs, paths left from the original site.",
  defaultSeverity: 'error',
  fixable: 'safe+unsafe',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      ...STANDALONE_OPTIONS,
    },
  },
  messages: {
    missingFile: "Image '{target}' does not exist{suggestion}",
    renamed: "Image '{target}' does not exist: this change renamed it to '{renamed}'",
    deleted: "Image '{target}' does not exist: this change deleted it",
    wrongCase: "Image '{target}' differs in letter case from the file '{actual}': it shows on macOS and Windows but is 404 on GitHub",
    outsideRoot: "Image '{url}' climbs over the archive root; GitHub resolves it to {resolved}{where}",
    outsideRootNoRepo: "Image '{url}' climbs over the archive root{where}",
    originalSitePath: "Image '{url}' is a path from the original site, not a file of this archive{where}",
    blobUrl: "Image '{url}' is a GitHub page, not an image; expected '{expected}'",
    emptySource: 'Image has an empty source',
    noExtension: "Image '{url}' has no file extension",
    malformed: "Image '{url}' is malformed ({reason}); expected '{cleaned}'",
    paddedUrl: "Image '{url}' has {side} white space, which browsers strip; expected '{cleaned}'",
    mirrorMissing: "Image '{target}' does not exist in the local mirror of {mirror}{suggestion}",
    remoteBroken: 'Image {url} answered {answer}{via}',
    remoteUnreachable: 'Image {url} cannot be loaded: {reason}{tries}',
    remoteUnchecked: 'Image {url} was not checked: {why}',
  },
};
