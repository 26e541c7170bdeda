import {CENT, FACILITIES, LEDGER, METRICS, offsetRow} from "./sheets.js";
import {formula, type BookBuilder} from "./layout.js";

export {METRICS};

/**
 * The metrics sheet: the engine's solvency ratios (src/model/metrics.ts) and Minsky's
 * regime (src/model/regime.ts) as formulas over the ledger. A ratio whose denominator is
 * below a cent reads "n/m" (not meaningful), as on the notebook's pages.
 */
export function metricsSheet(book: BookBuilder, breachRows: readonly string[]): void {
  const sheet = book.sheet(METRICS, true);
  offsetRow(sheet);
  const L = (key: string, t: number) => book.cell(LEDGER, key, t, METRICS);
  const ratio = (key: string, label: string, note: string, numerator: (t: number) => string, denominator: (t: number) => string) =>
    sheet.quarters({key, label, unit: "×", note, format: "ratio", cell: (t) => formula(`IF(${denominator(t)}>${CENT},(${numerator(t)})/(${denominator(t)}),"n/m")`)});
  const annualisedEbitda = (t: number) => `4*${L("ebitda", t)}`;

  ratio("interestCoverageEbitda", "Interest coverage (EBITDA ÷ interest)", "below 1.0× EBITDA does not cover interest", (t) => L("ebitda", t), (t) => L("interest", t));
  ratio("interestCoverageEbit", "Interest coverage (EBIT ÷ interest)", "", (t) => L("ebit", t), (t) => L("interest", t));
  ratio("netLeverage", "Net leverage ((debt − cash) ÷ annualised EBITDA)", "EBITDA of the quarter × 4", (t) => `${L("closingDebt", t)}-${L("closingCash", t)}`, annualisedEbitda);
  ratio("dscr", "Debt service coverage (operating cash flow ÷ interest, fees and principal due)", "", (t) => L("operatingCashFlow", t), (t) => `${L("interest", t)}+${L("fees", t)}+${L("principalDue", t)}`);
  ratio("runwayQuarters", "Runway (quarters of liquidity at this quarter's burn)", "cash + undrawn revolver ÷ cash burnt before financing",
    (t) => `MAX(0,${L("closingCash", t)}+${L("undrawnRevolver", t)})`, (t) => `-${L("cashFlowBeforeFinancing", t)}`);
  ratio("fixedChargeCoverage", "Fixed-charge coverage (EBITDA ÷ (interest + leases))", "with leases as a fixed charge", (t) => L("ebitda", t), (t) => `${L("interest", t)}+${L("leasePayments", t)}`);
  ratio("netLeverageWithLeases", "Net leverage with lease liabilities", "lease liability counted as debt", (t) => `${L("closingDebt", t)}+${L("leaseLiability", t)}-${L("closingCash", t)}`, annualisedEbitda);
  sheet.quarters({key: "regime", label: "Minsky regime", unit: "", format: "text",
    note: "hedge: operating cash flow meets interest and principal due; speculative: interest only; ponzi: not even interest",
    cell: (t) => formula(`IF(${L("operatingCashFlow", t)}<${L("interest", t)},"ponzi",IF(${L("operatingCashFlow", t)}<${L("interest", t)}+${L("principalDue", t)},"speculative","hedge"))`)});
  const afterMaintenance = (t: number) => `(${L("operatingCashFlow", t)}-${L("maintenanceCapex", t)})`;
  sheet.quarters({key: "regimeAfterMaintenance", label: "Minsky regime after maintenance capex", unit: "", format: "text",
    note: "the same, on operating cash flow less maintenance capex (replacing what reaches the end of its life)",
    cell: (t) => formula(`IF(${afterMaintenance(t)}<${L("interest", t)},"ponzi",IF(${afterMaintenance(t)}<${L("interest", t)}+${L("principalDue", t)},"speculative","hedge"))`)});
  sheet.quarters({key: "covenantBreach", label: "A maintenance covenant breached", unit: "TRUE/FALSE", format: "text",
    note: "any covenant's breach on the facilities sheet (cured or not)",
    cell: (t) => formula(breachRows.length ? `OR(${breachRows.map((key) => book.cell(FACILITIES, key, t, METRICS)).join(",")})` : "FALSE")});
}
