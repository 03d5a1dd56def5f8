/** Writes schema/scenario.schema.json from the zod schema, for editors. Run: npm run schema. */
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../src/model/json-schema.js';

const target = new URL('../schema/scenario.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${target.pathname.split('/').slice(-2).join('/')}\n`);
