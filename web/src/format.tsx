/** Words and marks the panels share: conditions in words, provision kinds, roles by colour and shape. */
export { SourceView } from './Sources.js';
export { longDate } from './days.js';

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

/**
 * Roles of states in a crisis. Colours from Okabe and Ito's palette, which stays distinct for
 * colour-blind readers; each role also has its own shape, so colour is never the only cue.
 */
export const ROLE_COLOURS: Record<string, string> = {
  attacker: '#D55E00',
  target: '#F0E442',
  'must-act': '#0072B2',
  'must-act-no-reach': '#56B4E9',
  conditional: '#CC79A7',
  sanctions: '#009E73',
  abstains: '#555555',
  'bound-attacker': '#E69F00',
  other: '#c8d0d4',
};

/** The shape that marks each role on the map and in the tables. */
export const ROLE_SHAPES: Record<string, 'triangle' | 'square' | 'circle' | 'ring' | 'diamond' | 'cross' | 'triangle-down' | 'dot' | 'hollow-square'> = {
  attacker: 'triangle',
  target: 'square',
  'must-act': 'circle',
  'must-act-no-reach': 'ring',
  conditional: 'diamond',
  sanctions: 'hollow-square',
  abstains: 'cross',
  'bound-attacker': 'triangle-down',
  other: 'dot',
};

export const ROLE_LABELS: Record<string, string> = {
  attacker: 'attacker',
  target: 'target',
  'must-act': 'must go to war, can reach',
  'must-act-no-reach': 'must go to war, cannot reach',
  conditional: 'bound on a condition not met',
  sanctions: 'owes League sanctions (Art. 16), not war',
  abstains: 'bound, abstains',
  'bound-attacker': 'bound to the attacker',
  other: 'not bound',
};

/** An SVG mark of a role's shape, centred on 0,0 with radius r. */
export function RoleMark({ role, r }: { role: string; r: number }) {
  const fill = ROLE_COLOURS[role] ?? ROLE_COLOURS.other!;
  const stroke = '#1d2a33';
  switch (ROLE_SHAPES[role] ?? 'dot') {
    case 'triangle':
      return <polygon points={`0,${-r * 1.2} ${r * 1.1},${r * 0.8} ${-r * 1.1},${r * 0.8}`} fill={fill} stroke={stroke} stroke-width={1.2} />;
    case 'triangle-down':
      return <polygon points={`0,${r * 1.2} ${r * 1.1},${-r * 0.8} ${-r * 1.1},${-r * 0.8}`} fill={fill} stroke={stroke} stroke-width={1.2} />;
    case 'square':
      return <rect x={-r * 0.9} y={-r * 0.9} width={r * 1.8} height={r * 1.8} fill={fill} stroke={stroke} stroke-width={1.2} />;
    case 'hollow-square':
      return <rect x={-r * 0.8} y={-r * 0.8} width={r * 1.6} height={r * 1.6} fill="#fff" stroke={fill} stroke-width={3} />;
    case 'diamond':
      return <polygon points={`0,${-r * 1.2} ${r * 1.2},0 0,${r * 1.2} ${-r * 1.2},0`} fill={fill} stroke={stroke} stroke-width={1.2} />;
    case 'ring':
      return <circle r={r} fill="#fff" stroke={fill} stroke-width={Math.max(3, r / 2.5)} />;
    case 'cross':
      return <path d={`M${-r},${-r}L${r},${r}M${-r},${r}L${r},${-r}`} stroke={fill} stroke-width={3.5} />;
    case 'circle':
      return <circle r={r} fill={fill} stroke={stroke} stroke-width={1.2} />;
    default:
      return <circle r={r} fill={fill} stroke="#fff" stroke-width={1.2} />;
  }
}

/** A role's mark as a small inline SVG for legends and tables, labelled for screen readers. */
export function RoleSwatch({ role }: { role: string }) {
  return (
    <svg class="role-swatch" viewBox="-9 -9 18 18" width="16" height="16" role="img" aria-label={ROLE_LABELS[role] ?? role}>
      <RoleMark role={role} r={6} />
    </svg>
  );
}
