export { normalizeMapped, normalizeText, type NormalizeOptions, type NormalizedText } from './text.js';
export { toHalfWidth, toFullWidth } from './width.js';
export { removeFillers } from './fillers.js';
export { foldCantonese } from './dialect.js';
export { convertNumerals, parseChineseInteger, parseChineseNumber, numeralRunToDigits } from './numerals.js';
export { extractQuantities, type Quantity, type QuantityKind } from './quantities.js';
export { identity, originalSpan, type MappedText } from './mapped-text.js';
