/**
 * The guards a config may not lower where the config is not trusted. In: the validated config, where the run is
 * (CI, the Action) and the guards given by trusted hands (the command line, the Action's inputs). Out: the config
 * with the guards it may have, and a warning for each guard it set.
 *
 * The guards: `external.allowPrivateHosts`, `external.allowHosts` (which addresses the URL checker may reach) and
 * `external.archive.endpoint` / `cdxEndpoint` (where page URLs and dates are sent). A pull request's files are
 * data: in CI, or in the Action, a config file (the pull request may have changed it) cannot set them; they come
 * from `--allow-private-hosts`, `--allow-host`, `--archive-endpoint`, `--cdx-endpoint` (or the Action's inputs).
 * On a developer's machine outside CI the config is the developer's own, and its guards are honoured, with a
 * warning that CI will not honour them.
 */
import type { UserConfig } from './config.js';

/** Guards given on the command line or as the Action's inputs. */
export interface TrustedGuards {
  allowPrivateHosts?: boolean;
  allowHosts?: string[];
  archiveEndpoint?: string;
  cdxEndpoint?: string;
}

export interface Trust {
  /** In CI (`CI` set, `GITHUB_ACTIONS`) or in the Action: the config may not lower a guard. */
  untrustedConfig: boolean;
  /** Why (for the warning): `in CI`, `in the GitHub Action`. */
  where?: string;
  guards?: TrustedGuards;
}

/** The guards, as a config names them, and the option that sets each. */
const GUARDS: { key: string; option: string; get(e: Record<string, unknown>): unknown; drop(e: Record<string, unknown>): void }[] = [
  { key: 'external.allowPrivateHosts', option: '--allow-private-hosts', get: (e) => e.allowPrivateHosts, drop: (e) => delete e.allowPrivateHosts },
  { key: 'external.allowHosts', option: '--allow-host HOST', get: (e) => e.allowHosts, drop: (e) => delete e.allowHosts },
  { key: 'external.archive.endpoint', option: '--archive-endpoint URL', get: (e) => archiveOf(e)?.endpoint, drop: (e) => delete archiveOf(e)?.endpoint },
  { key: 'external.archive.cdxEndpoint', option: '--cdx-endpoint URL', get: (e) => archiveOf(e)?.cdxEndpoint, drop: (e) => delete archiveOf(e)?.cdxEndpoint },
];

function archiveOf(e: Record<string, unknown>): Record<string, unknown> | undefined {
  const a = e.archive;
  return a !== null && typeof a === 'object' ? (a as Record<string, unknown>) : undefined;
}

/** Does the value lower the guard (a default value, `false` or `[]`, lowers nothing)? */
function lowers(key: string, value: unknown): boolean {
  if (value === undefined || value === false) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (key === 'external.archive.endpoint') return value !== 'https://archive.org/wayback/available';
  if (key === 'external.archive.cdxEndpoint') return value !== 'https://web.archive.org/cdx/search/cdx' && value !== '';
  return true;
}

/** The config with only the guards it may set, the trusted ones applied, and a warning for each it set. */
export function applyTrust(config: UserConfig, file: string | undefined, trust: Trust): { config: UserConfig; warnings: string[] } {
  const warnings: string[] = [];
  const external: Record<string, unknown> = structuredClone(config.external ?? {});
  for (const g of GUARDS) {
    const value = g.get(external);
    if (!lowers(g.key, value)) continue;
    if (trust.untrustedConfig) {
      g.drop(external);
      warnings.push(`${file ?? 'the config'}: '${g.key}' ignored ${trust.where ?? 'in CI'}: a config in the archive cannot lower a guard there; give ${g.option} on the command line (or the Action's input) instead`);
    } else {
      warnings.push(`${file ?? 'the config'}: '${g.key}' lowers a guard; honoured on this machine, ignored in CI and in the Action (where it takes ${g.option})`);
    }
  }
  const given = trust.guards ?? {};
  if (given.allowPrivateHosts) external.allowPrivateHosts = true;
  if (given.allowHosts?.length) external.allowHosts = [...((external.allowHosts as string[] | undefined) ?? []), ...given.allowHosts];
  if (given.archiveEndpoint !== undefined || given.cdxEndpoint !== undefined) {
    const archive = { ...(archiveOf(external) ?? {}) };
    if (given.archiveEndpoint !== undefined) archive.endpoint = given.archiveEndpoint;
    if (given.cdxEndpoint !== undefined) archive.cdxEndpoint = given.cdxEndpoint;
    external.archive = archive;
  }
  return { config: { ...config, ...(Object.keys(external).length || config.external ? { external } : {}) }, warnings };
}

/** Is the run in CI (where the archive's config is not trusted to lower a guard)? */
export function inCi(env: Record<string, string | undefined>): string | undefined {
  if (env.GITHUB_ACTIONS === 'true') return 'in GitHub Actions';
  const ci = env.CI;
  if (ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false') return 'in CI';
  return undefined;
}
