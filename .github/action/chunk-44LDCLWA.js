import { createRequire as __archiveLintRequire } from 'node:module'; const require = __archiveLintRequire(import.meta.url);

// src/core/external/status.ts
var URL_STATUSES = ["ok", "redirected", "broken", "timeout", "unreachable", "rate-limited", "blocked", "bot-wall", "excluded", "cached", "unchecked"];

export {
  URL_STATUSES
};
