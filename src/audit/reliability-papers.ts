/**
 * Each kind beside both papers: casus's count and Wilson interval for 1816–2003 (Berkemeier &
 * Fuhrmann 2018) and 1816–1944 (Leeds, Long & Mitchell 2000), and what in the cases makes the
 * large differences: the alliances that carry most cases, the breaches by war, and the restraint
 * cases an ally that fought in the war really tested. Pure.
 */
import { ANCHORS, KINDS, wilson, type Figure } from './reliability-figures.js';
import type { CommitmentKind, ReliabilityCase, ReliabilityReport } from './reliability.js';

export interface PaperRow {
  kind: CommitmentKind | 'all';
  /** casus, wars beginning 1816–2003 (within the audit's years). */
  full: Figure;
  /** casus, wars beginning 1816–1944. */
  early: Figure;
  /** Berkemeier & Fuhrmann (2018), 1816–2003; Leeds, Long & Mitchell (2000), 1816–1944: shares as published, null where not given. */
  bf: number | null;
  llm: number | null;
  /** The alliance with most cases of this kind, and the figure without it. */
  largest?: { treaty: string; cases: number; honoured: number; without: Figure } | undefined;
  /** Breaches by war: "World War II (COW 139): 4". */
  breaches: string[];
  /** For neutrality and nonaggression: the cases where the ally fought in the war at all. */
  fought?: Figure | undefined;
}

const yearOf = (c: ReliabilityCase) => Number(c.date.slice(0, 4));
const tally = (cases: readonly ReliabilityCase[]) => wilson(cases.filter((c) => c.honoured).length, cases.length);

/** The comparison, one row per kind and one for all kinds. Pure. */
export function besideThePapers(r: ReliabilityReport): PaperRow[] {
  const published = (study: string, kind: string, span: string) => ANCHORS.find((a) => a.study.startsWith(study) && a.kind === kind && a.span === span)?.honoured ?? null;
  return (['all', ...KINDS] as const).map((kind) => {
    const cases = r.list.filter((c) => (kind === 'all' || c.kind === kind) && yearOf(c) >= 1816 && yearOf(c) <= 2003);
    const byTreaty = new Map<string, ReliabilityCase[]>();
    for (const c of cases) byTreaty.set(c.treaty, [...(byTreaty.get(c.treaty) ?? []), c]);
    const [treaty, top] = [...byTreaty].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))[0] ?? [undefined, []];
    const byWar = new Map<string, number>();
    for (const c of cases.filter((x) => !x.honoured)) byWar.set(`${c.warName} (COW ${c.war})`, (byWar.get(`${c.warName} (COW ${c.war})`) ?? 0) + 1);
    const restraint = kind === 'neutrality' || kind === 'nonaggression';
    return {
      kind,
      full: tally(cases),
      early: tally(cases.filter((c) => yearOf(c) <= 1944)),
      bf: published('Berkemeier', kind, '1816–2003'),
      llm: published('Leeds', kind, '1816–1944'),
      largest: treaty === undefined ? undefined : { treaty, cases: top.length, honoured: top.filter((c) => c.honoured).length, without: tally(cases.filter((c) => c.treaty !== treaty)) },
      breaches: [...byWar].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([war, n]) => `${war}: ${n}`),
      fought: restraint ? tally(cases.filter((c) => c.allyFought)) : undefined,
    };
  });
}

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const fig = (f: Figure) => (f.cases === 0 ? '0 cases' : `${f.honoured}/${f.cases} = ${pct(f.share)} [${(f.low! * 100).toFixed(1)}–${(f.high! * 100).toFixed(1)}]`);

/** The comparison as Markdown lines: the table, then the differences case by case. Pure. */
export function papersMarkdown(rows: readonly PaperRow[]): string[] {
  const out = [
    '| kind | casus 1816–2003 (95% Wilson) | Berkemeier & Fuhrmann 2018 | casus 1816–1944 (95% Wilson) | Leeds, Long & Mitchell 2000 |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.kind} | ${fig(r.full)} | ${pct(r.bf)} | ${fig(r.early)} | ${pct(r.llm)} |`),
    '',
    "The papers' case counts are not reproduced here; their shares are as published. Where casus and a paper differ, the cases say why:",
    '',
  ];
  for (const r of rows.filter((x) => x.kind !== 'all')) {
    const parts = [`- **${r.kind}**: ${fig(r.full)}`];
    if (r.largest && r.largest.cases > 1) parts.push(`the largest alliance, ${r.largest.treaty}, gives ${r.largest.cases} cases (${r.largest.honoured} honoured); without it ${fig(r.largest.without)}`);
    if (r.fought) parts.push(`where the ally fought in the war at all (--restraints-only-when-fought) ${fig(r.fought)}`);
    parts.push(r.breaches.length ? `breaches by war: ${r.breaches.join('; ')}` : 'no breach in the wars judged');
    out.push(`${parts.join('; ')}.`);
  }
  return out;
}
