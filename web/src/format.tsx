/** Small renderers shared by the panels: sources, conditions, names. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Seed, Sources } from './api.js';

type Source = Exclude<Sources, unknown[]>;

/** The scenario's seed texts, so that a quote is cited by title and author, never by file name. */
export const SeedsContext = createContext<Seed[]>([]);

/** A source as a person reads it: a quote with the seed's title, kind and author, a reference, or a modeller's parameter. */
export function SourceView({ source }: { source: Sources | undefined }) {
  const seeds = useContext(SeedsContext);
  if (!source) return null;
  const list = (Array.isArray(source) ? source : [source]) as Source[];
  const work = (file: string) => {
    const seed = seeds.find((x) => x.file === file);
    return seed ? `“${seed.title}”, ${seed.kind}, ${seed.author}` : 'an unnamed seed text';
  };
  return (
    <ul class="sources">
      {list.map((s, i) => (
        <li key={i}>
          {'seed' in s ? (
            <>
              <q>{s.quote}</q> <cite>— {work(s.seed)}</cite>
            </>
          ) : 'ref' in s ? (
            <cite>{s.ref}</cite>
          ) : (
            <span class="parameter">parameter: {s.parameter}</span>
          )}
          {'note' in s && s.note ? <span class="note"> ({s.note})</span> : null}
        </li>
      ))}
    </ul>
  );
}

export interface ConditionLike {
  type: string;
  states?: string[];
  territories?: string[];
  by?: string[];
  act?: string;
  on?: string[];
  kinds?: string[];
  min?: number;
  max?: number;
  note?: string;
  reading?: string;
}

const FINDING_WORDS: Record<string, string> = { aggression: 'finds aggression', 'no-decision': 'makes no recommendation or fails to agree', otherwise: 'finds no aggression' };

/** A treaty condition in words. Pure. */
export function conditionText(c: ConditionLike): string {
  const reading = c.reading ? ` [reading: ${c.reading}]` : '';
  switch (c.type) {
    case 'adversary':
      return `only against ${(c.states ?? []).join(' or ')}${reading}`;
    case 'location':
      return `only in ${[...(c.territories ?? []), ...(c.states ?? [])].join(', ')}${reading}`;
    case 'unprovoked':
      return `only if the attack is unprovoked${reading}`;
    case 'prior-action':
      return `only once ${(c.by ?? []).join(' or ')} ${c.act === 'any' ? 'acts' : 'comes to the victim’s assistance'} first${reading}`;
    case 'league-finding':
      return `only if the League Council ${(c.on ?? ['aggression']).map((f) => FINDING_WORDS[f] ?? f).join(' or ')}${reading}`;
    case 'act-kind':
      return `only against an act of kind ${(c.kinds ?? []).join(', ')}${reading}`;
    case 'secret-protocol':
      return `secret protocol${reading}`;
    case 'partner-attacked':
      return `only while the partner is the one attacked${reading}`;
    case 'unconcluded':
      return `offered, never concluded${reading}`;
    case 'attackers':
      return `only against ${c.min ?? 1}${c.max === undefined ? ' or more' : c.max === c.min ? '' : ` to ${c.max}`} attackers${reading}`;
    case 'demand':
      return `only once a demand is refused: ${c.note}${reading}`;
    default:
      return c.type;
  }
}

/** Kinds of provision, in the colours the map legend and network share. */
export const KIND_COLOURS: Record<string, string> = {
  defence: '#1f6fb2',
  guarantee: '#2e9d5b',
  'military-convention': '#0b3d6b',
  offence: '#c0392b',
  nonaggression: '#8d8d8d',
  neutrality: '#b5a642',
  consultation: '#9b6fc3',
  sanctions: '#d35400',
  transit: '#16a0a0',
};

/** Roles of states in a crisis, with their colours. */
export const ROLE_COLOURS: Record<string, string> = {
  attacker: '#c0392b',
  target: '#e67e22',
  'must-act': '#2e7d32',
  'must-act-no-reach': '#f1b400',
  conditional: '#7e57c2',
  abstains: '#6d4c41',
  'bound-attacker': '#8e1b3a',
  other: '#b0bec5',
};

export const ROLE_LABELS: Record<string, string> = {
  attacker: 'attacker',
  target: 'target',
  'must-act': 'must act, can reach',
  'must-act-no-reach': 'must act, cannot reach',
  conditional: 'bound on a condition not met',
  abstains: 'bound, abstains',
  'bound-attacker': 'bound to the attacker',
  other: 'not bound',
};

/** "1938-09-28" as "28 September 1938". Pure. */
export function longDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${d} ${months[m - 1]} ${y}`;
}
