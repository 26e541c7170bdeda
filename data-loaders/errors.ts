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
  return `${issue.file}, ${where}, field "${issue.field}": ${issue.message}`;
}

export class RawDataError extends Error {
  constructor(readonly issues: readonly RawDataIssue[]) {
    super(`bad raw data (${issues.length} ${issues.length === 1 ? "problem" : "problems"}):\n` + issues.map((i) => `  ${describeIssue(i)}`).join("\n"));
    this.name = "RawDataError";
  }
}
