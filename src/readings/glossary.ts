/**
 * The terms a reader meets on the charts and in the summaries, each defined once, in plain
 * words, as the model computes it (docs/model.md has the formulas). The charts name the
 * terms they use (their spec's `usermeta.terms`) and show these definitions beneath them;
 * a page may mark a term in its prose with the same definition.
 */
export const GLOSSARY = {
  interestCoverage: {term: "Interest coverage", definition: "EBITDA (earnings before interest, taxes, depreciation and amortisation) divided by the quarter's interest; below 1.0× the quarter's earnings do not pay its interest. EBIT coverage is the same after depreciation."},
  dscr: {term: "DSCR", definition: "Debt-service coverage ratio: operating cash flow divided by debt service (interest, fees and the principal falling due); below 1.0× the quarter's cash from operations does not meet what is owed."},
  hedge: {term: "Hedge finance", definition: "Minsky's safest regime: operating cash flow covers both the interest and the principal falling due."},
  speculative: {term: "Speculative finance", definition: "Minsky's middle regime: operating cash flow covers the interest but not the principal falling due, so maturing debt must be rolled over."},
  ponzi: {term: "Ponzi finance", definition: "Minsky's riskiest regime: operating cash flow does not cover even the interest, so the company borrows (or sells assets or shares) to pay it."},
  maintenanceCapex: {term: "Maintenance capex", definition: "The capex that replaces equipment at the end of its useful life (each quarter's GPUs bought again when they wear out). The regime after maintenance capex applies Minsky's tests to operating cash flow less this capex."},
  fundingGap: {term: "Funding gap", definition: "What no source covers (cash held, the revolver, new borrowing, refinancing): cash is never shown below zero, and the shortfall, summed to date, is the gap. The first quarter with a gap is the first the company cannot pay."},
  backlog: {term: "Backlog", definition: "Revenue customers have contracted for and the company has not yet recognised, as it reports it at a period's end (remaining performance obligations is the accounting measure of it)."},
  covenant: {term: "Covenant breach", definition: "A quarter in which a loan's maintenance test (minimum liquidity, interest coverage, leverage or DSCR) fails; the loan's terms then set a waiver, an equity cure or acceleration."}
} as const satisfies Record<string, {readonly term: string; readonly definition: string}>;

export type GlossaryTerm = keyof typeof GLOSSARY;

export const isGlossaryTerm = (key: unknown): key is GlossaryTerm => typeof key === "string" && Object.hasOwn(GLOSSARY, key);
