import {addQuarters, type QuarterLabel} from "../model/index.js";
import {OUTCOMES, type OutcomeKey} from "../readings/outcomes.js";
import {INPUTS, type InputKey} from "../scenario/inputs-table.js";
import {ABSENT_GOALS, stepDecimals, type GoalAnswer, type GoalCondition, type GoalTest} from "./goal-seek.js";

/**
 * A goal seek's answer in a sentence a reader can act on: "Growth a quarter at first must
 * be at least −5.86 % a quarter for the company to pay every quarter to 2028Q2; at −5.87 %
 * a quarter it would not be." Values are written to the input's step, with its unit, and
 * negatives with the minus sign (U+2212), as everywhere in the notebook. Pure.
 */

const MINUS = "\u2212";

/** A number with fixed decimals, thousands separators and a true minus sign; never "−0". */
export function signedNumber(x: number, decimals: number, {trim = false}: {trim?: boolean} = {}): string {
  const text = Math.abs(x).toLocaleString("en-US", {minimumFractionDigits: trim ? 0 : decimals, maximumFractionDigits: decimals});
  return x < 0 && /[1-9]/.test(text) ? `${MINUS}${text}` : text;
}

/** What an input's 0 stands for, where its label says ("…(0: never)" → "never"). */
function zeroMeaning(key: InputKey): string | null {
  return /0: ([a-z]+)\)/.exec(INPUTS[key].label)?.[1] ?? null;
}

/** A value of an input, written to its step and with its unit: "−5.86 % a quarter", "USD 3,000 m a quarter", "475 basis points". */
export function inputValueText(key: InputKey, value: number): string {
  const {unit, step} = INPUTS[key];
  const n = signedNumber(value, stepDecimals(step));
  const text = unit.startsWith("%") ? `${n} ${unit}`
    : unit.startsWith("USD m") ? `USD ${n} m${unit.slice("USD m".length)}`
    : unit === "USD" ? `USD ${n}`
    : unit === "quarters" ? `${n} ${value === 1 ? "quarter" : "quarters"}`
    : unit === "quarter of the projection" ? `quarter ${n} of the projection`
    : unit.startsWith("×") ? `${n}×`
    : `${n} ${unit}`;
  const zero = zeroMeaning(key);
  return value === 0 && zero ? `${text} (${zero})` : text;
}

/** A range of an input's values, the unit written once where both ends share it: "−300 to 600 basis points". */
export function inputRangeText(key: InputKey, from: number, to: number): string {
  const a = inputValueText(key, from);
  const b = inputValueText(key, to);
  let shared = 0;
  while (shared < Math.min(a.length, b.length) && a[a.length - 1 - shared] === b[b.length - 1 - shared]) shared++;
  // The shared tail from a space on, and only where it holds no digit ("… m a quarter", not "0 m").
  const tail = a.slice(a.length - shared);
  const cut = tail.indexOf(" ");
  const unit = cut < 0 ? "" : tail.slice(cut);
  return unit && !/\d/.test(unit) ? `${a.slice(0, a.length - unit.length)} to ${b}` : `${a} to ${b}`;
}

/**
 * How a sentence names an input, where its label does not read as one (the label leans on
 * the form: "…for quarters" follows "Markets shut in quarter").
 */
const SUBJECTS: Partial<Record<InputKey, string>> = {
  rateChangeBp: "The reference-rate change",
  capex: "Capex a quarter at the reported pace",
  newBorrowingLimit: "New borrowing lenders provide in all",
  fadeQuarters: "The quarters growth takes to fade to its long-run rate",
  equityRaisedQuarters: "The quarters equity is raised for",
  largestCustomerSharePct: "The largest customer's share of revenue",
  largestCustomerStopsQuarter: "The quarter the largest customer stops paying",
  shareRolledPct: "The share of maturing debt rolled over",
  refinancingSpreadPct: "The spread on rolled and new debt",
  tenorQuarters: "The tenor of rolled and new debt",
  marketShutAfter: "The quarter debt markets shut",
  marketShutQuarters: "The quarters debt markets stay shut",
  newBorrowingPerQuarter: "New borrowing a quarter, at most",
  pikSharePct: "The share of interest paid in kind",
  hedgedSharePct: "The share of floating debt swapped to fixed",
  cashSweepPct: "The cash sweep",
  prepaymentAmount: "The prepayment of the dearest term loan",
  prepaymentQuarter: "The prepayment's quarter",
  prepaymentPremiumPct: "The prepayment's call premium",
  liquidityCovenant: "The minimum-liquidity covenant",
  coverageCovenant: "The interest-coverage covenant",
  horizonQuarters: "The horizon"
};

/** The input as the subject of a sentence: its label without the unit in brackets. */
export function inputSubject(key: InputKey): string {
  return SUBJECTS[key] ?? INPUTS[key].label.replace(/\s*\([^)]*\)\s*$/, "");
}

/** The same, inside a sentence: "the reference-rate change", "growth a quarter at first", but "EBITDA margin". */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

/** What a goal phrase needs to name quarters. */
export interface GoalContext {
  readonly start: QuarterLabel;
  readonly end: QuarterLabel;
  /** The input moved is the horizon itself: "to the horizon", not to a quarter that moves with it. */
  readonly horizonMoves: boolean;
}

const usd = (x: number) => `USD ${signedNumber(x, 1, {trim: true})} m`;
const times = (x: number) => `${signedNumber(x, 2)}×`;
const count = (n: number, one: string, many: string) => `${signedNumber(n, 0)} ${n === 1 ? one : many}`;

interface TestWords {
  /** The test as a reader picks it, "…" standing for the threshold. */
  readonly choice: string;
  /** The goal after "for": "the company to pay every quarter to 2028Q2". */
  goal(threshold: number, context: GoalContext): string;
}

const quarter = (n: number, c: GoalContext) => (Number.isInteger(n) && n >= 1 ? `quarter ${n} (${addQuarters(c.start, n - 1)})` : `quarter ${signedNumber(n, 2, {trim: true})}`);
const end = (c: GoalContext) => (c.horizonMoves ? "the horizon" : c.end);

/** The words for each test each outcome can be put to. */
const WORDS: Record<OutcomeKey, Partial<Record<GoalTest, TestWords>>> = {
  quartersUntilCannotPay: {
    absent: {choice: "pays every quarter to the horizon", goal: (_t, c) => `the company to pay every quarter to ${end(c)}`},
    atLeast: {choice: "pays every quarter before quarter …", goal: (t, c) => `the company to pay every quarter before ${quarter(t, c)}`},
    atMost: {choice: "cannot pay by quarter …", goal: (t, c) => `the company to be unable to pay by ${quarter(t, c)}`}
  },
  quartersUntilBreach: {
    absent: {choice: "no covenant breached to the horizon", goal: (_t, c) => `no covenant to be breached to ${end(c)}`},
    atLeast: {choice: "no covenant breached before quarter …", goal: (t, c) => `no covenant to be breached before ${quarter(t, c)}`},
    atMost: {choice: "a covenant breached by quarter …", goal: (t, c) => `a covenant to be breached by ${quarter(t, c)}`}
  },
  lowestCoverage: {
    atLeast: {choice: "lowest coverage at least … ×", goal: (t) => `interest coverage to stay at or above ${times(t)} every quarter`},
    atMost: {choice: "lowest coverage at most … ×", goal: (t) => `interest coverage to fall to ${times(t)} or below in some quarter`}
  },
  peakDebt: {
    atMost: {choice: "peak debt at most USD … m", goal: (t) => `debt to stay at or below ${usd(t)} every quarter`},
    atLeast: {choice: "peak debt at least USD … m", goal: (t) => `debt to reach ${usd(t)} in some quarter`}
  },
  largestFundingGap: {
    atMost: {choice: "largest funding gap at most USD … m (0: none)", goal: (t) => (t === 0 ? "no funding gap to open" : `every funding gap to stay at or below ${usd(t)}`)},
    atLeast: {choice: "largest funding gap at least USD … m", goal: (t) => `a funding gap of ${usd(t)} or more to open`}
  },
  cashAtEnd: {
    atLeast: {choice: "cash at the end, less any gap, at least USD … m", goal: (t, c) => `cash at the end of ${end(c)}, less any funding gap, to be at least ${usd(t)}`},
    atMost: {choice: "cash at the end, less any gap, at most USD … m", goal: (t, c) => `cash at the end of ${end(c)}, less any funding gap, to be at most ${usd(t)}`}
  },
  quartersInPonzi: {
    atMost: {choice: "at most … quarters in Ponzi finance (0: none)", goal: (t) => (t === 0 ? "no quarter to be in Ponzi finance" : `at most ${count(t, "quarter", "quarters")} to be in Ponzi finance`)},
    atLeast: {choice: "at least … quarters in Ponzi finance", goal: (t) => `at least ${count(t, "quarter", "quarters")} to be in Ponzi finance`}
  },
  quartersInPonziAfterMaintenance: {
    atMost: {choice: "at most … quarters in Ponzi after maintenance capex (0: none)", goal: (t) => (t === 0 ? "no quarter to be in Ponzi finance after maintenance capex" : `at most ${count(t, "quarter", "quarters")} to be in Ponzi finance after maintenance capex`)},
    atLeast: {choice: "at least … quarters in Ponzi after maintenance capex", goal: (t) => `at least ${count(t, "quarter", "quarters")} to be in Ponzi finance after maintenance capex`}
  }
};

/** The tests a reader can put an outcome to, as the page offers them. */
export function conditionChoices(outcome: OutcomeKey): Array<{test: GoalTest; choice: string; needsThreshold: boolean}> {
  return (["absent", "atLeast", "atMost"] as const)
    .filter((test) => WORDS[outcome][test] && (test !== "absent" || ABSENT_GOALS.includes(outcome)))
    .map((test) => ({test, choice: WORDS[outcome][test]!.choice, needsThreshold: test !== "absent"}));
}

/** The goal a condition sets, after "for": "the company to pay every quarter to 2028Q2". */
export function goalPhrase(condition: GoalCondition, context: GoalContext): string {
  const words = WORDS[condition.outcome][condition.test];
  if (!words) throw new RangeError(`"${OUTCOMES[condition.outcome].label}" cannot be asked to be ${condition.test}`);
  return words.goal(condition.threshold ?? 0, context);
}

/** The whole answer: one sentence, and a second where the condition is not monotone in the input. */
export function describeGoal(answer: GoalAnswer): string {
  const {input} = answer;
  const subject = inputSubject(input);
  const value = (x: number) => inputValueText(input, x);
  const goal = goalPhrase(answer.condition, {start: answer.start, end: answer.end, horizonMoves: input === "horizonQuarters"});
  const {min, max} = INPUTS[input];
  const now = ` It is ${value(answer.current)} as set, the other inputs held.`;
  switch (answer.kind) {
    case "atLeast":
      return `${subject} must be at least ${value(answer.value)} for ${goal}; at ${value(answer.neighbour)} it would not be.${now}`;
    case "atMost":
      return `${subject} must be at most ${value(answer.value)} for ${goal}; at ${value(answer.neighbour)} it would not be.${now}`;
    case "everywhere":
      return `${subject} can be anything in its range, ${inputRangeText(input, min, max)}, for ${goal}: every value meets it.${now}`;
    case "nowhere":
      return `No value of ${lowerFirst(subject)} in its range, ${inputRangeText(input, min, max)}, is enough for ${goal}.${now}`;
    case "bands": {
      const runs = answer.bands.map(({from, to}) => from === to ? `exactly ${value(from)}`
        : from === min ? `at most ${value(to)}`
        : to === max ? `at least ${value(from)}`
        : `from ${inputRangeText(input, from, to)}`);
      const how = answer.scanned >= answer.points ? "every value in its range was tried"
        : `these were found by scanning ${answer.scanned} values ${value(answer.scanStep).replace(/ \(.*\)$/, "")} apart and narrowing each change, so a narrower band may have been missed`;
      return `${subject} must be ${runs.join(", or ")} for ${goal}. The condition is not monotone in ${lowerFirst(subject)}: ${how}.${now}`;
    }
  }
}

/** A threshold to start the page's box at: the reading as set where it has one, else a round figure. */
export function defaultThreshold(outcome: OutcomeKey, asSet: number | null, horizon: number): number {
  switch (outcome) {
    case "quartersUntilCannotPay":
    case "quartersUntilBreach": return asSet ?? horizon;
    case "lowestCoverage": return 1;
    case "largestFundingGap":
    case "quartersInPonzi": return 0;
    default: return asSet === null ? 0 : Math.round(asSet);
  }
}
