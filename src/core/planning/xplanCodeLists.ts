import type { LocalizedText } from '../model/Catalog';

type Table = Record<string, [string, string]>;

/**
 * XPlanung enumerations (XPlanGML 4.1 – 6.0) with German and English
 * labels. Codes are stable across these versions for the entries listed;
 * values a table does not know stay as their code.
 */
export const XPLAN_CODE_LISTS: Record<string, Table> = {
  XP_AllgArtDerBaulNutzung: {
    '1000': ['Wohnbaufläche', 'Residential building land'],
    '2000': ['Gemischte Baufläche', 'Mixed building land'],
    '3000': ['Gewerbliche Baufläche', 'Commercial building land'],
    '4000': ['Sonderbaufläche', 'Special building land'],
    '9999': ['Sonstige Baufläche', 'Other building land'],
  },
  XP_BesondereArtDerBaulNutzung: {
    '1000': ['Kleinsiedlungsgebiet', 'Small-settlement area'],
    '1100': ['Reines Wohngebiet', 'Purely residential area'],
    '1200': ['Allgemeines Wohngebiet', 'General residential area'],
    '1300': ['Besonderes Wohngebiet', 'Special residential area'],
    '1400': ['Dorfgebiet', 'Village area'],
    '1450': ['Dörfliches Wohngebiet', 'Village residential area'],
    '1500': ['Mischgebiet', 'Mixed area'],
    '1550': ['Urbanes Gebiet', 'Urban area'],
    '1600': ['Kerngebiet', 'Core area'],
    '1700': ['Gewerbegebiet', 'Commercial area'],
    '1800': ['Industriegebiet', 'Industrial area'],
    '2000': ['Sondergebiet Erholung', 'Special area for recreation'],
    '2100': ['Sonstiges Sondergebiet', 'Other special area'],
    '3000': ['Wochenendhausgebiet', 'Weekend-house area'],
    '4000': ['Sondergebiet', 'Special area'],
    '9999': ['Sonstiges Gebiet', 'Other area'],
  },
  BP_Bauweise: {
    '1000': ['offene Bauweise', 'open building pattern'],
    '2000': ['geschlossene Bauweise', 'closed building pattern'],
    '3000': ['abweichende Bauweise', 'deviating building pattern'],
    '9999': ['keine Angabe', 'not specified'],
  },
  BP_BebauungsArt: {
    '1000': ['nur Einzelhäuser', 'detached houses only'],
    '2000': ['nur Doppelhäuser', 'semi-detached houses only'],
    '3000': ['nur Hausgruppen', 'house groups only'],
    '4000': ['Einzel- und Doppelhäuser', 'detached and semi-detached houses'],
    '5000': ['Einzelhäuser und Hausgruppen', 'detached houses and house groups'],
    '6000': ['Doppelhäuser und Hausgruppen', 'semi-detached houses and house groups'],
    '7000': ['Reihenhäuser', 'terraced houses'],
    '8000': ['Einzel-, Doppelhäuser und Hausgruppen', 'detached, semi-detached houses and house groups'],
  },
  XP_ArtHoehenbezug: {
    '1000': ['absolut in NHN', 'absolute, above NHN'],
    '1100': ['absolut in NN', 'absolute, above NN'],
    '1200': ['absolut in DHHN', 'absolute, DHHN'],
    '2000': ['relativ zur Geländeoberkante', 'relative to ground level'],
    '2500': ['relativ zur Gehwegoberkante', 'relative to pavement level'],
    '3000': ['relativ zur Bezugshöhe', 'relative to the reference height'],
    '3500': ['relativ zur Straßenoberkante', 'relative to street level'],
    '4000': ['relativ zur Erdgeschossfußbodenhöhe', 'relative to ground-floor level'],
  },
  XP_ArtHoehenbezugspunkt: {
    '1000': ['Traufhöhe (TH)', 'eaves height'],
    '2000': ['Firsthöhe (FH)', 'ridge height'],
    '3000': ['Oberkante (OK)', 'top edge'],
    '3500': ['lichte Höhe (LH)', 'clear height'],
    '4000': ['Sockelhöhe (SH)', 'plinth height'],
    '4500': ['Erdgeschoss-Fußbodenhöhe (EFH)', 'ground-floor level'],
    '5000': ['Höhe baulicher Anlagen (HBA)', 'height of structures'],
    '5500': ['Unterkante (UK)', 'bottom edge'],
    '6000': ['Gebäudehöhe (GBH)', 'building height'],
    '6500': ['Wandhöhe (WH)', 'wall height'],
    '6600': ['Gebäudeoberkante (GOK)', 'top of building'],
  },
  BP_Rechtsstand: {
    '1000': ['Aufstellungsbeschluss', 'decision to draw up'],
    '2000': ['Entwurf', 'draft'],
    '2100': ['Frühzeitige Behördenbeteiligung', 'early authority participation'],
    '2200': ['Frühzeitige Öffentlichkeitsbeteiligung', 'early public participation'],
    '2300': ['Behördenbeteiligung', 'authority participation'],
    '2400': ['Öffentliche Auslegung', 'public display'],
    '3000': ['Satzung', 'adopted by-law'],
    '4000': ['In Kraft getreten', 'in force'],
    '4500': ['Teilweise untergegangen', 'partly lapsed'],
    '5000': ['Untergegangen', 'lapsed'],
    '50000': ['Aufgehoben', 'repealed'],
    '50100': ['Außer Kraft', 'no longer in force'],
  },
  BP_PlanArt: {
    '1000': ['Bebauungsplan', 'land-use plan (B-Plan)'],
    '10000': ['Einfacher Bebauungsplan', 'simple B-Plan'],
    '10001': ['Qualifizierter Bebauungsplan', 'qualified B-Plan'],
    '10002': ['Bebauungsplan zur Wohnraumversorgung', 'B-Plan for housing supply'],
    '3000': ['Vorhabenbezogener Bebauungsplan', 'project-related B-Plan'],
    '3100': ['Vorhaben- und Erschließungsplan', 'project and development plan'],
    '4000': ['Innenbereichssatzung', 'inner-area by-law'],
    '40000': ['Klarstellungssatzung', 'clarification by-law'],
    '40001': ['Entwicklungssatzung', 'development by-law'],
    '40002': ['Ergänzungssatzung', 'supplementary by-law'],
    '5000': ['Außenbereichssatzung', 'outer-area by-law'],
    '7000': ['Örtliche Bauvorschrift', 'local building regulation'],
    '9999': ['Sonstiges', 'other'],
  },
  BP_Verfahren: {
    '1000': ['Normalverfahren', 'standard procedure'],
    '2000': ['Vereinfachtes Verfahren (§ 13 BauGB)', 'simplified procedure (§ 13 BauGB)'],
    '3000': ['Beschleunigtes Verfahren (§ 13a BauGB)', 'accelerated procedure (§ 13a BauGB)'],
    '4000': ['Außenbereichsflächen im beschleunigten Verfahren (§ 13b BauGB)', 'outer-area land, accelerated procedure (§ 13b BauGB)'],
  },
  XP_Rechtsstand: {
    '1000': ['geplant', 'planned'],
    '2000': ['bestehend', 'existing'],
    '3000': ['fortfallend', 'to be removed'],
  },
  XP_Rechtscharakter: {
    '1000': ['Festsetzung', 'binding designation'],
    '2000': ['Nachrichtliche Übernahme', 'adopted for information'],
    '3000': ['Hinweis', 'note'],
    '4000': ['Vermerk', 'remark'],
    '5000': ['Kennzeichnung', 'marking'],
    '9998': ['Unbekannt', 'unknown'],
    '9999': ['Sonstiges', 'other'],
  },
  XP_Nutzungsform: {
    '1000': ['privat', 'private'],
    '2000': ['öffentlich', 'public'],
  },
  XP_ZweckbestimmungGruen: {
    '1000': ['Parkanlage', 'park'],
    '1200': ['Dauerkleingärten', 'allotments'],
    '1400': ['Sportplatz', 'sports ground'],
    '1600': ['Spielplatz', 'playground'],
    '1800': ['Zeltplatz', 'camp site'],
    '2000': ['Badeplatz', 'bathing area'],
    '2200': ['Freizeit und Erholung', 'leisure and recreation'],
    '2400': ['Spezielle Grünfläche', 'special green space'],
    '2600': ['Friedhof', 'cemetery'],
    '2700': ['Naturerfahrungsraum', 'nature experience area'],
    '9999': ['Sonstige Zweckbestimmung', 'other purpose'],
  },
  XP_ZweckbestimmungGemeinbedarf: {
    '1000': ['Öffentliche Verwaltung', 'public administration'],
    '1200': ['Bildung und Forschung', 'education and research'],
    '1400': ['Kirche', 'church'],
    '1600': ['Soziales', 'social facilities'],
    '1800': ['Gesundheit', 'health'],
    '2000': ['Kultur', 'culture'],
    '2200': ['Sport', 'sports'],
    '2400': ['Sicherheit und Ordnung', 'safety and order'],
    '2600': ['Infrastruktur', 'infrastructure'],
    '9999': ['Sonstiges', 'other'],
  },
  BP_ZweckbestimmungStrassenverkehr: {
    '1000': ['Parkierungsfläche', 'parking area'],
    '1100': ['Fußgängerbereich', 'pedestrian zone'],
    '1200': ['Verkehrsberuhigter Bereich', 'traffic-calmed area'],
    '1300': ['Rad- und Gehweg', 'cycle and footpath'],
    '1400': ['Radweg', 'cycle path'],
    '1500': ['Gehweg', 'footpath'],
    '1550': ['Wanderweg', 'hiking trail'],
    '1560': ['Reit- und Kutschweg', 'bridleway'],
    '1580': ['Wirtschaftsweg', 'farm track'],
    '1600': ['Fahrradabstellplatz', 'bicycle parking'],
    '1700': ['Überführender Verkehrsweg', 'overpass'],
    '1800': ['Unterführender Verkehrsweg', 'underpass'],
    '2000': ['Park-and-Ride-Anlage', 'park and ride'],
    '2100': ['Platz', 'square'],
    '2200': ['Anschlussfläche', 'connection area'],
    '2300': ['Landwirtschaftlicher Verkehr', 'agricultural traffic'],
    '2400': ['Verkehrsgrün', 'traffic green'],
    '2500': ['Rastanlage', 'rest area'],
    '2600': ['Busbahnhof', 'bus station'],
    '3000': ['Car-Sharing', 'car sharing'],
    '3100': ['Bike-Sharing', 'bike sharing'],
    '3200': ['Bike-and-Ride-Anlage', 'bike and ride'],
    '3300': ['Parkhaus', 'multi-storey car park'],
    '3400': ['Mischverkehrsfläche', 'shared space'],
    '3500': ['Ladestation', 'charging station'],
    '9999': ['Sonstiges', 'other'],
  },
  XP_ZweckbestimmungGewaesser: {
    '1000': ['Hafen', 'harbour'],
    '1100': ['Sportboothafen', 'marina'],
    '1200': ['Wasserfläche', 'water surface'],
    '1300': ['Fließgewässer', 'watercourse'],
    '9999': ['Sonstiges', 'other'],
  },
  XP_ZweckbestimmungVerEntsorgung: {
    '1000': ['Elektrizität', 'electricity'],
    '1200': ['Gas', 'gas'],
    '1300': ['Erdöl', 'oil'],
    '1400': ['Wärmeversorgung', 'heat supply'],
    '1600': ['Wasser', 'water'],
    '1800': ['Abwasser', 'sewage'],
    '2000': ['Regenwasser', 'rainwater'],
    '2200': ['Abfallentsorgung', 'waste disposal'],
    '2400': ['Ablagerung', 'landfill'],
    '2600': ['Telekommunikation', 'telecommunications'],
    '2800': ['Erneuerbare Energien', 'renewable energy'],
    '3000': ['Kraft-Wärme-Kopplung', 'combined heat and power'],
    '9999': ['Sonstiges', 'other'],
  },
  XP_ABEMassnahmenTypen: {
    '1000': ['Bindung und Erhaltung', 'preservation'],
    '2000': ['Anpflanzung', 'planting'],
    '3000': ['Anpflanzung, Bindung und Erhaltung', 'planting and preservation'],
  },
  XP_AnpflanzungBindungErhaltungsGegenstand: {
    '1000': ['Bäume', 'trees'],
    '1100': ['Kopfbäume', 'pollarded trees'],
    '1200': ['Baumreihe', 'row of trees'],
    '2000': ['Sträucher', 'shrubs'],
    '2050': ['Bäume und Sträucher', 'trees and shrubs'],
    '2100': ['Hecke', 'hedge'],
    '2200': ['Knick', 'hedgerow bank'],
    '3000': ['Sonstige Bepflanzung', 'other planting'],
    '4000': ['Gewässer', 'water body'],
    '5000': ['Fassadenbegrünung', 'green facade'],
    '6000': ['Dachbegrünung', 'green roof'],
  },
};

/**
 * Label of an XPlanung code. Five-digit sub-codes that a table lacks fall
 * back to their main code (12000 → 1200), as XPlanung numbers them.
 *
 * @example xplanLabel('XP_BesondereArtDerBaulNutzung', '1200') // { de: 'Allgemeines Wohngebiet', en: 'General residential area' }
 */
export function xplanLabel(list: string, code: string | undefined): LocalizedText | undefined {
  if (code === undefined) return undefined;
  const table = XPLAN_CODE_LISTS[list];
  if (!table) return undefined;
  const hit = table[code] ?? (code.length === 5 ? table[code.slice(0, 4)] : undefined);
  return hit ? { de: hit[0], en: hit[1] } : undefined;
}

/** PlanZV `landUse` key of a BaugebietsTeilFläche: the besondere Art wins over the allgemeine. */
export function landUseFromCodes(besondere: string | undefined, allgemeine: string | undefined): { key: string; code: string; list: string } | undefined {
  const B: Record<string, string> = { '1000': 'WS', '1100': 'WR', '1200': 'WA', '1300': 'WB', '1400': 'MD', '1450': 'MDW', '1500': 'MI', '1550': 'MU', '1600': 'MK', '1700': 'GE', '1800': 'GI', '2000': 'SO', '2100': 'SO', '3000': 'SO', '4000': 'SO' };
  const A: Record<string, string> = { '1000': 'W', '2000': 'M', '3000': 'G', '4000': 'S' };
  if (besondere && B[besondere]) return { key: B[besondere], code: besondere, list: 'XP_BesondereArtDerBaulNutzung' };
  if (allgemeine && A[allgemeine]) return { key: A[allgemeine], code: allgemeine, list: 'XP_AllgArtDerBaulNutzung' };
  return undefined;
}
