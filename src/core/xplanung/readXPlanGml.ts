import type { Feature, Geometry } from 'geojson';
import type { ReportBuilder } from '../model/ConversionReport';
import type { PlanningProperties } from '../model/PlanningProperties';
import type { LocalizedText } from '../model/Catalog';
import { uniqueMembers } from '../gml/uniqueMembers';
import { parseXmlTree, childNamed, childText, isGml, type XmlElement } from '../xml/parseXmlTree';
import { geometryChild, GmlGeometryError, readGmlGeometry, srsNameOf, isGmlGeometry } from '../gml/readGmlGeometry';
import { finishGeometry } from '../vector/finishGeometry';
import { CrsResolver, isCrsProblem } from '../vector/CrsResolver';
import type { NestedMessage } from '../i18n/Message';
import { problemOf } from '../model/ConversionError';
import { xmlErrorIssues } from '../gml/xmlErrorIssues';
import { chordErrorFor } from '../vector/resolveCrs';
import { landUseFromCodes, xplanLabel } from '../planning/xplanCodeLists';
import { planzvClass } from '../planning/planzvColors';
import { geometryKind, isKnownClass, themeFileName, themeOfClass, XPLAN_THEMES } from './xplanThemes';

export type PlanningFeature = Feature<Geometry, PlanningProperties>;

/** A plan (BP_Plan, SO_Plan, …) found in the file. */
export interface XPlanPlanInfo {
  id: string;
  featureClass: string;
  name?: string;
  number?: string;
  legalStatus?: LocalizedText & { code: string };
  planType?: LocalizedText & { code: string };
  dates: Record<string, string>;
}

/** A text section (BP_TextAbschnitt …) that features refer to with `refTextInhalt`. */
export interface XPlanText {
  id: string;
  featureClass: string;
  key?: string;
  text?: string;
  legalNature?: string;
  planId?: string;
}

export interface XPlanReadResult {
  /** XPlanGML version from the namespace, e.g. `5.2`. */
  version?: string;
  plans: XPlanPlanInfo[];
  /** Converted features, each with `theme` and `outputFile` set in its properties. */
  features: PlanningFeature[];
  texts: XPlanText[];
  /** Most used horizontal CRS. */
  crs?: string;
  crsFrom?: 'file' | 'option' | 'default';
}

export interface XPlanReadOptions {
  /** File name for issues. */
  file: string;
  report: ReportBuilder;
  /** `--crs`: used when the file names no CRS or an unknown one. */
  crs?: string;
  /** Maximum chord error of densified arcs in metres (default 0.1). */
  maxChordError?: number;
}

const XPLAN_NS = /^http:\/\/www\.xplanung\.de\/xplangml\/(\d+)\/(\d+)/;
const GEOMETRY_PROPS = ['position', 'raeumlicherGeltungsbereich', 'geltungsbereich'];
/** Objects that carry no geometry by design and are folded into others. */
const TEXT_CLASS = /_TextAbschnitt$/;
const NO_GEOMETRY_INFO = new Set(['XP_Rasterdarstellung', 'XP_RasterplanAenderung', 'XP_ExterneReferenz', 'XP_Gemeinde', 'XP_Plangeber', 'XP_VerfahrensMerkmal']);
/** Measures of the Maß der baulichen Nutzung; 0 counts as "not given" (the FZK toolbox writes 0 for empty fields). */
const MEASURES: [string, keyof PlanningProperties | string][] = [
  ['GRZ', 'grz'], ['GRZmax', 'grz'], ['GRZmin', 'grzMin'],
  ['GFZ', 'gfz'], ['GFZmax', 'gfz'], ['GFZmin', 'gfzMin'],
  ['GR', 'grM2'], ['GRmax', 'grM2'], ['GRmin', 'grMinM2'],
  ['GF', 'gfM2'], ['GFmax', 'gfM2'], ['GFmin', 'gfMinM2'],
  ['BMZ', 'bmz'], ['BMZmax', 'bmz'], ['BM', 'bmM3'], ['BMmax', 'bmM3'],
  ['Z', 'maxStoreys'], ['Zmax', 'maxStoreys'], ['Zzwingend', 'maxStoreys'], ['Zmin', 'minStoreys'],
  ['ZU', 'maxStoreysRoof'], ['ZUmax', 'maxStoreysRoof'], ['ZUzwingend', 'maxStoreysRoof'],
  ['MaxZahlWohnungen', 'maxDwellings'],
];
const PURPOSE_LIST: Record<string, string> = {
  BP_GruenFlaeche: 'XP_ZweckbestimmungGruen',
  BP_GemeinbedarfsFlaeche: 'XP_ZweckbestimmungGemeinbedarf',
  BP_VerkehrsflaecheBesondererZweckbestimmung: 'BP_ZweckbestimmungStrassenverkehr',
  BP_GewaesserFlaeche: 'XP_ZweckbestimmungGewaesser',
  BP_VerEntsorgung: 'XP_ZweckbestimmungVerEntsorgung',
  FP_Gruen: 'XP_ZweckbestimmungGruen',
  FP_Gemeinbedarf: 'XP_ZweckbestimmungGemeinbedarf',
  FP_Gewaesser: 'XP_ZweckbestimmungGewaesser',
  FP_VerEntsorgung: 'XP_ZweckbestimmungVerEntsorgung',
};
/** Bezugspunkte that bound a building from above: a height there is a maximum building height. */
const TOP_POINTS = new Set(['1000', '2000', '3000', '5000', '6000', '6500', '6600']);
const HEIGHT_REF: Record<string, string> = { '1000': 'NHN', '1100': 'NN', '1200': 'DHHN', '2000': 'Gelaende', '2500': 'Gehweg', '3000': 'Bezugshoehe', '3500': 'Strasse', '4000': 'EFH' };
const ABSOLUTE = new Set(['1000', '1100', '1200']);

function featureElements(root: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of root.children) {
    if (c.local === 'featureMember' || c.local === 'member') out.push(...c.children);
    else if (c.local === 'featureMembers') out.push(...c.children);
  }
  return out;
}

function href(el: XmlElement): string | undefined {
  const h = el.attrs.href;
  return h ? h.replace(/^#/, '') : undefined;
}

/** Original attributes: text, `#id` for references, nested objects for complex values; repeated names become arrays. */
function attributesOf(el: XmlElement): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of el.children) {
    if (c.local === 'boundedBy' || isGml(c) || c.children.some(isGmlGeometry)) continue;
    let v: unknown;
    if (c.attrs.href) v = c.attrs.href;
    else if (c.children.length > 0) {
      const inner = c.children.length === 1 && c.children[0].children.length > 0 ? c.children[0] : c;
      v = attributesOf(inner);
    } else {
      const t = c.text.trim();
      v = c.attrs.uom ? `${t} ${c.attrs.uom}` : t;
    }
    const prev = out[c.local];
    out[c.local] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

function num(el: XmlElement, local: string): number | undefined {
  const t = childText(el, local);
  if (t === undefined) return undefined;
  const v = Number(t.replace(',', '.'));
  return Number.isFinite(v) ? v : undefined;
}

function labelled(list: string, code: string | undefined): (LocalizedText & { code: string }) | undefined {
  if (code === undefined) return undefined;
  const l = xplanLabel(list, code);
  return { code, de: l?.de ?? code, en: l?.en ?? code };
}

interface HeightInfo {
  reference?: string;
  referenceLabel?: LocalizedText;
  point?: string;
  pointLabel?: LocalizedText;
  h?: number;
  hMin?: number;
  hMax?: number;
  hZwingend?: number;
}

function readHeights(el: XmlElement): HeightInfo[] {
  const out: HeightInfo[] = [];
  for (const prop of el.children) {
    if (prop.local !== 'hoehenangabe') continue;
    const ha = childNamed(prop, 'XP_Hoehenangabe') ?? prop;
    const ref = childText(ha, 'hoehenbezug');
    const pt = childText(ha, 'bezugspunkt');
    out.push({
      reference: ref, referenceLabel: xplanLabel('XP_ArtHoehenbezug', ref),
      point: pt, pointLabel: xplanLabel('XP_ArtHoehenbezugspunkt', pt),
      h: num(ha, 'h'), hMin: num(ha, 'hMin'), hMax: num(ha, 'hMax'), hZwingend: num(ha, 'hZwingend'),
    });
  }
  return out;
}

/**
 * Reads an XPlanGML 4.1 / 5.x / 6.0 document (Bebauungsplan, Sonstiger
 * Plan …) into planning features with normalised properties (landUse,
 * GRZ/GFZ, storeys, heights, plan id/name; originals under `attributes`).
 * Curves are densified, coordinates reprojected to WGS84 and rings wound
 * by RFC 7946. Problems go to `opts.report` with file, line, id and reason;
 * malformed or truncated XML still yields the features read before the break.
 *
 * @example readXPlanGml(await readFile('HafenCity7.gml', 'utf8'), { file: 'HafenCity7.gml', report: new ReportBuilder() }).features.length
 */
export function readXPlanGml(xml: string, opts: XPlanReadOptions): XPlanReadResult {
  const { file, report } = opts;
  const tree = parseXmlTree(xml);
  xmlErrorIssues(tree, file, report);
  const root = tree.root;
  const result: XPlanReadResult = { plans: [], features: [], texts: [] };
  if (!root) return result;
  const ns = XPLAN_NS.exec(root.uri) ?? XPLAN_NS.exec(featureElements(root)[0]?.uri ?? '');
  if (!ns) {
    report.skip({ file, line: root.line, featureClass: root.local, message: { code: 'convert.xplan.notXPlan', params: { uri: root.uri } } });
    return result;
  }
  result.version = `${ns[1]}.${ns[2]}`;
  const members = uniqueMembers(featureElements(root), { file, report });

  // Plans, Bereiche and the links between them and their contents.
  const planOfBereich = new Map<string, string>();
  const bereichOfFeature = new Map<string, string>();
  for (const m of members) {
    if (/_Plan$/.test(m.local)) {
      result.plans.push(readPlanInfo(m));
      for (const c of m.children) if (c.local === 'bereich' && href(c)) planOfBereich.set(href(c)!, m.attrs.id);
    }
  }
  for (const m of members) {
    if (!/_Bereich$/.test(m.local)) continue;
    const plan = m.children.find((c) => c.local === 'gehoertZuPlan');
    if (plan && href(plan)) planOfBereich.set(m.attrs.id, href(plan)!);
    for (const c of m.children) {
      const h = href(c);
      if (h && c.local !== 'gehoertZuPlan' && c.local !== 'rasterBasis') bereichOfFeature.set(h, m.attrs.id);
    }
  }
  const planById = new Map(result.plans.map((p) => [p.id, p]));
  const planFor = (el: XmlElement): XPlanPlanInfo | undefined => {
    if (planById.has(el.attrs.id)) return planById.get(el.attrs.id);
    const link = el.children.find((c) => /^gehoert(Nachrichtlich)?Zu(BP_|SO_|FP_|LP_|RP_)?Bereich$/.test(c.local));
    const bereich = (link && href(link)) ?? bereichOfFeature.get(el.attrs.id) ?? (/_Bereich$/.test(el.local) ? el.attrs.id : undefined);
    const plan = bereich ? planById.get(planOfBereich.get(bereich) ?? '') : undefined;
    return plan ?? (result.plans.length === 1 ? result.plans[0] : undefined);
  };

  // Texts first, so that features can name (and carry) the texts they refer to.
  const textById = new Map<string, XPlanText>();
  for (const m of members) {
    if (!TEXT_CLASS.test(m.local) || !m.complete) continue;
    const t: XPlanText = { id: m.attrs.id, featureClass: m.local, key: childText(m, 'schluessel'), text: childText(m, 'text'), legalNature: xplanLabel('XP_Rechtscharakter', childText(m, 'rechtscharakter'))?.de, planId: planFor(m)?.id };
    result.texts.push(t);
    textById.set(t.id, t);
  }

  const crs = new CrsResolver(opts.crs);
  for (const m of members) {
    const cls = m.local;
    const id = m.attrs.id ?? `${cls}@${m.line}`;
    const base = { file, line: m.line, featureId: id, featureClass: cls };
    if (!m.complete) {
      report.skip({ ...base, message: { code: 'convert.gml.notClosed' } });
      continue;
    }
    if (TEXT_CLASS.test(cls)) {
      report.count(cls);
      continue;
    }
    if (!XPLAN_NS.test(m.uri)) {
      report.skip({ ...base, message: { code: 'convert.xplan.notXPlanObject', params: { uri: m.uri } } });
      continue;
    }
    const geomProp = m.children.find((c) => GEOMETRY_PROPS.includes(c.local) && geometryChild(c)) ?? m.children.find((c) => geometryChild(c));
    const geomEl = geomProp && geometryChild(geomProp);
    if (!geomEl) {
      if (/_Bereich$/.test(cls) || NO_GEOMETRY_INFO.has(cls)) {
        // Not an error: these objects have optional or no geometry; their information is used elsewhere.
        report.warn({ ...base, message: { code: /_Bereich$/.test(cls) ? 'convert.xplan.bereichNoGeometry' : 'convert.xplan.objectNoGeometry' } });
        report.skippedCounts[cls] = (report.skippedCounts[cls] ?? 0) + 1;
      } else {
        report.skip({ ...base, message: { code: 'convert.noGeometry' } });
      }
      continue;
    }
    const r = crs.resolve(srsNameOf(geomEl));
    if (isCrsProblem(r)) {
      report.skip({ ...base, message: r });
      continue;
    }
    const notes: NestedMessage[] = [];
    let native: Geometry;
    try {
      native = readGmlGeometry(geomEl, { maxChordError: chordErrorFor(r.crs.code, opts.maxChordError), notes });
    } catch (e) {
      report.skip({ ...base, line: e instanceof GmlGeometryError ? e.line : m.line, message: problemOf(e) });
      continue;
    }
    if (r.from === 'option') result.crsFrom = 'option';
    const fin = finishGeometry(native, { toWgs84: r.toWgs84, snapTolerance: chordErrorFor(r.crs.code, 0.02) });
    for (const w of [...notes, ...fin.warnings]) report.warn({ ...base, message: w });
    if (!fin.geometry) {
      report.skip({ ...base, message: fin.error ?? { code: 'convert.geom.invalid' } });
      continue;
    }
    const plan = planFor(m);
    const props = buildProperties(m, plan, textById, report, base);
    const theme = themeOfClass(cls);
    if (!isKnownClass(cls)) report.warn({ ...base, message: { code: 'convert.xplan.genericClass', params: { cls, theme } } });
    props.theme = theme;
    props.outputFile = themeFileName(theme, geometryKind(fin.geometry.type));
    result.features.push({ type: 'Feature', id, geometry: fin.geometry, properties: props });
    report.count(cls);
  }
  result.crs = crs.mostUsed();
  result.crsFrom ??= 'file';
  return result;
}

function readPlanInfo(m: XmlElement): XPlanPlanInfo {
  const dates: Record<string, string> = {};
  for (const c of m.children) if (/Datum$/.test(c.local) && c.text.trim()) dates[c.local] = c.text.trim();
  return {
    id: m.attrs.id,
    featureClass: m.local,
    name: childText(m, 'name'),
    number: childText(m, 'nummer'),
    legalStatus: labelled('BP_Rechtsstand', childText(m, 'rechtsstand')),
    planType: m.local === 'BP_Plan' ? labelled('BP_PlanArt', childText(m, 'planArt')) : childText(m, 'planArt') ? { code: childText(m, 'planArt')!, de: childText(m, 'planArt')!, en: childText(m, 'planArt')! } : undefined,
    dates,
  };
}

function buildProperties(m: XmlElement, plan: XPlanPlanInfo | undefined, textById: Map<string, XPlanText>, report: ReportBuilder, base: { file: string; line: number; featureId: string; featureClass: string }): PlanningProperties {
  const cls = m.local;
  const p: PlanningProperties = { id: base.featureId, featureClass: cls };
  if (plan) {
    p.planId = plan.id;
    p.planName = plan.name;
    if (plan.number) p.planNumber = plan.number;
    // The plan line of a feature card (legal status, dates) without a second file to fetch.
    if (plan.legalStatus) p.planLegalStatus = plan.legalStatus.code;
    if (plan.planType) p.planTypeCode = plan.planType.code;
    if (Object.keys(plan.dates).length > 0) p.planDates = plan.dates;
  }
  const name = childText(m, 'name');
  if (name) p.name = name;
  const text = childText(m, 'text');
  if (text) p.text = text;
  for (const k of ['gliederung1', 'gliederung2', 'ebene', 'nummer']) {
    const v = childText(m, k);
    if (v !== undefined) p[k === 'ebene' ? 'level' : k] = k === 'ebene' ? Number(v) : v;
  }
  const rc = labelled('XP_Rechtscharakter', childText(m, 'rechtscharakter'));
  if (rc) p.legalNature = rc;
  const rs = childText(m, 'rechtsstand');
  if (rs && !/_Plan$/.test(cls)) p.legalStatus = labelled('XP_Rechtsstand', rs);

  if (/_Plan$/.test(cls) && plan) {
    if (plan.legalStatus) p.legalStatus = plan.legalStatus;
    if (plan.planType) p.planType = plan.planType;
    Object.assign(p, plan.dates);
    const g = childNamed(m, 'gemeinde');
    const gem = g && (childNamed(g, 'XP_Gemeinde') ?? g);
    if (gem) p.municipality = [childText(gem, 'gemeindeName'), childText(gem, 'ortsteilName')].filter(Boolean).join(', ');
  }

  // Art der baulichen Nutzung.
  const lu = landUseFromCodes(childText(m, 'besondereArtDerBaulNutzung'), childText(m, 'allgArtDerBaulNutzung'));
  if (lu) {
    p.landUse = lu.key;
    p.landUseCode = lu.code;
    p.landUseLabel = xplanLabel(lu.list, lu.code) ?? planzvClass(lu.key).label;
  } else {
    const themeLu = XPLAN_THEMES[themeOfClass(cls)]?.landUse;
    const key = /_LandwirtschaftsFlaeche$/.test(cls) ? 'LANDWIRTSCHAFT' : themeLu;
    if (key && !/Linie$/.test(cls)) {
      p.landUse = key;
      p.landUseLabel = planzvClass(key).label;
    } else if (cls === 'BP_BaugebietsTeilFlaeche' || cls === 'FP_BebauungsFlaeche') {
      report.warn({ ...base, message: { code: 'convert.xplan.noLandUse' } });
    }
  }

  // Maß der baulichen Nutzung.
  for (const [tag, key] of MEASURES) {
    if (p[key] !== undefined) continue;
    const v = num(m, tag);
    if (v !== undefined && v > 0) p[key] = v;
  }
  const fixed = num(m, 'Zzwingend');
  if (fixed !== undefined && fixed > 0) {
    p.storeysFixed = fixed;
    p.minStoreys ??= fixed;
  }
  const bw = childText(m, 'bauweise');
  if (bw) {
    p.bauweise = { '1000': 'offen', '2000': 'geschlossen', '3000': 'abweichend' }[bw] ?? bw;
    p.bauweiseLabel = xplanLabel('BP_Bauweise', bw);
  }
  const ba = childText(m, 'bebauungsArt');
  if (ba) p.bebauungsArt = labelled('BP_BebauungsArt', ba);

  // Heights.
  const heights = readHeights(m);
  if (heights.length > 0) {
    p.heights = heights;
    for (const h of heights) {
      const top = h.hMax ?? h.hZwingend ?? h.h;
      const isTop = h.point ? TOP_POINTS.has(h.point) : cls !== 'BP_HoehenMass' || !ABSOLUTE.has(h.reference ?? '');
      if (top === undefined || top <= 0) continue;
      const ref = h.reference ? HEIGHT_REF[h.reference] ?? h.reference : undefined;
      if (isTop && p.maxHeightM === undefined) {
        p.maxHeightM = top;
        if (ref) p.heightReference = ref;
        if (h.point) p.heightPoint = h.pointLabel?.de ?? h.point;
        if (h.reference && ABSOLUTE.has(h.reference)) p.maxHeightNhnM = top;
        if (h.hMin !== undefined && h.hMin > 0) p.minHeightM = h.hMin;
      } else if (!isTop && cls === 'BP_HoehenMass') {
        // A spot height of ground or street (the plan's text says which), not a building limit.
        p.elevationM = top;
        if (ref) p.heightReference = ref;
      }
    }
  }

  // Zweckbestimmung, Nutzungsform, Anpflanzung.
  const purposeList = PURPOSE_LIST[cls];
  const purposes: (LocalizedText & { code: string })[] = [];
  for (const c of m.children) {
    if (c.local !== 'zweckbestimmung' && c.local !== 'besondereZweckbestimmung') continue;
    const code = c.children.length > 0 ? (childText(c.children[0], 'allgemein') ?? childText(c.children[0], 'besondere')) : c.text.trim();
    if (!code) continue;
    const l = purposeList ? labelled(purposeList, code) : undefined;
    purposes.push(l ?? { code, de: code, en: code });
  }
  if (purposes.length > 0) p.purpose = purposes;
  const nf = childText(m, 'nutzungsform');
  if (nf) p.ownership = labelled('XP_Nutzungsform', nf);
  const massnahme = childText(m, 'massnahme');
  if (massnahme && cls === 'BP_AnpflanzungBindungErhaltung') p.measure = labelled('XP_ABEMassnahmenTypen', massnahme);
  const gegenstand = m.children.filter((c) => c.local === 'gegenstand').map((c) => labelled('XP_AnpflanzungBindungErhaltungsGegenstand', c.text.trim()));
  if (gegenstand.length > 0) p.subject = gegenstand;
  // Presentation objects: what they label, and the label text.
  const schrift = childText(m, 'schriftinhalt');
  if (schrift) p.label = schrift;
  const art = m.children.filter((c) => c.local === 'art').map((c) => c.text.trim());
  if (art.length > 0 && /^XP_/.test(cls)) p.presents = art;
  const rot = num(m, 'drehwinkel');
  if (rot !== undefined && /^XP_/.test(cls)) p.rotationDeg = rot;

  // Textual rules the feature refers to, carried with it (number and text), so a card shows them for converted and dropped plans alike.
  const refs = m.children.filter((c) => c.local === 'refTextInhalt').map((c) => href(c) ?? '');
  const textKeys = refs.map((r) => textById.get(r)?.key ?? r);
  if (textKeys.length > 0) p.textKeys = textKeys;
  const texts = refs.map((r) => textById.get(r)).filter((t): t is XPlanText => t?.text !== undefined).map((t) => ({ ...(t.key ? { key: t.key } : {}), text: t.text! }));
  if (texts.length > 0) p.texts = texts;
  p.attributes = attributesOf(m);
  return p;
}
