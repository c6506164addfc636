/**
 * Normalised properties of a planning feature (XPlanung BP_* objects, WFS
 * layers). The converter writes these next to the original attributes, which
 * are kept under `attributes`.
 */
export interface PlanningProperties {
  id: string;
  /** XPlanung class, e.g. `BP_BaugebietsTeilFlaeche`, or the WFS feature type. */
  featureClass: string;
  /** PlanZV land-use key used for colouring: WR, WA, MI, MU, MK, GE, GI, SO, GEMEINBEDARF, GRUEN, VERKEHR, WASSER, WALD, … */
  landUse?: string;
  landUseLabel?: { de: string; en: string };
  /** BauNVO §19 Grundflächenzahl. */
  grz?: number;
  /** BauNVO §20 Geschossflächenzahl. */
  gfz?: number;
  /** Absolute Grundfläche in m². */
  grM2?: number;
  /** Absolute Geschossfläche in m². */
  gfM2?: number;
  /** Baumassenzahl. */
  bmz?: number;
  minStoreys?: number;
  maxStoreys?: number;
  /** Maximum building height in metres above `heightReference`. */
  maxHeightM?: number;
  /** Reference point of `maxHeightM`, e.g. `NHN`, `Gelaende`, `Strasse`. */
  heightReference?: string;
  /** Absolute (NHN) maximum height when the plan gives one. */
  maxHeightNhnM?: number;
  bauweise?: string;
  planId?: string;
  planName?: string;
  name?: string;
  /** Original attributes of the source feature, unchanged. */
  attributes?: Record<string, unknown>;
  [key: string]: unknown;
}
