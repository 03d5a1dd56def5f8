/** `casus play` as a user runs it: the historical replay, an empty moves file, a bad one (in-process), the prompt (the binary, moves piped in). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { casus, casusBinary, type CasusRun } from '../support/casus.js';

const dir = mkdtempSync(join(tmpdir(), 'casus-play-'));

describe('casus play', () => {
  let history: CasusRun;
  beforeAll(async () => {
    history = await casus('play', '--power', 'RUS', '--history', '--json');
  });

  it('--history --json replays the crises, and Munich\'s obligations are what `casus resolve` says', async () => {
    expect(history.code).toBe(0);
    const game = JSON.parse(history.stdout);
    expect(game.turns.filter((t: { states?: unknown }) => t.states).length).toBeGreaterThanOrEqual(10);
    const munich = game.turns.find((t: { id: string }) => t.id === 'munich');
    const resolved = await casus('resolve', '--at', '1938-09-28', '--attacker', 'GMY', '--target', 'CZE', '--theatre', 'sudetenland', '--json', '--all');
    expect(resolved.code).toBe(0);
    expect(munich.states).toEqual(JSON.parse(resolved.stdout).states);
  });

  it('an empty moves file plays the same game as --history', async () => {
    const empty = join(dir, 'empty.yaml');
    writeFileSync(empty, '');
    const run = await casus('play', '--power', 'RUS', '--script', empty, '--json');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(history.stdout);
  });

  it('a moves file with a move out of turn exits 2 and says which move and why', async () => {
    const file = join(dir, 'late.yaml');
    writeFileSync(file, 'crises: [rhineland, munich]\nmoves:\n  - { move: readiness, date: 1937-01-01, level: alert }\n  - { move: propose, date: 1935-01-01, template: nonaggression, with: [POL] }\n');
    const run = await casus('play', '--script', file);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/casus: script move 2: move 3 \(propose on 1935-01-01\): out of turn: the game is at 1937-01-01; moves come in date order/);
  });

  it('a moves file of the wrong shape exits 2 naming file, line and path', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'power: RUS\nmoves:\n  - { move: propose, date: 1936-05-01, template: alliance, with: [CZE] }\n');
    const run = await casus('play', '--script', file);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad\.yaml:3:\d+: moves\[0\]\.template/);
  });

  it('the prompt takes one move a line, refuses a bad one without ending the game, and resolves crises on "next"', async () => {
    const run = await casusBinary(['play', '--crises', 'rhineland,munich', '--prompt'], 'help\npropose guarantee CZE @1936-05-01\nnext\npropose guarantee CZE @1936-05-01\nnext\n');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/propose TEMPLATE ID\[,ID\]/);
    expect(run.stdout).toMatch(/refused: move 1 \(propose on 1936-05-01\): out of turn: the crisis "rhineland" of 1936-03-07 comes first/);
    expect(run.stdout).toMatch(/accepted: Guarantee RUS–CZE \(played, 1936-05-01\) signed/);
    expect(run.stdout).toMatch(/RUS is now bound to act: assist CZE under Guarantee RUS–CZE/);
    expect(run.stdout).toMatch(/Grades: alone/);
  });
});
