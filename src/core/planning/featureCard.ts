import type { i18n as I18n } from 'i18next';
import type { Lang } from '../i18n/Lang';
import { LANGS } from '../i18n/Lang';
import type { LocalizedText } from '../model/Catalog';
import { planzvClass } from './planzvColors';
import { xplanLabel } from './xplanCodeLists';
import { functionLabel, roofTypeLabel } from '../i18n/buildingCodeLabels';

/** One line of a card: a label and its value, both as the reader sees them. */
export interface CardRow {
  label: string;
  value: string;
}

/** A titled block of rows (the Festsetzungen of one kind, or a building's figures). */
export interface CardGroup {
  title: string;
  rows: CardRow[];
}

/** A textual rule of the plan (XP_TextAbschnitt): its number in the plan, e.g. `§2Nr.4`, and its text. */
export interface CardText {
  key?: string;
  text: string;
}

/**
 * A feature card, every string in the card's language: a heading as the plan
 * writes it ("WA 1 – Allgemeines Wohngebiet"), the Festsetzungen in the usual
 * order, the textual rules that apply, the plan it belongs to, and every
 * remaining attribute as one readable row.
 */
export interface FeatureCard {
  heading: string;
  /** Object class and legal nature, e.g. "Baugebietsteilfläche · Festsetzung", or the layer. */
  subheading?: string;
  /** PlanZV colour of the land use, for a swatch. */
  color?: string;
  groups: CardGroup[];
  texts: CardText[];
  /** The plan as one line: kind, number and name, legal status, the decisive date. */
  plan?: string;
  /** Id of the plan object (its Geltungsbereich), to select it from the plan line. */
  planId?: string;
  /** Every attribute not shown above, one readable row each (never JSON). */
  all: CardRow[];
}

export interface FeatureCardOptions {
  /** Title of the layer the feature comes from, in the card's language. */
  layerTitle?: string;
  /**
   * Readable class of a code the core cannot know (ALKIS building function,
   * roof shape: the UI passes the building style classes).
   */
  describeCode?: (key: string, value: string) => string | undefined;
}

type Props = Record<string, unknown>;

/** Keys the card shows above the attribute list or that are internal bookkeeping of the converter. */
const SHOWN_OR_INTERNAL = new Set([
  'featureClass', 'theme', 'outputFile', 'planId', 'planName', 'planNumber', 'planLegalStatus', 'planTypeCode', 'planDates',
  'textKeys', 'texts', 'heights', 'landUse', 'landUseCode', 'landUseLabel', 'heightPoint', 'heightReference', 'maxHeightM',
  'maxHeightNhnM', 'minHeightM', 'grz', 'gfz', 'grM2', 'gfM2', 'bmz', 'bmM3', 'minStoreys', 'maxStoreys', 'storeysFixed',
  'maxDwellings', 'bauweise', 'bauweiseLabel', 'bebauungsArt', 'purpose', 'ownership', 'gliederung1', 'legalNature', 'name',
  'text', 'measure', 'subject', 'attributes', 'functionLabel', 'roofTypeLabel', 'roofs',
]);

/**
 * Original XPlanung attributes that the converter turned into the normalised
 * values shown in the card (GRZ ↔ grz …) or that link objects by GML id
 * (Bereich, Präsentationsobjekte, texts): left out of "all attributes" so no
 * value appears twice and no GML id stands in for a name.
 */
const ORIGINALS_SHOWN = new Set([
  'GRZ', 'GRZmax', 'GRZmin', 'GFZ', 'GFZmax', 'GFZmin', 'GR', 'GRmax', 'GRmin', 'GF', 'GFmax', 'GFmin', 'BMZ', 'BMZmax', 'BM', 'BMmax',
  'Z', 'Zmax', 'Zmin', 'Zzwingend', 'ZU', 'ZUmax', 'ZUzwingend', 'MaxZahlWohnungen', 'allgArtDerBaulNutzung', 'besondereArtDerBaulNutzung',
  'bauweise', 'bebauungsArt', 'hoehenangabe', 'rechtscharakter', 'gliederung1', 'name', 'text', 'zweckbestimmung', 'besondereZweckbestimmung',
  'nutzungsform', 'massnahme', 'gegenstand', 'refTextInhalt', 'gehoertZuBereich', 'gehoertZuPlan', 'wirdDargestelltDurch', 'planinhalt',
  'bereich', 'texte', 'dientZurDarstellungVon', 'rasterBasis', 'refBegruendungInhalt', 'begruendungsTexte', 'rechtsstand', 'planArt',
  'gemeinde', 'raeumlicherGeltungsbereich', 'geltungsbereich', 'schriftinhalt', 'art', 'drehwinkel', 'ebene', 'nummer',
]);

/** Code lists of original attributes by name, so a code left in "all attributes" reads as its label. */
const CODE_LIST_OF: Record<string, string> = {
  rechtsstand: 'XP_Rechtsstand', planArt: 'BP_PlanArt', hoehenbezug: 'XP_ArtHoehenbezug', bezugspunkt: 'XP_ArtHoehenbezugspunkt',
  planLegalStatus: 'BP_Rechtsstand', planTypeCode: 'BP_PlanArt', verfahren: 'BP_Verfahren',
};

/** Dates of a plan, most decisive first: the card names the first one the plan has. */
const PLAN_DATES = ['inkrafttretensDatum', 'rechtsverordnungsDatum', 'satzungsbeschlussDatum', 'veraenderungssperreDatum', 'auslegungsEndDatum', 'auslegungsStartDatum', 'traegerbeteiligungsStartDatum', 'aufstellungsbeschlussDatum'];

/** Land-use keys that are Baugebiete or Bauflächen: their key is the plan's own abbreviation (WA, MI, W …). */
const ZONE_KEYS = new Set(['WS', 'WR', 'WA', 'WB', 'MD', 'MDW', 'MI', 'MU', 'MK', 'GE', 'GI', 'SO', 'W', 'M', 'G', 'S']);

const ROMAN: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];

/**
 * Roman numeral of a whole number, as plans write the number of Vollgeschosse.
 *
 * @example roman(4) // 'IV'
 */
export function roman(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n >= 4000) return String(n);
  let out = '';
  for (const [v, s] of ROMAN)
    while (n >= v) {
      out += s;
      n -= v;
    }
  return out;
}

const isObject = (v: unknown): v is Props => typeof v === 'object' && v !== null && !Array.isArray(v);
const isLocalized = (v: unknown): v is LocalizedText => isObject(v) && typeof v.de === 'string' && typeof v.en === 'string';
const isGmlRef = (v: unknown) => typeof v === 'string' && /^#?GML_[\w-]+$/i.test(v.trim());
const NUMERIC = /^[+-]?\d+(\.\d+)?$/;
const NUMERIC_WITH_UNIT = /^([+-]?\d+(?:\.\d+)?) (\S{1,8})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The card of a picked feature: a plan object (XPlanung-converted
 * properties), a building of the city model, or any other feature. Pure:
 * everything is read from `props`, texts come from `i18n` (its language
 * decides labels, number and date formats).
 *
 * @example featureCard(wa1.properties, createI18n('de')).heading // 'WA 1 – Allgemeines Wohngebiet'
 */
export function featureCard(props: Props, i18n: I18n, opts: FeatureCardOptions = {}): FeatureCard {
  return new CardWriter(props, i18n, opts).card();
}

class CardWriter {
  private readonly lang: Lang;
  private readonly locale: string;

  constructor(
    private readonly p: Props,
    private readonly i18n: I18n,
    private readonly opts: FeatureCardOptions,
  ) {
    this.lang = (LANGS as readonly string[]).includes(i18n.language) ? (i18n.language as Lang) : 'de';
    this.locale = i18n.language;
  }

  /** Translates a key built at run time (typed keys are checked in the resources test). */
  private t(key: string, params: Record<string, unknown> = {}): string {
    return (this.i18n.t as unknown as (k: string, o: object) => string)(key, params);
  }

  private has(key: string): boolean {
    return this.i18n.exists(key);
  }

  private num(v: number, maxDigits = 2): string {
    return this.i18n.services.formatter!.format(v, 'number', this.locale, { maximumFractionDigits: maxDigits });
  }

  private date(iso: string): string {
    const m = ISO_DATE.exec(iso);
    if (!m) return iso;
    const d = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    return this.i18n.services.formatter!.format(d, 'datetime', this.locale, { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' });
  }

  private text(v: unknown): string | undefined {
    if (isLocalized(v)) return v[this.lang] ?? v.de;
    if (typeof v === 'string' && v.trim()) return v.trim();
    return undefined;
  }

  private code(list: string, code: unknown, fallback?: unknown): string | undefined {
    const c = typeof code === 'string' || typeof code === 'number' ? String(code) : isObject(code) && code.code !== undefined ? String(code.code) : undefined;
    const l = xplanLabel(list, c);
    return l ? l[this.lang] : (this.text(fallback) ?? this.text(code) ?? c);
  }

  private numberProp(key: string): number | undefined {
    const v = this.p[key];
    return typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && NUMERIC.test(v) ? Number(v) : undefined;
  }

  card(): FeatureCard {
    const cls = typeof this.p.featureClass === 'string' ? this.p.featureClass : undefined;
    if (cls && /^(BP|FP|SO|LP|RP|XP)_/.test(cls)) return this.planCard(cls);
    if (this.p.function !== undefined || this.p.roofType !== undefined || this.p.storeysAboveGround !== undefined || this.p.heightM !== undefined) return this.buildingCard();
    return this.genericCard();
  }

  // ---- plan objects -------------------------------------------------------

  private classLabel(cls: string): string {
    const key = `xplan.class.${cls}`;
    return this.has(key) ? this.t(key) : cls.replace(/^[A-Z]{2}_/, '').replace(/([a-zäöü])([A-Z])/g, '$1 $2');
  }

  private planCard(cls: string): FeatureCard {
    const p = this.p;
    const isPlan = /_Plan$/.test(cls);
    const landUse = typeof p.landUse === 'string' ? p.landUse : undefined;
    const useLabel = this.landUseText();
    const purposes = Array.isArray(p.purpose) ? p.purpose.map((x) => this.text(x)).filter((x): x is string => !!x) : [];
    const label = this.text(p.gliederung1) ?? (landUse && ZONE_KEYS.has(landUse) && useLabel ? landUse : undefined);
    const name = this.text(p.name) ?? this.text(p.text);
    let heading: string;
    if (isPlan) heading = [this.planKind(), this.text(p.name) ?? this.text(p.nummer)].filter(Boolean).join(' ');
    else if (label && useLabel) heading = `${label} – ${useLabel}`;
    else heading = name ?? useLabel ?? purposes[0] ?? label ?? this.classLabel(cls);
    const legal = p.legalNature !== undefined ? this.code('XP_Rechtscharakter', p.legalNature) : undefined;
    const subheading = [this.classLabel(cls), legal].filter(Boolean).join(' · ');

    const use: CardRow[] = [];
    if (useLabel && !isPlan) use.push({ label: this.t('card.landUse'), value: useLabel });
    if (purposes.length > 0) use.push({ label: this.t('card.purpose'), value: purposes.join(', ') });
    const ownership = this.text(p.ownership);
    if (ownership) use.push({ label: this.t('card.ownership'), value: ownership });
    const measure = this.text(p.measure);
    if (measure) use.push({ label: this.t('card.measure'), value: measure });
    const subject = Array.isArray(p.subject) ? p.subject.map((x) => this.text(x)).filter(Boolean).join(', ') : '';
    if (subject) use.push({ label: this.t('card.subject'), value: subject });
    if (name && !isPlan && heading !== name) use.push({ label: this.t('card.name'), value: name });

    const groups: CardGroup[] = [];
    if (use.length > 0) groups.push({ title: this.t('card.group.use'), rows: use });
    const measures = this.measureRows();
    if (measures.length > 0) groups.push({ title: this.t('card.group.measure'), rows: measures });
    const pattern = this.patternRows(cls);
    if (pattern.length > 0) groups.push({ title: this.t('card.group.pattern'), rows: pattern });
    if (isPlan) groups.push({ title: this.t('card.group.plan'), rows: this.planRows() });

    const texts = this.texts();
    const color = landUse ? planzvClass(landUse) : undefined;
    return {
      heading,
      subheading: isPlan ? this.text(p.nummer) : subheading,
      ...(color && color.key !== 'UNKNOWN' ? { color: color.color } : {}),
      groups,
      texts,
      ...(isPlan ? {} : this.planLine()),
      all: this.allRows(isPlan ? new Set(['nummer', 'legalStatus', 'planType', 'municipality', ...PLAN_DATES]) : new Set()),
    };
  }

  private landUseText(): string | undefined {
    const p = this.p;
    const code = typeof p.landUseCode === 'string' ? p.landUseCode : undefined;
    if (code) {
      // The besondere Art has five-digit sub-codes and four-digit main codes; the allgemeine only main codes.
      const key = typeof p.landUse === 'string' ? p.landUse : '';
      const list = ['W', 'M', 'G', 'S'].includes(key) ? 'XP_AllgArtDerBaulNutzung' : 'XP_BesondereArtDerBaulNutzung';
      const l = xplanLabel(list, code);
      if (l) return l[this.lang];
    }
    if (isLocalized(p.landUseLabel)) return p.landUseLabel[this.lang];
    if (typeof p.landUse === 'string') {
      const c = planzvClass(p.landUse);
      return c.key === 'UNKNOWN' ? undefined : c.label[this.lang];
    }
    return undefined;
  }

  /** Maß der baulichen Nutzung: GRZ, GFZ, GR, GF, BMZ, BM, Vollgeschosse, Höhen, Wohnungen. */
  private measureRows(): CardRow[] {
    const rows: CardRow[] = [];
    const ratio = (key: string, label: string) => {
      const v = this.numberProp(key);
      if (v !== undefined) rows.push({ label: this.t(label), value: this.num(v, 2) });
    };
    const area = (key: string, label: string, unit: string) => {
      const v = this.numberProp(key);
      if (v !== undefined) rows.push({ label: this.t(label), value: `${this.num(v, 1)} ${unit}` });
    };
    ratio('grz', 'card.grz');
    ratio('gfz', 'card.gfz');
    area('grM2', 'card.gr', 'm²');
    area('gfM2', 'card.gf', 'm²');
    ratio('bmz', 'card.bmz');
    area('bmM3', 'card.bm', 'm³');
    const min = this.numberProp('minStoreys'), max = this.numberProp('maxStoreys'), fixed = this.numberProp('storeysFixed');
    let storeys: string | undefined;
    if (fixed !== undefined) storeys = this.t('card.storeysFixed', { n: roman(fixed) });
    else if (min !== undefined && max !== undefined) storeys = min === max ? this.t('card.storeysFixed', { n: roman(max) }) : this.t('card.storeysRange', { min: roman(min), max: roman(max) });
    else if (max !== undefined) storeys = this.t('card.storeysMax', { n: roman(max) });
    else if (min !== undefined) storeys = this.t('card.storeysMin', { n: roman(min) });
    if (storeys) rows.push({ label: this.t('card.storeys'), value: storeys });
    rows.push(...this.heightRows());
    const dwellings = this.numberProp('maxDwellings');
    if (dwellings !== undefined) rows.push({ label: this.t('card.dwellings'), value: this.t('card.atMost', { v: this.num(dwellings, 0) }) });
    return rows;
  }

  /** One row per height of the plan: its Bezugspunkt (TH, FH, GBH …) as label, the value with its reference. */
  private heightRows(): CardRow[] {
    const p = this.p;
    const heights = Array.isArray(p.heights) ? (p.heights.filter(isObject) as Props[]) : [];
    const rows: CardRow[] = [];
    const m = (v: unknown) => (typeof v === 'number' && v > 0 ? `${this.num(v, 2)} m` : undefined);
    for (const h of heights) {
      const point = h.point !== undefined ? this.code('XP_ArtHoehenbezugspunkt', h.point, h.pointLabel) : undefined;
      const ref = h.reference !== undefined ? this.code('XP_ArtHoehenbezug', h.reference, h.referenceLabel) : undefined;
      let value: string | undefined;
      if (m(h.hZwingend)) value = this.t('card.exactly', { v: m(h.hZwingend) });
      else if (m(h.hMin) && m(h.hMax)) value = this.t('card.between', { min: m(h.hMin), max: m(h.hMax) });
      else if (m(h.hMax)) value = this.t('card.atMost', { v: m(h.hMax) });
      else if (m(h.hMin)) value = this.t('card.atLeast', { v: m(h.hMin) });
      else if (m(h.h)) value = m(h.h);
      if (!value) continue;
      rows.push({ label: point ?? this.t('card.height'), value: ref ? `${value}, ${ref}` : value });
    }
    if (rows.length === 0) {
      const max = this.numberProp('maxHeightM');
      if (max !== undefined) rows.push({ label: this.text(p.heightPoint) ?? this.t('card.height'), value: this.t('card.atMost', { v: `${this.num(max, 2)} m` }) });
    }
    return rows;
  }

  /** Bauweise, Bebauungsart, and for überbaubare Flächen, Baugrenzen and Baulinien what they are. */
  private patternRows(cls: string): CardRow[] {
    const p = this.p;
    const rows: CardRow[] = [];
    const bw = p.bauweiseLabel !== undefined ? this.text(p.bauweiseLabel) : this.text(p.bauweise);
    if (bw) rows.push({ label: this.t('card.bauweise'), value: bw });
    const ba = this.text(p.bebauungsArt);
    if (ba) rows.push({ label: this.t('card.bebauungsArt'), value: ba });
    if (/UeberbaubareGrundstuecksFlaeche$|BauGrenze$|BauLinie$/.test(cls)) rows.push({ label: this.t('card.buildable'), value: this.classLabel(cls) });
    return rows;
  }

  private planKind(): string {
    const p = this.p;
    const type = p.planTypeCode ?? p.planType;
    const fromType = type !== undefined ? this.code('BP_PlanArt', type) : undefined;
    return fromType ?? this.classLabel(String(p.featureClass));
  }

  /** The plan object's own rows: number, legal status, dates, municipality. */
  private planRows(): CardRow[] {
    const p = this.p;
    const rows: CardRow[] = [];
    const nr = this.text(p.nummer) ?? this.text(p.planNumber);
    if (nr) rows.push({ label: this.t('card.planNumber'), value: nr });
    if (p.legalStatus !== undefined) rows.push({ label: this.t('card.legalStatus'), value: this.code('BP_Rechtsstand', p.legalStatus) ?? '' });
    const municipality = this.text(p.municipality);
    if (municipality) rows.push({ label: this.t('card.municipality'), value: municipality });
    for (const d of PLAN_DATES) {
      const v = this.text(p[d]);
      if (v) rows.push({ label: this.t(`card.date.${d}`), value: this.date(v) });
    }
    return rows;
  }

  /** "Bebauungsplan Demo 1 „Planlotse-Demo 1“ · Entwurf · Aufstellungsbeschluss 12.03.2025". */
  private planLine(): { plan?: string; planId?: string } {
    const p = this.p;
    const name = this.text(p.planName), nr = this.text(p.planNumber);
    if (!name && !nr) return {};
    const kind = p.planTypeCode !== undefined ? this.code('BP_PlanArt', p.planTypeCode) : this.t('card.planKind');
    const title = [kind, nr, name && name !== nr ? `„${name}“` : undefined].filter(Boolean).join(' ');
    const parts = [this.t('card.planLine', { plan: title })];
    if (p.planLegalStatus !== undefined) parts.push(this.code('BP_Rechtsstand', p.planLegalStatus) ?? '');
    const dates = isObject(p.planDates) ? p.planDates : {};
    const decisive = PLAN_DATES.find((d) => typeof dates[d] === 'string');
    if (decisive) parts.push(`${this.t(`card.date.${decisive}`)} ${this.date(String(dates[decisive]))}`);
    return { plan: parts.filter(Boolean).join(' · '), ...(typeof p.planId === 'string' ? { planId: p.planId } : {}) };
  }

  /** The textual rules the object refers to, in the plan's order (§2 Nr. 2 before §2 Nr. 10). */
  private texts(): CardText[] {
    const p = this.p;
    const out: CardText[] = [];
    const seen = new Set<string>();
    if (Array.isArray(p.texts))
      for (const t of p.texts)
        if (isObject(t) && typeof t.text === 'string' && t.text.trim()) {
          const key = typeof t.key === 'string' ? t.key : undefined;
          if (key) seen.add(key);
          out.push({ ...(key ? { key } : {}), text: t.text.trim() });
        }
    // Older conversions carry only the numbers: show them, so the reader can look them up in the plan.
    if (Array.isArray(p.textKeys))
      for (const k of p.textKeys) if (typeof k === 'string' && !seen.has(k) && !isGmlRef(k)) out.push({ key: k, text: this.t('card.textNotConverted') });
    return out.sort((a, b) => (a.key ?? '').localeCompare(b.key ?? '', 'de', { numeric: true }));
  }

  // ---- buildings ----------------------------------------------------------

  private buildingCard(): FeatureCard {
    const p = this.p;
    // The code's name in the card's language first: the label stored in the tiles is German.
    const code = (v: unknown) => (v === undefined || v === null ? undefined : String(v));
    const fn = functionLabel(code(p.function), this.lang) ?? this.text(p.functionLabel) ?? (p.function !== undefined ? this.opts.describeCode?.('function', String(p.function)) : undefined);
    const roof = roofTypeLabel(code(p.roofType), this.lang) ?? this.text(p.roofTypeLabel) ?? (p.roofType !== undefined ? this.opts.describeCode?.('roofType', String(p.roofType)) : undefined);
    const rows: CardRow[] = [];
    if (fn) rows.push({ label: this.t('attr.functionLabel'), value: fn });
    const address = this.text(p.address);
    if (address) rows.push({ label: this.t('attr.address'), value: address });
    const m = (key: string, label: string) => {
      const v = this.numberProp(key);
      if (v !== undefined) rows.push({ label: this.t(label), value: `${this.num(v, 1)} m` });
    };
    m('heightM', 'card.buildingHeight');
    const storeys = this.numberProp('storeysAboveGround') ?? this.numberProp('storeys');
    if (storeys !== undefined) rows.push({ label: this.t('attr.storeysAboveGround'), value: this.num(storeys, 0) });
    if (roof) rows.push({ label: this.t('attr.roofTypeLabel'), value: roof });
    m('eaveHeightM', 'card.eaveHeight');
    m('ridgeHeightM', 'card.ridgeHeight');
    m('groundHeightM', 'card.groundHeight');
    const shown = new Set(['address', 'heightM', 'storeysAboveGround', 'storeys', 'eaveHeightM', 'ridgeHeightM', 'groundHeightM']);
    return {
      heading: fn ?? address ?? this.t('card.building'),
      subheading: [fn ? address : undefined, this.opts.layerTitle].filter(Boolean).join(' · ') || undefined,
      groups: [{ title: this.t('card.group.building'), rows }],
      texts: [],
      all: this.allRows(shown),
    };
  }

  // ---- anything else ------------------------------------------------------

  private genericCard(): FeatureCard {
    const p = this.p;
    const nameKey = ['name', 'bezeichnung', 'planrecht', 'vorhaben', 'lage', 'label', 'title', 'text'].find((k) => this.text(p[k]));
    return {
      heading: (nameKey && this.text(p[nameKey])) || this.opts.layerTitle || this.t('card.feature'),
      ...(nameKey && this.opts.layerTitle ? { subheading: this.opts.layerTitle } : {}),
      groups: [],
      texts: [],
      // The name stays in the list too: for these features the list is the card.
      all: this.allRows(new Set()),
    };
  }

  // ---- every remaining attribute -------------------------------------------

  private label(name: string): string {
    const key = `attr.${name}`;
    if (this.has(key)) return this.t(key);
    // Unknown names read as words: "zugunstenVon" → "Zugunsten Von", "DatenquelleDachhoehe" → "Datenquelle Dachhoehe".
    const words = name.replace(/_/g, ' ').replace(/([a-zäöüß])([A-Z])/g, '$1 $2').trim();
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  /** A value as text; undefined when it carries nothing readable (empty, or only links by GML id). */
  private value(name: string, v: unknown): string | undefined {
    if (v === null || v === undefined) return undefined;
    if (typeof v === 'boolean') return v ? this.t('feature.yes') : this.t('feature.no');
    if (typeof v === 'number') return Number.isFinite(v) ? this.num(v, 3) : undefined;
    if (isLocalized(v)) return v[this.lang];
    if (Array.isArray(v)) {
      const parts = v.map((x) => this.value(name, x)).filter((x): x is string => !!x);
      return parts.length > 0 ? parts.join('; ') : undefined;
    }
    if (isObject(v)) {
      const parts = Object.entries(v)
        .map(([k, x]) => [k, this.value(k, x)] as const)
        .filter((e): e is readonly [string, string] => !!e[1])
        .map(([k, x]) => `${this.label(k)}: ${x}`);
      return parts.length > 0 ? parts.join(', ') : undefined;
    }
    const s = String(v).trim();
    if (!s || isGmlRef(s)) return undefined;
    if ((s.startsWith('{') && s.endsWith('}')) || (s.startsWith('[') && s.endsWith(']'))) {
      try {
        return this.value(name, JSON.parse(s));
      } catch {
        // Not JSON after all: shown as written.
      }
    }
    const list = CODE_LIST_OF[name];
    if (list) return this.code(list, s);
    const described = this.opts.describeCode?.(name, s);
    if (s === 'true' || s === 'false') return this.value(name, s === 'true');
    if (NUMERIC.test(s) && !/^0\d/.test(s)) return this.num(Number(s), 3) + (described ? ` – ${described}` : '');
    const withUnit = NUMERIC_WITH_UNIT.exec(s);
    if (withUnit) return `${this.num(Number(withUnit[1]), 3)} ${withUnit[2]}`;
    if (ISO_DATE.test(s)) return this.date(s);
    return described ? `${s} – ${described}` : s;
  }

  /** Rows of every attribute not in `shown` and not shown elsewhere on the card; nested objects one row per member. */
  private allRows(shown: Set<string>): CardRow[] {
    const rows: CardRow[] = [];
    const push = (name: string, v: unknown, prefix?: string) => {
      const value = this.value(name, v);
      if (value !== undefined) rows.push({ label: prefix ? `${prefix} – ${this.label(name)}` : this.label(name), value });
    };
    for (const [k, v] of Object.entries(this.p)) {
      if (shown.has(k) || SHOWN_OR_INTERNAL.has(k)) continue;
      push(k, v);
    }
    // Original attributes of the source (XPlanung, CityGML generic attributes; a JSON string in 3D Tiles).
    let orig = this.p.attributes;
    if (typeof orig === 'string') {
      try {
        orig = JSON.parse(orig);
      } catch {
        orig = { attributes: orig };
      }
    }
    if (isObject(orig)) {
      const seen = new Set(rows.map((r) => r.label));
      for (const [k, v] of Object.entries(orig)) {
        if (ORIGINALS_SHOWN.has(k) || k in this.p) continue;
        if (isObject(v) && !isLocalized(v)) {
          for (const [k2, v2] of Object.entries(v)) push(k2, v2, this.label(k));
        } else if (!seen.has(this.label(k))) push(k, v);
      }
    }
    return rows;
  }
}
