/**
 * no-missing-images on remote images, with external checks on: what the URL checker found (the same checker and
 * the same single request per URL as no-dead-urls). Broken, unreachable and timed-out images are errors; images
 * that could not be checked (rate-limited, refused as private, behind a bot wall) are warnings; a redirect that
 * ends on the image is fine: it shows.
 */
import { meta } from './meta.js';
import { problem } from '../../src/core/parse/rule.js';
import { checkData, findingOf } from '../../src/core/external/describe.js';
import type { ExternalHook } from '../../src/core/external/phase.js';

export const externalCheck: ExternalHook = {
  wants: (ref) => ref.type === 'image',
  report(ref, check) {
    const finding = findingOf(check);
    if (!finding || finding === 'redirected') return undefined;
    const data = { ...checkData(check), url: ref.url.trim() };
    const at = (id: string, extra: Record<string, string> = {}) => problem(meta, id, { ...data, ...extra }, ref.start, ref.end);
    switch (finding) {
      case 'broken':
        return at('remoteBroken');
      case 'rate-limited':
        return at('remoteUnchecked', { why: `${data.host} rate-limits it (still ${data.answer} after ${data.retries})` });
      case 'blocked':
        return at('remoteUnchecked', { why: `${data.host} resolves to ${data.address}, a ${data.kind} address (list the host in external.allowHosts to check it)` });
      case 'bot-wall':
        return at('remoteUnchecked', { why: `${data.host} answered ${data.answer}, as it answers robots` });
      default:
        return at('remoteUnreachable', { reason: finding === 'redirect-loop' ? `redirect loop: ${data.loop}` : data.reason });
    }
  },
};
