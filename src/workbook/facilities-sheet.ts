import type {ModelInput} from "../model/index.js";
import {INPUTS, NO_MATURITY} from "./inputs-sheet.js";
import {CENT, FACILITIES, LEDGER, METRICS, offsetOf, offsetRow} from "./sheets.js";
import {columnLetter, FIRST_VALUE_COLUMN, formula, type BookBuilder, type SheetBuilder} from "./layout.js";

/**
 * The facilities sheet: one block of rows per facility, in the engine's order (the listed
 * facilities, then the revolver, then new borrowing), each row a formula per quarter that
 * follows the engine's step for one facility (src/model/facility-quarter.ts,
 * `stepFacility`). The rows the engine's ledger books carry its field names (opening,
 * drawn, interest, …), so a test can hold each cell against the engine's.
 */
export {CENT, FACILITIES, LEDGER, offsetOf, offsetRow} from "./sheets.js";

/** The terms of one facility as formula text: references to the inputs sheet, or constants where a kind of facility has none. */
interface FacilityTerms {
  readonly prefix: string;
  readonly name: string;
  readonly kind: "term" | "revolver" | "newBorrowing";
  readonly principal: string;
  readonly floating: string;
  readonly fixedRate: string;
  readonly spread: string;
  readonly hasFloor: string;
  readonly floor: string;
  readonly amortisation: string;
  readonly maturity: string;
  readonly commitmentFee: string;
  /** The kinds of its maintenance covenants, in order (listed facilities only). */
  readonly covenants: readonly string[];
}

/** Each listed facility's covenants as their rows' key prefix ("f0.cov1"), in the order the engine tests them. */
export function covenantKeys(input: ModelInput): {key: string; kind: string}[] {
  return input.facilities.flatMap((f, i) => f.covenants.map((c, j) => ({key: `f${i}.cov${j}`, kind: c.kind})));
}

export function facilityPrefixes(input: ModelInput): {prefix: string; name: string; kind: FacilityTerms["kind"]}[] {
  return facilityTerms(input, () => "").map(({prefix, name, kind}) => ({prefix, name, kind}));
}

function facilityTerms(input: ModelInput, I: (key: string) => string): FacilityTerms[] {
  const terms: FacilityTerms[] = input.facilities.map((f, i) => {
    const p = `f${i}.`;
    return {
      prefix: `f${i}`, name: f.name, kind: "term",
      principal: I(`${p}principal`), floating: `${I(`${p}rateType`)}="floating"`, fixedRate: I(`${p}fixedRate`), spread: I(`${p}spread`),
      hasFloor: `${I(`${p}hasFloor`)}=1`, floor: I(`${p}floor`), amortisation: I(`${p}amortisation`), maturity: I(`${p}maturityOffset`),
      commitmentFee: I(`${p}commitmentFee`), covenants: f.covenants.map((c) => c.kind)
    };
  });
  if (input.revolver) {
    terms.push({
      prefix: "rev", name: input.revolver.name, kind: "revolver",
      principal: I("rev.drawn"), floating: `${I("rev.rateType")}="floating"`, fixedRate: I("rev.fixedRate"), spread: I("rev.spread"),
      hasFloor: `${I("rev.hasFloor")}=1`, floor: I("rev.floor"), amortisation: `"bullet"`, maturity: I("rev.maturityOffset"),
      commitmentFee: I("rev.commitmentFee"), covenants: []
    });
  }
  if (input.newBorrowing.limit > 0) {
    terms.push({
      prefix: "nb", name: "New borrowing", kind: "newBorrowing",
      principal: "0", floating: "TRUE", fixedRate: "0", spread: I("nbSpread"), hasFloor: "FALSE", floor: "0",
      amortisation: `"bullet"`, maturity: String(NO_MATURITY), commitmentFee: "0", covenants: []
    });
  }
  return terms;
}

export function facilitiesSheet(book: BookBuilder, input: ModelInput): void {
  const sheet = book.sheet(FACILITIES, true);
  offsetRow(sheet);
  const I = (key: string) => book.cell(INPUTS, key, 0, FACILITIES, true);
  const all = facilityTerms(input, I);
  const terms = all.filter((f) => f.kind === "term");
  // Minimum-liquidity covenants are tested in this order, each seeing the cures before it.
  const liquidityCovenants = covenantKeys(input).filter((c) => c.kind === "minimumLiquidity").map((c) => c.key);
  for (const f of all) facilityBlock(sheet, book, f, terms, liquidityCovenants);
}


function facilityBlock(sheet: SheetBuilder, book: BookBuilder, f: FacilityTerms, terms: readonly FacilityTerms[], liquidityCovenants: readonly string[]): void {
  const here = (key: string, t: number) => book.cell(FACILITIES, `${f.prefix}.${key}`, t, FACILITIES);
  const I = (key: string) => book.cell(INPUTS, key, 0, FACILITIES, true);
  const IP = (key: string, t: number) => book.cell(INPUTS, key, t, FACILITIES);
  const L = (key: string, t: number) => book.cell(LEDGER, key, t, FACILITIES);
  const T = offsetOf;
  const p = `${f.prefix}.`; // a listed facility's keys on the inputs sheet: "f0.principal" …
  const isTerm = f.kind === "term";
  const isRevolver = f.kind === "revolver";
  const isNew = f.kind === "newBorrowing";
  // A listed facility's commitment before quarter t's draw: every delayed draw at the start.
  const undrawnBefore = (t: number) => (t === 0 ? `SUM(${book.range(INPUTS, `${p}draws`, FACILITIES)})` : here("undrawn", t - 1));
  const covenanted = f.covenants.length > 0;
  const refinanceable = isTerm ? `${I(`${p}refinanceable`)}=1` : isNew ? "TRUE" : "FALSE";
  const refinanceableAt = (t: number) => (covenanted ? here("refinanceable", t) : refinanceable);
  const row = (key: string, label: string, unit: string, note: string, cell: (t: number) => string | number, format: "money" | "rate" | "ratio" | "count" | "text" = "money") =>
    sheet.quarters({key: `${f.prefix}.${key}`, label, unit, note, format, cell: (t) => {
      const value = cell(t);
      return typeof value === "number" ? value : formula(value);
    }});

  sheet.heading(`${f.name}${isRevolver ? " (revolver)" : isNew ? " (to fund shortfalls)" : ""}`);
  row("maturity", "Matures at the end of quarter offset", "offset", isRevolver ? "from the inputs" : "at the start: from the inputs; then as the last quarter left it",
    (t) => (t === 0 ? f.maturity : isRevolver ? here("maturity", t - 1) : covenanted ? `IF(${here("accelerated", t - 1)},${T(t - 1)}+1,${here("maturityAfter", t - 1)})` : here("maturityAfter", t - 1)), "count");
  if (covenanted) {
    row("refinanceable", "Still refinanceable", "TRUE/FALSE", "from the inputs, until a covenant breach accelerates it",
      (t) => (t === 0 ? refinanceable : `AND(${here("refinanceable", t - 1)},NOT(${here("accelerated", t - 1)}))`), "text");
  }
  if (!isRevolver) {
    row("newTerms", "On refinanced terms (rolled before)", "TRUE/FALSE", "floating at the reference rate + the refinancing spread, bullet, cash-pay, from the quarter after a roll",
      (t) => (t === 0 ? "FALSE" : `OR(${here("newTerms", t - 1)},${here("roll", t - 1)})`), "text");
  }
  const newTerms = (t: number) => (isRevolver ? "FALSE" : here("newTerms", t));
  row("opening", "Opening balance", "USD m", "the previous quarter's closing balance", (t) => (t === 0 ? `${f.principal}` : here("closing", t - 1)));
  if (isTerm) {
    row("draw", "Scheduled draw (start of quarter)", "USD m", "delayed draws, from the inputs", (t) => IP(`${p}draws`, t));
    row("undrawn", "Commitment left after the draw", "USD m", "all delayed draws less those made",
      (t) => `${undrawnBefore(t)}-${here("draw", t)}`);
  } else {
    row("undrawnStart", isRevolver ? "Undrawn capacity at the start" : "Limit left at the start", "USD m", "the previous quarter's, after its draws and repayments",
      (t) => (t > 0 ? here("undrawnEnd", t - 1) : isRevolver ? `${I("rev.capacity")}-${I("rev.drawn")}` : I("nbLimit")));
  }
  const draw = (t: number) => (isTerm ? here("draw", t) : "0");
  row("balance", "Balance after the draw", "USD m", "opening + scheduled draw", (t) => `${here("opening", t)}+${draw(t)}`);
  row("reference", "Reference rate borne", "a year", "the reference rate, raised to the floor while on the original terms",
    (t) => `IF(AND(NOT(${newTerms(t)}),${f.hasFloor}),MAX(${IP("baseRate", t)},${f.floor}),${IP("baseRate", t)})`, "rate");
  if (covenanted) {
    row("stepUps", "Waivers' step-ups in the rate", "a year", "added once per covenant, from the quarter after its first waived breach; a roll resets the rate",
      (t) => (t === 0 ? "0" : `IF(${here("roll", t - 1)},0,${here("stepUps", t - 1)})${f.covenants.map((_, j) => `+IF(${here(`cov${j}.stepNow`, t - 1)},${I(`${p}cov${j}.stepUp`)},0)`).join("")}`), "rate");
  }
  const stepUps = (t: number) => (covenanted ? `+${here("stepUps", t)}` : "");
  const spread = (t: number) => (isRevolver ? f.spread : `IF(${newTerms(t)},${I("refiSpread")},${f.spread})${stepUps(t)}`);
  row("annualRate", "Annual rate", "a year", isTerm
    ? "fixed rate; or reference + spread, where a swap or a cap replaces the reference rate on the hedged share (notional ÷ balance)"
    : "reference + spread, or the fixed rate",
  (t) => {
    const ref = here("reference", t);
    const unhedged = `${ref}+${spread(t)}`;
    const floating = `OR(${newTerms(t)},${f.floating})`;
    const fixed = `${f.fixedRate}${stepUps(t)}`;
    if (!isTerm) return `IF(${floating},${unhedged},${fixed})`;
    const [type, notional, rate, until] = [I(`${p}hedgeType`), I(`${p}hedgeNotional`), I(`${p}hedgeRate`), I(`${p}hedgeUntilOffset`)];
    const balance = here("balance", t);
    const hedged = `IF(AND(${type}="cap",${rate}>=${ref}),${unhedged},IF(AND(${balance}>${notional},${balance}>${CENT}),${ref}+${notional}/${balance}*(${rate}-${ref})+${spread(t)},${rate}+${spread(t)}))`;
    return `IF(${floating},IF(AND(${type}<>"none",${T(t)}<=${until},${notional}<>0),${hedged},${unhedged}),${fixed})`;
  }, "rate");
  row("periodRate", "Rate for the quarter", "a quarter", "annual ÷ 4", (t) => `${here("annualRate", t)}/4`, "rate");
  row("maturing", "Maturing (at or past maturity)", "TRUE/FALSE", "", (t) => `${T(t)}>=${here("maturity", t)}`, "text");
  const r = (t: number) => here("periodRate", t);
  const B = (t: number) => here("balance", t);
  const n = (t: number) => `(${here("maturity", t)}-${T(t)}+1)`;
  const amortisation = (t: number) => (isTerm ? `IF(${newTerms(t)},"bullet",${f.amortisation})` : f.amortisation);
  if (isTerm) {
    row("pikShare", "Share of interest paid in kind", "share", "none in the maturity quarter or once refinanced",
      (t) => `IF(OR(${here("maturing", t)},${newTerms(t)}),0,${I(`${p}pik`)})`, "rate");
    row("annuity", "Repaid as an annuity this quarter", "TRUE/FALSE", "", (t) => `AND(${amortisation(t)}="annuity",NOT(${here("maturing", t)}))`, "text");
    row("payment", "Annuity's level payment", "USD m", "balance × r ÷ (1 − (1 + r)^−n) over the n quarters left (balance ÷ n at a zero rate)",
      (t) => `IF(${here("annuity", t)},IF(AND(${r(t)}>-1E-12,${r(t)}<1E-12),${B(t)}/${n(t)},${B(t)}*${r(t)}/(1-(1+${r(t)})^(-${n(t)}))),0)`);
  }
  row("dueBeforeInterest", "Principal due, where it does not depend on interest", "USD m", "the whole balance at maturity; straight line: balance ÷ quarters left; bullet: none",
    (t) => `IF(${here("maturing", t)},${B(t)},IF(${amortisation(t)}="straightLine",${B(t)}/${n(t)},0))`);
  const k = (t: number) => (isTerm ? here("pikShare", t) : "0");
  const average = `${I("convention")}="average"`;
  row("interest", "Interest", "USD m", "balance × r; on the average balance, in closed form: r × (B − D/2) ÷ (1 − r·k/2), or for an annuity r × (2B − P) ÷ (2 − r)",
    (t) => {
      const onAverage = `${r(t)}*(${B(t)}-${here("dueBeforeInterest", t)}/2)/(1-${r(t)}*${k(t)}/2)`;
      return `IF(${average},${isTerm ? `IF(${here("annuity", t)},${r(t)}*(2*${B(t)}-${here("payment", t)})/(2-${r(t)}),${onAverage})` : onAverage},${B(t)}*${r(t)})`;
    });
  row("principalDue", "Principal due", "USD m", isTerm ? "an annuity's payment less its interest; otherwise as above" : "as above",
    (t) => (isTerm ? `IF(${here("annuity", t)},${here("payment", t)}-${here("interest", t)},${here("dueBeforeInterest", t)})` : here("dueBeforeInterest", t)));
  row("pikInterest", "Interest paid in kind", "USD m", "interest × share paid in kind", (t) => (isTerm ? `${here("interest", t)}*${k(t)}` : "0"));
  if (!isRevolver) {
    row("roll", "Rolled at maturity", "TRUE/FALSE", "at its maturity, if refinanceable, markets are open and a share is rolled",
      (t) => `AND(${T(t)}=${here("maturity", t)},${refinanceableAt(t)},${IP("marketShut", t)}=0,${I("shareRolled")}>0)`, "text");
    row("maturityAfter", "Maturity after this quarter's roll", "offset", isNew
      ? "a roll's quarter + the refinancing tenor; new borrowing's first draw (at least a cent) + its tenor"
      : "a roll's quarter + the refinancing tenor",
    (t) => `IF(${here("roll", t)},${T(t)}+${I("refiTenor")},${isNew ? `IF(AND(${here("maturity", t)}>=${NO_MATURITY},${here("drawn", t)}>${CENT}),${T(t)}+${I("nbTenor")},${here("maturity", t)})` : here("maturity", t)})`, "count");
  }
  row("refinanced", "Refinanced (rolled, not paid)", "USD m", "principal due × share rolled", (t) => (isRevolver ? "0" : `IF(${here("roll", t)},${here("principalDue", t)}*${I("shareRolled")},0)`));
  if (covenanted) {
    row("waiverFeesOwed", "Waiver fees owed", "USD m", "last quarter's waived breaches' fees, + any not yet paid",
      (t) => (t === 0 ? "0" : `${here("waiverFeesOwed", t - 1)}-${here("waiverFeesPaid", t - 1)}${f.covenants.map((_, j) => `+IF(AND(${I(`${p}cov${j}.consequence`)}="waiver",${here(`cov${j}.breached`, t - 1)}),${I(`${p}cov${j}.fee`)},0)`).join("")}`));
    // Paid the quarter after the breach, even on a loan repaid since, as the engine does.
    row("waiverFeesPaid", "Waiver fees paid", "USD m", "what is owed", (t) => here("waiverFeesOwed", t));
  }
  const stepFees = (t: number) => {
    const parts: string[] = [];
    if (covenanted) parts.push(here("waiverFeesPaid", t));
    if (isTerm) parts.push(`${draw(t)}*${I(`${p}upfrontFee`)}`, `${here("undrawn", t)}*${f.commitmentFee}/4`);
    if (isRevolver) parts.push(`${here("undrawnStart", t)}*${f.commitmentFee}/4`);
    if (!isRevolver) parts.push(`IF(${here("roll", t)},${here("refinanced", t)}*${I("refiFee")},0)`);
    return parts.join("+");
  };
  if (isNew) {
    row("stepFees", "Refinancing fees", "USD m", "refinanced × refinancing fee", stepFees);
    row("fees", "Fees", "USD m", "refinancing fees + the upfront fee on this quarter's new borrowing", (t) => `${here("stepFees", t)}+${L("newBorrowingFee", t)}`);
  } else {
    row("fees", "Fees", "USD m", isTerm ? "upfront fee on draws + commitment fee on the undrawn ÷ 4 + refinancing fee" : "commitment fee on the undrawn capacity ÷ 4", stepFees);
  }
  row("discountAmortisation", "Discount and issuance costs amortised (non-cash)", "USD m", "straight line to the original maturity; the last quarter takes what is left",
    (t) => {
      if (!isTerm) return "0";
      const last = `MAX(0,${I(`${p}maturityOffset`)})`;
      const per = `${I(`${p}discount`)}/(${last}+1)`;
      return `IF(${T(t)}<${last},${per},IF(${T(t)}=${last},${I(`${p}discount`)}-${per}*${last},0))`;
    });
  row("afterStep", "Balance before end-of-quarter actions", "USD m", "balance − principal due + refinanced + interest paid in kind",
    (t) => `${B(t)}-${here("principalDue", t)}+${here("refinanced", t)}+${here("pikInterest", t)}`);
  if (isTerm) {
    const earlier = terms.slice(0, terms.findIndex((other) => other.prefix === f.prefix));
    const E = (key: string, t: number) => earlier.map((e) => `-${book.cell(FACILITIES, `${e.prefix}.${key}`, t, FACILITIES)}`).join("");
    const premium = I(`${p}prepaymentPremium`);
    row("prepaid", "Optional prepayment", "USD m", "the amount asked, up to the balance and to what cash above the minimum (less earlier facilities' prepayments and premiums) pays with its premium",
      (t) => `MAX(0,MIN(${IP(`${p}prepayments`, t)},${here("afterStep", t)},(${L("prepaymentRoom", t)}${E("prepaid", t)}${E("prepaymentPremium", t)})/(1+${premium})))`);
    row("prepaymentPremium", "Call premium on it (cash)", "USD m", "prepaid × premium", (t) => `${here("prepaid", t)}*${premium}`);
    row("sweep", "Repaid by the cash sweep", "USD m", "the sweep's pool, less what more senior facilities took, up to the balance left after any prepayment",
      (t) => `MAX(0,MIN(${L("sweepPool", t)}${E("sweep", t)},${here("afterStep", t)}-${here("prepaid", t)}))`);
  } else {
    row("prepaid", "Optional prepayment", "USD m", "term loans only", () => "0");
    row("prepaymentPremium", "Call premium on it (cash)", "USD m", "term loans only", () => "0");
  }
  if (isRevolver) {
    row("undrawnAfterStep", "Undrawn capacity before end-of-quarter actions", "USD m", "none left once it matures",
      (t) => `IF(${T(t)}=${here("maturity", t)},0,${here("undrawnStart", t)})`);
  }
  row("drawn", "Drawn", "USD m", isTerm ? "scheduled draws" : isRevolver ? "drawn to hold minimum cash (Ledger)" : "borrowed to hold minimum cash, gross of its fee (Ledger)",
    (t) => (isTerm ? draw(t) : isRevolver ? L("revolverDraw", t) : L("newBorrowing", t)));
  row("repaid", "Repaid in cash", "USD m", "principal due − refinanced, + prepayment and sweep, or revolver repayment",
    (t) => `${here("principalDue", t)}-${here("refinanced", t)}${isTerm ? `+${here("prepaid", t)}+${here("sweep", t)}` : isRevolver ? `+${L("revolverRepayment", t)}` : ""}`);
  row("closing", "Closing balance", "USD m", "before end-of-quarter actions, + end-of-quarter draws − repayments",
    (t) => `${here("afterStep", t)}${isTerm ? `-${here("prepaid", t)}-${here("sweep", t)}` : isRevolver ? `+${L("revolverDraw", t)}-${L("revolverRepayment", t)}` : `+${L("newBorrowing", t)}`}`);
  if (covenanted) {
    // As the engine (src/model/covenants.ts, `outstanding`): repaid with nothing left to draw, a loan's covenants lapse.
    row("outstanding", "Owed or still to draw (its covenants bind)", "TRUE/FALSE", "closing balance or commitment left above a cent",
      (t) => `OR(${here("closing", t)}>${CENT},${here("undrawn", t)}>${CENT})`, "text");
  }
  f.covenants.forEach((kind, j) => covenantRows(j, kind));
  if (covenanted) {
    row("accelerated", "Accelerated by a breach", "TRUE/FALSE", "a breach whose consequence is acceleration, while maturity is later than next quarter: all due next quarter, not to be rolled",
      (t) => `AND(OR(${f.covenants.map((_, j) => `AND(${I(`${p}cov${j}.consequence`)}="accelerate",${here(`cov${j}.breached`, t)})`).join(",")}),${here("maturityAfter", t)}>${T(t)}+1)`, "text");
  }
  if (!isTerm) {
    row("undrawnEnd", isRevolver ? "Undrawn capacity at the end" : "Limit left at the end", "USD m", isRevolver ? "− draws + repayments" : "− new borrowing",
      (t) => (isRevolver ? `${here("undrawnAfterStep", t)}-${L("revolverDraw", t)}+${L("revolverRepayment", t)}` : `${here("undrawnStart", t)}-${L("newBorrowing", t)}`));
  }

  /** One maintenance covenant, tested at the quarter's end as the engine does (src/model/project.ts). */
  function covenantRows(j: number, kind: string): void {
    const c = `${p}cov${j}.`;
    const key = (name: string) => `cov${j}.${name}`;
    const threshold = I(`${c}threshold`);
    const label = `Covenant ${j + 1} (${kind})`;
    if (kind === "minimumLiquidity") {
      const earlier = liquidityCovenants.slice(0, liquidityCovenants.indexOf(`${f.prefix}.cov${j}`));
      row(key("value"), `${label}: liquidity`, "USD m", "closing cash before cures + undrawn revolver + cures by covenants tested before",
        (t) => `${L("cashBeforeCure", t)}+${L("undrawnRevolver", t)}${earlier.map((e) => `+${book.cell(FACILITIES, `${e}.cure`, t, FACILITIES)}`).join("")}`);
      row(key("breached"), `${label}: breached`, "TRUE/FALSE", "while the loan is outstanding, liquidity short of the threshold by a cent or more", (t) => `AND(${here("outstanding", t)},${here(key("value"), t)}<${threshold}-${CENT})`, "text");
      row(key("cure"), `${label}: equity cure`, "USD m", "the shortfall, up to what the cure limit has left",
        (t) => `IF(AND(${I(`${c}consequence`)}="equityCure",${here(key("breached"), t)}),MAX(0,MIN(${threshold}-${here(key("value"), t)},${I(`${c}cureLimit`)}-${t === 0 ? "0" : here(key("cured"), t - 1)})),0)`);
      row(key("cured"), `${label}: cured so far`, "USD m", "", (t) => `${t === 0 ? "0" : here(key("cured"), t - 1)}+${here(key("cure"), t)}`);
    } else {
      const metric = kind === "interestCoverage" ? "interestCoverageEbitda" : kind === "dscr" ? "dscr" : "netLeverage";
      const margin = `MAX(${threshold}*1E-9,1E-12)`;
      row(key("value"), `${label}: value`, "×", "from the metrics sheet (n/m: not meaningful)", (t) => book.cell(METRICS, metric, t, FACILITIES), "ratio");
      row(key("breached"), `${label}: breached`, "TRUE/FALSE", kind === "maximumLeverage"
        ? "while the loan is outstanding, above the threshold by more than 1e-9 of it; with no EBITDA to speak of, any net debt breaches"
        : "while the loan is outstanding, below the threshold by more than 1e-9 of it; n/m never breaches",
      (t) => (kind === "maximumLeverage"
        ? `AND(${here("outstanding", t)},IF(ISNUMBER(${here(key("value"), t)}),${here(key("value"), t)}>${threshold}+${margin},${L("closingDebt", t)}-${L("closingCash", t)}>${CENT}))`
        : `AND(${here("outstanding", t)},ISNUMBER(${here(key("value"), t)}),${here(key("value"), t)}<${threshold}-${margin})`), "text");
    }
    row(key("stepNow"), `${label}: waiver steps the rate up`, "TRUE/FALSE", "its first waived breach",
      (t) => `AND(${I(`${c}consequence`)}="waiver",${here(key("breached"), t)}${t === 0 ? "" : `,NOT(${here(key("stepped"), t - 1)})`})`, "text");
    row(key("stepped"), `${label}: stepped up already`, "TRUE/FALSE", "", (t) => (t === 0 ? here(key("stepNow"), t) : `OR(${here(key("stepped"), t - 1)},${here(key("stepNow"), t)})`), "text");
  }
}
