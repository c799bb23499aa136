/**
 * no-dead-urls: registered with its metadata so that config, `rules` and SARIF know it.
 * Its checks arrive with the issue that gives the rule its full depth; until then it reports nothing.
 */
import { lintRule } from 'unified-lint-rule';
import type { Root } from 'mdast';
import { meta } from './meta.js';
import { docsUrl } from '../../src/core/rule.js';

export { meta };

export const plugin = lintRule<Root, unknown>({ origin: `archive-lint:${meta.id}`, url: docsUrl(meta.id) }, () => {});

export default plugin;
