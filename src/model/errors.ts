/** Errors that say what is wrong and where: file, path inside the document, line and column. */

/** One problem found in a scenario. */
export interface Issue {
  file: string;
  /** Path inside the document, e.g. ["treaties", 3, "parties", 0]. */
  path: (string | number)[];
  line?: number | undefined;
  column?: number | undefined;
  message: string;
}

/** A path as people read it: `treaties[3].parties[0]`. Pure. */
export function formatPath(path: readonly (string | number)[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`)).join('');
}

/** `file:line:column: path: message`, leaving out what is unknown. Pure. */
export function formatIssue(issue: Issue): string {
  const where = [issue.file, issue.line, issue.line !== undefined ? issue.column : undefined].filter((x) => x !== undefined).join(':');
  const path = issue.path.length ? ` ${formatPath(issue.path)}:` : '';
  return `${where}:${path} ${issue.message}`;
}

/** Thrown when a scenario cannot be read or is not valid; carries every issue found. */
export class ScenarioError extends Error {
  readonly issues: Issue[];
  constructor(issues: Issue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'ScenarioError';
    this.issues = issues;
  }
}

/** Thrown when a question put to a scenario makes no sense (an unknown state, a day outside its span). */
export class QueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueryError';
  }
}
