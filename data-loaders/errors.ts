/**
 * Bad raw data: names the file, the row and the field, and why. Rows count data rows
 * from 1 (the header is not a row); `line` is the line in the file, for an editor.
 */
export interface RawDataIssue {
  readonly file: string;
  /** Data row, from 1; 0 for the file as a whole (its header, or a rule across rows). */
  readonly row: number;
  readonly field: string;
  readonly message: string;
}

export function describeIssue(issue: RawDataIssue): string {
  const where = issue.row > 0 ? `row ${issue.row} (line ${issue.row + 1})` : "header";
  // A message may quote a cell: a 100 kB cell is quoted in part.
  const message = issue.message.length > 300 ? `${issue.message.slice(0, 300)}…` : issue.message;
  return `${issue.file}, ${where}, field "${issue.field}": ${message}`;
}

/** How many problems an error lists before it says "and N more". */
export const LISTED_PROBLEMS = 10;

/**
 * The first `max` items, then "and N more" for the rest: a file with two million unknown
 * columns gets a message of ten, not two million.
 */
export function cappedList(items: readonly string[], max = LISTED_PROBLEMS): string[] {
  return items.length > max ? [...items.slice(0, max), `and ${items.length - max} more`] : [...items];
}

export class RawDataError extends Error {
  constructor(readonly issues: readonly RawDataIssue[]) {
    super(`bad raw data (${issues.length} ${issues.length === 1 ? "problem" : "problems"}):\n` + cappedList(issues.map(describeIssue)).map((line) => `  ${line}`).join("\n"));
    this.name = "RawDataError";
  }

  /** The same on one line, for a command line's answer. */
  get oneLine(): string {
    return `bad raw data (${this.issues.length} ${this.issues.length === 1 ? "problem" : "problems"}): ${cappedList(this.issues.map(describeIssue)).join("; ")}`;
  }
}
