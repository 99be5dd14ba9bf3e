/** The results page's note on the place searched: what was left out, and the other places meant. */
import { escapeHtml } from '@kitajs/html';
import { ignoredNote, type SearchLocation } from '../../services/search-location.js';
import { attr } from '../shared/layout.js';
import { searchUrl, type SearchFormValues } from './search-form-values.js';

/**
 * "Showing agencies for London; we could not place “Xyzzy”" when part of the text was left
 * out, and each other place the text could mean as a link to the same search there.
 */
export function LocationNote(props: { values: SearchFormValues; location: SearchLocation }) {
  const { location, values } = props;
  const note = ignoredNote(location);
  if (note === null && location.alternatives.length === 0) return '';
  // The alternatives are of the part that was placed: "London" of "Xyzzy, London".
  const typedName = note === null ? values.location.trim() : location.name;
  return (
    <div class="location-note">
      {note === null ? '' : <p class="location-ignored">{escapeHtml(note)}</p>}
      {location.alternatives.length === 0 ? (
        ''
      ) : (
        <>
          <p id="location-alternatives">{escapeHtml(`Other places “${typedName}” could mean:`)}</p>
          <ul class="location-alternatives" aria-labelledby="location-alternatives">
            {location.alternatives.map((a) => (
              <li>
                <a href={attr(searchUrl(values, { location: a.label, page: '' }))}>
                  {escapeHtml(a.label)}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
