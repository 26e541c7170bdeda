import {z} from "zod";
import {isQuarterLabel, quarterOffset} from "./quarter.js";

/**
 * The model's inputs: what a page, a scenario file, a loader, the CLI or a worker hands
 * to `project`. Units, once for all: money in USD millions, interest rates and fees as
 * annual decimals (0.05 = 5 % a year), growth as a decimal per quarter, quarters as labels
 * ("2026Q1"). The schema is the one gate for untrusted input: past `parseModelInput`
 * nothing in the model checks again.
 */

// A JSON number that is a real figure: zod 4 already refuses NaN and ±Infinity (1e309
// parses as Infinity); the bounds keep a slider's extreme or a typo from overflowing.
const MAX_MONEY = 1e9; // USD millions, i.e. a quadrillion dollars
const money = z.number().min(0, "must not be negative").max(MAX_MONEY, "is beyond any balance sheet (USD millions)");
const annualRate = z.number().min(-0.1, "is below -10 % a year").max(2, "is above 200 % a year");
const share = z.number().min(0, "must be between 0 and 1").max(1, "must be between 0 and 1");
const feeRate = z.number().min(0, "must not be negative").max(0.5, "is above 50 %");
const growthRate = z.number().min(-1, "cannot fall below -100 %").max(5, "is above 500 % a quarter");
const quarterCount = (max: number) => z.number().int("must be a whole number of quarters").min(1).max(max);
const quarter = z.string().refine(isQuarterLabel, "must be a quarter like 2026Q1");

/** A value per quarter: one number for every quarter, or a list whose last value holds. */
const path = (value: z.ZodNumber) => z.union([value, z.array(value).min(1, "needs at least one value")]);

const rate = z.discriminatedUnion("type", [
  z.object({type: z.literal("fixed"), annualRate}).strict(),
  z.object({
    type: z.literal("floating"),
    spread: annualRate,
    // A floor on the base rate, as credit agreements write it (e.g. SOFR floor 0 %).
    floor: annualRate.optional()
  }).strict()
]);

const amortisation = z.discriminatedUnion("type", [
  z.object({type: z.literal("bullet")}).strict(),
  z.object({type: z.literal("straightLine")}).strict(),
  z.object({type: z.literal("annuity")}).strict()
]);

const facility = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "must be lower-case letters, digits and dashes"),
  name: z.string().min(1).max(120),
  /** Drawn and outstanding at the start of the first projected quarter. */
  principal: money,
  /** Delayed draws: amounts drawn at the start of later quarters. */
  draws: z.array(z.object({quarter, amount: money}).strict()).default([]),
  rate,
  amortisation: amortisation.default({type: "bullet"}),
  /** The quarter at whose end the remaining balance is due. */
  maturity: quarter,
  /** Paid in cash on each amount drawn. */
  upfrontFeeRate: feeRate.default(0),
  /** Annual fee on committed, undrawn amounts. */
  commitmentFeeRate: feeRate.default(0),
  /** Whether the refinancing assumptions apply at maturity. */
  refinanceable: z.boolean().default(true),
  /**
   * Payment in kind: the share of each quarter's interest added to principal instead of
   * paid in cash (in the maturity quarter, all interest is paid in cash).
   */
  pikShare: share.default(0),
  /**
   * Original issue discount and issuance costs not yet amortised at the start: amortised
   * straight line to maturity, a non-cash part of reported interest expense.
   */
  discount: money.default(0),
  /**
   * Maintenance covenants, tested at each quarter's end with the facility's definitions,
   * and what follows a breach.
   */
  covenants: z.array(z.object({
    /**
     * minimumLiquidity: cash + undrawn revolver ≥ threshold (USD millions);
     * interestCoverage: EBITDA / interest ≥ threshold; maximumLeverage: net debt /
     * annualised EBITDA ≤ threshold; dscr: operating cash flow / debt service ≥ threshold.
     */
    kind: z.enum(["minimumLiquidity", "interestCoverage", "maximumLeverage", "dscr"]),
    threshold: z.number().min(0, "must not be negative").max(MAX_MONEY),
    consequence: z.discriminatedUnion("type", [
      /** The lenders waive it for a fee (paid the next quarter) and a step-up in the spread (from the next quarter, once per covenant). */
      z.object({type: z.literal("waiver"), fee: money, spreadStepUp: z.number().min(0).max(0.5)}).strict(),
      /** Equity is put in to cure the shortfall, up to `limit` in all (minimum liquidity only). */
      z.object({type: z.literal("equityCure"), limit: money}).strict(),
      /** The whole balance falls due the next quarter. */
      z.object({type: z.literal("accelerate")}).strict()
    ])
  }).strict()).default([]),
  /**
   * Optional prepayments: at a quarter's end, after minimum cash is held, up to `amount` of
   * the balance is repaid early from cash above minimum cash (never borrowed for), in the
   * facilities' listed order (seniority) when several fall in one quarter.
   */
  prepayments: z.array(z.object({quarter, amount: money}).strict()).default([]),
  /** A call premium: this share of each amount prepaid, paid in cash with it. */
  prepaymentPremium: share.default(0),
  /** An interest-rate hedge on part of a floating facility's balance, until a quarter's end. */
  hedge: z.discriminatedUnion("type", [
    /** Pays a fixed rate instead of the reference rate on the notional. */
    z.object({type: z.literal("swap"), notional: money, fixedRate: annualRate, until: quarter}).strict(),
    /** Caps the reference rate at the strike on the notional. */
    z.object({type: z.literal("cap"), notional: money, strike: annualRate, until: quarter}).strict()
  ]).optional()
}).strict();

const revolver = z.object({
  name: z.string().min(1).max(120).default("Revolving credit facility"),
  capacity: money,
  drawn: money.default(0),
  rate,
  commitmentFeeRate: feeRate.default(0),
  /** After this quarter nothing can be drawn, and what is drawn falls due. */
  maturity: quarter.optional()
}).strict();

const marketShut = z.object({from: quarter, to: quarter}).strict();

const costs = z.discriminatedUnion("kind", [
  z.object({kind: z.literal("margin"), ebitdaMargin: path(z.number().min(-10).max(1))}).strict(),
  z.object({
    kind: z.literal("lines"),
    lines: z.array(z.object({
      name: z.string().min(1).max(120),
      shareOfRevenue: path(z.number().min(0).max(10)).default(0),
      /** Cost of the last reported quarter that does not scale with revenue. */
      fixedPerQuarter: money.default(0),
      fixedGrowth: z.number().min(-1).max(5).default(0)
    }).strict()).min(1, "needs at least one cost line")
  }).strict()
]);

const modelInputObject = z.object({
  /** The first projected quarter. */
  start: quarter,
  quarters: quarterCount(120),
  openingCash: money,
  minimumCash: money.default(0),
  revenue: z.object({
    /** Revenue of the quarter before `start`, the base that growth applies to. */
    lastQuarter: money,
    /** Growth a quarter: of revenue, or of bookings when revenue follows the backlog. */
    growth: path(growthRate),
    /**
     * Revenue from the backlog (remaining performance obligations): when `follows`, each
     * quarter recognises backlog ÷ `termQuarters`, and bookings, compounding from
     * `bookings` at the growth path, refill it (src/model/revenue.ts).
     */
    backlog: z.object({
      /** The backlog at the start of the first projected quarter. */
      opening: money,
      /** Bookings of the quarter before `start`: the base the growth path applies to. */
      bookings: money,
      /** The backlog's weighted remaining term: it converts to revenue over this many quarters. */
      termQuarters: z.number().min(1, "must be at least one quarter").max(400, "is above 400 quarters"),
      follows: z.boolean()
    }).strict().optional(),
    /** The largest customer: its share of revenue, and the quarter from which it stops paying, and why. */
    largestCustomer: z.object({
      share,
      /** Absent: it never stops. */
      stopsFrom: quarter.optional(),
      /** nonRenewal: its revenue stops; default: it stops, and the quarter before's billing is never collected. */
      because: z.enum(["nonRenewal", "default"]).default("nonRenewal")
    }).strict().optional()
  }).strict(),
  costs,
  depreciation: z.object({
    /** Depreciation of assets held at the start, per quarter, while their life lasts. */
    openingPerQuarter: money.default(0),
    openingRemainingQuarters: z.number().int().min(0).max(400).default(0),
    /** Straight-line life of new capex, from the quarter after it is spent. */
    capexLifeQuarters: quarterCount(400).default(24),
    /**
     * Capex spent before `start` (reported purchases of property and equipment), a vintage
     * a quarter: each depreciates over `capexLifeQuarters` from the quarter after it is spent
     * and is replaced (maintenance capex) in the quarter its life ends, as projected capex is.
     * `openingPerQuarter` is then the opening charge these vintages do not explain.
     */
    vintages: z.array(z.object({quarter, amount: money}).strict()).max(400, "holds more than a century of quarters").default([])
  }).strict().default({openingPerQuarter: 0, openingRemainingQuarters: 0, capexLifeQuarters: 24, vintages: []}),
  capex: path(money),
  /**
   * Capex that follows growth: when `follows`, a quarter's capex is
   * `perAddedAnnualRevenue` × 4 × the revenue added `leadQuarters` ahead (never negative),
   * instead of the `capex` path. GPUs are bought `leadQuarters` before they earn.
   */
  capexIntensity: z.object({
    /** Capex per USD of added annual revenue. */
    perAddedAnnualRevenue: z.number().min(0, "must not be negative").max(50, "is above 50 USD per USD of added annual revenue"),
    /** Quarters between buying capacity and earning from it. */
    leadQuarters: z.number().int("must be a whole number of quarters").min(0).max(8),
    follows: z.boolean()
  }).strict().optional(),
  /**
   * Equity raised: cash from shareholders (a placement, an offering) at the start of each
   * quarter, before debt service and before any shortfall is borrowed for. Not debt.
   */
  equityRaised: path(money).default(0),
  /**
   * Whether the market-shut windows (`refinancing.marketShut`) shut equity markets too: no
   * equity is raised in their quarters, whatever `equityRaised` holds for them.
   */
  marketShutIncludesEquity: z.boolean().default(false),
  taxRate: share.default(0),
  /** The reference rate (e.g. three-month term SOFR), annual, per quarter. */
  baseRate: path(annualRate),
  /**
   * Interest on the balance after the quarter's draws ("endOfPeriod"), or on the average of
   * that and the closing balance ("average"), solved in closed form, without iteration.
   */
  interestConvention: z.enum(["endOfPeriod", "average"]).default("endOfPeriod"),
  /**
   * Leases as a fixed charge: payments a quarter, paid in cash after EBITDA (use where
   * EBITDA is before rent), and the lease liability at the start, running down straight
   * line over `remainingQuarters`. Leverage and coverage are shown with and without them.
   */
  leases: z.object({paymentPerQuarter: path(money), liability: money, remainingQuarters: quarterCount(400)}).strict().optional(),
  /** A share of cash above minimum cash plus a buffer repays term facilities in their listed order (seniority) at each quarter's end. */
  cashSweep: z.object({share, buffer: money.default(0)}).strict().optional(),
  /** Share of interest capitalised into assets under construction: lowers reported interest expense, not cash paid. */
  capitalisedInterestShare: path(share).default(0),
  facilities: z.array(facility).min(1, "a debt-financed company needs at least one facility"),
  revolver: revolver.optional(),
  refinancing: z.object({
    shareRolled: share,
    spread: annualRate,
    tenorQuarters: quarterCount(120),
    feeRate: feeRate.default(0),
    marketShut: z.array(marketShut).default([])
  }).strict().default({shareRolled: 0, spread: 0, tenorQuarters: 20, feeRate: 0, marketShut: []}),
  newBorrowing: z.object({
    /** The most that can be borrowed in all, gross of fees, over the projection. */
    limit: money,
    /** The most that can be borrowed in any one quarter, gross of fees; absent: no cap a quarter beyond what is left of the limit. */
    perQuarter: money.optional(),
    spread: annualRate,
    tenorQuarters: quarterCount(120),
    feeRate: feeRate.default(0)
  }).strict().default({limit: 0, spread: 0, tenorQuarters: 20, feeRate: 0})
}).strict();

type CrossFieldIssue = {path: Array<string | number>; message: string};

export const modelInputSchema = modelInputObject.superRefine((input, context) => {
  for (const issue of crossFieldIssues(input)) context.addIssue({code: "custom", ...issue});
});

/**
 * Rules across fields, which a field's own schema cannot see. With `validBase`, a validated
 * input whose fields `input` shares where it can (a variant, every field of which has passed
 * its own schema): every label is then a real one, and the facilities' rules, which read only
 * the start and the facilities, hold as they held for the base when both are the base's own.
 */
function crossFieldIssues(input: z.output<typeof modelInputObject>, validBase?: ModelInput): CrossFieldIssue[] {
  const issues: CrossFieldIssue[] = [];
  // Zod runs these even when a field failed (its issues do not abort), so they compare
  // quarters only once every label involved is a real one.
  if (!validBase && !allQuarterLabels(input)) return issues;
  const facilitiesChecked = validBase !== undefined && input.start === validBase.start && input.facilities === validBase.facilities;
  if (!facilitiesChecked) input.facilities.forEach((f, i) => {
    if (quarterOffset(input.start, f.maturity) < 0) {
      issues.push({path: ["facilities", i, "maturity"], message: `matures (${f.maturity}) before the projection starts (${input.start})`});
    }
    f.draws.forEach((draw, j) => {
      if (quarterOffset(input.start, draw.quarter) < 0) {
        issues.push({path: ["facilities", i, "draws", j, "quarter"], message: `is before the projection starts (${input.start})`});
      } else if (quarterOffset(f.maturity, draw.quarter) >= 0) {
        issues.push({path: ["facilities", i, "draws", j, "quarter"], message: `is not before the facility matures (${f.maturity})`});
      }
    });
    f.prepayments.forEach((prepayment, j) => {
      if (quarterOffset(input.start, prepayment.quarter) < 0) {
        issues.push({path: ["facilities", i, "prepayments", j, "quarter"], message: `is before the projection starts (${input.start})`});
      } else if (quarterOffset(f.maturity, prepayment.quarter) >= 0) {
        issues.push({path: ["facilities", i, "prepayments", j, "quarter"], message: `is not before the facility matures (${f.maturity}), when all of it is due anyway`});
      }
    });
    if (f.pikShare > 0 && f.amortisation.type === "annuity") {
      issues.push({path: ["facilities", i, "pikShare"], message: "payment in kind does not go with annuity repayment (its level payment would have to be re-solved); use bullet or straight-line"});
    }
    f.covenants.forEach((c, j) => {
      if (c.consequence.type === "equityCure" && c.kind !== "minimumLiquidity") {
        issues.push({path: ["facilities", i, "covenants", j, "consequence"], message: "an equity cure here cures minimum liquidity only"});
      }
    });
    if (f.hedge && f.rate.type !== "floating") {
      issues.push({path: ["facilities", i, "hedge"], message: "hedges a floating rate; this facility is fixed"});
    }
    if (f.hedge && quarterOffset(input.start, f.hedge.until) < 0) {
      issues.push({path: ["facilities", i, "hedge", "until"], message: `ends (${f.hedge.until}) before the projection starts (${input.start})`});
    }
    if (input.facilities.findIndex((other) => other.id === f.id) !== i) {
      issues.push({path: ["facilities", i, "id"], message: `"${f.id}" names two facilities`});
    }
  });
  const stopsFrom = input.revenue.largestCustomer?.stopsFrom;
  if (stopsFrom !== undefined && quarterOffset(input.start, stopsFrom) < 0) {
    issues.push({path: ["revenue", "largestCustomer", "stopsFrom"], message: `is before the projection starts (${input.start})`});
  }
  const r = input.revolver;
  if (r && r.drawn > r.capacity) {
    issues.push({path: ["revolver", "drawn"], message: "is more than the revolver's capacity"});
  }
  if (r?.maturity && quarterOffset(input.start, r.maturity) < 0) {
    issues.push({path: ["revolver", "maturity"], message: `matures (${r.maturity}) before the projection starts (${input.start})`});
  }
  input.depreciation.vintages.forEach((v, i) => {
    if (quarterOffset(input.start, v.quarter) >= 0) {
      issues.push({path: ["depreciation", "vintages", i, "quarter"], message: `is not before the projection starts (${input.start}): projected capex is the capex input`});
    }
  });
  issues.push(...marketShutIssues(input.refinancing.marketShut));
  return issues;
}

function marketShutIssues(windows: readonly {from: string; to: string}[]): Array<{path: Array<string | number>; message: string}> {
  return windows.flatMap((window, i) => quarterOffset(window.from, window.to) < 0
    ? [{path: ["refinancing", "marketShut", i, "to"], message: `ends (${window.to}) before it starts (${window.from})`}]
    : []);
}

function allQuarterLabels(input: {start: string; depreciation: {vintages: {quarter: string}[]}; revenue: {largestCustomer?: {stopsFrom?: string | undefined} | undefined}; facilities: {maturity: string; draws: {quarter: string}[]; prepayments: {quarter: string}[]; hedge?: {until: string} | undefined}[]; revolver?: {maturity?: string | undefined} | undefined; refinancing: {marketShut: {from: string; to: string}[]}}): boolean {
  const labels = [
    input.start,
    ...input.depreciation.vintages.map((v) => v.quarter),
    ...(input.revenue.largestCustomer?.stopsFrom === undefined ? [] : [input.revenue.largestCustomer.stopsFrom]),
    ...input.facilities.flatMap((f) => [f.maturity, ...f.draws.map((d) => d.quarter), ...f.prepayments.map((p) => p.quarter), ...(f.hedge ? [f.hedge.until] : [])]),
    ...(input.revolver?.maturity === undefined ? [] : [input.revolver.maturity]),
    ...input.refinancing.marketShut.flatMap((w) => [w.from, w.to])
  ];
  return labels.every(isQuarterLabel);
}

/** What a caller writes: optional fields may be left out. */
export type ModelInputDraft = z.input<typeof modelInputSchema>;
/** What the model reads: validated, with every default filled in. */
export type ModelInput = z.output<typeof modelInputSchema>;
export type FacilityInput = ModelInput["facilities"][number];
export type RevolverInput = NonNullable<ModelInput["revolver"]>;
export type RateInput = FacilityInput["rate"];
export type Path = number | readonly number[];

export interface InputIssue {
  /** Where, as a path a person reads: `facilities[2].principal`. */
  field: string;
  message: string;
}

/** Bad model input: names every field that is wrong, and why. */
export class ModelInputError extends Error {
  readonly field: string;
  constructor(readonly issues: InputIssue[]) {
    const first = issues[0] ?? {field: "(input)", message: "is not valid"};
    super(issues.map((issue) => `${issue.field}: ${issue.message}`).join("; "));
    this.name = "ModelInputError";
    this.field = first.field;
  }
}

export function fieldPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const key of path) {
    text += typeof key === "number" ? `[${key}]` : `${text ? "." : ""}${String(key)}`;
  }
  return text || "(input)";
}

// Inputs that passed the schema. `project` skips validation for these, so a grid of
// projections pays for the schema once; they are frozen so that they stay valid.
const validated = new WeakSet<object>();

export function isValidatedInput(input: unknown): input is ModelInput {
  return typeof input === "object" && input !== null && validated.has(input);
}

/** The gate: returns a frozen, complete `ModelInput`, or throws `ModelInputError`. */
export function parseModelInput(raw: unknown): ModelInput {
  if (isValidatedInput(raw)) return raw;
  const result = modelInputSchema.safeParse(raw);
  if (!result.success) {
    throw new ModelInputError(result.error.issues.map((issue) => ({field: fieldPath(issue.path), message: issue.message})));
  }
  const input = deepFreeze(result.data);
  validated.add(input);
  return input;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * The paths a simulation redraws for each of its paths, checked by the same schemas as a
 * whole input. Validating only these lets ten thousand variants of one validated input
 * skip re-parsing everything else (the whole schema costs about 50 µs an input).
 */
const pathChangeSchema = z.object({
  growth: modelInputObject.shape.revenue.shape.growth,
  baseRate: modelInputObject.shape.baseRate,
  marketShut: z.array(marketShut)
}).partial().strict();

export type PathChange = z.input<typeof pathChangeSchema>;

/** A validated input with its revenue growth, base rate or market-shut windows replaced. */
export function withPaths(input: ModelInput, change: PathChange): ModelInput {
  const base = parseModelInput(input);
  // The quick check first (the same bounds, read off the schemas); zod only to word an error.
  if (!quickPathCheck(change)) {
    const result = pathChangeSchema.safeParse(change);
    const issues = result.success ? marketShutIssues(result.data.marketShut ?? []) : result.error.issues;
    throw new ModelInputError(issues.length
      ? issues.map((issue) => ({field: fieldPath(issue.path), message: issue.message}))
      : [{field: "(paths)", message: "is not a valid change of paths"}]);
  }
  const {growth, baseRate, marketShut: shut} = change;
  const varied: ModelInput = {
    ...base,
    revenue: growth === undefined ? base.revenue : {...base.revenue, growth: copyPath(growth)},
    baseRate: baseRate === undefined ? base.baseRate : copyPath(baseRate),
    refinancing: shut === undefined ? base.refinancing : {...base.refinancing, marketShut: shut.map(({from, to}) => ({from, to}) as ModelInput["refinancing"]["marketShut"][number])}
  };
  // Only what is new needs freezing; the rest is the validated input's, frozen already.
  Object.freeze(varied);
  Object.freeze(varied.revenue);
  if (typeof varied.revenue.growth !== "number") Object.freeze(varied.revenue.growth);
  if (typeof varied.baseRate !== "number") Object.freeze(varied.baseRate);
  Object.freeze(varied.refinancing);
  Object.freeze(varied.refinancing.marketShut);
  varied.refinancing.marketShut.forEach(Object.freeze);
  validated.add(varied);
  return varied;
}

const copyPath = (p: number | readonly number[]): number | number[] => typeof p === "number" ? p : [...p];

/** A schema's bounds, read once: zod computes them from its checks on every read. */
const boundsOf = (schema: z.ZodNumber) => ({min: schema.minValue ?? -Infinity, max: schema.maxValue ?? Infinity});
const GROWTH_BOUNDS = boundsOf(growthRate);
const RATE_BOUNDS = boundsOf(annualRate);

function withinBounds(p: unknown, {min, max}: {min: number; max: number}): boolean {
  if (typeof p === "number") return Number.isFinite(p) && p >= min && p <= max;
  if (!Array.isArray(p) || p.length === 0) return false;
  for (const x of p) if (!(typeof x === "number" && Number.isFinite(x) && x >= min && x <= max)) return false;
  return true;
}

/**
 * Drawn values of a path (a simulation's growth or reference rate, handed to a batch as a
 * typed array) checked against the schema's bounds for that path: an issue for the first
 * value out of range, or none.
 */
export function pathValueIssues(field: "growth" | "baseRate", values: ArrayLike<number>): InputIssue[] {
  const {min, max} = field === "growth" ? GROWTH_BOUNDS : RATE_BOUNDS;
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    if (!(Number.isFinite(x) && x >= min && x <= max)) return [{field: `${field}[${i}]`, message: `is ${x}, outside ${min} to ${max}`}];
  }
  return [];
}

function quickPathCheck(change: PathChange): boolean {
  if (typeof change !== "object" || change === null) return false;
  for (const key in change) if (key !== "growth" && key !== "baseRate" && key !== "marketShut") return false;
  if (change.growth !== undefined && !withinBounds(change.growth, GROWTH_BOUNDS)) return false;
  if (change.baseRate !== undefined && !withinBounds(change.baseRate, RATE_BOUNDS)) return false;
  if (change.marketShut !== undefined) {
    if (!Array.isArray(change.marketShut)) return false;
    for (const w of change.marketShut) {
      if (typeof w !== "object" || w === null || Object.keys(w).length !== 2 || !isQuarterLabel(w.from) || !isQuarterLabel(w.to) || quarterOffset(w.from, w.to) < 0) return false;
    }
  }
  return true;
}

/**
 * Parses a variant of a validated input: a draft that shares most of its top-level fields
 * with `base` (the same objects, as a spread leaves them). Fields it shares are taken as
 * validated; the others go through their own schemas, then every cross-field rule runs.
 * The same schemas, so the same answer as `parseModelInput`, in a fraction of the time: a
 * sensitivity grid of 1,600 variants would otherwise spend most of its time in the schema.
 * Anything unexpected, or any error, goes to `parseModelInput`, which words the error.
 */
export function parseVariant(base: ModelInput, draft: unknown, parsed?: ParsedFields): ModelInput {
  if (!isValidatedInput(base) || typeof draft !== "object" || draft === null || isValidatedInput(draft)) return parseModelInput(draft);
  const shape = modelInputObject.shape;
  const fields = draft as Record<string, unknown>;
  for (const key in fields) if (!Object.hasOwn(shape, key)) return parseModelInput(draft);
  const out: Record<string, unknown> = {};
  for (const key of SHAPE_KEYS) {
    const value = fields[key];
    if (value === base[key]) { out[key] = value; continue; }
    const field = parsed ? parsed.get(key, value) : parseField(key, value);
    if (field === INVALID) return parseModelInput(draft);
    out[key] = field;
  }
  const input = out as ModelInput;
  if (crossFieldIssues(input, base).length) return parseModelInput(draft);
  const frozen = deepFreeze(input);
  validated.add(frozen);
  return frozen;
}

const SHAPE_KEYS = Object.keys(modelInputObject.shape) as Array<keyof typeof modelInputObject.shape>;
const INVALID: unique symbol = Symbol("invalid");

function parseField(key: keyof typeof modelInputObject.shape, value: unknown): unknown {
  const result = modelInputObject.shape[key].safeParse(value);
  return result.success ? deepFreeze(result.data) : INVALID;
}

/**
 * Fields parsed for variants of one base, by their JSON: a grid's 1,600 cells hold a few
 * dozen distinct values of the fields its two inputs move, and each is parsed (and frozen)
 * once. The value parsed from equal JSON is the same value, so the variants are those
 * `parseVariant` gives without it.
 */
export class ParsedFields {
  private readonly byField = new Map<string, Map<string, unknown>>();
  // The same object again (a draft field made once and laid on many variants) is found without writing it.
  private readonly byObject = new WeakMap<object, {key: string; field: unknown}>();
  // Each field's last value: a grid's next cell remakes most fields equal to its neighbour's
  // (the controls lay new facility objects on every cell), and walking two values to compare
  // them costs a fraction of writing one out (a sixth of a 72-cell grid's time was JSON).
  private readonly last = new Map<string, {value: object; field: unknown}>();

  get(key: keyof typeof modelInputObject.shape, value: unknown): unknown {
    // A number (a reference rate, a minimum cash) parses faster than it is written.
    if (typeof value !== "object" || value === null) return parseField(key, value);
    const seen = this.byObject.get(value);
    if (seen && seen.key === key) return seen.field;
    const last = this.last.get(key);
    if (last && sameData(value, last.value)) {
      this.byObject.set(value, {key, field: last.field});
      return last.field;
    }
    const field = this.byJson(key, value);
    this.last.set(key, {value, field});
    return field;
  }

  private byJson(key: keyof typeof modelInputObject.shape, value: object): unknown {
    let known = this.byField.get(key);
    if (!known) this.byField.set(key, known = new Map());
    const text = JSON.stringify(value);
    let field = known.get(text);
    if (field === undefined) known.set(text, field = parseField(key, value));
    this.byObject.set(value, {key, field});
    return field;
  }
}

/**
 * Whether two values read from JSON hold the same data: the same keys in the same order and
 * the same primitives (by ===, so a NaN is never the same: such a value is written out and
 * compared as JSON instead). Where this says yes, the two would write the same JSON.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a), kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i]!;
    if (k !== kb[i] || !sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}
