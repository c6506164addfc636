import { functionLabel } from '../i18n/buildingCodeLabels';
import type { Lang } from '../i18n/Lang';
import type { Message } from '../i18n/Message';
import type { CatalogLayer, LocalizedText } from '../model/Catalog';
import { totalHeightM, type ProposedBuilding } from '../model/Scenario';

/** A short plain-language card about a tapped building or plan area (the kiosk's, not the planner's attribute table). */
export interface KioskCard {
  /** Heading: the thing's own name where it has one (an address, "Mühlenpark"), else what it is. */
  title: string;
  /** One to three short sentences, as message codes the screen translates. */
  lines: Message[];
}

type Props = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const text = (v: unknown, lang: Lang): string | undefined => {
  if (typeof v === 'string') return str(v);
  const t = v as Partial<LocalizedText> | undefined;
  return str(t?.[lang]) ?? str(t?.de);
};
const firstPurpose = (v: unknown, lang: Lang): string | undefined => (Array.isArray(v) ? text(v[0], lang) : undefined);

/**
 * The kiosk card of a picked feature: a few plain sentences a citizen
 * understands ("Here up to 6 storeys may be built, at most 22 m high.")
 * instead of codes and attribute names, chosen by the layer's role.
 * Values that are missing or not numbers leave their sentence out; an
 * unknown kind of feature gets its layer title and one neutral sentence.
 * Numbers are rounded the way one would say them (whole metres, GRZ as a
 * percentage).
 *
 * @example kioskCard(zoningLayer, { landUseLabel: { de: 'Urbanes Gebiet', en: 'Urban area' }, maxStoreys: 6, maxHeightM: 22, grz: 0.6 }, 'de')
 * // { title: 'Urbanes Gebiet', lines: [{ code: 'kiosk.card.zoneStoreysHeight', params: { storeys: 6, height: 22 } }, …] }
 */
export function kioskCard(layer: Pick<CatalogLayer, 'role' | 'title'>, props: Props | undefined, lang: Lang): KioskCard {
  const p = props ?? {};
  const layerTitle = text(layer.title, lang) ?? '';
  const lines: Message[] = [];
  const push = (code: Message['code'], params: Record<string, string | number | undefined>) => {
    if (Object.values(params).some((v) => v === undefined)) return;
    lines.push({ code, params: params as Record<string, string | number> });
  };
  switch (layer.role) {
    case 'buildings':
    case 'buildingFootprints': {
      const height = num(p.heightM) ?? num(p.measuredHeightM);
      // The use in the screen's language (the label stored in the tiles is German).
      const use = functionLabel(str(p.function), lang) ?? str(p.functionLabel);
      push('kiosk.card.buildingUse', { use });
      if (num(p.storeysAboveGround) !== undefined) push('kiosk.card.buildingStoreysHeight', { storeys: num(p.storeysAboveGround), count: num(p.storeysAboveGround), height: height && Math.round(height) });
      else push('kiosk.card.buildingHeight', { height: height && Math.round(height) });
      return { title: str(p.address)?.replace(/, [^,]+$/, '') ?? use ?? layerTitle, lines };
    }
    case 'zoning':
    case 'other':
    case 'buildableArea': {
      push('kiosk.card.zonePurpose', { purpose: firstPurpose(p.purpose, lang) });
      const storeys = num(p.maxStoreys), height = num(p.maxHeightM);
      if (storeys !== undefined && height !== undefined) push('kiosk.card.zoneStoreysHeight', { storeys, height: Math.round(height) });
      else if (storeys !== undefined) push('kiosk.card.zoneStoreys', { storeys });
      else if (height !== undefined) push('kiosk.card.zoneHeight', { height: Math.round(height) });
      const grz = num(p.grz);
      if (grz !== undefined) push('kiosk.card.zoneCoverage', { percent: Math.round(grz * 100) });
      if (!lines.length) lines.push({ code: 'kiosk.card.noDetails' });
      return { title: text(p.landUseLabel, lang) ?? str(p.gliederung1) ?? layerTitle, lines };
    }
    case 'green':
      push('kiosk.card.greenStays', { purpose: firstPurpose(p.purpose, lang) ?? text(p.landUseLabel, lang) });
      if (text(p.ownership, lang)) push('kiosk.card.greenOwner', { owner: text(p.ownership, lang) });
      return { title: str(p.text) ?? text(p.landUseLabel, lang) ?? layerTitle, lines };
    case 'plan':
      push('kiosk.card.planStatus', { status: text(p.legalStatus, lang) });
      lines.push({ code: 'kiosk.card.planExplain' });
      return { title: str(p.planName) ?? str(p.name) ?? layerTitle, lines };
    case 'playgrounds':
      push('kiosk.card.playground', { ages: str(p.altersgruppe) });
      push('kiosk.card.area', { area: num(p.flaecheM2) && Math.round(num(p.flaecheM2)!) });
      return { title: str(p.name) ?? layerTitle, lines };
    case 'trees': {
      const h = num(p.hoeheM);
      push('kiosk.card.treeHeight', { height: h && Math.round(h) });
      push('kiosk.card.treePlanted', { year: num(p.pflanzjahr) });
      return { title: str(p.gattungArtDeutsch) ?? layerTitle, lines };
    }
    default:
      lines.push({ code: 'kiosk.card.noDetails' });
      return { title: layerTitle, lines };
  }
}

/**
 * The card of a building a draft proposes (a scenario variant's building):
 * that it is planned, its use, storeys and height.
 *
 * @example kioskProposedCard({ name: 'Hofhaus', storeys: 3, storeyHeightM: 3, roof: { type: 'flat', roofHeightM: 0, ridgeAzimuthDeg: 0 }, use: 'housing' })
 * // { title: 'Hofhaus', lines: [{ code: 'kiosk.card.proposed', params: { storeys: 3, height: 9 } }, { code: 'kiosk.card.proposedUse.housing' }] }
 */
export function kioskProposedCard(b: Pick<ProposedBuilding, 'name' | 'storeys' | 'storeyHeightM' | 'roof' | 'use'>): KioskCard {
  return {
    title: b.name,
    lines: [{ code: 'kiosk.card.proposed', params: { storeys: b.storeys, height: Math.round(totalHeightM(b)) } }, { code: `kiosk.card.proposedUse.${b.use}` }],
  };
}
