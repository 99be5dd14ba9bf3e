/** File generation for the follow-up plan: calendar, email drafts, printable notes. No I/O. */
export {
  renderPlanIcs,
  renderFeedIcs,
  escapeIcsText,
  foldIcsLine,
  summariseStep,
} from './plan-ics.js';
export { buildDraftEml, cleanHeaderValue, type DraftEmlOptions } from './draft-eml.js';
export { listPrintableNotes, type PrintableNote } from './printable-note.js';
export { makePlanKey, SHORTLIST_ID_DOMAIN } from './plan-key.js';
export { getBritishSpellChecker } from './spelling.js';
