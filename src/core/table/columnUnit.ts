/**
 * The unit of an attribute, from the naming rules of the data contracts (SI
 * units, a non-SI unit in the name, see docs/architecture.md) and the
 * attributes the converters write: `…M2`/`area` → m², `…M`/`height…` → m,
 * `…Deg` → °, `…Hours` → h, `…Min` → min. Undefined when the name says nothing
 * (GRZ, GFZ, storeys and codes have no unit).
 *
 * @example columnUnit('groundAreaM2') // 'm²'
 * @example columnUnit('maxHeightM') // 'm'
 */
export function columnUnit(key: string): string | undefined {
  const k = key.slice(key.lastIndexOf('.') + 1);
  if (/M2$|^area$|Area$/i.test(k) && !/code|id$/i.test(k)) return 'm²';
  if (/M3$/.test(k)) return 'm³';
  if (/[a-z]M$/.test(k) || /^(height|measuredHeight|storeyHeight|eaveHeight|ridgeHeight|depth|width|length)$/i.test(k)) return 'm';
  if (/Deg$/.test(k)) return '°';
  if (/Hours$|^hours$/i.test(k)) return 'h';
  if (/Min$/.test(k)) return 'min';
  return undefined;
}
