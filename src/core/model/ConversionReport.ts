/**
 * What a conversion did, written as `report.json` and shown in the app when a
 * file is dropped: counts per class, every skipped feature with its reason,
 * the CRS used and the time taken.
 */
export interface ConversionIssue {
  /** Input file name. */
  file: string;
  /** 1-based line in the file, when known (XML, and JSON syntax errors). */
  line?: number;
  /** Where in a JSON file, as a JSON path (`CityObjects["B1"].geometry[0].boundaries`), when known. */
  path?: string;
  /** Feature id (gml:id, CityJSON id, feature index), when known. */
  featureId?: string;
  /** Feature class, e.g. `bldg:Building`, `BP_BaugebietsTeilFlaeche`. */
  featureClass?: string;
  severity: 'error' | 'warning';
  /** Human-readable reason, e.g. "ring not closed", "self-intersecting ring", "unknown CRS urn:x". */
  reason: string;
}

export interface ConversionReport {
  kind: string;
  inputs: string[];
  /** Horizontal CRS used, e.g. EPSG:25832, with its source (file / --crs). */
  crs?: { code: string; verticalDatum?: string; from: 'file' | 'option' | 'default' };
  /** Converted features per class. */
  counts: Record<string, number>;
  /** Skipped features per class. */
  skippedCounts: Record<string, number>;
  issues: ConversionIssue[];
  /** Files written, relative to the output folder. */
  outputs: string[];
  /** WGS84 bbox of everything converted: [minLon, minLat, maxLon, maxLat]. */
  bbox?: [number, number, number, number];
  durationMs: number;
}

/** Collects counts and issues during a conversion. */
export class ReportBuilder {
  readonly counts: Record<string, number> = {};
  readonly skippedCounts: Record<string, number> = {};
  readonly issues: ConversionIssue[] = [];

  count(featureClass: string, n = 1): void {
    this.counts[featureClass] = (this.counts[featureClass] ?? 0) + n;
  }

  /** Records a skipped feature (severity error) and counts it. */
  skip(issue: Omit<ConversionIssue, 'severity'>): void {
    this.issues.push({ ...issue, severity: 'error' });
    const c = issue.featureClass ?? 'unknown';
    this.skippedCounts[c] = (this.skippedCounts[c] ?? 0) + 1;
  }

  /** Records a problem that did not stop the feature from converting. */
  warn(issue: Omit<ConversionIssue, 'severity'>): void {
    this.issues.push({ ...issue, severity: 'warning' });
  }

  get convertedTotal(): number {
    return Object.values(this.counts).reduce((a, b) => a + b, 0);
  }

  build(base: Pick<ConversionReport, 'kind' | 'inputs' | 'crs' | 'outputs' | 'bbox' | 'durationMs'>): ConversionReport {
    return { ...base, counts: this.counts, skippedCounts: this.skippedCounts, issues: this.issues };
  }
}

/** One line per issue, as printed by the CLI: `file:line feature (class): reason` (`file at path …` for JSON). */
export function formatIssue(i: ConversionIssue): string {
  const where = i.line ? `${i.file}:${i.line}` : i.file;
  const what = [i.featureId, i.featureClass ? `(${i.featureClass})` : undefined, i.path ? `at ${i.path}` : undefined].filter(Boolean).join(' ');
  return `${i.severity === 'error' ? 'skipped' : 'warning'} ${where}${what ? ' ' + what : ''}: ${i.reason}`;
}
