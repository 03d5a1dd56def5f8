/**
 * Named parameters: numbers the modeller chose, each with its range and the reason for its
 * default. They are not facts; a scenario's `parameters` or the command line may override them.
 * `power` owns the weighing parameters; `sim` adds the decision model's and merges both.
 */

/** A chosen number: its name, default, allowed range (inclusive) and the rationale for the default. */
export interface ParameterSpec {
  name: string;
  default: number;
  min: number;
  max: number;
  doc: string;
}

/** The weighing parameters: how much of a state's strength reaches the theatre, and what deters. */
export const POWER_PARAMETERS: readonly ParameterSpec[] = [
  {
    name: 'power-reach-border',
    default: 1,
    min: 0,
    max: 1,
    doc: 'Share of a state\'s strength it brings to bear across a common land border (or on its own soil). 1: the reference; its whole army can march.',
  },
  {
    name: 'power-reach-transit',
    default: 0.6,
    min: 0,
    max: 1,
    doc: 'Share brought to bear through states that grant passage. Below 1 because armies crossing a third state depend on its railways and goodwill: the Soviet route to Czechoslovakia across Romania depended on a few poor railway lines.',
  },
  {
    name: 'power-reach-sea',
    default: 0.5,
    min: 0,
    max: 1,
    doc: 'Share brought to bear by sea only. Half, because a sea power fights first with its navy and blockade and lands an army late (the British Expeditionary Force in France counted four divisions in the autumn of 1939).',
  },
  {
    name: 'power-reach-none',
    default: 0,
    min: 0,
    max: 1,
    doc: 'Share brought to bear by a state that cannot reach the theatre at all. 0: a declaration of war with no road to the front does not defend the target.',
  },
  {
    name: 'power-deterrence-ratio',
    default: 1,
    min: 0.01,
    max: 100,
    doc: 'The attacker is deterred when the strength that would fight it is at least this multiple of its own side\'s. 1 (parity): an attacker that cannot expect to outweigh its enemies cannot expect the quick victory it needs; a modeller\'s choice, raise it for a bolder attacker.',
  },
];
