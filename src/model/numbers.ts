import type {Arithmetic} from "./arithmetic.js";
import type {Projection} from "./project.js";

/**
 * A projection with every figure as a JavaScript number, for charts, JSON and the
 * float/decimal comparison. Not for the ledger's own arithmetic: that stays decimal.
 * `arithmetic` still names the arithmetic the figures were computed in.
 */
export function projectionToNumbers<N>(ar: Arithmetic<N>, projection: Projection<N>): Projection<number> {
  const convert = (value: unknown): unknown => {
    if (value === null || typeof value === "string" || typeof value === "boolean" || typeof value === "number") return value;
    if (Array.isArray(value)) return value.map(convert);
    if (typeof value === "object" && value.constructor === Object) {
      return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, convert(child)]));
    }
    return ar.toNumber(value as N);
  };
  return convert(projection) as Projection<number>;
}
