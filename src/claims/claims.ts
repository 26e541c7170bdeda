import {usdMillions as millions} from "../readings/format.js";

/**
 * The public debate's claims about CoreWeave, each checked against the dataset. A verdict
 * is a function of the figures (never written down by hand): change the figures and the
 * verdict follows. Where the figures a claim needs are missing, the verdict says the
 * figures here do not decide it, and names what is missing.
 */
export type Verdict = "supported" | "not supported" | "partly" | "undecided";
export type SourceKind = "filing" | "press-release" | "copy" | "extraction" | "article";
/** A quarter the dataset derives from longer periods (a year less nine months): its locator names the parts. */
export const DERIVED = "derived";

/** A reported statement line, in USD millions (the financials table's rows). */
export interface ClaimStatement {
  readonly period: string;
  readonly period_start: string;
  readonly period_end: string;
  readonly line_item: string;
  readonly value: number;
  readonly source: string;
  readonly locator: string;
}

export interface ClaimFact {
  readonly fact_id: string;
  readonly claim: number;
  readonly subject: string;
  readonly value: number;
  readonly unit: string;
  readonly period: string;
  readonly source_id: string;
  readonly locator: string;
  readonly note?: string | undefined;
}

export interface ClaimSource {
  readonly source_id: string;
  readonly kind: SourceKind;
  readonly title: string;
  readonly url: string;
}

/** What the model says about the future, for the claims about it (1 and 3). */
export interface ModelView {
  readonly scenarios: ReadonlyArray<{readonly name: string; readonly title: string; readonly ponziQuarters: readonly string[]; readonly quarters: number; readonly firstCannotPay: string | null}>;
  /** Goal-seek answers under the base scenario, in words. */
  readonly thresholds: ReadonlyArray<{readonly question: string; readonly answer: string}>;
}

export interface ClaimsData {
  readonly statements: readonly ClaimStatement[];
  readonly facts: readonly ClaimFact[];
  readonly sources: readonly ClaimSource[];
  readonly model: ModelView | null;
}

export interface Evidence {
  readonly label: string;
  readonly value: string;
  readonly period: string;
  readonly source_id: string;
  readonly kind: SourceKind | typeof DERIVED | "unknown";
  readonly url: string;
  readonly locator: string;
}

export interface ClaimCheck {
  readonly id: number;
  readonly claim: string;
  readonly verdict: Verdict;
  readonly explanation: string;
  readonly evidence: readonly Evidence[];
  /** The figures that would decide it, or decide it better, that the dataset lacks. */
  readonly missing: readonly string[];
  /** Set where some evidence used is only an article's report (the filing itself is not yet in the dataset). */
  readonly restsOnArticles: boolean;
  readonly model: ModelView | null;
  /** The verdict on the dataset as it stood before a later filing, where that differs (see withVerdictsBefore). */
  readonly changedFrom?: {readonly verdict: Verdict; readonly asOf: string} | null;
}

/**
 * Each claim with the verdict it had on the dataset as it stood at `asOf` (statements of
 * periods ending by then), where the verdict has changed since: so a page can say "changed
 * with the 2026 filings".
 */
export function withVerdictsBefore(data: ClaimsData, asOf: string): ClaimCheck[] {
  const before = checkClaims({...data, statements: data.statements.filter((s) => s.period_end <= asOf)});
  return checkClaims(data).map((c) => {
    const earlier = before.find((b) => b.id === c.id);
    return {...c, changedFrom: earlier && earlier.verdict !== c.verdict ? {verdict: earlier.verdict, asOf} : null};
  });
}


class Reader {
  readonly used: Evidence[] = [];
  constructor(private readonly data: ClaimsData) {}

  private source(id: string) {
    return this.data.sources.find((s) => s.source_id === id);
  }

  /** The facts on a subject, most recent period last (periods sort as text: years and dates). */
  facts(subject: string): ClaimFact[] {
    return this.data.facts.filter((f) => f.subject === subject).sort((a, b) => a.period.localeCompare(b.period));
  }

  latest(subject: string): ClaimFact | undefined {
    return this.facts(subject).at(-1);
  }

  useFact(f: ClaimFact, label: string): ClaimFact {
    const s = this.source(f.source_id);
    const value = f.unit === "percent" ? `${f.value} %` : f.unit === "flag" ? (f.value === 1 ? "yes" : "no") : f.unit === "USD thousands" ? millions(f.value / 1000) : millions(f.value);
    this.used.push({label: f.note ? `${label}: ${f.note}` : label, value, period: f.period, source_id: f.source_id, kind: s?.kind ?? "unknown", url: s?.url ?? "", locator: f.locator});
    return f;
  }

  statements(lineItem: string): ClaimStatement[] {
    return this.data.statements.filter((s) => s.line_item === lineItem);
  }

  useStatement(s: ClaimStatement, label: string): ClaimStatement {
    const source = this.source(s.source);
    this.used.push({label, value: s.line_item.endsWith("_share") ? `${s.value} %` : millions(s.value), period: s.period, source_id: s.source, kind: s.source === DERIVED ? DERIVED : source?.kind ?? "unknown", url: source?.url ?? "", locator: s.locator});
    return s;
  }

  /** The line item's latest period (by its end, the shorter period first on a tie). */
  latestStatement(lineItem: string): ClaimStatement | undefined {
    return this.statements(lineItem).sort((a, b) => a.period_end.localeCompare(b.period_end) || b.period_start.localeCompare(a.period_start)).at(-1);
  }

  /** The line item for exactly the period of `s`, if reported. */
  samePeriod(s: ClaimStatement, lineItem: string): ClaimStatement | undefined {
    return this.statements(lineItem).find((o) => o.period_start === s.period_start && o.period_end === s.period_end);
  }

  /** Periods (start/end) in which every line item named is reported. */
  periodsWith(...lineItems: string[]): Array<Record<string, ClaimStatement>> {
    const byPeriod = new Map<string, Record<string, ClaimStatement>>();
    for (const s of this.data.statements) {
      if (!lineItems.includes(s.line_item)) continue;
      const key = `${s.period_start}/${s.period_end}`;
      byPeriod.set(key, {...byPeriod.get(key), [s.line_item]: s});
    }
    return [...byPeriod.entries()].filter(([, lines]) => lineItems.every((l) => lines[l])).sort(([a], [b]) => a.localeCompare(b)).map(([, lines]) => lines);
  }
}

interface Outcome {
  readonly verdict: Verdict;
  readonly explanation: string;
  readonly missing?: readonly string[];
}

interface ClaimDefinition {
  readonly id: number;
  readonly claim: string;
  readonly usesModel?: boolean;
  check(read: Reader, data: ClaimsData): Outcome;
}

const isQuarter = (s: ClaimStatement) => {
  const [sy, sm] = s.period_start.split("-").map(Number) as [number, number];
  const [ey, em] = s.period_end.split("-").map(Number) as [number, number];
  return (ey - sy) * 12 + em - sm + 1 === 3;
};

export const CLAIMS: readonly ClaimDefinition[] = [
  {
    id: 1, usesModel: true,
    claim: "They have to continue to borrow to pay interest on the last loan.",
    check(read) {
      // Reported, quarter by quarter. Under US GAAP, which CoreWeave reports under, interest
      // paid (net of what is capitalised) is an operating cash flow: the reported figure is
      // after interest. So operations before interest fell short of the interest paid exactly
      // when a quarter's operating cash flow is negative, and the interest then came from
      // other money. The last four quarters held decide it; interest beside each is the debt
      // note's interest on debt (or interest paid, where held), for scale.
      const quarters = read.statements("operating_cash_flow").filter(isQuarter).sort((a, b) => a.period_end.localeCompare(b.period_end));
      if (quarters.length === 0) {
        return {
          verdict: "undecided",
          explanation: "The reported test needs quarters of operating cash flow; the dataset does not hold one yet. The model's answer, below, says what the future would take.",
          missing: ["operating cash flow for reported quarters (cash-flow statement of a 10-Q or 10-K)"]
        };
      }
      const lastFour = quarters.slice(-4);
      const lines = lastFour.map((ocf) => {
        read.useStatement(ocf, "Operating cash flow (after interest paid, as US GAAP reports it)");
        const interest = read.samePeriod(ocf, "interest_paid") ?? read.samePeriod(ocf, "interest_expense_on_debt");
        if (interest) read.useStatement(interest, interest.line_item === "interest_paid" ? "Interest paid" : "Interest expense on debt (the debt note's)");
        return `${ocf.period}: ${millions(ocf.value)}${interest ? ` after interest (${interest.line_item === "interest_paid" ? "paid" : "expense on debt"} ${millions(interest.value)})` : ""}`;
      });
      const short = lastFour.filter((q) => q.value < 0);
      const missing = lastFour.length < 4 ? [`operating cash flow for the ${4 - lastFour.length} quarter(s) before ${lastFour[0]!.period}`] : [];
      const list = lines.join("; ");
      if (short.length === 0) {
        return {verdict: "not supported", missing, explanation: `In each of the last ${lastFour.length} reported quarters, operating cash flow, which is after interest paid, was positive (${list}): operations paid the interest. The building is paid for with borrowing (claim 3); whether it must borrow to pay interest in future is the model's question, below.`};
      }
      return {
        verdict: short.length === lastFour.length ? "supported" : "partly", missing,
        explanation: `Operating cash flow, which is after interest paid, was negative in ${short.map((q) => q.period).join(", ")} of the last ${lastFour.length} reported quarters (${list}): in ${short.length === 1 ? "that quarter" : "those quarters"} operations did not cover the interest, which was paid from other money, such as borrowing.`
      };
    }
  },
  {
    id: 2,
    claim: "Its interest payments on previous loans exceed its revenue by a significant amount.",
    check(read) {
      const quarters = read.periodsWith("interest_expense_net", "revenue").filter((p) => isQuarter(p.revenue!));
      const last = quarters.at(-1);
      if (!last) return {verdict: "undecided", explanation: "No quarter in the dataset has both revenue and interest expense.", missing: ["revenue and interest expense for a reported quarter"]};
      const revenue = read.useStatement(last.revenue!, "Revenue");
      const interest = read.useStatement(last.interest_expense_net!, "Interest expense, net");
      const share = interest.value / revenue.value;
      const worst = Math.max(...quarters.map((q) => q.interest_expense_net!.value / q.revenue!.value));
      // "A significant amount": more than a tenth above revenue.
      const verdict: Verdict = share > 1.1 ? "supported" : share > 1 ? "partly" : "not supported";
      return {verdict, explanation: `In ${revenue.period}, interest expense was ${(100 * share).toFixed(0)} % of revenue (${millions(interest.value)} against ${millions(revenue.value)}); in the ${quarters.length} quarters the dataset holds, at most ${(100 * worst).toFixed(0)} %. ${verdict === "not supported" ? "Interest is a large charge, but it does not exceed revenue." : "Interest exceeds revenue."}`};
    }
  },
  {
    id: 3, usesModel: true,
    claim: "It pays off loans with more loans (new borrowing funds repayments).",
    check(read) {
      // Operating cash flow is after interest paid (US GAAP): what operations left for repayments.
      const periods = read.periodsWith("proceeds_from_debt", "repayments_of_debt", "operating_cash_flow");
      const last = periods.at(-1);
      if (last) {
        const proceeds = read.useStatement(last.proceeds_from_debt!, "Proceeds from debt");
        const repaid = read.useStatement(last.repayments_of_debt!, "Repayments of debt");
        const left = read.useStatement(last.operating_cash_flow!, "Operating cash flow (after interest paid)").value;
        const period = last.operating_cash_flow!.period;
        return repaid.value > 0 && proceeds.value > 0 && left < repaid.value
          ? {verdict: "supported", explanation: `In ${period}, operations left ${millions(left)} after interest, less than the ${millions(repaid.value)} of debt repaid, while ${millions(proceeds.value)} was borrowed: new borrowing paid for repayments.`}
          : {verdict: "not supported", explanation: `In ${period}, operations left ${millions(left)} after interest, enough for the ${millions(repaid.value)} of debt repaid.`};
      }
      const stated = read.facts("new_debt_proceeds_stated_for_repayment").filter((f) => f.value === 1);
      if (stated.length) {
        stated.forEach((f) => read.useFact(f, "New debt whose stated use includes repaying debt"));
        return {
          verdict: "partly",
          explanation: `A filing states that the proceeds of new debt may repay existing debt (${stated.length} instance${stated.length > 1 ? "s" : ""}). That is a stated use, not a measured one: the cash-flow figures that would measure it are not in the dataset yet.`,
          missing: ["proceeds from and repayments of debt and operating cash flow for the same reported period"]
        };
      }
      return {verdict: "undecided", explanation: "The dataset holds neither the cash flows that would measure it nor a filing's statement of how new debt is used.", missing: ["proceeds from and repayments of debt and operating cash flow for the same reported period"]};
    }
  },
  {
    id: 4,
    claim: "It has essentially two customers, Microsoft and NVIDIA.",
    check(read) {
      // The filings' concentration notes (statements, latest period) over the facts an article reported from the S-1.
      const topTwoStatement = read.latestStatement("top_two_customers_revenue_share");
      const largestStatement = topTwoStatement && read.samePeriod(topTwoStatement, "largest_customer_revenue_share");
      const topTwo = topTwoStatement ?? read.latest("top_two_customers_revenue_share");
      const largest = topTwoStatement ? largestStatement : read.latest("largest_customer_revenue_share");
      const isMicrosoft = read.latest("largest_customer_is_microsoft");
      if (!topTwo) return {verdict: "undecided", explanation: "The dataset has no figure for the two largest customers' share of revenue.", missing: ["the two largest customers' share of revenue (S-1 or 10-K concentration note)"]};
      if (topTwoStatement) read.useStatement(topTwoStatement, "Two largest customers' share of revenue");
      else read.useFact(topTwo as ClaimFact, "Two largest customers' share of revenue");
      if (largestStatement) read.useStatement(largestStatement, "Largest customer's share of revenue");
      else if (largest) read.useFact(largest as ClaimFact, "Largest customer's share of revenue");
      if (isMicrosoft) read.useFact(isMicrosoft, "Largest customer is Microsoft");
      const missing = read.latest("second_customer_is_nvidia") ? [] : ["the name of the second-largest customer (a filing names it, or not)"];
      if (topTwo.value < 50) return {verdict: "not supported", explanation: `The two largest customers were ${topTwo.value} % of revenue in ${topTwo.period}: far from all of it.`};
      const ms = isMicrosoft?.value === 1;
      const nvidia = read.latest("second_customer_is_nvidia");
      if (nvidia) read.useFact(nvidia, "Second-largest customer is NVIDIA");
      if (ms && nvidia?.value === 1 && topTwo.value >= 75) {
        return {verdict: "supported", explanation: `Microsoft and NVIDIA were ${topTwo.value} % of revenue in ${topTwo.period}.`};
      }
      return {
        verdict: "partly",
        explanation: `Two customers were ${topTwo.value} % of revenue in ${topTwo.period}${largest ? `, ${ms && isMicrosoft!.period === topTwo.period ? "Microsoft" : "the largest customer"} alone ${largest.value} %` : ""}${ms && isMicrosoft!.period !== topTwo.period ? ` (the largest was Microsoft in ${isMicrosoft!.period}; the dataset does not name it for ${topTwo.period})` : ""}: the concentration is real. ${nvidia ? (nvidia.value === 1 ? "NVIDIA is the second" : "The second is not NVIDIA") : "The dataset does not name the second customer, so \"NVIDIA\" is not confirmed here"}; and ${(100 - topTwo.value).toFixed(0)} % of revenue came from others.`,
        missing
      };
    }
  },
  {
    id: 5,
    claim: "It has already defaulted once.",
    check(read) {
      const payment = read.latest("payment_default");
      const technical = read.latest("technical_default_waived");
      if (!payment && !technical) return {verdict: "undecided", explanation: "The dataset has no fact about defaults.", missing: ["any default or waiver a filing discloses"]};
      if (payment) read.useFact(payment, "Missed a payment");
      if (technical) read.useFact(technical, "Technical default, waived");
      if (payment?.value === 1) return {verdict: "supported", explanation: "A payment was missed: a payment default."};
      if (technical?.value === 1) return {verdict: "partly", explanation: `It breached terms of a loan and was in technical default (${technical.period}), which the lender waived; ${payment?.value === 0 ? "no payment was missed" : "whether a payment was missed is not in the dataset"}. A technical default is a default in the loan's terms, not a failure to pay.`};
      return {verdict: "not supported", explanation: "The facts in the dataset record no default."};
    }
  },
  {
    id: 6,
    claim: "It gets its power from a Bitcoin-mining company (Core Scientific) that has CoreWeave as its only customer.",
    check(read) {
      const total = read.latest("core_scientific_total_revenue");
      const self = read.latest("core_scientific_self_mining_revenue");
      const hosted = read.latest("core_scientific_hosted_mining_revenue");
      const colocation = read.latest("core_scientific_colocation_revenue");
      const funded = read.latest("core_scientific_capex_funded_by_coreweave");
      if (!total || !self || !colocation) return {verdict: "undecided", explanation: "The dataset lacks Core Scientific's revenue by kind.", missing: ["Core Scientific's revenue by kind (self-mining, hosted mining, colocation)"]};
      [[total, "Core Scientific: total revenue"], [self, "Core Scientific: bitcoin self-mining revenue"], [colocation, "Core Scientific: colocation revenue"]].forEach(([f, l]) => read.useFact(f as ClaimFact, l as string));
      if (hosted) read.useFact(hosted, "Core Scientific: hosted mining revenue (other customers' miners)");
      if (funded) read.useFact(funded, "Core Scientific capex funded by CoreWeave");
      const miner = self.value / total.value >= 0.5;
      const supplies = colocation.value > 0 && (funded?.value ?? 0) > 0;
      const others = (hosted?.value ?? 0) > 0;
      // Its own mining has no customer; hosting other companies' miners does.
      const onlyCustomer = hosted !== undefined && !others;
      const part1 = `Core Scientific ${miner ? "is" : "is no longer mainly"} a bitcoin miner (${(100 * self.value / total.value).toFixed(0)} % of its ${total.period} revenue from its own mining)${supplies ? ", and CoreWeave funds data-centre capacity from it" : ""}.`;
      const part2 = onlyCustomer
        ? `Besides its own mining, its revenue is colocation (${(100 * colocation.value / total.value).toFixed(0)} %), with no hosting of other customers' miners.`
        : others
          ? `CoreWeave is not its only customer: it earned ${millions(hosted!.value)} hosting other companies' miners; colocation was ${(100 * colocation.value / total.value).toFixed(0)} % of its revenue.`
          : "Whether it has customers other than CoreWeave is not in the dataset.";
      const verdict: Verdict = miner && supplies ? (onlyCustomer ? "supported" : "partly") : "not supported";
      if (!hosted) return {verdict: miner && supplies ? "partly" : "not supported", explanation: `${part1} ${part2}`, missing: ["Core Scientific's revenue from customers other than CoreWeave"]};
      return {verdict, explanation: `${part1} ${part2}`, missing: ["the share of CoreWeave's power or data-centre capacity that comes from Core Scientific"]};
    }
  },
  {
    id: 7,
    claim: "It borrowed from Magnetar.",
    check(read) {
      // Each kind of debt from Magnetar the facts can record, as the evidence and the explanation name it.
      const kinds: Record<string, {label: string; name: string}> = {
        magnetar_loan_principal: {label: "Magnetar Loan outstanding", name: "the Magnetar Loan"},
        magnetar_notes_issued: {label: "Notes issued to Magnetar funds", name: "notes issued to Magnetar funds"},
        magnetar_ddtl_principal: {label: "Delayed-draw loans held by funds Magnetar manages", name: "delayed-draw loans held by funds Magnetar manages"}
      };
      const loans = Object.keys(kinds).flatMap((subject) => read.facts(subject));
      if (!loans.length) return {verdict: "undecided", explanation: "The dataset has no fact about debt owed to Magnetar.", missing: ["debt owed to Magnetar (related-party note, debt note)"]};
      loans.forEach((f) => read.useFact(f, kinds[f.subject]!.label));
      const positive = loans.filter((f) => f.value > 0);
      return positive.length
        ? {verdict: "supported", explanation: `The filings show debt from Magnetar: ${positive.map((f) => `${kinds[f.subject]!.name} (${f.unit === "USD thousands" ? millions(f.value / 1000) : millions(f.value)}, ${f.period})`).join("; ")}.`}
        : {verdict: "not supported", explanation: "The facts record no debt from Magnetar."};
    }
  },
  {
    id: 8,
    claim: "Insiders sold large amounts of stock before and after the IPO.",
    check(read) {
      const before = read.latest("insider_sales_before_ipo");
      const after = read.latest("insider_sales_after_ipo");
      if (!before && !after) return {verdict: "undecided", explanation: "The dataset has no insider sales.", missing: ["insider sales before and after the IPO (S-1, Forms 4)"]};
      if (before) read.useFact(before, "Insider sales before the IPO");
      if (after) read.useFact(after, "Insider sales after the IPO");
      // "Large": at least USD 100 million, our threshold, stated on the page.
      const large = (f: ClaimFact | undefined) => (f?.value ?? 0) >= 100;
      const verdict: Verdict = large(before) && large(after) ? "supported" : large(before) || large(after) ? "partly" : "not supported";
      return {verdict, explanation: `Before the IPO: ${before ? millions(before.value) : "not in the dataset"}; after it: ${after ? `${millions(after.value)} or more` : "not in the dataset"}. "Large" here means at least USD 100 m.`, missing: [before ? "" : "sales before the IPO", after ? "" : "sales after the IPO", "the filings themselves (Forms 4, the S-1's tender-offer disclosure) in place of articles"].filter(Boolean)};
    }
  },
  {
    id: 9,
    claim: "It uses special purpose vehicles to hold debt.",
    check(read) {
      const borrowers = read.facts("facility_borrower_is_subsidiary");
      if (!borrowers.length) return {verdict: "undecided", explanation: "The dataset does not say which entity borrows under each facility.", missing: ["the borrower of each facility (credit agreements, 8-Ks)"]};
      borrowers.forEach((f) => read.useFact(f, "Facility borrowed by a special-purpose subsidiary"));
      const yes = borrowers.filter((f) => f.value === 1).length;
      return yes
        ? {verdict: "supported", explanation: `${yes} facilit${yes > 1 ? "ies are" : "y is"} borrowed by a subsidiary rather than by the parent company (the filings' words are below): debt held in special-purpose vehicles, the usual structure of asset-backed lending. That is a structure, not by itself a sign of distress.`}
        : {verdict: "not supported", explanation: "The facilities recorded are borrowed by the parent company."};
    }
  }
];

export function checkClaims(data: ClaimsData): ClaimCheck[] {
  return CLAIMS.map((definition) => {
    const read = new Reader(data);
    const outcome = definition.check(read, data);
    return {
      id: definition.id,
      claim: definition.claim,
      verdict: outcome.verdict,
      explanation: outcome.explanation,
      evidence: read.used,
      missing: outcome.missing ?? [],
      restsOnArticles: read.used.some((e) => e.kind === "article"),
      model: definition.usesModel ? data.model : null
    };
  });
}
