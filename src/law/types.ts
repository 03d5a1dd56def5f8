/**
 * The resolver's contract: what an act is, what may be assumed, and what comes back.
 * `law` answers what states are bound to do; `sim` and the faces build on these types.
 */
import type { Day } from '../model/day.js';
import type { ActKind, Condition, LeagueFinding, Provision, ProvisionKind } from '../model/schema.js';

/** An act of aggression on a day. */
export interface Act {
  attackers: string[];
  target: string;
  /** A territory id; when omitted, the target's own territory. */
  theatre?: string | undefined;
  date: Day;
  /** What the act is; an armed attack when omitted (see ./act-kinds.ts for which provisions each kind triggers). */
  kind?: ActKind | undefined;
}

/** What the resolver is told to take as given. */
export interface Assumptions {
  /** States that do not honour their obligations. */
  abstain?: string[] | undefined;
  /** GRANTOR lets GRANTEE's forces pass. */
  transit?: { grantor: string; grantee: string }[] | undefined;
  /**
   * The League Council's outcome: `aggression`, `no-decision` (no recommendation, or no unanimity),
   * or `otherwise`. A boolean is read as before: true is aggression, false otherwise.
   */
  leagueFinding?: LeagueFinding | boolean | undefined;
  /** Whether the target provoked the attack. */
  provoked?: boolean | undefined;
  /** Overrides of the scenario's readings (e.g. fr-su-waits-for-league): its register, or boolean parameters. */
  readings?: Record<string, boolean> | undefined;
  /** Whether the demand a `demand` condition waits on was made and refused; its conditions are pending when not assumed. */
  demands?: boolean | undefined;
}

export type ObligationKind = 'assist' | 'assist-attacker' | 'neutrality' | 'nonaggression' | 'consult' | 'sanctions';

export type ConditionStatus = 'met' | 'unmet' | 'pending';

/**
 * A condition checked: one written in the provision, or `no-conflict`, which the resolver adds to an
 * `assist-attacker` obligation of a state that owes the target nonaggression (that pact prevails).
 */
export interface ConditionCheck {
  type: Condition['type'] | 'no-conflict';
  status: ConditionStatus;
  /** Why, in words: "the attacker GMY is named", "FRN abstains" … */
  why: string;
  /** For prior-action conditions: the states any one of which, by acting, meets it. */
  dependsOn?: string[] | undefined;
  /** The reading parameter that switched this condition on, if any. */
  reading?: string | undefined;
}

export interface Obligation {
  kind: ObligationKind;
  toward: string;
  treaty: string;
  treatyName: string;
  provision: string;
  provisionKind: ProvisionKind;
  article?: string | undefined;
  /** The states the obligation is directed against: the attackers for `assist` and `sanctions`, the target for `assist-attacker`; empty for restraints and consultation. */
  against: string[];
  conditions: ConditionCheck[];
  /** Every condition met once the conditional chains are settled. */
  active: boolean;
}

export type ReachMode = 'border' | 'transit' | 'sea' | 'none';

export interface Reach {
  mode: ReachMode;
  /** Transit states crossed, in order. */
  via: string[];
  reason: string;
  /** Transit states that refuse passage, when that is why the state cannot reach. */
  refusedBy?: string[] | undefined;
  /** The state whose territory is the destination: the controller of the theatre. */
  to: string;
  /** For `sea`: the seas crossed, from the state's coast to the destination's. */
  seas?: string[] | undefined;
}

export interface StateResolution {
  state: string;
  obligations: Obligation[];
  /** An active obligation requires it to take part (assist, assist-attacker, or sanctions once the League finds aggression). */
  mustAct: boolean;
  /** Whether it takes part: must act and does not abstain (attackers and the target always do). */
  acts: boolean;
  /** For every state with an assist obligation. */
  reach?: Reach | undefined;
}

/** A breach of a restraint, named by the obligation broken or, for a treaty with a role (`league-covenant`, `war-renunciation`), by that role. */
export type BreachKind = 'nonaggression' | 'neutrality' | NonNullable<Provision['role']> | 'abstention';

export interface Breach {
  state: string;
  kind: BreachKind;
  treaty: string;
  provision?: string | undefined;
  why: string;
}

/** A node of an explanation: a state, an obligation, a treaty provision, a condition, a piece of evidence. */
export interface Explanation {
  label: string;
  /** What the node is, for programs that draw the tree. */
  kind?: 'state' | 'obligation' | 'provision' | 'condition' | 'evidence' | 'reach' | 'breach' | undefined;
  children: Explanation[];
}

/**
 * The assumptions a resolution was made under, with defaults filled in. `leagueFinding` stays
 * undefined when nothing was assumed: conditions on a League finding are then pending.
 */
export interface ResolvedAssumptions {
  abstain: string[];
  transit: { grantor: string; grantee: string }[];
  leagueFinding?: LeagueFinding | undefined;
  provoked: boolean;
  /** Every reading consulted, with the value used (scenario parameter or override). */
  readings: Record<string, boolean>;
}

export interface Resolution {
  /** The act as resolved, its kind filled in. */
  act: Act & { kind: ActKind };
  assumptions: ResolvedAssumptions;
  states: StateResolution[];
  breaches: Breach[];
  explanation: Explanation[];
}
