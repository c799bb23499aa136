import { createRequire as __archiveLintRequire } from 'node:module'; const require = __archiveLintRequire(import.meta.url);
import {
  ruleById,
  ruleIds,
  rules
} from "./chunk-R42I4MZX.js";
import "./chunk-65TIUOV4.js";
import "./chunk-CSS5HF6E.js";
import "./chunk-KLEVW7FW.js";
import "./chunk-Y3J7GJDS.js";
export {
  ruleById,
  ruleIds,
  rules
};
