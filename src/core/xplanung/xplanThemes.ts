import type { LocalizedText } from '../model/Catalog';

export type GeometryKind = 'polygons' | 'lines' | 'points';

/** One output theme of an XPlanGML conversion: a GeoJSON file and, usually, a catalog layer. */
export interface XPlanTheme {
  id: string;
  title: LocalizedText;
  /** Geometry kind of the main file `<id>.geojson`; other kinds go to `<id>-<kind>.geojson`. */
  kind: GeometryKind;
  /** PlanZV `landUse` for the theme's areas, when the class itself does not decide it. */
  landUse?: string;
  /** Drawn in the viewer by default. */
  visible: boolean;
  /** Kept out of the catalog (presentation helpers of the printed plan). */
  hidden?: boolean;
}

export const XPLAN_THEMES: Record<string, XPlanTheme> = {
  'plan-areas': { id: 'plan-areas', title: { de: 'Geltungsbereiche', en: 'Plan boundaries' }, kind: 'polygons', visible: true },
  baugebiete: { id: 'baugebiete', title: { de: 'Baugebiete (Art der baulichen Nutzung)', en: 'Building zones (type of use)' }, kind: 'polygons', visible: true },
  'ueberbaubare-flaechen': { id: 'ueberbaubare-flaechen', title: { de: 'Überbaubare Grundstücksflächen', en: 'Buildable plot areas' }, kind: 'polygons', visible: false },
  baugrenzen: { id: 'baugrenzen', title: { de: 'Baugrenzen und Baulinien', en: 'Building limits and lines' }, kind: 'lines', visible: true },
  gruen: { id: 'gruen', title: { de: 'Grünflächen', en: 'Green spaces' }, kind: 'polygons', landUse: 'GRUEN', visible: true },
  verkehr: { id: 'verkehr', title: { de: 'Verkehrsflächen', en: 'Traffic areas' }, kind: 'polygons', landUse: 'VERKEHR', visible: true },
  wasser: { id: 'wasser', title: { de: 'Wasserflächen', en: 'Water areas' }, kind: 'polygons', landUse: 'WASSER', visible: true },
  wald: { id: 'wald', title: { de: 'Waldflächen', en: 'Forest areas' }, kind: 'polygons', landUse: 'WALD', visible: true },
  gemeinbedarf: { id: 'gemeinbedarf', title: { de: 'Flächen für den Gemeinbedarf', en: 'Community facility areas' }, kind: 'polygons', landUse: 'GEMEINBEDARF', visible: true },
  versorgung: { id: 'versorgung', title: { de: 'Ver- und Entsorgung', en: 'Utilities' }, kind: 'polygons', landUse: 'VERSORGUNG', visible: false },
  hoehen: { id: 'hoehen', title: { de: 'Höhenfestsetzungen (Höhenmaße)', en: 'Height designations' }, kind: 'points', visible: false },
  anpflanzung: { id: 'anpflanzung', title: { de: 'Anpflanzung, Bindung und Erhaltung', en: 'Planting and preservation' }, kind: 'points', visible: false },
  natur: { id: 'natur', title: { de: 'Ausgleichs- und Naturschutzflächen', en: 'Compensation and nature areas' }, kind: 'polygons', visible: false },
  schutz: { id: 'schutz', title: { de: 'Denkmal- und Erhaltungsschutz', en: 'Heritage and conservation' }, kind: 'polygons', visible: false },
  sonstige: { id: 'sonstige', title: { de: 'Sonstige Festsetzungen', en: 'Other designations' }, kind: 'polygons', visible: false },
  praesentation: { id: 'praesentation', title: { de: 'Präsentationsobjekte (Planbeschriftung)', en: 'Presentation objects (plan labels)' }, kind: 'points', visible: false, hidden: true },
};

const BY_CLASS: Record<string, string> = {
  BP_BaugebietsTeilFlaeche: 'baugebiete',
  BP_BesondererNutzungszweckFlaeche: 'baugebiete',
  BP_UeberbaubareGrundstuecksFlaeche: 'ueberbaubare-flaechen',
  BP_BauGrenze: 'baugrenzen',
  BP_BauLinie: 'baugrenzen',
  BP_GruenFlaeche: 'gruen',
  BP_LandwirtschaftsFlaeche: 'gruen',
  BP_StrassenVerkehrsFlaeche: 'verkehr',
  BP_VerkehrsflaecheBesondererZweckbestimmung: 'verkehr',
  BP_StrassenbegrenzungsLinie: 'verkehr',
  BP_EinfahrtsbereichLinie: 'verkehr',
  BP_BereichOhneEinAusfahrtLinie: 'verkehr',
  BP_EinfahrtPunkt: 'verkehr',
  SO_Strassenverkehr: 'verkehr',
  SO_Schienenverkehrsrecht: 'verkehr',
  SO_Luftverkehrsrecht: 'verkehr',
  BP_GewaesserFlaeche: 'wasser',
  BP_WasserwirtschaftsFlaeche: 'wasser',
  SO_Gewaesser: 'wasser',
  SO_Wasserrecht: 'wasser',
  SO_SchutzgebietWasserrecht: 'wasser',
  BP_WaldFlaeche: 'wald',
  BP_GemeinbedarfsFlaeche: 'gemeinbedarf',
  BP_SpielSportanlagenFlaeche: 'gemeinbedarf',
  BP_VerEntsorgung: 'versorgung',
  BP_HoehenMass: 'hoehen',
  BP_AnpflanzungBindungErhaltung: 'anpflanzung',
  BP_AusgleichsFlaeche: 'natur',
  BP_AusgleichsMassnahme: 'natur',
  BP_SchutzPflegeEntwicklungsFlaeche: 'natur',
  BP_SchutzPflegeEntwicklungsMassnahme: 'natur',
  SO_SchutzgebietNaturschutzrecht: 'natur',
  SO_Denkmalschutzrecht: 'schutz',
  BP_DenkmalschutzEnsembleFlaeche: 'schutz',
  BP_DenkmalschutzEinzelanlage: 'schutz',
  BP_ErhaltungsBereichFlaeche: 'schutz',
  SO_Gebiet: 'schutz',
  // Flächennutzungsplan classes with a clear counterpart.
  FP_BebauungsFlaeche: 'baugebiete',
  FP_Gruen: 'gruen',
  FP_LandwirtschaftsFlaeche: 'gruen',
  FP_WaldFlaeche: 'wald',
  FP_Gewaesser: 'wasser',
  FP_Strassenverkehr: 'verkehr',
  FP_Gemeinbedarf: 'gemeinbedarf',
  FP_SpielSportanlage: 'gemeinbedarf',
  FP_VerEntsorgung: 'versorgung',
};

/** Classes that belong in `sonstige` on purpose (no warning when converted). */
const KNOWN_OTHER = new Set([
  'BP_NutzungsartenGrenze', 'BP_SpezielleBauweise', 'BP_KennzeichnungsFlaeche', 'BP_TextlicheFestsetzungsFlaeche', 'BP_Wegerecht',
  'BP_GemeinschaftsanlagenFlaeche', 'BP_GemeinschaftsanlagenZuordnung', 'BP_NebenanlagenFlaeche', 'BP_NebenanlagenAusschlussFlaeche',
  'BP_AbgrabungsFlaeche', 'BP_AufschuettungsFlaeche', 'BP_BodenschaetzeFlaeche', 'BP_FoerderungsFlaeche', 'BP_GebaeudeFlaeche',
  'BP_Immissionsschutz', 'BP_FestsetzungNachLandesrecht', 'BP_GenerischesObjekt', 'BP_Veraenderungssperre', 'BP_AbstandsFlaeche',
  'BP_AbstandsMass', 'BP_UnverbindlicheVormerkung', 'BP_TechnischeMassnahmenFlaeche', 'BP_RichtungssektorGrenze', 'BP_FirstRichtungsLinie',
  'BP_PersGruppenBestimmteFlaeche', 'BP_RegelungVergnuegungsstaetten', 'BP_Sichtflaeche', 'BP_LuftreinhalteFlaeche', 'BP_EingriffsBereich',
  'SO_Bodenschutzrecht', 'SO_Forstrecht', 'SO_SonstigesRecht', 'SO_Grenze', 'SO_Gelaendemorphologie',
]);

/** True when this converter knows what the class is (others are converted generically, with a warning). */
export function isKnownClass(cls: string): boolean {
  return cls in BY_CLASS || KNOWN_OTHER.has(cls) || themeOfClass(cls) === 'plan-areas' || themeOfClass(cls) === 'praesentation' || cls.startsWith('LP_');
}

/** Theme id of an XPlanung class (unknown classes with geometry go to `sonstige`). */
export function themeOfClass(cls: string): string {
  if (/^[A-Z]{2}_Plan$/.test(cls) || /^[A-Z]{2}_Bereich$/.test(cls)) return 'plan-areas';
  if (/^XP_[A-Z]PO$|^XP_[A-Z]TO$|^XP_Praesentationsobjekt$|^XP_Nutzungsschablone$/.test(cls)) return 'praesentation';
  if (cls.startsWith('LP_')) return 'natur';
  return BY_CLASS[cls] ?? 'sonstige';
}

/** German file suffix for a geometry kind that is not the theme's main one. */
export const KIND_SUFFIX: Record<GeometryKind, string> = { polygons: 'flaechen', lines: 'linien', points: 'punkte' };

/** Output file name (without folder) for a theme and a feature's geometry kind. */
export function themeFileName(themeId: string, kind: GeometryKind): string {
  const theme = XPLAN_THEMES[themeId];
  return theme && theme.kind === kind ? `${themeId}.geojson` : `${themeId}-${KIND_SUFFIX[kind]}.geojson`;
}

/** Geometry kind of a GeoJSON geometry type. */
export function geometryKind(type: string): GeometryKind {
  if (type.includes('Polygon')) return 'polygons';
  if (type.includes('LineString')) return 'lines';
  return 'points';
}
