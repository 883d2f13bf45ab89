/** A stencil point along a line θ + τ·s: its signed τ and the ReLU pre-activations there. */
export interface StencilSample {
  readonly tau: number;
  readonly reluZ: readonly number[];
}

/** A ReLU unit whose on/off state changes inside a stencil: its index in `reluZ` and the kink's estimated |τ|. */
export interface Crossing {
  readonly unit: number;
  readonly distance: number;
}

const on = (z: number): boolean => z > 0; // ReLU′(0) = 0: z = 0 counts as off

/**
 * The ReLU units whose state at some stencil point differs from the centre's, each with the distance |τ*| to its
 * kink: z linearised along the line, z(τ) ≈ z(0) + τ·ż with ż from the innermost pair of points, so τ* = |z(0)/ż|,
 * capped by the nearest point where the state was seen to differ.
 */
export function kinkCrossings(center: readonly number[], samples: readonly StencilSample[]): Crossing[] {
  const plus = innermost(samples, 1), minus = innermost(samples, -1);
  const crossings: Crossing[] = [];
  center.forEach((z0, r) => {
    let observed = Number.POSITIVE_INFINITY;
    for (const p of samples) if (on(p.reluZ[r]!) !== on(z0)) observed = Math.min(observed, Math.abs(p.tau));
    if (observed === Number.POSITIVE_INFINITY) return;
    let linear = Number.POSITIVE_INFINITY;
    if (plus && minus) {
      const slope = (plus.reluZ[r]! - minus.reluZ[r]!) / (plus.tau - minus.tau);
      if (slope !== 0) linear = Math.abs(z0 / slope);
    }
    crossings.push({ unit: r, distance: Math.min(linear, observed) });
  });
  return crossings;
}

/**
 * For the points on one side of the centre (all τ of one sign), the units whose state changes between them,
 * with the kink's |τ| interpolated linearly between the two points that bracket it (a one-sided stencil must not
 * straddle a second kink).
 */
export function sideCrossings(samples: readonly StencilSample[]): Crossing[] {
  const sorted = [...samples].sort((a, b) => Math.abs(a.tau) - Math.abs(b.tau));
  const inner = sorted[0];
  if (!inner) return [];
  const crossings: Crossing[] = [];
  inner.reluZ.forEach((_, r) => {
    for (let k = 1; k < sorted.length; k++) {
      const a = sorted[k - 1]!, b = sorted[k]!;
      const za = a.reluZ[r]!, zb = b.reluZ[r]!;
      if (on(za) === on(zb)) continue;
      const fraction = za === zb ? 0.5 : za / (za - zb);
      crossings.push({ unit: r, distance: Math.abs(a.tau) + (Math.abs(b.tau) - Math.abs(a.tau)) * Math.min(Math.max(fraction, 0), 1) });
      return;
    }
  });
  return crossings;
}

function innermost(samples: readonly StencilSample[], sign: 1 | -1): StencilSample | undefined {
  let best: StencilSample | undefined;
  for (const p of samples) if (Math.sign(p.tau) === sign && (!best || Math.abs(p.tau) < Math.abs(best.tau))) best = p;
  return best;
}
