export { CRS_DEFINITIONS, GEOGRAPHIC_CRS, registerCrsDefinitions, isKnownCrs } from './crsDefinitions';
export { parseCrs, parseWktCrs, type ParsedCrs } from './parseCrs';
export { makeTransform, wgs84ToUtm32, utm32ToWgs84, type Xy } from './transform';
export { LocalFrame } from './LocalFrame';
