import type { Command } from 'commander';
import { atopCoding, describeCoding } from '../../audit/atop-coding.js';
import { atopCoverage, describeCoverage, isComplete } from '../../audit/atop-coverage.js';
import { readAtopMembers } from '../../data/atop.js';
import { contiguityAgreement, describeContiguity } from '../../audit/contiguity.js';
import { readLocations } from '../../audit/locations.js';
import { readAttacks } from '../../audit/reliability-attacks.js';
import { auditReliability, type ReliabilityReport } from '../../audit/reliability.js';
import { describeFigures, reliabilityFigures } from '../../audit/reliability-figures.js';
import { besideThePapers } from '../../audit/reliability-papers.js';
import { reliabilityHtml, reliabilityMarkdown } from '../../audit/reliability-report.js';
import { readContiguity } from '../../data/cow-contiguity.js';
import { DatasetError } from '../../data/csv.js';
import { readImportInputs } from '../../data/import-files.js';
import { IMPORT_YEARS, importScenario } from '../../data/import.js';
import { writeFileSync } from 'node:fs';
import { QueryError, ScenarioError } from '../../model/errors.js';
import { loadBuiltInScenario } from '../../model/load.js';
import { action, EXIT, io, printJson, printLines, scenarioFrom, setExitCode } from '../output.js';

/** Published anchors the audit is compared with. */
export const RELIABILITY_ANCHORS = [
  { study: 'Leeds, Long & Mitchell (2000)', span: '1816–1944', honoured: 0.745 },
  { study: 'Berkemeier & Fuhrmann (2018)', span: 'before 1945', honoured: 0.66 },
  { study: 'Berkemeier & Fuhrmann (2018)', span: '1816–2003', honoured: 0.5 },
] as const;

/**
 * `casus audit reliability [--from YEAR] [--to YEAR] [--json]`: did allies honour ATOP alliances in COW's wars?
 * `casus audit contiguity [--day MM-DD] [--scenario FILE] [--json]`: do the scenario's borders agree with COW's?
 * `casus audit atop [--scenario FILE] [--json]`: does the scenario code ATOP's alliances as ATOP does, or say why not?
 */
export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('audits of casus against published findings');
  audit
    .command('contiguity')
    .description("compare the scenario's land borders, year by year, with COW Direct Contiguity v3.1 (land, type 1)")
    .option('--day <MM-DD>', 'the day of each year on which borders are compared', '07-01')
    .option('--scenario <file>', 'a scenario file instead of the built-in one')
    .option('--json', 'print one JSON document on stdout')
    .action(
      action((options: { day: string; scenario?: string; json?: boolean }) => {
        if (!/^\d{2}-\d{2}$/.test(options.day)) throw new QueryError(`--day takes MM-DD, not "${options.day}"`);
        const report = contiguityAgreement(scenarioFrom(options), readContiguity().rows, { monthDay: options.day });
        if (options.json) printJson(report);
        else printLines(describeContiguity(report));
        // A difference nobody has explained is a finding, not a crash: exit 1 so scripts notice.
        if (report.unexplained.length) setExitCode(EXIT.failure);
      }),
    );
  audit
    .command('atop')
    .description('compare every ATOP 4.01 alliance of the span with the scenario: covered or excluded, then dates, obligations and conditions member by member')
    .option('--scenario <file>', 'a scenario file instead of the built-in one')
    .option('--json', 'print one JSON document on stdout')
    .action(
      action((options: { scenario?: string; json?: boolean }) => {
        const scenario = scenarioFrom(options);
        let rows;
        try {
          rows = readAtopMembers().rows;
        } catch (error) {
          if (!(error instanceof DatasetError)) throw error;
          io().stderr.write(`casus: dataset error: ${error.message}\n`);
          setExitCode(EXIT.invalidScenario);
          return;
        }
        const coverage = atopCoverage(scenario, rows);
        const coding = atopCoding(scenario, rows, coverage);
        if (options.json) printJson({ ...coding, coverage });
        else printLines([...describeCoverage(coverage), '', ...describeCoding(coding)]);
        // An alliance left out or a disagreement without a justification is a finding: exit 1 so scripts notice.
        if (!isComplete(coverage) || coding.unjustified > 0 || coding.strayJustifications.length > 0) setExitCode(EXIT.failure);
      }),
    );
  audit
    .command('reliability')
    .description('for every COW interstate war, the ATOP alliances whose terms it fell within, and whether each ally honoured them')
    .option('--from <year>', 'first year of war onset', String(IMPORT_YEARS.first))
    .option('--to <year>', 'last year of war onset', '2003')
    .option('--cases', 'list every case')
    .option('--locations <file>', 'where wars were fought and location-limited alliances apply (default: the coding shipped with casus)')
    .option('--without-locations', 'leave location-limited alliances out, as before the location coding')
    .option('--judge-intra-alliance', 'judge defence and offence even when every attacker is a party of the same alliance (left out by default)')
    .option('--leave-out-co-targets', 'leave out allies attacked the same day as their partner (judged by default)')
    .option('--attacks <file>', 'attacks after a war\'s first day (default: the coding shipped with casus)')
    .option('--first-day-only', 'form cases from each war\'s first day only, as before the attack coding')
    .option('--leave-out-co-attackers', 'leave out offence cases of attackers toward their co-attackers (judged by default)')
    .option('--restraints-only-when-fought', 'count a neutrality or nonaggression case only when the ally fought in the war (closest to Berkemeier & Fuhrmann)')
    .option('--max-parties <n>', 'judge only alliances with at most n parties')
    .option('--report <file>', 'write a report with tables, cases and plots: .html or .md')
    .option('--json', 'print one JSON document on stdout')
    .action(
      action(async (options: { from: string; to: string; cases?: boolean; locations?: string; withoutLocations?: boolean; judgeIntraAlliance?: boolean; leaveOutCoTargets?: boolean; attacks?: string; firstDayOnly?: boolean; maxParties?: string; leaveOutCoAttackers?: boolean; restraintsOnlyWhenFought?: boolean; report?: string; json?: boolean }) => {
        const from = year(options.from, '--from');
        const to = year(options.to, '--to');
        if (from > to) throw new QueryError(`--from ${from} is after --to ${to}`);
        if (options.report !== undefined && !/\.(html?|md)$/i.test(options.report)) throw new QueryError(`--report: "${options.report}" must end in .html or .md`);
        const maxParties = options.maxParties === undefined ? undefined : Number(options.maxParties);
        if (maxParties !== undefined && (!Number.isInteger(maxParties) || maxParties < 2)) throw new QueryError(`--max-parties: "${options.maxParties}" is not a whole number of at least 2`);
        if (options.locations !== undefined && options.withoutLocations) throw new QueryError('give --locations or --without-locations, not both');
        if (options.attacks !== undefined && options.firstDayOnly) throw new QueryError('give --attacks or --first-day-only, not both');
        try {
          const locations = options.withoutLocations ? undefined : options.locations === undefined ? readLocations() : readLocations(options.locations, options.locations);
          const attacks = options.firstDayOnly ? undefined : options.attacks === undefined ? readAttacks() : readAttacks(options.attacks, options.attacks);
          const inputs = await readImportInputs('all');
          const { scenario, unexpressed } = importScenario(inputs, { from, to, set: 'all', ids: builtInIds() });
          const report = auditReliability(scenario, inputs.wars ?? [], from, to, unexpressed, { locations, attacks, judgeIntraAlliance: options.judgeIntraAlliance, leaveOutCoTargets: options.leaveOutCoTargets, leaveOutCoAttackers: options.leaveOutCoAttackers, restraintsOnlyWhenFought: options.restraintsOnlyWhenFought, maxParties });
          const figures = reliabilityFigures(report);
          if (options.report !== undefined) {
            const command = `casus audit reliability --from ${from} --to ${to}${options.withoutLocations ? ' --without-locations' : ''}${options.firstDayOnly ? ' --first-day-only' : ''}${options.judgeIntraAlliance ? ' --judge-intra-alliance' : ''}${options.leaveOutCoTargets ? ' --leave-out-co-targets' : ''}${options.leaveOutCoAttackers ? ' --leave-out-co-attackers' : ''}${options.restraintsOnlyWhenFought ? ' --restraints-only-when-fought' : ''}${maxParties ? ` --max-parties ${maxParties}` : ''} --report ${options.report.split(/[\\/]/).pop()}`;
            writeFileSync(options.report, /\.md$/i.test(options.report) ? reliabilityMarkdown(report, figures, command) : reliabilityHtml(report, figures, command));
          }
          if (options.json) printJson({ ...report, figures, anchors: RELIABILITY_ANCHORS, papers: besideThePapers(report) });
          else printLines([...describeReliability(report, options.cases ?? false), ...describeFigures(figures), ...(options.report ? [`Report written to ${options.report}`] : [])]);
        } catch (error) {
          if (error instanceof ScenarioError) {
            io().stderr.write(`casus: invalid location or attack coding\n${error.message}\n`);
            setExitCode(EXIT.invalidScenario);
            return;
          }
          if (!(error instanceof DatasetError)) throw error;
          io().stderr.write(`casus: dataset error: ${error.message}\n`);
          setExitCode(EXIT.invalidScenario);
        }
      }),
    );
}

/** The built-in scenario's ids by COW code (RUM for COW's ROM), so that the audit speaks casus's ids; COW's when it cannot be read. */
function builtInIds(): Map<number, string> {
  try {
    return new Map(loadBuiltInScenario().actors.filter((a) => a.ccode !== undefined).map((a) => [a.ccode!, a.id]));
  } catch {
    return new Map();
  }
}

function year(text: string, option: string): number {
  const y = Number(text);
  if (!Number.isInteger(y) || y < IMPORT_YEARS.first || y > IMPORT_YEARS.last) throw new QueryError(`${option}: "${text}" is not a year from ${IMPORT_YEARS.first} to ${IMPORT_YEARS.last}`);
  return y;
}

const pct = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);

/** The audit for a person. Pure. */
export function describeReliability(r: ReliabilityReport, withCases: boolean): string[] {
  const lines = [
    `Alliance reliability, wars beginning ${r.from}–${r.to}: ${r.wars} wars, ${r.cases} cases (${r.warsWithoutCases} wars without any)`,
    `  honoured ${pct(r.honoured)}`,
    ...[...Object.entries(r.byKind), ['(defence+offence)', r.military] as const].map(([k, t]) => `  ${k.padEnd(17)} ${String(t.honoured).padStart(4)}/${String(t.cases).padEnd(4)} ${pct(t.share)}`),
    'Published anchors',
    ...RELIABILITY_ANCHORS.map((a) => `  ${a.study}, ${a.span}: ${pct(a.honoured)}`),
    'Obligations not counted',
    ...Object.entries(r.excluded)
      .sort((a, b) => b[1] - a[1])
      .map(([reason, n]) => `  ${String(n).padStart(5)}  ${reason}`),
  ];
  if (r.undecided.length) lines.push(`Not judged (${r.undecided.length}): ${[...new Set(r.undecided.map((u) => u.why))].slice(0, 8).join('; ')}${new Set(r.undecided.map((u) => u.why)).size > 8 ? '; …' : ''}`);
  const broken = r.list.filter((c) => !c.honoured);
  lines.push(withCases ? `Cases (${r.list.length})` : `Cases not honoured (${broken.length}; --cases lists all)`);
  for (const c of withCases ? r.list : broken) lines.push(`  ${c.date} ${c.warName} (COW ${c.war}): ${c.ally} ${c.kind} toward ${c.toward} under ${c.treaty} — ${c.honoured ? 'honoured' : 'not honoured'}: ${c.why}`);
  return lines;
}
