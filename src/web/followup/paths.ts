export const PAGE_PATH = '/follow-up';
/** Saves the plan's interview to the visitor's account (followup-save.routes.ts). */
export const SAVE_PATH = `${PAGE_PATH}/save`;
/**
 * Where the drafts' form (and its downloads, when a draft has a problem) brings the visitor back
 * to: the drafts, not the top of a long page.
 */
export const DRAFTS_ANCHOR = '#drafts-title';
/** site.js posts the form here as notes are typed: `{previews: NotePreview[]}`. */
export const NOTE_PREVIEW_PATH = `${PAGE_PATH}/notes-preview`;
