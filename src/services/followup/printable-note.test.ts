import { describe, expect, it } from 'vitest';
import { planFollowUp } from '../../domain/followup/index.js';
import { makeInput } from '../../domain/followup/test-support.js';
import { listPrintableNotes } from './printable-note.js';

describe('listPrintableNotes', () => {
  it('lists each hand-written note with its address, post-by time and arrival date', () => {
    const input = makeInput({
      interview: { startsAt: '2026-10-16T15:00', endsAt: '2026-10-16T16:00' },
      employer: { style: 'traditional' },
      interviewers: [
        {
          name: 'Anna Clarke',
          title: 'Head of Data',
          postalAddress: 'Brightwater Analytics\n1 High Street\nLeeds LS1 1AA',
        },
        { name: 'Ben Okafor', email: 'ben@x.example' },
      ],
    });
    const plan = planFollowUp(input);
    const notes = listPrintableNotes(plan, input);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      stepId: 'anna-clarke:thank-you:handwritten',
      recipient: 'Anna Clarke',
      title: 'Head of Data',
      address: ['Brightwater Analytics', '1 High Street', 'Leeds LS1 1AA'],
      postBy: '2026-10-17T12:00:00+01:00',
      arrivesBy: '2026-10-19',
    });
    expect(notes[0]?.body).toContain('Dear Anna');
  });

  it('is empty when nothing goes by post', () => {
    const input = makeInput();
    expect(listPrintableNotes(planFollowUp(input), input)).toEqual([]);
  });
});
