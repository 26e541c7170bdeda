import {HyperFormula} from "hyperformula";
import {parseModelInput, quarterOffset, type ModelInput} from "../src/model/index.js";
import {pathValue} from "../src/model/rates.js";

/**
 * The benchmark's model laid out as a spreadsheet in HyperFormula, a row per quarter and
 * a block of columns per facility, with formulas over an inputs sheet — what an analyst
 * would build. It covers what the benchmark company uses (margin costs, depreciation,
 * taxes, fixed and floating rates with floors, bullet / straight-line / annuity, delayed
 * draws, a revolver that holds minimum cash) and no more: it refuses other inputs rather
 * than lay out a different model.
 */
export interface ModelSheet {
  readonly hf: HyperFormula;
  /** Sets the shift added to every quarter's base rate; HyperFormula recalculates. */
  setBaseRateShift(shift: number): void;
  closingCash(): number;
}

const column = (index: number): string => {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
};

export function buildModelSheet(draft: unknown): ModelSheet {
  const input: ModelInput = parseModelInput(draft);
  if (input.costs.kind !== "margin" || input.refinancing.shareRolled > 0 || input.newBorrowing.limit > 0) {
    throw new Error("the sheet lays out margin costs without refinancing or new borrowing only");
  }
  if (input.facilities.some((f) => f.upfrontFeeRate > 0 || f.commitmentFeeRate > 0) || (input.revolver && (input.revolver.commitmentFeeRate > 0 || input.revolver.maturity))) {
    throw new Error("the sheet lays out no fees and no revolver maturity");
  }
  const T = input.quarters;
  const rows: (string | number)[][] = [];
  // Quarter t sits at index t + 1 (index 0 is a blank header row), which A1 notation calls row t + 2.
  const row = (t: number) => t + 2;
  let next = 0;
  const col = () => column(next++);
  const [tCol, baseCol, revenueCol, ebitdaCol, capexCol, depCol, ebitCol] = [col(), col(), col(), col(), col(), col(), col()];
  const blocks = input.facilities.map((f) => ({f, bal: col(), rate: col(), interest: col(), due: col(), close: col()}));
  const rev = input.revolver ? {open: col(), rate: col(), interest: col()} : null;
  const [interestCol, dueCol, drawsCol, taxCol, cashBeforeCol, drawCol, repayCol, revCloseCol, cashCol] = [col(), col(), col(), col(), col(), col(), col(), col(), col()];

  const life = input.depreciation.capexLifeQuarters;
  const rateFormula = (rate: ModelInput["facilities"][number]["rate"], r: number) =>
    rate.type === "fixed" ? `${rate.annualRate}` : `${rate.floor === undefined ? `${baseCol}${r}` : `MAX(${baseCol}${r},${rate.floor})`}+${rate.spread}`;

  rows.push([]);
  for (let t = 0; t < T; t++) {
    const r = row(t), p = r - 1;
    const cells: Record<string, string | number> = {};
    cells[tCol] = t;
    cells[baseCol] = `=${pathValue(input.baseRate, t)}+Inputs!$A$1`;
    cells[revenueCol] = `=${t === 0 ? input.revenue.lastQuarter : `${revenueCol}${p}`}*(1+${pathValue(input.revenue.growth, t)})`;
    cells[ebitdaCol] = `=${revenueCol}${r}*${pathValue(input.costs.ebitdaMargin, t)}`;
    cells[capexCol] = pathValue(input.capex, t);
    const first = Math.max(0, t - life);
    const vintages = t === 0 ? "0" : `SUM(${capexCol}${row(first)}:${capexCol}${p})`;
    cells[depCol] = `=${t < input.depreciation.openingRemainingQuarters ? input.depreciation.openingPerQuarter : 0}+${vintages}/${life}`;
    cells[ebitCol] = `=${ebitdaCol}${r}-${depCol}${r}`;
    let draws = 0;
    for (const b of blocks) {
      const m = quarterOffset(input.start, b.f.maturity);
      const draw = b.f.draws.filter((d) => quarterOffset(input.start, d.quarter) === t).reduce((s, d) => s + d.amount, 0);
      draws += draw;
      cells[b.bal] = `=${t === 0 ? b.f.principal : `${b.close}${p}`}+${draw}`;
      cells[b.rate] = `=${rateFormula(b.f.rate, r)}`;
      cells[b.interest] = `=${b.bal}${r}*${b.rate}${r}/4`;
      const left = `(${m}-${tCol}${r}+1)`;
      const scheduled = b.f.amortisation.type === "bullet" ? "0"
        : b.f.amortisation.type === "straightLine" ? `${b.bal}${r}/${left}`
        : `IF(ABS(${b.rate}${r}/4)<0.000000000001,${b.bal}${r}/${left},PMT(${b.rate}${r}/4,${left},-${b.bal}${r})-${b.interest}${r})`;
      cells[b.due] = `=IF(${tCol}${r}>=${m},${b.bal}${r},${scheduled})`;
      cells[b.close] = `=${b.bal}${r}-${b.due}${r}`;
    }
    const interestTerms = blocks.map((b) => `${b.interest}${r}`);
    if (rev && input.revolver) {
      cells[rev.open] = t === 0 ? input.revolver.drawn : `=${revCloseCol}${p}`;
      cells[rev.rate] = `=${rateFormula(input.revolver.rate, r)}`;
      cells[rev.interest] = `=${rev.open}${r}*${rev.rate}${r}/4`;
      interestTerms.push(`${rev.interest}${r}`);
    }
    cells[interestCol] = `=${interestTerms.join("+")}`;
    cells[dueCol] = `=${blocks.map((b) => `${b.due}${r}`).join("+")}`;
    cells[drawsCol] = draws;
    cells[taxCol] = `=MAX(0,${ebitCol}${r}-${interestCol}${r})*${input.taxRate}`;
    const openingCash = t === 0 ? `${input.openingCash}` : `${cashCol}${p}`;
    cells[cashBeforeCol] = `=${openingCash}+${ebitdaCol}${r}-${taxCol}${r}-${interestCol}${r}-${capexCol}${r}-${dueCol}${r}+${drawsCol}${r}`;
    const min = input.minimumCash;
    if (rev && input.revolver) {
      cells[drawCol] = `=IF(${cashBeforeCol}${r}<${min},MIN(${min}-${cashBeforeCol}${r},${input.revolver.capacity}-${rev.open}${r}),0)`;
      cells[repayCol] = `=IF(${cashBeforeCol}${r}<${min},0,MIN(${cashBeforeCol}${r}-${min},${rev.open}${r}))`;
      cells[revCloseCol] = `=${rev.open}${r}+${drawCol}${r}-${repayCol}${r}`;
    } else {
      cells[drawCol] = 0; cells[repayCol] = 0; cells[revCloseCol] = 0;
    }
    cells[cashCol] = `=${cashBeforeCol}${r}+${drawCol}${r}-${repayCol}${r}`;
    rows.push(Array.from({length: next}, (_, i) => cells[column(i)] ?? ""));
  }

  const hf = HyperFormula.buildFromSheets({Inputs: [[0]], Model: rows}, {licenseKey: "gpl-v3", smartRounding: false});
  const inputs = hf.getSheetId("Inputs") as number;
  const model = hf.getSheetId("Model") as number;
  const cashAddress = {sheet: model, row: T, col: next - 1};
  return {
    hf,
    setBaseRateShift: (shift) => { hf.setCellContents({sheet: inputs, row: 0, col: 0}, [[shift]]); },
    closingCash: () => hf.getCellValue(cashAddress) as number
  };
}
