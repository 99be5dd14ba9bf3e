/** File generation for the follow-up plan: calendar, email drafts, printable notes. No I/O. */
export { renderPlanIcs, renderFeedIcs, summariseStep } from './plan-ics.js';
export { buildDraftEml, cleanHeaderValue } from './draft-eml.js';
export { listPrintableNotes, type PrintableNote } from './printable-note.js';
export { getBritishSpellChecker } from './spelling.js';
