/**
 * The words the explorer uses, in plain language, and the rule by which it calls an attacker
 * deterred, with the model's own numbers (read from its parameters, not restated by hand).
 */
import { POWER_PARAMETERS } from '../../src/power/parameters.js';

const param = (name: string) => POWER_PARAMETERS.find((p) => p.name === name)!;

/** Terms in alphabetical order, each with what it means here. */
const TERMS: [term: string, meaning: string][] = [
  ['abstains', 'A state that is bound but, in this question, is assumed not to honour its obligation. Others whose obligation waits on it may then not be bound either.'],
  ['Art. 16 (sanctions)', 'Article 16 of the Covenant of the League of Nations: a member that resorts to war in disregard of the Covenant is deemed to have committed an act of war against all other members, who undertake to cut off trade and financial relations with it. It obliges economic and financial measures, not war; the explorer shows it apart from the duty to fight.'],
  ['bound', 'Under an obligation that this act triggers: the treaty is in force, the state is a party, and every condition of the provision is met.'],
  ['casus foederis', 'Latin, “the case of the alliance”: the event that makes a treaty’s promise bind, such as an unprovoked attack by a named state on a party.'],
  ['CINC', 'The Composite Index of National Capability of the Correlates of War project: a state’s share of the world’s military spending, soldiers, iron and steel, energy and population, averaged.'],
  ['condition', 'What must hold before a provision binds: a named adversary, a place, an unprovoked attack, another party acting first, a finding by the League.'],
  ['deterred', 'See “the deterrence rule” below.'],
  ['effectiveness', 'A multiplier of a state’s capability where its army fights below its weight; the purge of the Red Army is the case in point. It is a modeller’s parameter, not a fact.'],
  ['guarantee', 'A one-sided promise to defend another state, such as the British and French guarantee of Poland in 1939. The guaranteed state owes nothing in return.'],
  ['League finding', 'The League Council’s judgement that a member has resorted to war in breach of the Covenant. Some treaties, such as the Franco-Soviet and Soviet-Czechoslovak pacts, bind only after such a finding (or, in one reading, without it).'],
  ['mutual assistance (defence)', 'A promise between parties to come to each other’s aid if one of them is attacked.'],
  ['military convention', 'An agreement between general staffs on how a promise of assistance would be carried out: troops, routes, timetables. Without one, help is slower and less certain.'],
  ['neutrality', 'A promise to stay out of a war that a partner fights with a third state: not to help the partner’s enemy.'],
  ['nonaggression', 'A promise not to attack the other party. Its breach is shown under “breaches”.'],
  ['reach', 'Whether a bound state can bring force to the theatre: across a common border, in transit through states that let it pass, by sea, or not at all.'],
  ['reading', 'A named choice where a treaty can be read two ways, such as whether the Soviet-Czechoslovak pact waits for the League. Every reading can be switched.'],
  ['transit', 'Passage of one state’s forces across another’s territory. Poland and Romania refused the Red Army passage; the explorer lets you assume they grant it.'],
];

export function Glossary() {
  const ratio = param('power-deterrence-ratio');
  const reach = ['border', 'transit', 'sea', 'none'].map((m) => param(`power-reach-${m}`));
  return (
    <article class="glossary" data-testid="glossary">
      <h2>Glossary</h2>
      <dl>
        {TERMS.map(([term, meaning]) => (
          <div key={term} class="term">
            <dt id={`term-${term.split(' ')[0]!.toLowerCase()}`}>{term}</dt>
            <dd>{meaning}</dd>
          </div>
        ))}
      </dl>
      <h3 id="deterrence-rule">The deterrence rule</h3>
      <p data-testid="deterrence-rule">
        In a simulation, each bound state honours its obligation or not with a probability the decision model gives it; the states that fight on each side are weighed by capability (CINC) × effectiveness × the share of their strength that reaches the theatre. The attacker counts as <strong>deterred</strong> in a sample when the side that would fight it weighs at least <strong>{ratio.default} ×</strong> the attacker’s side. The probability of deterrence is the share of samples in which that holds.
      </p>
      <p class="hint">{ratio.doc}</p>
      <table class="reach-shares">
        <caption>Share of a state’s strength that reaches the theatre</caption>
        <thead>
          <tr>
            <th scope="col">reach</th>
            <th scope="col">share</th>
            <th scope="col">why</th>
          </tr>
        </thead>
        <tbody>
          {reach.map((p) => (
            <tr key={p.name}>
              <td>{p.name.replace('power-reach-', '')}</td>
              <td>{p.default}</td>
              <td>{p.doc}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="hint">These numbers are the modeller’s choices, named and documented, not facts; `casus simulate --list-params` lists them all, and `--param` changes one.</p>
    </article>
  );
}
