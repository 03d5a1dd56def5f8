/**
 * The language of state names: the reader's browser language when it is offered, else English,
 * changed with a switch and remembered in this browser. The interface itself stays in English.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { World } from './api.js';
import { LANGUAGES, localNames, localTerritoryNames, preferredLanguage } from './classroom.js';
import { NAME_ENTRIES } from './classroom-data.js';

const KEY = 'casus-names-language';

function stored(): string | undefined {
  try {
    const value = localStorage.getItem(KEY);
    return value && LANGUAGES.some(([code]) => code === value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The language names are shown in, and a way to change it. */
export function useLanguage(): [string, (lang: string) => void] {
  const [lang, setLang] = useState(() => stored() ?? preferredLanguage(navigator.languages ?? [navigator.language]));
  useEffect(() => {
    try {
      localStorage.setItem(KEY, lang);
    } catch {
      // A browser that keeps nothing still switches for this visit.
    }
  }, [lang]);
  return [lang, setLang];
}

/** Id → name of every state, organization and territory of the day, in the chosen language, and the language. */
export function useNames(world: World | undefined) {
  const [lang, setLang] = useLanguage();
  // Territory ids (lower case: sudetenland) never clash with state codes (upper case: CZE), so one map holds both.
  const names = useMemo(
    () =>
      new Map([
        ...localTerritoryNames(world?.territories ?? [], lang, NAME_ENTRIES),
        ...localNames(new Map([...(world?.organizations ?? []), ...(world?.states ?? [])].map((s) => [s.id, s.name] as [string, string])), lang, NAME_ENTRIES),
      ]),
    [world, lang],
  );
  return { names, lang, setLang };
}

export function LanguageSwitch({ lang, onLang }: { lang: string; onLang: (lang: string) => void }) {
  return (
    <label class="language">
      <span class="sr-only">Language of state names</span>
      <select value={lang} onChange={(e) => onLang(e.currentTarget.value)} data-testid="language" title="Language of state names">
        {LANGUAGES.map(([code, name]) => (
          <option key={code} value={code} lang={code}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}
