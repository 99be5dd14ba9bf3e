/**
 * The British English spell checker behind the draft checker's `spelling` finding: nspell with
 * dictionary-en-gb. The dictionary package reads its files when imported, so it lives here in
 * services (the domain only sees the SpellChecker port) and is built once, on first use.
 */
import dictionary from 'dictionary-en-gb';
import nspell from 'nspell';
import type { SpellChecker } from '../../domain/followup/index.js';

let shared: SpellChecker | undefined;

/** The shared en-GB spell checker (built on the first call, then reused). */
export function getBritishSpellChecker(): SpellChecker {
  if (!shared) {
    const speller = nspell({
      aff: Buffer.from(dictionary.aff),
      dic: Buffer.from(dictionary.dic),
    });
    shared = { isCorrect: (word) => speller.correct(word) };
  }
  return shared;
}
