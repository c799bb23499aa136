import { createRequire as __archiveLintRequire } from 'node:module'; const require = __archiveLintRequire(import.meta.url);
import {
  ruleById,
  ruleIds,
  rules
} from "./chunk-XIZQ2NTX.js";
import "./chunk-DN74G6NL.js";
import "./chunk-CSS5HF6E.js";
import "./chunk-KLEVW7FW.js";
import "./chunk-Y3J7GJDS.js";
export {
  ruleById,
  ruleIds,
  rules
};
