/**
 * The reliability figures beside the published ones: shares by period and kind with Wilson
 * intervals, under both readings of allies that joined late. Pure.
 */
import type { CommitmentKind, KindTally, ReliabilityCase, ReliabilityReport } from './reliability.js';

export const KINDS: CommitmentKind[] = ['defence', 'offence', 'neutrality', 'nonaggression'];

/** A published figure: a share honoured, for all alliances or one kind, over a span. */
export interface Anchor {
  study: string;
  span: string;
  kind: CommitmentKind | 'all';
  honoured: number;
}

/** The published anchors, as the issue and the papers give them. */
export const ANCHORS: Anchor[] = [
  { study: 'Leeds, Long & Mitchell (2000)', span: '1816–1944', kind: 'all', honoured: 0.745 },
  { study: 'Berkemeier & Fuhrmann (2018)', span: '1816–2003', kind: 'all', honoured: 0.5 },
  { study: 'Berkemeier & Fuhrmann (2018)', span: 'before 1945', kind: 'all', honoured: 0.66 },
  { study: 'Berkemeier & Fuhrmann (2018)', span: '1816–2003', kind: 'defence', honoured: 0.41 },
  { study: 'Berkemeier & Fuhrmann (2018)', span: '1816–2003', kind: 'offence', honoured: 0.74 },
  { study: 'Berkemeier & Fuhrmann (2018)', span: '1816–2003', kind: 'neutrality', honoured: 0.78 },
  { study: 'Berkemeier & Fuhrmann (2018)', span: '1816–2003', kind: 'nonaggression', honoured: 0.37 },
];

/** A share with its 95% Wilson score interval. */
export interface Figure extends KindTally {
  low: number | null;
  high: number | null;
}

/** The 95% Wilson score interval of `honoured` out of `cases`; nulls for no cases. Pure. */
export function wilson(honoured: number, cases: number, z = 1.959964): Figure {
  if (cases === 0) return { cases, honoured, share: null, low: null, high: null };
  const p = honoured / cases;
  const denominator = 1 + (z * z) / cases;
  const centre = (p + (z * z) / (2 * cases)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / cases + (z * z) / (4 * cases * cases))) / denominator;
  return { cases, honoured, share: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** How allies that entered after the war's first day are read. */
export type LateReading = 'from-joining' | 'not-honoured';

export interface PeriodFigures {
  label: string;
  from: number;
  to: number;
  all: Figure;
  byKind: Record<CommitmentKind, Figure>;
}

export interface ReliabilityFigures {
  /** Late joiners honour from the day they joined (the default reading). */
  periods: PeriodFigures[];
  /** The same with late joiners counted as not honouring: how the choice moves the figures. */
  lateNotHonoured: PeriodFigures[];
  /** Cases where an ally joined more than LATE_JOIN_DAYS after its partner and was counted honoured. */
  lateJoiners: number;
  /** Cases honoured only through a location coding. */
  locationJudged: number;
  /** Defence and offence cases of an ally attacked (or attacking) the same day as its partner, and of those honoured. */
  coTargets: { cases: number; honoured: number };
  /** Cases formed by an attack after a war's first day (audits/attacks.yaml). */
  laterAttacks: number;
  anchors: Anchor[];
}

/** Figures over the periods that fall inside the audit's years. Pure. */
export function reliabilityFigures(r: ReliabilityReport): ReliabilityFigures {
  const spans = [
    { label: `${r.from}–${r.to}`, from: r.from, to: r.to },
    { label: 'before 1945', from: r.from, to: Math.min(r.to, 1944) },
    { label: '1816–2003', from: Math.max(r.from, 1816), to: Math.min(r.to, 2003) },
  ].filter((s, i, all) => s.from <= s.to && all.findIndex((x) => x.from === s.from && x.to === s.to) === i);
  const figuresOf = (reading: LateReading) =>
    spans.map((span) => {
      const cases = r.list.filter((c) => Number(c.date.slice(0, 4)) >= span.from && Number(c.date.slice(0, 4)) <= span.to);
      const honoured = (c: ReliabilityCase) => c.honoured && !(reading === 'not-honoured' && c.joinedLate && (c.kind === 'defence' || c.kind === 'offence'));
      const tally = (list: ReliabilityCase[]) => wilson(list.filter(honoured).length, list.length);
      return { ...span, all: tally(cases), byKind: Object.fromEntries(KINDS.map((k) => [k, tally(cases.filter((c) => c.kind === k))])) as Record<CommitmentKind, Figure> };
    });
  return {
    periods: figuresOf('from-joining'),
    lateNotHonoured: figuresOf('not-honoured'),
    lateJoiners: r.list.filter((c) => c.joinedLate && c.honoured && (c.kind === 'defence' || c.kind === 'offence')).length,
    locationJudged: r.list.filter((c) => c.location !== undefined).length,
    coTargets: { cases: r.list.filter((c) => c.coTarget).length, honoured: r.list.filter((c) => c.coTarget && c.honoured).length },
    laterAttacks: r.list.filter((c) => c.attack !== undefined).length,
    anchors: ANCHORS,
  };
}

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

/** "41/97 42.3% [32.9–52.2]". Pure. */
export function formatFigure(f: Figure): string {
  return `${String(f.honoured).padStart(4)}/${String(f.cases).padEnd(4)} ${pct(f.share).padStart(6)} [${f.low === null ? '—' : (f.low * 100).toFixed(1)}–${f.high === null ? '—' : (f.high * 100).toFixed(1)}]`;
}

/** The figures as text, each beside the published ones. Pure. */
export function describeFigures(f: ReliabilityFigures): string[] {
  const lines = ['Honoured, by period and kind (95% Wilson interval); published figures beside'];
  for (const [i, p] of f.periods.entries()) {
    const late = f.lateNotHonoured[i]!;
    lines.push(`  ${p.label}`);
    for (const kind of ['all', ...KINDS] as const) {
      const fig = kind === 'all' ? p.all : p.byKind[kind];
      const alt = kind === 'all' ? late.all : late.byKind[kind];
      const anchors = f.anchors.filter((a) => a.kind === kind && spanMatches(a.span, p)).map((a) => `${a.study.split(' (')[0]!.split(',')[0]} ${pct(a.honoured)}`);
      lines.push(`    ${kind.padEnd(14)} ${formatFigure(fig)}  late joiners not honoured: ${pct(alt.share)}${anchors.length ? `  | ${anchors.join('; ')}` : ''}`);
    }
  }
  lines.push(`  ${f.lateJoiners} defence/offence cases honoured by an ally that joined after the war's first day; ${f.locationJudged} cases judged through the location coding`);
  lines.push(`  ${f.coTargets.cases} defence/offence cases of an ally attacked the same day as its partner (${f.coTargets.honoured} honoured; --leave-out-co-targets drops them); ${f.laterAttacks} cases formed by attacks after a war's first day (audits/attacks.yaml)`);
  return lines;
}

/** Whether a published span is a period of the audit ("before 1945" is 1816–1944). Pure. */
export function spanMatches(span: string, p: { from: number; to: number }): boolean {
  const [a, b] = span === 'before 1945' ? [1816, 1944] : span.split('–').map(Number);
  return p.from === a && p.to === b;
}
