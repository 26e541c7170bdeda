/**
 * Month arithmetic on the dates the raw files print (YYYY-MM-DD), in one place for the
 * checks (validate), the identities (evidence) and the derived quarters (derive).
 */

/** Months from the first of `start` to the end of `end`, for a period printed as two dates. */
export function periodMonths(start: string, end: string): number {
  const [sy, sm] = start.split("-").map(Number) as [number, number];
  const [ey, em] = end.split("-").map(Number) as [number, number];
  return (ey - sy) * 12 + (em - sm) + 1;
}

export function isMonthStart(date: string): boolean {
  return date.endsWith("-01");
}

export function isMonthEnd(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.getUTCDate() === 1;
}

/** The month `months` after the month of `date`, as YYYY-MM. */
function addMonths(date: string, months: number): string {
  const [y, m] = date.split("-").map(Number) as [number, number];
  const total = y * 12 + (m - 1) + months;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, "0")}`;
}

/** The last day of a month given as YYYY-MM. */
function monthEnd(yearMonth: string): string {
  const [y, m] = yearMonth.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** The quarters of a period of `months` months (a multiple of three) that starts on `start`, in order. */
export function quartersOf(start: string, months: number): Array<{start: string; end: string}> {
  return Array.from({length: months / 3}, (_, q) => ({start: `${addMonths(start, 3 * q)}-01`, end: monthEnd(addMonths(start, 3 * q + 2))}));
}
