/** A position [x, y] (or [x, y, z]) in a metric CRS. */
export type Position = number[];

/** Circle through three points, or undefined when they are (nearly) collinear. */
export interface Circle {
  cx: number;
  cy: number;
  r: number;
}

/** Default maximum chord error (sagitta) in CRS units (metres): 0.1 m. */
export const DEFAULT_MAX_CHORD_ERROR = 0.1;

/**
 * Centre and radius of the circle through three points. Works relative to
 * `a` so that UTM-sized coordinates (5.9e6) lose no precision.
 *
 * @example circleFrom3Points([0, 1], [1, 0], [0, -1]) // { cx: 0, cy: 0, r: 1 }
 */
export function circleFrom3Points(a: Position, b: Position, c: Position): Circle | undefined {
  const bx = b[0] - a[0], by = b[1] - a[1];
  const cx = c[0] - a[0], cy = c[1] - a[1];
  const d = 2 * (bx * cy - by * cx);
  const scale = Math.max(Math.hypot(bx, by), Math.hypot(cx, cy));
  // Collinear (or two points equal): the "arc" is a straight line.
  if (scale === 0 || Math.abs(d) <= 1e-12 * scale * scale) return undefined;
  const b2 = bx * bx + by * by, c2 = cx * cx + cy * cy;
  const ux = (cy * b2 - by * c2) / d;
  const uy = (bx * c2 - cx * b2) / d;
  return { cx: a[0] + ux, cy: a[1] + uy, r: Math.hypot(ux, uy) };
}

/** Number of equal steps for a sweep so that the sagitta r(1−cos(θ/2)) stays ≤ maxError. */
function stepsFor(r: number, sweep: number, maxError: number): number {
  if (r <= maxError) return Math.max(1, Math.ceil(Math.abs(sweep) / (Math.PI / 2)));
  const maxStep = 2 * Math.acos(1 - maxError / r);
  return Math.max(1, Math.ceil(Math.abs(sweep) / maxStep - 1e-9));
}

function lerpZ(a: Position, c: Position, t: number): number | undefined {
  return a.length > 2 && c.length > 2 ? a[2] + (c[2] - a[2]) * t : undefined;
}

/**
 * Densifies the circular arc from `a` through `b` to `c` (GML `Arc`,
 * `circularArc3Points`) into a polyline whose chords deviate at most
 * `maxError` from the arc. The first and last positions are `a` and `c`
 * exactly; collinear points give the straight line [a, c].
 *
 * @example densifyArc3([0, 10], [10, 0], [0, -10], 0.1).length // 13 (a half circle, r = 10 m, 12 chords)
 */
export function densifyArc3(a: Position, b: Position, c: Position, maxError = DEFAULT_MAX_CHORD_ERROR): Position[] {
  const circle = circleFrom3Points(a, b, c);
  if (!circle) return [a.slice(), c.slice()];
  const { cx, cy, r } = circle;
  const a0 = Math.atan2(a[1] - cy, a[0] - cx);
  const a2 = Math.atan2(c[1] - cy, c[0] - cx);
  // Orientation of a→b→c: counter-clockwise when the cross product is positive.
  const ccw = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]) > 0;
  let sweep = a2 - a0;
  if (ccw) {
    while (sweep <= 0) sweep += 2 * Math.PI;
  } else {
    while (sweep >= 0) sweep -= 2 * Math.PI;
  }
  const n = stepsFor(r, sweep, maxError);
  const out: Position[] = [a.slice()];
  for (let i = 1; i < n; i++) {
    const t = i / n;
    const ang = a0 + sweep * t;
    const z = lerpZ(a, c, t);
    out.push(z === undefined ? [cx + r * Math.cos(ang), cy + r * Math.sin(ang)] : [cx + r * Math.cos(ang), cy + r * Math.sin(ang), z]);
  }
  out.push(c.slice());
  return out;
}

/**
 * Densifies a GML `ArcString` (positions p0,p1,p2,p3,p4…: arcs p0-p1-p2,
 * p2-p3-p4, …). Shared end points appear once.
 */
export function densifyArcString(points: Position[], maxError = DEFAULT_MAX_CHORD_ERROR): Position[] {
  if (points.length < 3) return points.map((p) => p.slice());
  const out: Position[] = [];
  for (let i = 0; i + 2 < points.length; i += 2) {
    const seg = densifyArc3(points[i], points[i + 1], points[i + 2], maxError);
    if (out.length > 0) seg.shift();
    out.push(...seg);
  }
  // An even count leaves one point that starts no full arc: keep it as a straight end.
  if (points.length % 2 === 0) out.push(points[points.length - 1].slice());
  return out;
}

/**
 * Densifies a full circle (GML `Circle`, three points on it) into a closed
 * ring starting and ending at `a`, running in the direction a→b→c.
 */
export function densifyCircle3(a: Position, b: Position, c: Position, maxError = DEFAULT_MAX_CHORD_ERROR): Position[] {
  const circle = circleFrom3Points(a, b, c);
  if (!circle) return [a.slice(), b.slice(), c.slice(), a.slice()];
  const ccw = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]) > 0;
  const a0 = Math.atan2(a[1] - circle.cy, a[0] - circle.cx);
  return densifyCenterArc(circle.cx, circle.cy, circle.r, a0, ccw ? 2 * Math.PI : -2 * Math.PI, maxError, a);
}

/**
 * Densifies an arc given by centre, radius, start angle and signed sweep
 * (radians, counter-clockwise positive), e.g. GML `CircleByCenterPoint`
 * (sweep 2π) or `ArcByCenterPoint`.
 */
export function densifyCenterArc(cx: number, cy: number, r: number, startRad: number, sweepRad: number, maxError = DEFAULT_MAX_CHORD_ERROR, exactStart?: Position): Position[] {
  const n = stepsFor(r, sweepRad, maxError);
  const out: Position[] = [];
  for (let i = 0; i <= n; i++) {
    const ang = startRad + (sweepRad * i) / n;
    out.push([cx + r * Math.cos(ang), cy + r * Math.sin(ang)]);
  }
  if (exactStart) {
    out[0] = exactStart.slice();
    if (Math.abs(Math.abs(sweepRad) - 2 * Math.PI) < 1e-12) out[n] = exactStart.slice();
  } else if (Math.abs(Math.abs(sweepRad) - 2 * Math.PI) < 1e-12) {
    out[n] = out[0].slice();
  }
  return out;
}
