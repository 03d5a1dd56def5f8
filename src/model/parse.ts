/**
 * Reading a scenario from text: YAML or JSON (JSON through JSON.parse, and through the YAML
 * parser, a superset, when an error needs its line), then the schema, then the includes, then
 * the cross-references. Pure: included files come through a reader the caller passes in.
 */
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { ScenarioError, type Issue } from './errors.js';
import { ScenarioPartSchema, ScenarioSchema, type Scenario, type ScenarioPart } from './schema.js';
import { checkScenario } from './validate.js';
import { duplicateKey, looksLikeJson } from './json-text.js';

/** Largest scenario text read, in characters; a larger one is refused before parsing. */
export const MAX_SCENARIO_CHARS = 32 * 1024 * 1024;
/** Largest number of YAML aliases resolved in one document: an alias bomb stops here. */
export const MAX_ALIASES = 1000;
/** Deepest nesting accepted; hostile documents nest far deeper to exhaust the stack. */
export const MAX_DEPTH = 64;

/** Reads an included file, given its path relative to the including one. */
export type IncludeReader = (relativePath: string) => { text: string; file: string };

interface ParsedText {
  value: unknown;
  locate: (path: readonly (string | number)[]) => { line?: number; column?: number };
}

/** The lists a scenario holds; included parts are concatenated into them in order. */
const LISTS = ['actors', 'territories', 'adjacency', 'seas', 'organizations', 'treaties', 'transit', 'events', 'capabilities', 'effectiveness', 'omissions', 'seeds', 'readings', 'atopCoding', 'societies', 'kin', 'disputes', 'wars', 'names', 'whatifs'] as const;
type ListName = (typeof LISTS)[number];

/** Where the item at a merged index of a list came from. */
interface Origin {
  file: string;
  index: number;
  locate: ParsedText['locate'];
}

/**
 * Parses and validates a scenario. Throws ScenarioError listing every problem with file,
 * path, line and column; returns a scenario whose cross-references all resolve.
 */
export function parseScenario(text: string, file: string, readInclude?: IncludeReader): Scenario {
  const main = parseText(text, file);
  const head = checkShape(ScenarioSchema, main, file);
  const origins = originsOf(head, file, main.locate);
  const scenario: Scenario = { ...head };
  for (const [i, relativePath] of head.include.entries()) {
    if (!readInclude) throw new ScenarioError([issueAt(file, ['include', i], main.locate, 'includes can only be read from files on disk; inline this part')]);
    let included: { text: string; file: string };
    try {
      included = readInclude(relativePath);
    } catch (error) {
      throw new ScenarioError([issueAt(file, ['include', i], main.locate, `cannot read "${relativePath}": ${(error as Error).message}`)]);
    }
    const parsed = parseText(included.text, included.file);
    parsed.value ??= {}; // an included file that holds only comments adds nothing
    const part = checkShape(ScenarioPartSchema, parsed, included.file);
    mergePart(scenario, part, origins, included.file, parsed.locate);
  }
  const problems = checkScenario(scenario);
  if (problems.length) {
    throw new ScenarioError(problems.map((p) => locateMerged(p.path, p.message, origins, file, main.locate)));
  }
  return scenario;
}

/**
 * Reads any YAML or JSON document against a schema, under the same limits as a scenario (size,
 * nesting, aliases) and with the same located errors. Pure. Throws ScenarioError.
 */
export function parseDocumentAs<S extends z.ZodType>(schema: S, text: string, file: string): z.infer<S> {
  return checkShape(schema, parseText(text, file), file);
}

function parseText(text: string, file: string): ParsedText {
  if (text.length > MAX_SCENARIO_CHARS) {
    throw new ScenarioError([{ file, path: [], message: `the file is ${text.length} characters; a scenario may have at most ${MAX_SCENARIO_CHARS}` }]);
  }
  return parseJsonText(text, file) ?? parseYamlText(text, file);
}

/**
 * JSON through JSON.parse, with lines and columns found by the YAML parser only when an error needs
 * them; undefined (so the YAML path reads it and says what is wrong) for text that is not JSON, does
 * not parse, or repeats a key.
 */
function parseJsonText(text: string, file: string): ParsedText | undefined {
  if (!looksLikeJson(text)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (duplicateKey(text) !== undefined) return undefined;
  if (nestingDepth(value) > MAX_DEPTH) throw new ScenarioError([{ file, path: [], message: `the document nests deeper than ${MAX_DEPTH} levels` }]);
  let located: ParsedText['locate'] | undefined;
  return { value, locate: (path) => (located ??= parseYamlText(text, file).locate)(path) };
}

function parseYamlText(text: string, file: string): ParsedText {
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  } catch (error) {
    throw new ScenarioError([{ file, path: [], message: `cannot be read: ${tooDeep(error) ? `the document nests deeper than ${MAX_DEPTH} levels` : firstLine((error as Error).message)}` }]);
  }
  const firstError = doc.errors[0];
  if (firstError) {
    const pos = lineCounter.linePos(firstError.pos[0]);
    const message = tooDeep(firstError) ? `the document nests deeper than ${MAX_DEPTH} levels` : `not valid YAML or JSON: ${firstLine(firstError.message)}`;
    throw new ScenarioError([{ file, path: [], line: pos.line, column: pos.col, message }]);
  }
  const locate = locator(doc, lineCounter);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const message = tooDeep(error) ? `the document nests deeper than ${MAX_DEPTH} levels` : firstLine((error as Error).message);
    throw new ScenarioError([{ file, path: [], message: `cannot be read: ${message} (aliases are limited to ${MAX_ALIASES})` }]);
  }
  const depth = nestingDepth(value);
  if (depth > MAX_DEPTH) throw new ScenarioError([{ file, path: [], message: `the document nests deeper than ${MAX_DEPTH} levels` }]);
  return { value, locate };
}

/** The parser runs out of stack on hostile nesting; say so in the user's terms. */
function tooDeep(error: unknown): boolean {
  return error instanceof RangeError || /call stack/i.test(String((error as Error)?.message));
}

/** Depth of a parsed value, counting stops past `limit`. Pure; iterative, so hostile nesting cannot exhaust the stack. */
export function nestingDepth(value: unknown, limit = MAX_DEPTH): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    const here = depth + 1;
    if (here > deepest) deepest = here;
    if (deepest > limit) return deepest;
    for (const child of Object.values(node)) stack.push([child, here]);
  }
  return deepest;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

/** Maps a path in the document to the line and column of the deepest node that exists. */
function locator(doc: Document, lineCounter: LineCounter): ParsedText['locate'] {
  return (path) => {
    let node: unknown = doc.contents;
    let found = node;
    for (const key of path) {
      if (isMap(node) || isSeq(node)) {
        node = node.get(key, true);
        if (node === undefined) break;
        found = node;
      } else break;
    }
    const range = (found as Node | null)?.range;
    if (!range) return {};
    const pos = lineCounter.linePos(range[0]);
    return { line: pos.line, column: pos.col };
  };
}

function issueAt(file: string, path: (string | number)[], locate: ParsedText['locate'], message: string): Issue {
  return { file, path, ...locate(path), message };
}

function checkShape<S extends z.ZodType>(schema: S, parsed: ParsedText, file: string): z.infer<S> {
  const result = schema.safeParse(parsed.value);
  if (result.success) return result.data;
  const issues = result.error.issues.flatMap(closestIssues).map((issue) => {
    const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
    return issueAt(file, path, parsed.locate, messageOf(issue));
  });
  throw new ScenarioError(issues);
}

/**
 * A failed union says only that nothing matched; the branch that got furthest (its deepest issue)
 * is almost always the one the author meant, so its issues are reported instead, with full paths.
 */
function closestIssues(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [issue];
  const depth = (branch: z.core.$ZodIssue[]) => Math.max(...branch.map((i) => i.path.length));
  const closest = issue.errors.reduce((best, branch) => (depth(branch) > depth(best) ? branch : best));
  if (depth(closest) === 0) return [issue];
  return closest.flatMap((inner) => closestIssues({ ...inner, path: [...issue.path, ...inner.path] } as z.core.$ZodIssue));
}

function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_union') return 'does not match any accepted form';
  return issue.message;
}

function originsOf(scenario: Scenario, file: string, locate: ParsedText['locate']): Record<ListName, Origin[]> {
  const origins = {} as Record<ListName, Origin[]>;
  for (const list of LISTS) origins[list] = (scenario[list] ?? []).map((_, index) => ({ file, index, locate }));
  return origins;
}

function mergePart(scenario: Scenario, part: ScenarioPart, origins: Record<ListName, Origin[]>, file: string, locate: ParsedText['locate']): void {
  for (const list of LISTS) {
    // names and whatifs are optional lists: absent in a scenario that has none.
    if (scenario[list] === undefined && part[list] === undefined) continue;
    (scenario[list] as unknown[]) = [...(scenario[list] ?? []), ...(part[list] ?? [])];
    origins[list].push(...(part[list] ?? []).map((_, index) => ({ file, index, locate })));
  }
  scenario.parameters = { ...scenario.parameters, ...part.parameters };
}

/** Turns a path into the merged scenario back into the file and index it was written at. */
function locateMerged(path: (string | number)[], message: string, origins: Record<ListName, Origin[]>, mainFile: string, mainLocate: ParsedText['locate']): Issue {
  const [list, index, ...rest] = path;
  const origin = typeof index === 'number' ? origins[list as ListName]?.[index] : undefined;
  if (!origin) return issueAt(mainFile, path, mainLocate, message);
  return issueAt(origin.file, [list as string, origin.index, ...rest], origin.locate, message);
}
