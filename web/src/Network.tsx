/**
 * The treaty network of the day (cytoscape): states as nodes near their geographic place,
 * treaties as edges coloured by their strongest provision; treaties of four to eight parties
 * as a small hub; the large multilateral ones (Covenant, Kellogg-Briand) listed beside.
 */
import cytoscape from 'cytoscape';
import { useEffect, useRef } from 'preact/hooks';
import type { World } from './api.js';
import { KIND_COLOURS } from './format.js';

const STRENGTH = ['military-convention', 'defence', 'guarantee', 'offence', 'sanctions', 'transit', 'neutrality', 'nonaggression', 'consultation'];
const HUB_MAX = 8;

/** The strongest kind among a treaty's provisions. Pure. */
export function mainKind(kinds: string[]): string {
  return STRENGTH.find((k) => kinds.includes(k)) ?? kinds[0] ?? 'consultation';
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
    nodes.push({ data: { id: s.id, label: s.id, name: s.name, mark: highlight?.has(s.id) ? 1 : 0 }, position: { x: (s.capital.lon + 10) * 9, y: (62 - s.capital.lat) * 12 } });
  }
  return { elements: [...nodes, ...edges], large, edgeCount: edges.length };
}

interface Props {
  world: World | undefined;
  onTreaty: (id: string) => void;
  highlight?: Set<string> | undefined;
}

export function Network({ world, onTreaty, highlight }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const graph = world ? networkOf(world, highlight) : undefined;
  const onTreatyRef = useRef(onTreaty);
  onTreatyRef.current = onTreaty;

  useEffect(() => {
    if (!box.current || !graph) return;
    const cy = cytoscape({
      container: box.current,
      elements: graph.elements,
      style: [
        { selector: 'node', style: { label: 'data(label)', 'font-size': 15, 'font-weight': 600, 'text-valign': 'center', 'text-halign': 'center', width: 44, height: 44, 'background-color': '#eceff1', 'border-width': 1, 'border-color': '#546e7a', color: '#263238' } },
        { selector: 'node[mark = 1]', style: { 'background-color': '#ffe0b2', 'border-color': '#e65100', 'border-width': 2 } },
        { selector: 'node[hub = 1]', style: { width: 12, height: 12, shape: 'diamond', 'background-color': 'data(colour)', 'border-width': 0 } },
        { selector: 'edge', style: { width: 3, 'line-color': 'data(colour)', 'curve-style': 'bezier', opacity: 0.85 } },
        { selector: 'edge[directed = 1]', style: { 'target-arrow-shape': 'triangle', 'target-arrow-color': 'data(colour)' } },
        { selector: 'edge[kind = "nonaggression"]', style: { 'line-style': 'dashed' } },
        { selector: 'edge[kind = "consultation"]', style: { 'line-style': 'dotted' } },
        { selector: 'edge:selected', style: { width: 7 } },
      ],
      // Starts from the capitals' places (so allies sit near each other as on the map) and spreads them apart.
      layout: { name: 'cose', randomize: false, animate: false, nodeRepulsion: () => 60_000, nodeOverlap: 20, idealEdgeLength: () => 80, edgeElasticity: () => 100, gravity: 0.3, componentSpacing: 60, numIter: 1000, fit: true, padding: 16 } as cytoscape.LayoutOptions,
    });
    cy.on('tap', 'edge, node[hub = 1]', (event) => onTreatyRef.current(event.target.data('treaty') as string));
    (window as unknown as { __casusNetwork?: cytoscape.Core }).__casusNetwork = cy;
    return () => cy.destroy();
  }, [world, highlight]);

  if (!world || !graph) return <div class="network loading">Loading the network…</div>;
  const kinds = [...new Set(graph.elements.filter((e) => e.data.kind).map((e) => e.data.kind as string))];
  return (
    <div class="network-panel">
      <div ref={box} class="network" data-testid="network" />
      <p class="hint" data-testid="network-summary">
        {world.treaties.length} treaties in force on {world.date}: {graph.edgeCount} links drawn. Click a link to open its treaty.
      </p>
      <ul class="legend">
        {kinds.map((k) => (
          <li key={k}>
            <span class="swatch line" style={{ background: KIND_COLOURS[k] }} /> {k}
          </li>
        ))}
      </ul>
      {graph.large.length ? (
        <p class="hint">
          Also in force, with many parties:{' '}
          {graph.large.map((t, i) => (
            <span key={t.id}>
              {i ? ', ' : ''}
              <a onClick={() => onTreaty(t.id)}>{t.name}</a> ({t.parties})
            </span>
          ))}
        </p>
      ) : null}
    </div>
  );
}
