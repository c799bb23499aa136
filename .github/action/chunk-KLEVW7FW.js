import { createRequire as __archiveLintRequire } from 'node:module'; const require = __archiveLintRequire(import.meta.url);

// src/repository.ts
var REPOSITORY_URL = "https://github.com/archive-lint/archive-lint";

export {
  REPOSITORY_URL
};
