/** JSON scenarios read by JSON.parse: the same scenario as the YAML path, duplicate keys still refused, errors still located. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/model/errors.js';
import { loadBuiltInScenario } from '../../src/model/load.js';
import { duplicateKey } from '../../src/model/json-text.js';
import { parseScenario } from '../../src/model/parse.js';

describe('duplicateKey', () => {
  it('finds none in what JSON.stringify writes', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(duplicateKey(JSON.stringify(value))).toBeUndefined();
      }),
    );
  });

  it('finds a key repeated in one object, whatever its escapes and the strings around it', () => {
    expect(duplicateKey('{"a":1,"b":{"c":1,"c":2}}')).toBe('c');
    expect(duplicateKey('{"a":1,"\\u0061":2}')).toBe('a');
    expect(duplicateKey('{"x":"}{\\"[","y":[{"x":1},{"x":2}],"x":3}')).toBe('x');
    expect(duplicateKey('[{"k":1},{"k":2}]')).toBeUndefined();
  });
});

describe('JSON scenarios', () => {
  const builtIn = loadBuiltInScenario();

  it('read through JSON.parse give the scenario the YAML parser gives', () => {
    const text = JSON.stringify({ ...builtIn, include: [] });
    const yamlText = `# the same document read as YAML\n${text}`;
    expect(parseScenario(text, 'x.json')).toEqual(parseScenario(yamlText, 'x.yaml'));
  });

  it('refuse a repeated key, with its line', () => {
    const text = JSON.stringify({ ...builtIn, include: [] }, null, 1).replace('"id": "interwar",', '"id": "interwar",\n "id": "other",');
    expect(() => parseScenario(text, 'dup.json')).toThrow(ScenarioError);
    try {
      parseScenario(text, 'dup.json');
    } catch (error) {
      expect((error as ScenarioError).issues[0]).toMatchObject({ file: 'dup.json', line: expect.any(Number) });
      expect((error as ScenarioError).message).toMatch(/unique|duplicate|id/i);
    }
  });

  it('locate a schema error by line and column', () => {
    const broken = { ...builtIn, include: [], treaties: [{ ...builtIn.treaties[0]!, signed: '1938-02-30' }, ...builtIn.treaties.slice(1)] };
    const text = JSON.stringify(broken, null, 2);
    try {
      parseScenario(text, 'broken.json');
      expect.unreachable();
    } catch (error) {
      const issue = (error as ScenarioError).issues.find((i) => i.message.includes('1938-02-30'));
      expect(issue).toMatchObject({ file: 'broken.json', path: ['treaties', 0, 'signed'], line: expect.any(Number), column: expect.any(Number) });
    }
  });
});
