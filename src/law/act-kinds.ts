/**
 * Which kinds of act trigger which provisions, in one place. A provision's own `act-kind`
 * condition says which kinds it covers; without one, the default for its kind applies:
 *
 * - defence, guarantee, offence, nonaggression, neutrality, sanctions: an armed attack, an
 *   occupation, a declaration of war. These treaties speak of "aggression", "attack or invade",
 *   "recourse to arms", "resort to war" (Covenant Art. 16): none covers remilitarising one's own
 *   territory (not an attack on anyone's), a cession signed by the state that cedes (Memel,
 *   1939), or supplying one side of another state's civil war (Spain, 1936–39). A treaty that
 *   covers one of those says so in its data (Locarno Art. 4(3): a flagrant breach of Versailles
 *   Arts. 42–43).
 * - consultation: every kind. A consultative pact is about threats, not only attacks.
 *
 * The universal renunciations of war (the Covenant's Arts. 12 and 16, Kellogg–Briand Art. 1)
 * are broken by the same three kinds: WAR_KINDS.
 */
import type { ActKind, Condition, ProvisionKind } from '../model/schema.js';

export const ACT_KINDS: readonly ActKind[] = ['attack', 'occupation', 'remilitarisation', 'cession', 'declaration', 'intervention'];

/** The kinds of act that are a resort to war: an armed attack, an occupation, a declaration of war. */
export const WAR_KINDS: ReadonlySet<ActKind> = new Set(['attack', 'occupation', 'declaration']);

const WAR_ONLY: Condition = {
  type: 'act-kind',
  kinds: [...WAR_KINDS],
  note: 'implicit: the treaty speaks of aggression, attack or resort to war, which an armed attack, an occupation or a declaration of war is',
};

/** The implicit act-kind condition of each provision kind; none where every kind triggers it. */
const IMPLICIT: Partial<Record<ProvisionKind, Condition>> = {
  defence: WAR_ONLY,
  guarantee: WAR_ONLY,
  offence: WAR_ONLY,
  nonaggression: WAR_ONLY,
  neutrality: WAR_ONLY,
  sanctions: WAR_ONLY,
};

/** The act-kind condition the law adds to a provision of this kind that names none, if any. Pure. */
export function implicitActKind(kind: ProvisionKind): Condition | undefined {
  return IMPLICIT[kind];
}

/** True for a condition the law added rather than the treaty's text: shown only when it fails. */
export function isImplicitActKind(condition: Condition): boolean {
  return condition === WAR_ONLY;
}

/** The act as a sentence: "GMY attacks CZE", "GMY remilitarises its own demilitarised territory (against FRN)". Pure. */
export function actSentence(attackers: string, target: string, kind: ActKind = 'attack'): string {
  switch (kind) {
    case 'attack':
      return `${attackers} attacks ${target}`;
    case 'occupation':
      return `${attackers} occupies ${target}`;
    case 'remilitarisation':
      return `${attackers} remilitarises its own demilitarised territory (against ${target})`;
    case 'cession':
      return `${attackers} takes territory from ${target} by a cession under a signed treaty`;
    case 'declaration':
      return `${attackers} declares war on ${target}`;
    case 'intervention':
      return `${attackers} intervenes in the civil war of ${target}`;
  }
}

/** Words for an act kind, as in "a cession". */
export function actKindText(kind: ActKind): string {
  switch (kind) {
    case 'attack':
      return 'an armed attack';
    case 'occupation':
      return 'an occupation';
    case 'remilitarisation':
      return 'the remilitarisation of its own territory';
    case 'cession':
      return 'a cession under a signed treaty';
    case 'declaration':
      return 'a declaration of war';
    case 'intervention':
      return 'an intervention in a civil war';
  }
}
