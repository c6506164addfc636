import type { AnalysisDescriptor } from './AnalysisDescriptor';
import { compareAnalysis } from './compare/compareAnalysis';
import { complianceAnalysis } from './compliance/complianceAnalysis';
import { layerStatsAnalysis } from './layerStats/layerStatsAnalysis';
import { overlapsAnalysis } from './overlaps/overlapsAnalysis';
import { shadowsAnalysis } from './shadows/shadowsAnalysis';
import { sunHoursAnalysis } from './sunHours/sunHoursAnalysis';
import { sunPointsAnalysis } from './sunPoints/sunPointsAnalysis';

/**
 * Every analysis by kind: the one list the worker serves, the panel and the
 * comparison request and the CLI runs. A new kind is one descriptor folder
 * plus one line here (see docs/architecture.md, "Adding an analysis").
 */
export const ANALYSES = {
  shadows: shadowsAnalysis,
  sunHours: sunHoursAnalysis,
  sunPoints: sunPointsAnalysis,
  overlaps: overlapsAnalysis,
  compliance: complianceAnalysis,
  compare: compareAnalysis,
  layerStats: layerStatsAnalysis,
} as const;

export type AnalysisKindId = keyof typeof ANALYSES;
type D<K extends AnalysisKindId> = (typeof ANALYSES)[K];
export type ParamsOf<K extends AnalysisKindId> = D<K> extends AnalysisDescriptor<infer P, unknown, unknown, unknown> ? P : never;
export type RequestOf<K extends AnalysisKindId> = D<K> extends AnalysisDescriptor<unknown, infer R, unknown, unknown> ? R : never;
export type ResultOf<K extends AnalysisKindId> = D<K> extends AnalysisDescriptor<unknown, unknown, infer R, unknown> ? R : never;
export type SummaryOf<K extends AnalysisKindId> = D<K> extends AnalysisDescriptor<unknown, unknown, unknown, infer S> ? S : never;

/** The descriptor of a kind, typed loosely (for code that handles every kind alike). */
export function descriptorOf(kind: AnalysisKindId): AnalysisDescriptor<unknown, unknown, unknown, unknown> {
  const d = ANALYSES[kind] as unknown as AnalysisDescriptor<unknown, unknown, unknown, unknown> | undefined;
  if (!d) throw new Error(`unknown analysis kind "${String(kind)}"`);
  return d;
}
