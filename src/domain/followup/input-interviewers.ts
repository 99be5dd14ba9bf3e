/**
 * The planner input's interviewers: each one's fields, the single chair and main contact, the
 * channel (refusing the ones Shortlist never plans), and ids (given, else made from names).
 */
import type { ProblemList } from '../errors.js';
import { FieldReader } from '../validation/field-reader.js';
import { LIMITS } from '../validation/limits.js';
import { describeType, isObject, normaliseLine } from '../validation/text.js';
import { readEmailField, readName, readNote } from './input-sections.js';
import { checkInputKeys, INPUT_CHOICES, INPUT_KEYS } from './input-keys.js';
import { NEVER_CHANNELS, REFUSED_CHANNEL_NAMES } from './rules.js';
import { slugify } from './text.js';
import type { ContactChannel, Interviewer } from './types.js';

const INTERVIEWER_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const CHANNELS = INPUT_CHOICES.channel;
const LIMIT = LIMITS.followUp;

/** The one item of a list flagged true (`chair`, `contact`): later ones are problems. */
class OnlyOne {
  at = -1;
  constructor(
    private readonly key: string,
    private readonly message: (firstAt: number) => string,
  ) {}

  /** True when item `index` holds the flag. */
  claim(problems: ProblemList, path: string, index: number, flagged: boolean | undefined): boolean {
    if (flagged !== true) return false;
    if (this.at >= 0) {
      problems.add(`${path}.${this.key}`, 'invalid', this.message(this.at));
      return false;
    }
    this.at = index;
    return true;
  }
}

function readId(
  problems: ProblemList,
  path: string,
  rawId: unknown,
  givenIds: Map<string, number>,
  index: number,
): string | undefined {
  if (rawId === undefined || rawId === null) return undefined;
  const field = `${path}.id`;
  if (typeof rawId !== 'string' && typeof rawId !== 'number') {
    problems.add(field, 'invalid', 'The id must be text.');
  } else if (!INTERVIEWER_ID.test(String(rawId))) {
    problems.add(
      field,
      'invalid',
      'The id may hold only letters, digits, dots, dashes and underscores (at most 64).',
    );
  } else if (givenIds.has(String(rawId))) {
    problems.add(
      field,
      'duplicate',
      `The id "${String(rawId)}" is already used by interviewers[${givenIds.get(String(rawId))}].`,
    );
  } else {
    givenIds.set(String(rawId), index);
    return String(rawId);
  }
  return undefined;
}

function readChannel(reader: FieldReader): ContactChannel | undefined {
  const rawChannel = reader.value('channel');
  if (rawChannel === undefined || rawChannel === null) return undefined;
  const field = reader.field('channel');
  const suggestions = CHANNELS.map((candidate) => ({ label: candidate, value: candidate }));
  const value = typeof rawChannel === 'string' ? normaliseLine(rawChannel).toLowerCase() : '';
  const refused = REFUSED_CHANNEL_NAMES[value];
  if (
    typeof rawChannel === 'string' &&
    refused &&
    Object.prototype.hasOwnProperty.call(REFUSED_CHANNEL_NAMES, value)
  ) {
    const entry = NEVER_CHANNELS.find((never) => never.channel === refused);
    reader.problems.add(
      field,
      'refused-channel',
      `Shortlist never plans a follow-up by ${value === 'x' ? 'X (Twitter)' : value}: ${entry?.why ?? ''}`.trim(),
      suggestions,
    );
    return undefined;
  }
  const channel = CHANNELS.find((candidate) => candidate === value);
  if (!channel) {
    reader.problems.add(
      field,
      'not-in-list',
      `The channel must be one of ${CHANNELS.join(', ')}.`,
      suggestions,
    );
  }
  return channel;
}

type ReadInterviewer = Omit<Interviewer, 'id'> & { id?: string };

function readOne(
  problems: ProblemList,
  item: unknown,
  index: number,
  state: { givenIds: Map<string, number>; chair: OnlyOne; contact: OnlyOne },
): ReadInterviewer | undefined {
  const path = `interviewers[${index}]`;
  if (!isObject(item)) {
    problems.add(path, 'invalid', `Each interviewer must be an object, not ${describeType(item)}.`);
    return undefined;
  }
  checkInputKeys(problems, item, path, INPUT_KEYS.interviewer);
  const reader = new FieldReader(problems, item, path);
  const name = readName(reader, 'name', 'The interviewer’s name');
  const title = reader.text('title', {
    required: false,
    max: LIMIT.titleLength,
    label: 'The job title',
  });
  const notes = readNote(reader, 'notes', 'The notes');
  const postalAddress = reader.text('postalAddress', {
    required: false,
    max: LIMIT.postalAddressLength,
    multiline: true,
    label: 'The postal address',
  });
  const onLinkedIn = reader.flag('onLinkedIn', 'onLinkedIn');
  const contactFlag = reader.flag('contact', 'contact');
  const chair = state.chair.claim(problems, path, index, reader.flag('chair', 'chair'));
  const id = readId(problems, path, reader.value('id'), state.givenIds, index);
  const email = readEmailField(reader, 'email', 'The email address', false);
  const channel = readChannel(reader);
  const contact = state.contact.claim(problems, path, index, contactFlag);

  if (name === undefined) return undefined;
  return {
    name,
    onLinkedIn: onLinkedIn ?? false,
    contact,
    ...(chair ? { chair: true } : {}),
    ...(id !== undefined ? { id } : {}),
    ...(title !== undefined ? { title } : {}),
    ...(email !== undefined ? { email } : {}),
    ...(postalAddress !== undefined ? { postalAddress } : {}),
    ...(channel !== undefined ? { channel } : {}),
    ...(notes !== undefined ? { notes } : {}),
  };
}

/** Gives each interviewer without an id one made from the name, unique among all the ids. */
function assignIds(read: ReadInterviewer[], givenIds: Iterable<string>): Interviewer[] {
  const used = new Set(givenIds);
  return read.map((interviewer) => {
    if (interviewer.id !== undefined) return { ...interviewer, id: interviewer.id };
    const base = slugify(interviewer.name) || 'interviewer';
    let id = base;
    for (let n = 2; used.has(id); n += 1) id = `${base}-${n}`;
    used.add(id);
    return { ...interviewer, id };
  });
}

/** Reads the interviewers; returns them with ids resolved (given, else slugs). */
export function readInterviewers(problems: ProblemList, raw: unknown): Interviewer[] {
  if (raw === undefined || raw === null) {
    problems.add('interviewers', 'required', 'List the interviewers (an empty list is fine).');
    return [];
  }
  if (!Array.isArray(raw)) {
    problems.add(
      'interviewers',
      'invalid',
      `The interviewers must be a list, not ${describeType(raw)}.`,
    );
    return [];
  }
  if (raw.length > LIMIT.interviewers) {
    problems.add(
      'interviewers',
      'too-many',
      `There are ${raw.length} interviewers; at most ${LIMIT.interviewers} are planned for.`,
    );
  }
  const state = {
    givenIds: new Map<string, number>(),
    chair: new OnlyOne(
      'chair',
      (at) => `Only one interviewer can chair the panel; interviewers[${at}] already does.`,
    ),
    contact: new OnlyOne(
      'contact',
      (at) => `Only one interviewer can be the main contact; interviewers[${at}] already is.`,
    ),
  };
  const read: ReadInterviewer[] = [];
  raw.slice(0, LIMIT.interviewers).forEach((item: unknown, index) => {
    const interviewer = readOne(problems, item, index, state);
    if (interviewer) read.push(interviewer);
  });
  return assignIds(read, state.givenIds.keys());
}
