/**
 * What every panel shares: the view in the URL, a way to move to another view (a history
 * step, so Back works), links with a real href, and state names in place of codes.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { writeView, type ViewState } from './url.js';

/** How a change of view enters the history: a new entry (a user's step), or in place of the current one. */
export type HistoryMode = 'push' | 'replace';

export interface Nav {
  view: ViewState;
  go: (patch: Partial<ViewState>, mode?: HistoryMode) => void;
  /** Id → name of every state and organization of the day. */
  names: ReadonlyMap<string, string>;
}

export const NavContext = createContext<Nav>({ view: undefined as never, go: () => undefined, names: new Map() });

export const useNav = () => useContext(NavContext);

/** A link to another view: a real href (open in a new tab, copy the address), a history step on a plain click. */
export function ViewLink({ patch, children, class: className, testid, title }: { patch: Partial<ViewState>; children: ComponentChildren; class?: string; testid?: string; title?: string }) {
  const { view, go } = useNav();
  return (
    <a
      href={writeView({ ...view, ...patch })}
      class={className}
      title={title}
      data-testid={testid}
      onClick={(e) => {
        if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        go(patch);
      }}
    >
      {children}
    </a>
  );
}

/** A state's name, or the id when the day does not know it. */
export function nameOf(names: ReadonlyMap<string, string>, id: string): string {
  return names.get(id) ?? id;
}

/** A list of states in words: "France, Poland and the United Kingdom" style, without the article. Pure. */
export function listOf(names: ReadonlyMap<string, string>, ids: readonly string[], last = 'and'): string {
  const words = ids.map((id) => nameOf(names, id));
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} ${last} ${words[words.length - 1]}`;
}

/** A sentence from the server with every known code replaced by its name: "FRN acts first" → "France acts first". Pure. */
export function withNames(text: string, names: ReadonlyMap<string, string>): string {
  return text.replace(/\b[A-Z][A-Z0-9]{1,4}\b/g, (code) => names.get(code) ?? code);
}

/** A state's name with its code in a tooltip, for people; the code stays in the data attributes. */
export function StateName({ id }: { id: string }) {
  const { names } = useNav();
  return <span title={id} class="state-name">{nameOf(names, id)}</span>;
}
