/**
 * Sources as people cite them. The API may send a ready `citation` string beside a source; when
 * it does not, the fields are formatted here: a seed text by its title and author (never its
 * file name), a standard reference as written, linked to a public text where one is known.
 */
import type { Sources } from './api.js';

type Source = Exclude<Sources, unknown[]> & { citation?: string };

/**
 * The two seed texts, as a bibliography names them. 001 ends "Send comments and questions to
 * Professor Gerhard Rempel, Western New England College" and is headed "COLLECTIVE SECURITY";
 * 000 names no author or title.
 */
export const SEED_TITLES: Record<string, string> = {
  '001_9f73842a76e4b4ea.txt': 'Gerhard Rempel, “Collective Security”, lecture notes, Western New England College',
  '000_075835ea2ae3c2b7.txt': 'an excerpt of a survey text on Soviet foreign policy (author and title not given)',
};

/** Public texts of treaties, by the words a reference starts with: the Avalon Project, Yale Law School. */
const PUBLIC_TEXTS: [prefix: string, url: string][] = [
  ['Covenant of the League of Nations', 'https://avalon.law.yale.edu/20th_century/leagcov.asp'],
  ['General Treaty for Renunciation of War', 'https://avalon.law.yale.edu/20th_century/kbpact.asp'],
  ['Munich Agreement', 'https://avalon.law.yale.edu/imt/munich1.asp'],
];

/** The citation of one source as plain text, and a link to its text where it is public. Pure. */
export function citationOf(source: Source): { text: string; quote?: string; url?: string } {
  if (source.citation) return { text: source.citation, ...('quote' in source ? { quote: source.quote } : {}) };
  if ('seed' in source) return { text: SEED_TITLES[source.seed] ?? 'a seed text of the project', quote: source.quote };
  if ('ref' in source) {
    const url = PUBLIC_TEXTS.find(([prefix]) => source.ref.startsWith(prefix))?.[1];
    return { text: source.ref, ...(url ? { url } : {}) };
  }
  return { text: `a modeller's choice (parameter ${source.parameter}), not a fact` };
}

/** A source or a list of sources, as a list of readable citations. */
export function SourceView({ source }: { source: Sources | undefined }) {
  if (!source) return null;
  const list = (Array.isArray(source) ? source : [source]) as Source[];
  return (
    <ul class="sources">
      {list.map((s, i) => {
        const c = citationOf(s);
        return (
          <li key={i}>
            {c.quote ? (
              <>
                <q>{c.quote}</q> —{' '}
              </>
            ) : null}
            <cite>{c.url ? <a href={c.url} rel="noopener" target="_blank">{c.text}</a> : c.text}</cite>
            {'note' in s && s.note ? <span class="note"> ({s.note})</span> : null}
          </li>
        );
      })}
    </ul>
  );
}
