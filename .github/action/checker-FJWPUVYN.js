import { createRequire as __archiveLintRequire } from 'node:module'; const require = __archiveLintRequire(import.meta.url);
import {
  UrlChecker,
  realClock,
  retryAfterMs
} from "./chunk-5INIXCBK.js";
import "./chunk-44LDCLWA.js";
import "./chunk-KLEVW7FW.js";
import "./chunk-Y3J7GJDS.js";
export {
  UrlChecker,
  realClock,
  retryAfterMs
};
