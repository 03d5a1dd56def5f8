/**
 * The overlay editor: a counterfactual built in a form (a guarantee, a treaty dropped, transit
 * granted, a military convention, a reading switched), added to the overlays in the address so
 * that it can be shared by URL, and saved as a scenario by the panel around it.
 */
import { useState } from 'preact/hooks';
import type { Overlay, World } from './api.js';
import { nameOf, useNav } from './nav.js';

export type OverlayKind = 'guarantee' | 'drop-treaty' | 'grant-transit' | 'add-convention' | 'reading';

export interface OverlayForm {
  kind: OverlayKind;
  a?: string | undefined;
  b?: string | undefined;
  treaty?: string | undefined;
  reading?: string | undefined;
  value?: boolean | undefined;
}

const KINDS: [OverlayKind, string][] = [
  ['guarantee', 'a state guarantees another'],
  ['drop-treaty', 'a treaty is not in force'],
  ['grant-transit', 'a state lets another’s forces pass'],
  ['add-convention', 'two states sign a military convention'],
  ['reading', 'a treaty is read the other way'],
];

/** The overlay a filled form describes, or what is missing. Pure. */
export function overlayFromForm(form: OverlayForm, day: string, names: ReadonlyMap<string, string>, world: Pick<World, 'treaties'>): Overlay | { problem: string } {
  const n = (id: string) => nameOf(names, id);
  const two = () => (!form.a || !form.b ? 'choose both states' : form.a === form.b ? 'choose two different states' : undefined);
  switch (form.kind) {
    case 'guarantee': {
      const problem = two();
      if (problem) return { problem };
      return {
        id: `form-guarantee-${form.a}-${form.b}`.toLowerCase(),
        title: `${n(form.a!)} guarantees ${n(form.b!)}`,
        changes: [
          {
            op: 'add-treaty',
            treaty: {
              id: `form-guarantee-${form.a}-${form.b}`.toLowerCase(),
              name: `${n(form.a!)} guarantee of ${n(form.b!)} (counterfactual)`,
              parties: [form.a!, form.b!],
              signed: day,
              secret: false,
              provisions: [{ id: 'guarantee', kind: 'guarantee', obliged: [form.a!], beneficiaries: [form.b!], conditions: [] }],
              source: { parameter: `counterfactual built in the explorer: ${form.a} guarantees ${form.b}` },
            },
          },
        ],
      };
    }
    case 'grant-transit': {
      const problem = two();
      if (problem) return { problem };
      return { id: `form-transit-${form.a}-${form.b}`.toLowerCase(), title: `${n(form.a!)} lets ${n(form.b!)} pass`, changes: [{ op: 'grant-transit', grantor: form.a!, grantee: form.b!, from: day }] };
    }
    case 'add-convention': {
      const problem = two();
      if (problem) return { problem };
      return { id: `form-convention-${form.a}-${form.b}`.toLowerCase(), title: `${n(form.a!)} and ${n(form.b!)} sign a military convention`, changes: [{ op: 'add-convention', between: [form.a!, form.b!], from: day }] };
    }
    case 'drop-treaty': {
      const treaty = world.treaties.find((t) => t.id === form.treaty);
      if (!treaty) return { problem: 'choose a treaty in force that day' };
      return { id: `form-drop-${treaty.id}`, title: `no ${treaty.name}`, changes: [{ op: 'drop-treaty', treaty: treaty.id }] };
    }
    case 'reading':
      if (!form.reading) return { problem: 'choose a reading' };
      return { id: `form-reading-${form.reading}-${form.value ? 'on' : 'off'}`, title: `reading “${form.reading}” ${form.value ? 'on' : 'off'}`, changes: [{ op: 'set-parameter', name: form.reading, value: Boolean(form.value) }] };
  }
}

/** The form; `onAdd` receives a complete overlay. */
export function OverlayEditor({ world, day, onAdd }: { world: World | undefined; day: string; onAdd: (overlay: Overlay) => void }) {
  const { names } = useNav();
  const [form, setForm] = useState<OverlayForm>({ kind: 'guarantee' });
  const [problem, setProblem] = useState<string | undefined>();
  if (!world) return null;
  const states = [...world.states].sort((x, y) => x.name.localeCompare(y.name));
  const readings = Object.entries(world.parameters).filter(([, v]) => typeof v === 'boolean');
  const set = (patch: Partial<OverlayForm>) => {
    setForm({ ...form, ...patch });
    setProblem(undefined);
  };
  const pick = (label: string, key: 'a' | 'b') => (
    <label>
      {label}{' '}
      <select value={form[key] ?? ''} onChange={(e) => set({ [key]: e.currentTarget.value || undefined })} data-testid={`overlay-${key}`}>
        <option value="">—</option>
        {states.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </label>
  );
  const add = () => {
    const built = overlayFromForm(form, day, names, world);
    if ('problem' in built) setProblem(`Cannot add this change: ${built.problem}.`);
    else onAdd(built);
  };
  return (
    <fieldset class="overlay-editor" data-testid="overlay-editor">
      <legend>Build a change</legend>
      <label>
        What changes{' '}
        <select value={form.kind} onChange={(e) => set({ kind: e.currentTarget.value as OverlayKind })} data-testid="overlay-kind">
          {KINDS.map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
      </label>{' '}
      {form.kind === 'guarantee' ? (
        <>
          {pick('guarantor', 'a')} {pick('guaranteed', 'b')}
        </>
      ) : form.kind === 'grant-transit' ? (
        <>
          {pick('lets pass', 'a')} {pick('whose forces', 'b')}
        </>
      ) : form.kind === 'add-convention' ? (
        <>
          {pick('between', 'a')} {pick('and', 'b')}
        </>
      ) : form.kind === 'drop-treaty' ? (
        <label>
          treaty{' '}
          <select value={form.treaty ?? ''} onChange={(e) => set({ treaty: e.currentTarget.value || undefined })} data-testid="overlay-treaty">
            <option value="">—</option>
            {world.treaties.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <>
          <label>
            reading{' '}
            <select value={form.reading ?? ''} onChange={(e) => set({ reading: e.currentTarget.value || undefined, value: !world.parameters[e.currentTarget.value] })}>
              <option value="">—</option>
              {readings.map(([id, v]) => (
                <option key={id} value={id}>
                  {id} (now {v ? 'on' : 'off'})
                </option>
              ))}
            </select>
          </label>
        </>
      )}{' '}
      <button class="small" onClick={add} data-testid="overlay-add">
        add this change
      </button>
      {problem ? (
        <p class="error" role="alert" data-testid="overlay-problem">
          {problem}
        </p>
      ) : null}
    </fieldset>
  );
}
