/**
 * The treaty network of the day (cytoscape): states as nodes near their geographic place,
 * treaties as edges coloured by their strongest provision; treaties of four to eight parties
 * as a small hub; the large multilateral ones (Covenant, Kellogg-Briand) listed beside. The
 * layout is kept from day to day (a state keeps its place), or fixed to geography on request;
 * the same treaties are listed in a table, for screen readers and for export.
 */
import { Fragment } from 'preact';
import cytoscape from 'cytoscape';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { World } from './api.js';
import { download, toCsv } from './exports.js';
import { KIND_COLOURS } from './format.js';
import { listOf, useNav, ViewLink } from './nav.js';

/** Where each node was last drawn, so that the next day's graph starts from the same places. */
const remembered = new Map<string, { x: number; y: number }>();

const STRENGTH = ['military-convention', 'defence', 'guarantee', 'offence', 'sanctions', 'transit', 'neutrality', 'nonaggression', 'consultation'];
const HUB_MAX = 8;

/** The strongest kind among a treaty's provisions. Pure. */
export function mainKind(kinds: string[]): string {
  return STRENGTH.find((k) => kinds.includes(k)) ?? kinds[0] ?? 'consultation';
}

/** A capital's place on the network's canvas: longitude and latitude, stretched. Pure. */
export function geographic(capital: { lon: number; lat: number }): { x: number; y: number } {
  return { x: (capital.lon + 10) * 9, y: (62 - capital.lat) * 12 };
}

/** Graph elements for a world. Pure. */
export function networkOf(world: World, highlight?: Set<string>) {
  const nodes: cytoscape.ElementDefinition[] = [];
  const edges: cytoscape.ElementDefinition[] = [];
  const large: { id: string; name: string; parties: number }[] = [];
  const used = new Set<string>();
  for (const t of world.treaties) {
    const kind = mainKind(t.provisions.map((p) => p.kind));
    const data = { treaty: t.id, kind, colour: KIND_COLOURS[kind] ?? '#607d8b', label: t.name };
    if (t.parties.length > HUB_MAX) {
      large.push({ id: t.id, name: t.name, parties: t.parties.length });
      continue;
    }
    if (t.parties.length <= 3) {
      const guarantee = t.provisions.find((p) => p.kind === 'guarantee');
      if (guarantee) {
        for (const from of guarantee.obliged) for (const to of guarantee.beneficiaries) if (from !== to) edges.push({ data: { id: `${t.id}:${from}>${to}`, source: from, target: to, directed: 1, ...data } });
      } else {
        for (let i = 0; i < t.parties.length; i++) for (let j = i + 1; j < t.parties.length; j++) edges.push({ data: { id: `${t.id}:${t.parties[i]}-${t.parties[j]}`, source: t.parties[i]!, target: t.parties[j]!, ...data } });
      }
    } else {
      nodes.push({ data: { id: `hub:${t.id}`, hub: 1, treaty: t.id, label: '', colour: data.colour } });
      for (const p of t.parties) edges.push({ data: { id: `${t.id}:${p}`, source: `hub:${t.id}`, target: p, ...data } });
    }
    for (const p of t.parties) used.add(p);
  }
  for (const s of world.states) {
    if (!used.has(s.id)) continue;
    nodes.push({ data: { id: s.id, label: s.name, name: s.name, mark: highlight?.has(s.id) ? 1 : 0 }, position: geographic(s.capital) });
  }
  return { elements: [...nodes, ...edges], large, edgeCount: edges.length };
}

interface Props {
  world: World | undefined;
  onTreaty: (id: string) => void;
  highlight?: Set<string> | undefined;
}

export function Network({ world, onTreaty, highlight }: Props) {
  const { names } = useNav();
  const box = useRef<HTMLDivElement>(null);
  const [layout, setLayout] = useState<'kept' | 'geographic'>('kept');
  const graph = world ? networkOf(world, highlight) : undefined;
  const onTreatyRef = useRef(onTreaty);
  onTreatyRef.current = onTreaty;
  const cyRef = useRef<cytoscape.Core | undefined>(undefined);

  useEffect(() => {
    if (!box.current || !graph) return;
    const states = graph.elements.filter((e) => e.position);
    // Known states keep their places; a new one starts at its capital, and only then is the layout run again.
    const known = layout === 'geographic' || states.every((e) => remembered.has(e.data.id!));
    // States are labelled in the reader's language, as on the map.
    const elements = graph.elements.map((e) => (e.position ? { ...e, data: { ...e.data, label: names.get(e.data.id!) ?? e.data.label }, position: layout === 'geographic' ? e.position : (remembered.get(e.data.id!) ?? e.position) } : e));
    const cy = cytoscape({
      container: box.current,
      elements,
      style: [
        { selector: 'node', style: { label: 'data(label)', 'font-size': 22, 'font-weight': 600, 'text-valign': 'bottom', 'text-halign': 'center', 'text-margin-y': 3, width: 30, height: 30, 'background-color': '#eceff1', 'border-width': 1, 'border-color': '#546e7a', color: '#1d2a33', 'text-outline-color': '#fff', 'text-outline-width': 2 } },
        { selector: 'node[mark = 1]', style: { 'background-color': '#F0E442', 'border-color': '#1d2a33', 'border-width': 3, shape: 'round-rectangle' } },
        { selector: 'node[hub = 1]', style: { width: 12, height: 12, shape: 'diamond', 'background-color': 'data(colour)', 'border-width': 0, label: '' } },
        { selector: 'edge', style: { width: 3, 'line-color': 'data(colour)', 'curve-style': 'bezier', opacity: 0.85 } },
        { selector: 'edge[directed = 1]', style: { 'target-arrow-shape': 'triangle', 'target-arrow-color': 'data(colour)' } },
        { selector: 'edge[kind = "nonaggression"]', style: { 'line-style': 'dashed' } },
        { selector: 'edge[kind = "consultation"]', style: { 'line-style': 'dotted' } },
        { selector: 'edge:selected', style: { width: 7 } },
      ],
      layout: known
        ? { name: 'preset', fit: true, padding: 24 }
        : // Starts from the kept places and the capitals (so allies sit near each other as on the map) and spreads them apart.
          ({ name: 'cose', randomize: false, animate: false, nodeRepulsion: () => 60_000, nodeOverlap: 20, idealEdgeLength: () => 80, edgeElasticity: () => 100, gravity: 0.3, componentSpacing: 60, numIter: 1000, fit: true, padding: 24 } as cytoscape.LayoutOptions),
    });
    if (layout === 'kept') for (const n of cy.nodes().toArray()) if (!n.data('hub')) remembered.set(n.id(), { ...n.position() });
    cy.on('tap', 'edge, node[hub = 1]', (event) => onTreatyRef.current(event.target.data('treaty') as string));
    cyRef.current = cy;
    (window as unknown as { __casusNetwork?: cytoscape.Core }).__casusNetwork = cy;
    return () => cy.destroy();
  }, [world, highlight, layout, names]);

  if (!world || !graph) return <div class="network loading">Loading the network…</div>;
  const kinds = [...new Set(graph.elements.filter((e) => e.data.kind).map((e) => e.data.kind as string))];
  const small = world.treaties.filter((t) => t.parties.length <= HUB_MAX);
  const rows = small.map((t) => ({ id: t.id, name: t.name, kind: mainKind(t.provisions.map((p) => p.kind)), parties: t.parties }));
  return (
    <div class="network-panel">
      <div class="row no-print">
        <span role="group" aria-label="Layout">
          <button aria-pressed={layout === 'kept'} class={layout === 'kept' ? 'active' : ''} onClick={() => setLayout('kept')}>
            spread out
          </button>
          <button aria-pressed={layout === 'geographic'} class={layout === 'geographic' ? 'active' : ''} onClick={() => setLayout('geographic')} data-testid="layout-geographic">
            geographic
          </button>
        </span>
        <button onClick={() => cyRef.current && download(`casus-network-${world.date}.png`, 'image/png', cyRef.current.png({ output: 'blob', full: true, scale: 2, bg: '#fff' }) as unknown as Blob)} data-testid="export-network-png">
          PNG
        </button>
      </div>
      <div ref={box} class="network" data-testid="network" aria-hidden="true" />
      <p class="hint" data-testid="network-summary">
        {world.treaties.length} treaties in force on {world.date}: {graph.edgeCount} links drawn. Click a link to open its treaty; the table below lists the same treaties.
      </p>
      <ul class="legend">
        {kinds.map((k) => (
          <li key={k}>
            <span class={`swatch line kind-${k}`} style={{ background: KIND_COLOURS[k] }} /> {k}
          </li>
        ))}
      </ul>
      {graph.large.length ? (
        <p class="hint">
          Also in force, with many parties:{' '}
          {graph.large.map((t, i) => (
            // The comma ends an item, so that a wrapped line never starts with one.
            <Fragment key={t.id}>
              <span class="also-in-force">
                <ViewLink patch={{ treaty: t.id }}>{t.name}</ViewLink> ({t.parties}){i < graph.large.length - 1 ? ',' : ''}
              </span>{' '}
            </Fragment>
          ))}
        </p>
      ) : null}
      <details class="network-table" open={false}>
        <summary>The treaties between these states, as a table</summary>
        <button class="small" onClick={() => download(`casus-treaties-${world.date}.csv`, 'text/csv', toCsv(['treaty', 'id', 'kind', 'parties'], rows.map((r) => [r.name, r.id, r.kind, listOf(names, r.parties)])))} data-testid="export-treaties-csv">
          CSV
        </button>
        <div class="table-scroll">
          <table data-testid="network-table">
            <caption class="sr-only">Treaties in force on {world.date} between at most {HUB_MAX} parties</caption>
            <thead>
              <tr>
                <th scope="col">Treaty</th>
                <th scope="col">Strongest provision</th>
                <th scope="col">Parties</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <ViewLink patch={{ treaty: r.id }}>{r.name}</ViewLink>
                  </th>
                  <td>{r.kind}</td>
                  <td>{listOf(names, r.parties)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
