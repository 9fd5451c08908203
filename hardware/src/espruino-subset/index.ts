export { ESPRUINO_SUPPORTED, ESPRUINO_TSCONFIG, ESPRUINO_UNSUPPORTED_SYNTAX } from './syntax-flags.js';
export { ESPRUINO_MISSING_GLOBALS, ESPRUINO_MISSING_MEMBERS, STRIP_TO_ESPRUINO } from './missing-apis.js';
export { astProblems, checkEspruinoSubset, esbuildProblems } from './gate.js';
export type { GateOptions, SubsetProblem } from './gate.js';
export { espruinoLikeContext, loadInEspruinoLikeContext } from './vm-context.js';
