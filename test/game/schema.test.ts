/** The moves file's JSON Schema is the zod schema's export, and it accepts the example moves file. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { movesJsonSchema, MovesFileSchema } from '../../src/game/moves.js';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('schema/game-moves.schema.json', () => {
  it('is what `npm run schema` writes from MovesFileSchema', () => {
    expect(JSON.parse(read('schema/game-moves.schema.json'))).toEqual(JSON.parse(JSON.stringify(movesJsonSchema())));
  });
  it('the example moves file in docs is valid', () => {
    expect(MovesFileSchema.safeParse(parse(read('docs/examples/guarantee-czechoslovakia.yaml'))).success).toBe(true);
  });
});
