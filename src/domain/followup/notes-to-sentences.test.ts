import { describe, expect, it } from 'vitest';
import { formatNoteGap, turnNoteIntoSentence, type NoteRole } from './notes-to-sentences.js';

const owner = {
  recipientName: 'Aisha Khan',
  otherNames: ['Tom Price'],
  exemptPhrases: ['Payroll Officer', 'Reward & Benefits Analyst'],
};

describe('turnNoteIntoSentence', () => {
  it.each<[string, NoteRole, ReturnType<typeof turnNoteIntoSentence>]>([
    [
      'asked why I left my last job after only 18 months',
      'interviewer',
      { kind: 'clause', text: 'You asked why I left my last job after only 18 months.' },
    ],
    [
      'her view that STEP membership matters for private client work',
      'interviewer',
      { kind: 'phrase', text: 'your view that STEP membership matters for private client work' },
    ],
    [
      'she is moving the team to Leeds next year',
      'interviewer',
      { kind: 'clause', text: 'You are moving the team to Leeds next year.' },
    ],
    [
      'talked about the Department for Work and Pensions contract',
      'interviewer',
      { kind: 'clause', text: 'We talked about the Department for Work and Pensions contract.' },
    ],
    [
      "Aisha's plans for the audit team",
      'interviewer',
      { kind: 'phrase', text: 'your plans for the audit team' },
    ],
    ['Aisha’s plans for Leeds', 'interviewer', { kind: 'phrase', text: 'your plans for Leeds' }],
    [
      'Flexible hours, mentoring scheme',
      'liked',
      { kind: 'phrase', text: 'the flexible hours and the mentoring scheme' },
    ],
    [
      'Flexible hours, good pension',
      'liked',
      { kind: 'left-out', reason: 'salary', note: 'Flexible hours, good pension' },
    ],
    ["the Job Centres' targets", 'liked', { kind: 'phrase', text: "the Job Centres' targets" }],
    [
      'two years running payroll for 300 staff',
      'fit',
      { kind: 'phrase', text: 'my two years running payroll for 300 staff' },
    ],
    ['3 yrs retail dashboards', 'fit', { kind: 'phrase', text: 'my 3 years of retail dashboards' }],
    [
      'led a team of five analysts',
      'fit',
      { kind: 'clause', text: 'I led a team of five analysts.' },
    ],
    [
      'SQL, Python and Tableau',
      'fit',
      { kind: 'phrase', text: 'my experience with SQL, Python and Tableau' },
    ],
    ['salary band?', 'question', { kind: 'left-out', reason: 'salary', note: 'salary band?' }],
    ['how big is the team?', 'question', { kind: 'clause', text: 'How big is the team?' }],
    [
      'team size?',
      'question',
      { kind: 'clause', text: 'I would be glad to know more about the team size.' },
    ],
    [
      'my current employer is a nightmare',
      'fit',
      { kind: 'left-out', reason: 'negative', note: 'my current employer is a nightmare' },
    ],
    [
      'Tom said the audit is growing',
      'interviewer',
      {
        kind: 'gap',
        text: '[Finish this: Tom said the audit is growing]',
        note: 'Tom said the audit is growing',
      },
    ],
    ['her dog', 'liked', { kind: 'gap', text: '[Finish this: her dog]', note: 'her dog' }],
    [
      'pay attention to the lineage graphs',
      'interviewer',
      {
        kind: 'gap',
        text: '[Finish this: pay attention to the lineage graphs]',
        note: 'pay attention to the lineage graphs',
      },
    ],
    [
      'showed me the new office 😀',
      'interviewer',
      { kind: 'clause', text: 'You showed me the new office.' },
    ],
  ])('%s (%s)', (note, role, expected) => {
    expect(turnNoteIntoSentence(note, role, owner)).toEqual(expected);
  });

  it('never cuts a long note: it becomes a gap with the whole note beside it', () => {
    const note = `We covered ${'the budget, the roadmap, the team, '.repeat(6)}and more`;
    expect(turnNoteIntoSentence(note, 'interviewer', owner)).toEqual({
      kind: 'gap',
      text: formatNoteGap(note),
      note,
    });
  });

  it('leaves out a note that presses for an answer', () => {
    expect(turnNoteIntoSentence('have I got it?', 'question', owner, () => true)).toEqual({
      kind: 'left-out',
      reason: 'pushy',
      note: 'have I got it?',
    });
  });
});
