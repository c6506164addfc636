import type { NestedMessage } from '../i18n/Message';
import { englishText } from './englishText';

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
  /**
   * The reason in English, e.g. "ring not closed", "unknown CRS urn:x": the rendering of {@link message}, written
   * to `report.json` and printed by the CLI (so scripts that read either see what they always saw).
   */
  reason: string;
  /**
   * The reason as a message code with parameters (`convert.*` in the i18n resources), for the app and the CLI's
   * `--lang` to say in the user's language. Not written to `report.json` (see `reportJson`).
   */
  message: NestedMessage;
}

/** An issue as a reader reports it: where, and why as a message; severity and the English `reason` are added. */
export type IssueInput = Omit<ConversionIssue, 'severity' | 'reason'>;

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
  skip(issue: IssueInput): void {
    this.issues.push(withReason(issue, 'error'));
    const c = issue.featureClass ?? 'unknown';
    this.skippedCounts[c] = (this.skippedCounts[c] ?? 0) + 1;
  }

  /** Records a problem that did not stop the feature from converting. */
  warn(issue: IssueInput): void {
    this.issues.push(withReason(issue, 'warning'));
  }

  get convertedTotal(): number {
    return Object.values(this.counts).reduce((a, b) => a + b, 0);
  }

  build(base: Pick<ConversionReport, 'kind' | 'inputs' | 'crs' | 'outputs' | 'bbox' | 'durationMs'>): ConversionReport {
    return { ...base, counts: this.counts, skippedCounts: this.skippedCounts, issues: this.issues };
  }
}

// Property order as before messages existed (reason, then severity), so report.json keeps its bytes.
function withReason(issue: IssueInput, severity: ConversionIssue['severity']): ConversionIssue {
  const { message, ...where } = issue;
  return { ...where, reason: englishText(message), severity, message };
}

/**
 * The report as `report.json` holds it: issues with their English `reason` and without the message codes, byte for
 * byte what the converter wrote before issues had codes.
 */
export function reportJson(report: ConversionReport): string {
  return JSON.stringify({ ...report, issues: report.issues.map(({ message: _message, ...rest }) => rest) }, null, 2);
}

/** The words of a CLI issue line in one language (English by default: the line scripts have always read). */
export interface IssueWords {
  skipped: string;
  warning: string;
  /** Before a JSON path, e.g. "at" (`at CityObjects["B1"]`). */
  at: string;
  /** The issue's reason in that language. */
  reason(i: ConversionIssue): string;
}

const ENGLISH_WORDS: IssueWords = { skipped: 'skipped', warning: 'warning', at: 'at', reason: (i) => i.reason };

/** One line per issue, as printed by the CLI: `file:line feature (class): reason` (`file at path …` for JSON). */
export function formatIssue(i: ConversionIssue, words: IssueWords = ENGLISH_WORDS): string {
  const where = i.line ? `${i.file}:${i.line}` : i.file;
  const what = [i.featureId, i.featureClass ? `(${i.featureClass})` : undefined, i.path ? `${words.at} ${i.path}` : undefined].filter(Boolean).join(' ');
  return `${i.severity === 'error' ? words.skipped : words.warning} ${where}${what ? ' ' + what : ''}: ${words.reason(i)}`;
}
