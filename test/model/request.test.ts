import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACT_FLAGS, requestFrom } from '../../src/cli/commands/act-options.js';
import { caseQuery, parseCatalogue } from '../../src/law/catalogue.js';
import { QueryError } from '../../src/model/errors.js';
import { ActRequestSchema, RequestSchema, transitOfText } from '../../src/model/request.js';
import { ActRequestSchema as ResolveBodySchema } from '../../src/server/engine.js';
import { simulateRequestSchema, whatifRequestSchema } from '../../src/server/operations.js';
import { DEFAULT_LIMITS } from '../../src/server/context.js';
import { openApiDocument } from '../../src/server/openapi.js';

const cases = parseCatalogue(readFileSync(new URL('../../scenarios/interwar/cases.yaml', import.meta.url), 'utf8'), 'cases.yaml');
const keys = (schema: { shape: object }) => Object.keys(schema.shape).sort();

describe('the one request schema', () => {
  it('gives every field a CLI flag, and no flag without a field', () => {
    expect(Object.keys(ACT_FLAGS).sort()).toEqual(keys(RequestSchema));
  });

  it('is what the server checks: resolve takes the act request and explain, simulate and whatif the whole request and their own', () => {
    expect(keys(ResolveBodySchema)).toEqual([...keys(ActRequestSchema), 'explain'].sort());
    for (const schema of [simulateRequestSchema(100), whatifRequestSchema(100)]) expect(keys(schema)).toEqual(expect.arrayContaining(keys(RequestSchema)));
  });

  it('is what the OpenAPI document describes', () => {
    const schemas = (openApiDocument(DEFAULT_LIMITS) as { components: { schemas: Record<string, { properties: object }> } }).components.schemas;
    expect(Object.keys(schemas.Request!.properties).sort()).toEqual(keys(RequestSchema));
    expect(Object.keys(schemas.ResolveBody!.properties).sort()).toEqual([...keys(ActRequestSchema), 'explain', 'save'].sort());
  });

  it('accepts every case of the catalogue as a request to the server', () => {
    expect(cases.length).toBeGreaterThan(10);
    for (const c of cases) {
      const { act, assumptions } = caseQuery(c);
      const parsed = RequestSchema.safeParse({ ...act, ...assumptions });
      expect(parsed.success, `${c.id}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it('reads GRANTOR:GRANTEE the same for any two ids or names', () => {
    const name = fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,20}[A-Za-z]$/);
    fc.assert(
      fc.property(name, name, (a, b) => {
        expect(transitOfText(` ${a} : ${b} `)).toEqual({ grantor: a, grantee: b });
      }),
    );
    expect(transitOfText('RUM-RUS')).toBeUndefined();
    expect(transitOfText(':RUS')).toBeUndefined();
  });

  it('checks CLI flags with the same bounds as the API, naming the flag', () => {
    const nine = ['GMY', 'ITA', 'HUN', 'BUL', 'RUM', 'JPN', 'AUS', 'ALB', 'SPN'];
    const attempt = () => requestFrom({ at: '1938-09-30', attacker: nine, target: 'CZE' });
    expect(attempt).toThrow(QueryError);
    expect(attempt).toThrow(/^--attacker: /);
    expect(() => ActRequestSchema.parse({ attackers: nine, target: 'CZE', date: '1938-09-30' })).toThrow();
    expect(requestFrom({ at: '1938-09-30', attacker: ['Germany'], target: 'CZE', transit: ['Romania:Soviet Union'], reading: ['x=false'] })).toMatchObject({ attackers: ['Germany'], transit: [{ grantor: 'Romania', grantee: 'Soviet Union' }], readings: { x: false }, overlays: [] });
  });
});
