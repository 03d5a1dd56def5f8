/** The scenario schema as JSON Schema (2020-12), for editors and for the HTTP API's documentation. */
import { z } from 'zod';
import { ScenarioPartSchema, ScenarioSchema } from './schema.js';

/** JSON Schema of a scenario's main file. Pure. */
export function scenarioJsonSchema(): object {
  return {
    ...z.toJSONSchema(ScenarioSchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://casus.invalid/schema/scenario.schema.json',
    title: 'casus scenario',
  };
}

/** JSON Schema of an included part of a scenario. Pure. */
export function scenarioPartJsonSchema(): object {
  return { ...z.toJSONSchema(ScenarioPartSchema, { io: 'input', unrepresentable: 'any' }), title: 'casus scenario part' };
}
