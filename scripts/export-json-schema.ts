/** Writes schema/scenario.schema.json and schema/game-moves.schema.json from the zod schemas, for editors. Run: npm run schema. */
import { writeFileSync } from 'node:fs';
import { movesJsonSchema } from '../src/game/moves.js';
import { scenarioJsonSchema } from '../src/model/json-schema.js';

for (const [file, schema] of [['scenario.schema.json', scenarioJsonSchema()], ['game-moves.schema.json', movesJsonSchema()]] as const) {
  const target = new URL(`../schema/${file}`, import.meta.url);
  writeFileSync(target, `${JSON.stringify(schema, null, 2)}\n`);
  process.stdout.write(`wrote ${target.pathname.split('/').slice(-2).join('/')}\n`);
}
