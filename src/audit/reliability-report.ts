/**
 * A notebook-like report of the reliability audit: the figures beside the published ones, a
 * plot of each kind's share with its interval and the anchors, the cases behind every figure,
 * and what could not be judged. Markdown or HTML (self-contained, inline SVG). Pure.
 */
import { formatFigure, KINDS, spanMatches, type Figure, type ReliabilityFigures } from './reliability-figures.js';
import type { ReliabilityCase, ReliabilityReport } from './reliability.js';
import { besideThePapers, papersMarkdown } from './reliability-papers.js';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The report as Markdown. Pure. */
export function reliabilityMarkdown(r: ReliabilityReport, f: ReliabilityFigures, command: string): string {
  const out: string[] = [
    `# Alliance reliability, wars beginning ${r.from}–${r.to}`,
    '',
    `Reproduce: \`${command}\``,
    '',
    'A case: an ally bound when its partner was attacked, within the alliance\'s terms, by a state outside the alliance (Leeds, Long & Mitchell 2000); each attack of a war is judged on its eve (the first day, and the later attacks of audits/attacks.yaml). "Onset" is the attack\'s day.',
    '',
  ];
  out.push(`${r.wars} wars examined, ${r.cases} cases judged, ${r.warsWithoutCases} wars without any case; ${f.locationJudged} cases judged through the location coding; ${r.undecided.length} obligations left undecided.`, '');
  out.push('## Figures', '', '| period | kind | honoured / cases | share | 95% Wilson | late joiners not honoured | published |', '|---|---|---|---|---|---|---|');
  for (const [i, p] of f.periods.entries()) {
    for (const kind of ['all', ...KINDS] as const) {
      const fig = kind === 'all' ? p.all : p.byKind[kind];
      const alt = kind === 'all' ? f.lateNotHonoured[i]!.all : f.lateNotHonoured[i]!.byKind[kind];
      const anchors = f.anchors.filter((a) => a.kind === kind && spanMatches(a.span, p)).map((a) => `${a.study} ${pct(a.honoured)}`).join('; ');
      out.push(`| ${p.label} | ${kind} | ${fig.honoured}/${fig.cases} | ${pct(fig.share)} | ${interval(fig)} | ${pct(alt.share)} | ${anchors || '—'} |`);
    }
  }
  out.push('', '## Beside the papers', '', ...papersMarkdown(besideThePapers(r)));
  out.push('', '## Published figures', '', '| study | span | kind | honoured |', '|---|---|---|---|');
  for (const a of f.anchors) out.push(`| ${a.study} | ${a.span} | ${a.kind} | ${pct(a.honoured)} |`);
  out.push('', 'A published figure sits beside a row of the table above when its span is that row\'s; see docs/reliability.md for why they differ.');
  out.push('', '## Plot', '', '```', ...textPlot(f), '```', '');
  out.push('## Cases by alliance', '', 'Multilateral pacts give one case per member and war, so a few alliances carry most cases.', '', '| alliance | kind | cases | honoured | share |', '|---|---|---|---|---|');
  const groups = new Map<string, ReliabilityCase[]>();
  for (const c of r.list) groups.set(`${c.treaty}|${c.kind}`, [...(groups.get(`${c.treaty}|${c.kind}`) ?? []), c]);
  for (const [key, cases] of [...groups].sort((a, b) => b[1].length - a[1].length).slice(0, 25)) {
    const [treaty, kind] = key.split('|');
    const honoured = cases.filter((c) => c.honoured).length;
    out.push(`| ${treaty} | ${kind} | ${cases.length} | ${honoured} | ${pct(honoured / cases.length)} |`);
  }
  out.push('');
  out.push('## Cases behind each figure', '');
  for (const kind of KINDS) {
    const cases = r.list.filter((c) => c.kind === kind);
    out.push(`### ${kind} (${cases.length})`, '', '| war | onset | ally | toward | treaty | honoured | why | location |', '|---|---|---|---|---|---|---|---|');
    for (const c of cases) out.push(caseRow(c));
    out.push('');
  }
  out.push('## Not judged', '', '| war | ally | kind | toward | treaty | why |', '|---|---|---|---|---|---|');
  for (const u of r.undecided) out.push(`| ${u.warName} (COW ${u.war}) | ${u.ally} | ${u.kind} | ${u.toward} | ${u.treaty} | ${u.why} |`);
  out.push('', '## Obligations not counted, by reason', '', '| reason | obligations |', '|---|---|');
  for (const [reason, n] of Object.entries(r.excluded).sort((a, b) => b[1] - a[1])) out.push(`| ${reason} | ${n} |`);
  return `${out.join('\n')}\n`;
}

/** The report as one HTML page with an SVG plot. Pure. */
export function reliabilityHtml(r: ReliabilityReport, f: ReliabilityFigures, command: string): string {
  const md = reliabilityMarkdown(r, f, command);
  const body = md
    .split('\n## ')
    .map((section, i) => (i === 0 ? section : `## ${section}`))
    .map(sectionHtml)
    .join('\n');
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>casus — alliance reliability ${r.from}–${r.to}</title>
<style>body{font:15px/1.45 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:2px 6px;text-align:left}pre{background:#f6f6f6;padding:.5rem}</style>
</head><body>\n${body.replace('<h2>Plot</h2>', `<h2>Plot</h2>\n${svgPlot(f)}`)}\n</body></html>\n`;
}

function sectionHtml(section: string): string {
  const html: string[] = [];
  let table: string[][] = [];
  let pre = false;
  const flush = () => {
    if (!table.length) return;
    const [head, , ...rows] = table;
    html.push(`<table><thead><tr>${head!.map((c) => `<th>${c}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`);
    table = [];
  };
  for (const line of section.split('\n')) {
    if (line.startsWith('```')) {
      pre = !pre;
      if (pre) html.push('<pre hidden>');
      else html.push('</pre>');
      continue;
    }
    if (pre) {
      html.push(escape(line));
      continue;
    }
    if (line.startsWith('|')) {
      table.push(line.slice(1, -1).split(' | ').map((c) => escape(c.trim())));
      continue;
    }
    flush();
    if (line.startsWith('### ')) html.push(`<h3>${escape(line.slice(4))}</h3>`);
    else if (line.startsWith('## ')) html.push(`<h2>${escape(line.slice(3))}</h2>`);
    else if (line.startsWith('# ')) html.push(`<h1>${escape(line.slice(2))}</h1>`);
    else if (line.trim()) html.push(`<p>${escape(line).replace(/`([^`]+)`/g, '<code>$1</code>').replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')}</p>`);
  }
  flush();
  return html.join('\n');
}

function interval(f: Figure): string {
  return f.low === null ? '—' : `${(f.low * 100).toFixed(1)}–${(f.high! * 100).toFixed(1)}%`;
}

function caseRow(c: ReliabilityCase): string {
  return `| ${c.warName} (COW ${c.war}) | ${c.date} | ${c.ally} | ${c.toward} | ${c.treaty} | ${c.honoured ? 'yes' : 'no'} | ${c.why} | ${c.location ?? ''} |`;
}

/** Rows of the plot: the first period's share per kind, its interval, and the anchors. */
function plotRows(f: ReliabilityFigures): { label: string; figure: Figure; anchors: { study: string; share: number }[] }[] {
  const p = f.periods[0]!;
  return (['all', ...KINDS] as const).map((kind) => ({
    label: kind,
    figure: kind === 'all' ? p.all : p.byKind[kind],
    anchors: f.anchors.filter((a) => a.kind === kind).map((a) => ({ study: `${a.study.split(' ')[0]} ${a.span}`, share: a.honoured })),
  }));
}

function textPlot(f: ReliabilityFigures): string[] {
  const width = 50;
  const at = (x: number) => Math.round(x * width);
  const lines = [`${f.periods[0]!.label}: ■ share, [ ] 95% interval, ◆ published (0% … 100%)`];
  for (const row of plotRows(f)) {
    const cells = new Array<string>(width + 1).fill('·');
    const fig = row.figure;
    if (fig.share !== null) {
      for (let i = at(fig.low!); i <= at(fig.high!); i++) cells[i] = '-';
      cells[at(fig.low!)] = '[';
      cells[at(fig.high!)] = ']';
      cells[at(fig.share)] = '■';
    }
    for (const a of row.anchors) cells[at(a.share)] = '◆';
    lines.push(`${row.label.padEnd(14)} ${cells.join('')}  ${formatFigure(fig)}`);
  }
  return lines;
}

function svgPlot(f: ReliabilityFigures): string {
  const rows = plotRows(f);
  const [left, width, rowH] = [120, 480, 34];
  const x = (share: number) => left + share * width;
  const parts: string[] = [];
  rows.forEach((row, i) => {
    const y = 20 + i * rowH;
    parts.push(`<text x="0" y="${y + 5}" font-size="13">${row.label}</text>`, `<line x1="${left}" x2="${left + width}" y1="${y}" y2="${y}" stroke="#ddd"/>`);
    const fig = row.figure;
    if (fig.share !== null) {
      parts.push(`<line x1="${x(fig.low!)}" x2="${x(fig.high!)}" y1="${y}" y2="${y}" stroke="#1565c0" stroke-width="3"/>`, `<circle cx="${x(fig.share)}" cy="${y}" r="5" fill="#1565c0"><title>casus ${pct(fig.share)} (${fig.honoured}/${fig.cases})</title></circle>`);
    }
    for (const a of row.anchors) parts.push(`<path d="M${x(a.share)},${y - 7} l5,7 l-5,7 l-5,-7 z" fill="#c62828"><title>${escape(a.study)} ${pct(a.share)}</title></path>`);
  });
  for (const t of [0, 0.25, 0.5, 0.75, 1]) parts.push(`<text x="${x(t) - 10}" y="${20 + rows.length * rowH}" font-size="11">${t * 100}%</text>`);
  return `<svg role="img" aria-label="Share honoured by kind, with 95% intervals (blue) and published figures (red diamonds)" width="${left + width + 20}" height="${40 + rows.length * rowH}" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>`;
}
