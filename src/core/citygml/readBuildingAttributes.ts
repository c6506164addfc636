import { child, descendants, textOf, type XmlNode } from './XmlNode';
import type { SourceBuildingAttributes } from '../model/SourceBuilding';

/** Attributes of the building, filled from its parts where the building has none. */
export function readBuildingAttributes(b: XmlNode): SourceBuildingAttributes {
  const a: SourceBuildingAttributes = { generic: {} };
  const apply = (n: XmlNode, isPart: boolean) => {
    for (const c of n.children) {
      switch (c.name) {
        case 'function':
          if (!a.function) a.function = textOf(c);
          break;
        case 'roofType':
          if (!a.roofType) a.roofType = textOf(c);
          break;
        case 'measuredHeight': {
          // v1/v2: value in the element; 3.0 draft: con:height/con:Height/con:value.
          const v = Number(c.children.length ? textOf(descendants(c, 'value')[0]) : textOf(c));
          if (Number.isFinite(v)) a.measuredHeightM = isPart ? Math.max(a.measuredHeightM ?? -Infinity, v) : v;
          break;
        }
        case 'height': {
          const h = descendants(c, 'Height')[0];
          const v = Number(textOf(h ? descendants(h, 'value')[0] : undefined));
          if (h && Number.isFinite(v) && a.measuredHeightM === undefined) a.measuredHeightM = v;
          break;
        }
        case 'storeysAboveGround': {
          const v = Number(textOf(c));
          if (Number.isFinite(v) && a.storeysAboveGround === undefined) a.storeysAboveGround = v;
          break;
        }
        case 'storeysBelowGround': {
          const v = Number(textOf(c));
          if (Number.isFinite(v) && a.storeysBelowGround === undefined) a.storeysBelowGround = v;
          break;
        }
        case 'address': {
          const s = formatAddress(c);
          if (s) a.address = a.address ? (a.address.includes(s) ? a.address : `${a.address}; ${s}`) : s;
          break;
        }
        case 'stringAttribute':
        case 'intAttribute':
        case 'doubleAttribute':
        case 'dateAttribute':
        case 'uriAttribute':
        case 'measureAttribute':
        case 'StringAttribute':
        case 'IntAttribute':
        case 'DoubleAttribute':
        case 'DateAttribute':
        case 'UriAttribute':
        case 'MeasureAttribute':
          readGeneric(c, a.generic);
          break;
        case 'genericAttribute':
          for (const g of c.children) readGeneric(g, a.generic);
          break;
        case 'consistsOfBuildingPart':
          for (const p of c.children) if (p.name === 'BuildingPart') apply(p, true);
          break;
        case 'buildingPart':
          for (const p of c.children) if (p.name === 'BuildingPart') apply(p, true);
          break;
      }
    }
  };
  apply(b, false);
  return a;
}

function readGeneric(c: XmlNode, out: Record<string, string | number>): void {
  // 1.0/2.0: <gen:stringAttribute name="x"><gen:value>…; 3.0: <gen:StringAttribute><gen:name>x</gen:name><gen:value>…
  const name = c.attrs.name ?? textOf(child(c, 'name'));
  if (!name || name in out) return;
  const raw = textOf(child(c, 'value'));
  const numeric = /^(int|double|measure)Attribute$/i.test(c.name);
  const v = numeric ? Number(raw) : raw;
  out[name] = typeof v === 'number' && !Number.isFinite(v) ? raw : v;
}

/** "Street Number, PostalCode Locality" from an xAL address (as in AdV CityGML). */
function formatAddress(addr: XmlNode): string | undefined {
  const get = (name: string) => {
    const n = descendants(addr, name)[0];
    return n ? textOf(n) : '';
  };
  const street = get('ThoroughfareName');
  const numbers = descendants(addr, 'ThoroughfareNumber').map((n) => textOf(n)).filter(Boolean).join('/');
  const postal = get('PostalCodeNumber');
  const locality = get('LocalityName');
  const line1 = [street, numbers].filter(Boolean).join(' ');
  const line2 = [postal, locality].filter(Boolean).join(' ');
  const s = [line1, line2].filter(Boolean).join(', ');
  return s || undefined;
}
