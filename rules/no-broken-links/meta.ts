import type { RuleMeta } from '../../src/core/rule.js';
import { STANDALONE_OPTIONS } from '../../src/core/plugin-context.js';

export const meta: RuleMeta = {
  id: 'no-broken-links',
  description: 'Local link targets must exist: files, heading anchors, letter case, the root, schemes, paths left from the original site.',
  defaultSeverity: 'error',
  fixable: 'safe+unsafe',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      checkAnchors: { type: 'boolean', default: true, description: 'Check `#fragment`s against headings and explicit anchors.' },
      suggest: { type: 'boolean', default: true, description: "Offer the closest existing file ('did you mean')." },
      relativeSelfLinks: { type: 'boolean', default: false, description: "Report links to this repository's own github.com blob/tree URLs, with a fix to a relative link." },
      ...STANDALONE_OPTIONS,
    },
  },
  messages: {
    missingFile: "Link target '{target}' does not exist{suggestion}",
    renamed: "Link target '{target}' does not exist: this change renamed it to '{renamed}'",
    deleted: "Link target '{target}' does not exist: this change deleted it",
    missingAnchor: "Link target '{target}' has no heading or anchor '#{fragment}'{suggestion}",
    missingAnchorHere: "This file has no heading or anchor '#{fragment}'{suggestion}",
    wrongCase: "Link target '{target}' differs in letter case from the file '{actual}': it works on macOS and Windows but is 404 on GitHub",
    outsideRoot: "Link '{url}' climbs over the archive root; GitHub resolves it to {resolved}",
    outsideRootMirrored: "Link '{url}' climbs over the archive root and works only on GitHub, where it leads to '{target}' in the local mirror of {mirror}; expected '{resolved}'",
    outsideRootMirrorMissing: "Link '{url}' climbs over the archive root; GitHub resolves it to {resolved}, but '{target}' does not exist in the local mirror of {mirror}{suggestion}",
    outsideRootNoRepo: "Link '{url}' climbs over the archive root (set --repo to see where GitHub sends it)",
    noScheme: "Link '{url}' has no scheme and is read as a relative path; expected '{suggested}'",
    originalSitePath: "Link '{url}' is a path from the original site, not a file of this archive{where}",
    unmirroredPage: "Link '{url}' points at a page of the original site that was never mirrored: {absolute}",
    malformed: "Link '{url}' is malformed ({reason}); expected '{cleaned}'",
    paddedUrl: "Link '{url}' has {side} white space, which browsers strip; expected '{cleaned}'",
    selfUrl: "Link '{url}' points at this repository on github.com; expected the relative link '{relative}'",
    mirrorMissing: "Link target '{target}' does not exist in the local mirror of {mirror}{suggestion}",
    outsideSite: "Link '{url}' leaves the published {site} site (its root is {siteRoot}) and cannot be checked offline; list it in siteExternal if it exists where the site is published",
  },
};
