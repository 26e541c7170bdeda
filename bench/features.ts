import {decimalArithmetic, parseModelInput, project, type ModelInputDraft} from "../src/model/index.js";
import {benchCompany as plain, benchCompanyAllFeatures as all} from "./company.js";
import {median} from "./measure.js";

/**
 * What each debt-schedule feature costs the decimal ledger alone: the benchmark company
 * with one feature switched on (as the all-features company has it) over the plain one,
 * every variant timed in alternation in one process, so that a busy machine slows them
 * alike. Printed as JSON, one ratio a feature; `npm run bench` shows them beside the
 * all-features ratio they add up to.
 */
const withFacilities = (pick: (f: ModelInputDraft["facilities"][number]) => Partial<ModelInputDraft["facilities"][number]>): ModelInputDraft =>
  ({...plain, facilities: plain.facilities.map((f, i) => ({...f, ...pick(all.facilities[i]!)}))});

const variants: Record<string, ModelInputDraft> = {
  plain,
  average_balance: {...plain, interestConvention: all.interestConvention},
  payment_in_kind: withFacilities((f) => ({pikShare: f.pikShare})),
  hedges: withFacilities((f) => ({hedge: f.hedge})),
  leases: {...plain, leases: all.leases},
  covenants: withFacilities((f) => ({covenants: f.covenants})),
  discounts: withFacilities((f) => ({discount: f.discount})),
  capitalised_interest: {...plain, capitalisedInterestShare: all.capitalisedInterestShare},
  cash_sweep: {...plain, cashSweep: all.cashSweep},
  prepayments: withFacilities((f) => ({prepayments: f.prepayments ?? [], prepaymentPremium: f.prepaymentPremium ?? 0}))
};
const inputs = Object.entries(variants).map(([name, draft]) => [name, parseModelInput(draft)] as const);
const run = (input: (typeof inputs)[number][1]) => project(input, decimalArithmetic);

for (let i = 0; i < 50; i++) for (const [, input] of inputs) run(input);
const times = new Map<string, number[]>(inputs.map(([name]) => [name, []]));
for (let round = 0; round < 21; round++) {
  for (const [name, input] of inputs) {
    const started = performance.now();
    for (let i = 0; i < 10; i++) run(input);
    times.get(name)!.push(performance.now() - started);
  }
}
const base = median(times.get("plain")!);
const ratios = Object.fromEntries(inputs.filter(([name]) => name !== "plain").map(([name]) => [`slowdown_decimal_${name}`, median(times.get(name)!) / base]));
process.stdout.write(JSON.stringify(ratios));
