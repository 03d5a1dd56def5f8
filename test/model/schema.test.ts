/** The scenario format rejects what is wrong, saying what, in which file, at which path and line. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioError, type Issue } from '../../src/model/errors.js';
import { loadScenarioFile } from '../../src/model/load.js';
import { MAX_SCENARIO_CHARS, parseScenario } from '../../src/model/parse.js';

const MINI = readFileSync(new URL('./fixtures/mini.yaml', import.meta.url), 'utf8');

function issuesOf(text: string, file = 'test.yaml'): Issue[] {
  try {
    parseScenario(text, file);
  } catch (error) {
    if (error instanceof ScenarioError) return error.issues;
    throw error;
  }
  throw new Error('expected the scenario to be rejected');
}

function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((line) => line.includes(needle)) + 1;
}

describe('a valid scenario', () => {
  it('parses, with defaults filled in', () => {
    const s = parseScenario(MINI, 'mini.yaml');
    expect(s.actors.map((a) => a.id)).toEqual(['AAA', 'BBB', 'CCC']);
    expect(s.actors[0]!.kind).toBe('state');
    expect(s.territories[1]!.control[1]!.status).toBe('annexed');
  });

  it('reads the same scenario written as JSON', () => {
    const fromYaml = parseScenario(MINI, 'mini.yaml');
    expect(parseScenario(JSON.stringify(fromYaml), 'mini.json')).toEqual(fromYaml);
  });
});

describe('rejections name file, path and line', () => {
  it('broken YAML', () => {
    const [issue] = issuesOf('format: 1\nid: [unclosed\nname: x\n');
    expect(issue!.file).toBe('test.yaml');
    expect(issue!.message).toMatch(/not valid YAML/);
    expect(issue!.line).toBeGreaterThanOrEqual(2);
  });

  it('an unknown state in a treaty', () => {
    const text = MINI.replace('parties: [AAA, CCC]', 'parties: [AAA, ZZZ]');
    const issues = issuesOf(text);
    expect(issues).toContainEqual(expect.objectContaining({ path: ['treaties', 0, 'parties', 1], message: 'unknown actor "ZZZ"', line: lineOf(text, 'parties: [AAA, ZZZ]') }));
  });

  it('an interval that ends before it starts', () => {
    const text = MINI.replace('from: 1930-01-01, until: 1938-03-13', 'from: 1938-03-13, until: 1930-01-01');
    const issues = issuesOf(text);
    expect(issues).toContainEqual(expect.objectContaining({ path: ['actors', 1, 'exists', 0], line: lineOf(text, 'from: 1938-03-13, until: 1930-01-01') }));
    expect(issues[0]!.message).toMatch(/ends \(1930-01-01\) before/);
  });

  it('an unknown field', () => {
    const text = MINI.replace('    ccode: 2\n', '    ccode: 2\n    colour: red\n');
    const [issue] = issuesOf(text);
    expect(issue).toMatchObject({ path: ['actors', 1], message: 'unknown field "colour"' });
    expect(issue!.line).toBe(lineOf(text, 'id: BBB'));
  });

  it('a day that does not exist', () => {
    const text = MINI.replace('signed: 1935-05-02', 'signed: 1938-02-30');
    const [issue] = issuesOf(text);
    expect(issue).toMatchObject({ path: ['treaties', 0, 'signed'], line: lineOf(text, 'signed: 1938-02-30') });
    expect(issue!.message).toMatch(/1938-02-30 does not exist/);
  });

  it('inside a union (a party written as an object), the branch the author meant', () => {
    const text = MINI.replace('parties: [AAA, CCC]', 'parties: [AAA, { state: CCC, from: 1938-02-30 }]');
    const [issue] = issuesOf(text);
    expect(issue).toMatchObject({ path: ['treaties', 0, 'parties', 1, 'from'], line: lineOf(text, 'from: 1938-02-30 }]') });
    expect(issue!.message).toMatch(/1938-02-30 does not exist/);
  });

  it('a treaty in force before it was signed', () => {
    const [issue] = issuesOf(MINI.replace('inForce: 1936-03-27', 'inForce: 1934-01-01'));
    expect(issue).toMatchObject({ path: ['treaties', 0, 'inForce'] });
  });

  it('overlapping control of one territory', () => {
    const [issue] = issuesOf(MINI.replace('{ controller: AAA, from: 1938-03-13, status', '{ controller: AAA, from: 1937-01-01, status'));
    expect(issue).toMatchObject({ path: ['territories', 1, 'control', 1], message: 'control spells 0 and 1 overlap' });
  });

  it('a reading that names no boolean parameter', () => {
    const [issue] = issuesOf(MINI.replace('reading: strict-reading', 'reading: no-such-reading'));
    expect(issue).toMatchObject({ path: ['treaties', 0, 'provisions', 0, 'conditions', 1, 'reading'] });
  });

  it('a duplicate id', () => {
    const [issue] = issuesOf(MINI.replace('id: CCC', 'id: AAA'));
    expect(issue!.message).toMatch(/id "AAA" is used twice/);
  });

  it('a fact without a source', () => {
    const issues = issuesOf(MINI.replace('  - { id: gamma, name: Gamma, control: [{ controller: CCC, source: { ref: test } }], source: { ref: test } }', '  - { id: gamma, name: Gamma, control: [{ controller: CCC }], source: { ref: test } }'));
    expect(issues).toContainEqual(expect.objectContaining({ path: ['territories', 2, 'control', 0, 'source'] }));
  });

  it('a YAML alias bomb, quickly and without expanding it', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const started = performance.now();
    const [issue] = issuesOf(`${levels.join('\n')}\n`);
    expect(issue!.message).toMatch(/alias/i);
    expect(performance.now() - started).toBeLessThan(5_000); // a hang would be the failure; generous bound
  });

  it('a document nested too deeply', () => {
    const [issue] = issuesOf(`${'['.repeat(5000)}${']'.repeat(5000)}`);
    expect(issue!.message).toMatch(/nest/);
  });

  it('a text over the size limit, before parsing it', () => {
    const [issue] = issuesOf(' '.repeat(MAX_SCENARIO_CHARS + 1));
    expect(issue!.message).toMatch(/at most/);
  });
});

describe('files on disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'casus-model-'));

  it('a file of hundreds of megabytes is refused without reading it', () => {
    const big = join(dir, 'big.yaml');
    writeFileSync(big, '');
    // A sparse file: large on paper, nothing written to disk.
    const fd = require_fs().openSync(big, 'r+');
    require_fs().ftruncateSync(fd, 300 * 1024 * 1024);
    require_fs().closeSync(fd);
    expect(() => loadScenarioFile(big)).toThrow(/300 MiB; a scenario file may be at most/);
  });

  it('includes are merged, and errors point into the included file', () => {
    const main = MINI.replace('treaties:', 'include: [more.yaml]\ntreaties:');
    writeFileSync(join(dir, 'main.yaml'), main);
    writeFileSync(join(dir, 'more.yaml'), 'events:\n  - { id: e1, date: 1936-03-07, kind: occupation, title: X, actors: [AAA], territories: [nowhere], source: { ref: test } }\n');
    let issues: Issue[] = [];
    try {
      loadScenarioFile(join(dir, 'main.yaml'));
    } catch (error) {
      issues = (error as ScenarioError).issues;
    }
    expect(issues).toEqual([expect.objectContaining({ path: ['events', 0, 'territories', 0], line: 2, message: 'unknown territory "nowhere"' })]);
    expect(issues[0]!.file).toMatch(/more\.yaml$/);
  });

  it('an include may not leave the scenario folder', () => {
    writeFileSync(join(dir, 'escape.yaml'), MINI.replace('treaties:', 'include: [../../etc/passwd]\ntreaties:'));
    expect(() => loadScenarioFile(join(dir, 'escape.yaml'))).toThrow(/inside the scenario's folder/);
  });
});

function require_fs(): typeof import('node:fs') {
  return fsModule;
}
import * as fsModule from 'node:fs';
