/**
 * Explanations: every answer of the resolver as a tree — state → obligation → treaty and provision,
 * conditions → evidence — structured for programs (`explanationOf`) and drawn for people (`explain`).
 */
import { actSentence } from './act-kinds.js';
import type { Breach, Explanation, Obligation, Resolution, StateResolution } from './types.js';

/** Whether a state acts, by id. */
type Acts = Pick<ReadonlyMap<string, boolean>, 'get'>;

function node(kind: Explanation['kind'], label: string, children: Explanation[] = []): Explanation {
  return { label, kind, children };
}

function roleOf(r: Resolution, s: StateResolution): string {
  if (r.act.attackers.includes(s.state)) return 'attacker';
  if (r.act.target === s.state) return 'target';
  if (s.mustAct) return s.acts ? 'must act, acts' : 'must act, abstains';
  return r.assumptions.abstain.includes(s.state) ? 'not bound to act (abstains)' : 'not bound to act';
}

function obligationNode(r: Resolution, o: Obligation, actsById: Acts): Explanation {
  const against = o.against.length ? ` against ${o.against.join(', ')}` : '';
  const provision = node('provision', `${o.treatyName} (${o.treaty}), provision ${o.provision}${o.article ? `, ${o.article}` : ''}: ${o.provisionKind}`);
  const conditions = o.conditions.map((c) => {
    const evidence: Explanation[] = [];
    for (const s of c.dependsOn ?? []) evidence.push(node('evidence', `${s} ${actsById.get(s) ? 'acts' : 'does not act'}`));
    if (c.reading !== undefined) evidence.push(node('evidence', `reading "${c.reading}" is ${r.assumptions.readings[c.reading] ? 'on' : 'off'}`));
    return node('condition', `${c.type}: ${c.status} — ${c.why}`, evidence);
  });
  if (!o.conditions.length) conditions.push(node('condition', 'unconditional'));
  return node('obligation', `${o.kind} ${o.toward}${against} — ${o.active ? 'active' : 'not active'}`, [provision, ...conditions]);
}

// Obligations and lists shared by every answer on a compiled act (frozen: ./answer-parts.ts) are explained once.
// Their words depend on nothing chosen: no condition waits on another state (no `dependsOn`), and a reading's
// value is fixed with the compiled act.
const nodes = new WeakMap<Obligation, Explanation>();
const lists = new WeakMap<readonly Obligation[], readonly Explanation[]>();

function deepFrozen(n: Explanation): Explanation {
  for (const c of n.children) deepFrozen(c);
  Object.freeze(n.children);
  return Object.freeze(n);
}

function sharedNode(r: Resolution, o: Obligation, actsById: Acts): Explanation {
  if (!Object.isFrozen(o) || o.conditions.some((c) => c.dependsOn?.length)) return obligationNode(r, o, actsById);
  let n = nodes.get(o);
  if (!n) nodes.set(o, (n = deepFrozen(obligationNode(r, o, actsById))));
  return n;
}

function obligationNodes(r: Resolution, list: readonly Obligation[], actsById: Acts): Explanation[] {
  if (!Object.isFrozen(list)) return list.map((o) => sharedNode(r, o, actsById));
  let known = lists.get(list);
  if (!known) lists.set(list, (known = list.map((o) => sharedNode(r, o, actsById))));
  return known as Explanation[]; // frozen: a reach node is added to a copy
}

const labels = new Map<string, Map<string, string>>();
/** Most states whose labels are kept (a bound on memory for a server given many scenarios, not a tuning knob). */
const LABELS_LIMIT = 10_000;

/** A state's label, made once per state and role (the same few recur in every answer). */
function stateLabel(state: string, role: string): string {
  let byRole = labels.get(state);
  if (!byRole) {
    if (labels.size >= LABELS_LIMIT) labels.clear();
    labels.set(state, (byRole = new Map()));
  }
  let label = byRole.get(role);
  if (label === undefined) byRole.set(role, (label = `${state} — ${role}`));
  return label;
}

const breachNodes = new WeakMap<Breach, Explanation>();

function breachNode(b: Breach): Explanation {
  const make = () => node('breach', `${b.state}: ${b.kind}, ${b.treaty}${b.provision ? ` (${b.provision})` : ''} — ${b.why}`);
  if (!Object.isFrozen(b)) return make();
  let n = breachNodes.get(b);
  if (!n) breachNodes.set(b, (n = deepFrozen(make())));
  return n;
}

/** The explanation tree of a resolution: one node per state, then the breaches. Pure. */
export function explanationOf(r: Resolution): Explanation[] {
  let acts: Map<string, boolean> | undefined; // made only when a condition waits on another state
  const actsById: Acts = { get: (id) => (acts ??= new Map(r.states.map((s) => [s.state, s.acts]))).get(id) };
  const tree = r.states.map((s) => {
    const children = obligationNodes(r, s.obligations, actsById);
    if (s.reach) {
      const via = s.reach.via.length ? ` via ${s.reach.via.join(', ')}` : '';
      const refused = s.reach.refusedBy?.length ? [node('evidence', `refused by ${s.reach.refusedBy.join(', ')}`)] : [];
      return node('state', stateLabel(s.state, roleOf(r, s)), [...children, node('reach', `reach ${s.reach.to}: ${s.reach.mode}${via} — ${s.reach.reason}`, refused)]);
    }
    return node('state', stateLabel(s.state, roleOf(r, s)), children);
  });
  if (r.breaches.length) {
    tree.push(node('breach', `Breaches (${r.breaches.length})`, r.breaches.map(breachNode)));
  }
  return tree;
}

/** Draws an explanation tree as indented lines. Pure. */
export function drawTree(nodes: readonly Explanation[], prefix = ''): string[] {
  const lines: string[] = [];
  nodes.forEach((n, i) => {
    const last = i === nodes.length - 1;
    lines.push(`${prefix}${last ? '└─ ' : '├─ '}${n.label}`);
    lines.push(...drawTree(n.children, `${prefix}${last ? '   ' : '│  '}`));
  });
  return lines;
}

/** A resolution explained for a person: the act, the assumptions, then the tree (only the given states' branches, and the breaches, when `states` is given). Pure. */
export function explain(r: Resolution, states?: readonly string[]): string[] {
  const a = r.act;
  const lines = [`${actSentence(a.attackers.join(' and '), a.target, a.kind)}${a.theatre ? ` in ${a.theatre}` : ''} on ${a.date}`];
  lines.push(`Assumed: ${describeAssumptions(r)}`, '');
  const shown = states?.length ? r.explanation.filter((n) => n.kind === 'breach' || states.some((s) => n.label.startsWith(`${s} — `))) : r.explanation;
  for (const n of shown) lines.push(n.label, ...drawTree(n.children), '');
  return lines;
}

/** The assumptions in one line. Pure. */
export function describeAssumptions(r: Resolution): string {
  const s = r.assumptions;
  const parts = [
    s.abstain.length ? `abstaining ${s.abstain.join(', ')}` : 'nobody abstains',
    s.transit.length ? `transit ${s.transit.map((t) => `${t.grantor}:${t.grantee}`).join(', ')}` : 'no transit granted beyond treaties',
    s.leagueFinding === undefined
      ? 'no League finding either way'
      : s.leagueFinding === 'aggression'
        ? 'the League finds aggression'
        : s.leagueFinding === 'no-decision'
          ? 'the League Council makes no recommendation or fails to agree'
          : 'the League finds no aggression',
    s.provoked ? 'provoked' : 'unprovoked',
    ...Object.entries(s.readings).map(([k, v]) => `reading ${k} ${v ? 'on' : 'off'}`),
  ];
  return parts.join('; ');
}

function cite(o: Obligation): string {
  return `${o.treaty}${o.article ? ` ${o.article}` : ''}`;
}

function waitingOn(o: Obligation): string {
  const open = o.conditions.filter((c) => c.status !== 'met');
  return open.length ? ` [${open.map((c) => `${c.type} ${c.status}: ${c.why}`).join('; ')}]` : '';
}

/** A resolution in short, for a person: who must act and how they reach, who is bound on conditions not met, restraints, breaches. Pure. */
export function summarize(r: Resolution): string[] {
  const a = r.act;
  const lines = [`${actSentence(a.attackers.join(' and '), a.target, a.kind)}${a.theatre ? ` in ${a.theatre}` : ''} on ${a.date}`, `Assumed: ${describeAssumptions(r)}`, ''];
  const belligerent = (s: string) => s === a.target || a.attackers.includes(s);
  const fights = (o: Obligation) => o.kind === 'assist' || o.kind === 'assist-attacker';
  const bound = r.states.filter((s) => !belligerent(s.state) && s.obligations.some(fights));
  const must = bound.filter((s) => s.obligations.some((o) => o.active && fights(o)));
  const reach = (s: StateResolution) => {
    if (!s.reach) return '';
    const { mode, via, refusedBy, reason } = s.reach;
    const detail = mode === 'transit' ? `via ${via.join(', ')}` : mode === 'sea' ? `over ${s.reach.seas?.join(' → ')}` : mode === 'border' ? reason : `${refusedBy?.length ? `refused by ${refusedBy.join(', ')}; ` : ''}${reason.split('; ').pop()}`;
    return `; reach ${mode} (${detail})`;
  };
  lines.push(must.length ? 'Bound to take part in the war:' : 'Nobody is bound to take part in the war.');
  for (const s of must) {
    const what = s.obligations.filter((o) => o.active && fights(o)).map((o) => `${o.kind} ${o.toward} (${cite(o)})`).join(', ');
    lines.push(`  ${s.state.padEnd(6)} ${s.acts ? '' : 'ABSTAINS — '}${what}${reach(s)}`);
  }
  const inactive = bound.filter((s) => !must.includes(s)).flatMap((s) => s.obligations.filter((o) => fights(o) && !o.active).map((o) => ({ s, o })));
  if (inactive.length) {
    lines.push('', 'Bound on conditions not met:');
    for (const { s, o } of inactive) lines.push(`  ${s.state.padEnd(6)} ${o.kind} ${o.toward} (${cite(o)})${waitingOn(o)}${o.conditions.some((k) => k.status === 'unmet' && k.type === 'adversary') ? '' : reach(s)}`);
  }
  const sanctions = r.states.filter((s) => s.obligations.some((o) => o.kind === 'sanctions'));
  if (sanctions.length) {
    const due = sanctions.filter((s) => s.obligations.some((o) => o.kind === 'sanctions' && o.active));
    const abstaining = due.filter((s) => !s.acts).map((s) => s.state);
    const first = sanctions[0]!.obligations.find((o) => o.kind === 'sanctions')!;
    lines.push(
      '',
      due.length
        ? `Sanctions due from ${due.length} League members: ${due.map((s) => s.state).join(' ')}${abstaining.length ? ` (abstaining: ${abstaining.join(' ')})` : ''}`
        : `Sanctions (${sanctions.length} League members) not due${waitingOn(first)}`,
    );
  }
  const restraints = new Map<string, string[]>();
  for (const s of r.states) {
    for (const o of s.obligations) {
      if (o.kind !== 'nonaggression' && o.kind !== 'neutrality' && o.kind !== 'consult') continue;
      if (!o.active || a.attackers.includes(s.state)) continue;
      const key = `${o.kind} toward ${o.toward} (${o.treaty})`;
      const list = restraints.get(key) ?? [];
      if (!list.includes(s.state)) list.push(s.state);
      restraints.set(key, list);
    }
  }
  if (restraints.size) {
    lines.push('', 'Other commitments in play:');
    for (const [key, states] of restraints) lines.push(`  ${key}: ${states.length > 8 ? `${states.length} states` : states.join(', ')}`);
  }
  lines.push('', r.breaches.length ? 'Breaches:' : 'No breaches.');
  for (const b of r.breaches) lines.push(`  ${b.state.padEnd(6)} ${b.kind} — ${b.why}`);
  return lines;
}
