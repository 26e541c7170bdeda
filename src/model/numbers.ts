import type {Arithmetic} from "./arithmetic.js";
import type {Projection} from "./project.js";

/**
 * A projection with every figure as a JavaScript number, for charts, JSON and the
 * float/decimal comparison. Not for the ledger's own arithmetic: that stays decimal.
 * `arithmetic` still names the arithmetic the figures were computed in.
 */
export function projectionToNumbers<N>(ar: Arithmetic<N>, projection: Projection<N>): Projection<number> {
  // A plain loop, not entries and fromEntries: the story page converts a projection on
  // every input, and this is a tenth of its time there.
  const convert = (value: unknown): unknown => {
    if (value === null || typeof value !== "object") return value;
    if (Array.isArray(value)) return value.map(convert);
    if (value.constructor === Object) {
      const out: Record<string, unknown> = {};
      for (const key in value) out[key] = convert((value as Record<string, unknown>)[key]);
      return out;
    }
    return ar.toNumber(value as N);
  };
  return convert(projection) as Projection<number>;
}
