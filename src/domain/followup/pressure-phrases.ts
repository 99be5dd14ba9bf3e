/** Phrases that press the employer for an answer or ask for a call: no follow-up uses them. */
import type { StepKind } from './types.js';

/** Pressure that does not belong in any message to the employer. */
const PRESSURE_PATTERNS: readonly RegExp[] = [
  // Hurrying them; "I could start as soon as possible" is fine.
  /\b(?:reply|respond|answer|decide|decision|hear back|hear from you|let me know|get back to me|know|call me|contact me|email me|write to me|ring me|phone me)\b[^.?!\n]{0,40}\b(?:as soon as possible|ASAP|urgently|immediately|right away)\b/i,
  /\b(?:as soon as possible|ASAP|urgently)\b[^.?!\n]{0,30}\b(?:reply|answer|decision|let me know|hear)\b/i,
  // A statement, not the polite question "when can I expect to hear?".
  /(?<!\b(?:can|could|may|might|should|shall|will|would|do|when)\s+)\bI (?:fully )?expect to hear\b/i,
  /\bI(?:'ll| will| shall) expect\b/i,
  // Deadlines.
  /\bI (?:will |would |'ll |'d |really |urgently )?(?:need|must have|require|want|expect) (?:your|an|a|the|to have (?:an|your|a)) (?:answer|decision|reply|response|update|offer)\b/i,
  /\bI (?:need|must have|require) to know\b/i,
  /\b(?:answer|decision|reply|response|offer|hear from you|hear back|let me know|tell me|know)\b[^.?!\n]{0,30}\b(?:by|before) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|the end of|end of|close of|noon|midday|\d)/i,
  /\bno later than\b/i,
  /\bif I (?:don't|do not|haven't|have not) (?:hear|heard)(?: back)?(?: from you)? (?:by|before|within)\b/i,
  /\bI (?:can|will|can't|cannot) (?:only )?wait (?:until|till|beyond|past|any longer|much longer)\b/i,
  // Other offers used as leverage.
  /\b(?:another|other|competing|rival|a second) (?:job )?offers?\b/i,
  /\bI(?:'ve| have)? (?:had |received |been made |got )?(?:an|a) (?:job )?offer (?:from|elsewhere|with)\b/i,
  /\b(?:other|another) (?:companies|company|firms|firm|employers|employer) (?:is|are|have|has) (?:made|offered|interested|keen|chasing)\b/i,
  // Asking for the verdict.
  /\b(?:have|did) I (?:got|get|won|win) (?:it|the job|the role|the position|the post|the offer)\b/i,
  /\bhow did I do\b/i,
  /\bam I (?:successful|hired|through|selected)\b/i,
  /\bdid I pass\b/i,
];

/** Asking about the decision, which a thank-you should not do. */
const DECISION_PATTERNS: readonly RegExp[] = [
  /\b(?:have|did) you (?:made|make|reached|reach|come to|came to) (?:a|your|the) decision\b/i,
  /\b(?:let me know|tell me|update me|inform me|get back to me)\b[^.?!\n]{0,60}\b(?:decision|decided|outcome|result|whether I (?:got|have got|was|am|have been) (?:successful|selected|hired|the job))/i,
  /\bwhen (?:will|can|should|might|shall|do) I (?:expect to )?hear\b/i,
  /\bwhen (?:will|can|do|should) (?:you|they|we) (?:expect to )?(?:decide|make (?:a|your|the) decision|let me know)\b/i,
  /\bany (?:news|update|word) (?:on|about) (?:the|your|a) decision\b/i,
];

/** Asking for a call or a visit: follow-up stays in writing. */
const CALL_PATTERNS: readonly RegExp[] = [
  /\b(?:call|phone|ring|text|telephone) me\b/i,
  /\bgive me a (?:call|ring|bell|buzz)\b/i,
  /\b(?:arrange|schedule|set up|book|have|hop on|jump on|get on) a (?:quick |short |brief )?(?:phone |video )?call\b/i,
  /\b(?:speak|talk|chat) (?:on|by|over) the (?:phone|telephone)\b/i,
  /\bI(?:'ll| will| could| can| might| shall) (?:call|phone|ring|telephone|pop in|pop by|drop in|drop by|stop by|visit|come by|come in)\b(?! on\b| upon\b| in on\b)/i,
  /\b(?:pop (?:in|by|round)|drop (?:by|round)|stop by|swing by)\b/i,
  /\bmy (?:mobile|phone|telephone) (?:number )?is\b/i,
  /\b(?:can|could|shall) we (?:speak|talk) (?:by|on the) phone\b/i,
];

function firstMatch(text: string, patterns: readonly RegExp[]): string | null {
  for (const pattern of patterns) {
    const found = pattern.exec(text);
    if (found) return found[0];
  }
  return null;
}

/** The pressing phrase in a text, or null (decision questions count only in thank-yous). */
export function findPushyPhrase(text: string, kind: StepKind): string | null {
  const pressure = firstMatch(text, PRESSURE_PATTERNS);
  if (pressure) return pressure;
  if (kind === 'thank-you' || kind === 'linkedin-invite') {
    return firstMatch(text, DECISION_PATTERNS);
  }
  return null;
}

/** The phrase asking for a call or visit, or null. */
export function findCallPhrase(text: string): string | null {
  return firstMatch(text, CALL_PATTERNS);
}
