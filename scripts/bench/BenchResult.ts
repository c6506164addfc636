/**
 * One comparison in `npm run bench`: our code against a baseline measured in
 * the same run. `ratio` = baseline time / our time (higher is better) unless
 * the bench sets it otherwise (e.g. memory ratios); `target` is the ratio the
 * issue asks for, so the runner can print pass/fail without timing tests.
 */
export interface BenchResult {
  name: string;
  ours: { label: string; value: number; unit: string };
  baseline: { label: string; value: number; unit: string };
  ratio: number;
  target?: number;
  /** Extra figures to print and save (MB/s, buildings/s, peak RSS, …). */
  extra?: Record<string, number | string>;
}

export type Bench = () => Promise<BenchResult[]>;
