import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { planFollowUp, type FollowUpInput } from '../../domain/followup/index.js';
import { makeInput } from '../../domain/followup/test-support.js';
import { escapeIcsText, foldIcsLine, renderFeedIcs, renderPlanIcs } from './plan-ics.js';

function parseEvents(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent');
}

/** An input built directly, skipping validation's tidying, to prove the writer escapes. */
function hostileInput(): FollowUpInput {
  const base = makeInput({ options: { secondCheckIn: true }, now: '2026-10-14T09:00:00+01:00' });
  const longName = `${'Ñ'.repeat(150)}, Jr; \\ 😀${'x'.repeat(45)}`;
  return {
    ...base,
    employer: { ...base.employer, name: 'Acme, Inc; "Widgets" \\ Co\r\nBCC:evil 🚀' },
    role: 'Analyst;\nBEGIN:VEVENT\nUID:evil',
    interviewers: [
      {
        ...(base.interviewers[0] as FollowUpInput['interviewers'][number]),
        name: `Anna\r\nEND:VCALENDAR, Clarke; \\n 👩‍💻`,
      },
      { id: 'long-one', name: longName, onLinkedIn: true, contact: false },
    ],
  };
}

describe('renderPlanIcs', () => {
  it('describes each event with the rule’s reason and source, never an internal id', () => {
    const input = makeInput({ now: '2026-10-14T09:00:00+01:00', options: { secondCheckIn: true } });
    const plan = planFollowUp(input);
    const events = parseEvents(renderPlanIcs(plan, input));
    for (const [index, event] of events.entries()) {
      const step = plan.steps[index];
      const description = String(event.getFirstPropertyValue('description'));
      expect(description).toContain(`Reason: ${step?.reason ?? ''}`);
      expect(description).toContain(`Source: ${step?.source ?? ''}`);
      expect(description).not.toContain(step?.rule ?? '');
      expect(description).not.toContain(step?.id ?? '');
      expect(description).not.toMatch(/\(rule /);
    }
  });

  it('writes one event per step, with a reminder, and parses with ical.js', () => {
    const input = makeInput({ now: '2026-10-14T09:00:00+01:00', options: { secondCheckIn: true } });
    const plan = planFollowUp(input);
    const ics = renderPlanIcs(plan, input);
    const events = parseEvents(ics);
    expect(events).toHaveLength(plan.steps.length);
    for (const [index, event] of events.entries()) {
      const step = plan.steps[index];
      expect(event.getFirstPropertyValue('uid')).toMatch(
        new RegExp(`^${step?.id}\\.[0-9a-f]{12}@shortlist\\.example$`),
      );
      const start = event.getFirstPropertyValue('dtstart') as ICAL.Time;
      expect(start.toJSDate().toISOString()).toBe(new Date(step?.sendAt ?? '').toISOString());
      const alarm = event.getFirstSubcomponent('valarm');
      expect(alarm?.getFirstPropertyValue('action')).toBe('DISPLAY');
      expect(String(alarm?.getFirstPropertyValue('trigger'))).toBe('-PT15M');
      expect(event.getFirstPropertyValue('description')).toContain(step?.why);
    }
  });

  it('is the same for the same input, and UIDs differ between interviews', () => {
    const input = makeInput();
    const plan = planFollowUp(input);
    expect(renderPlanIcs(plan, input)).toBe(renderPlanIcs(planFollowUp(input), input));
    const other = makeInput({
      interview: { startsAt: '2026-10-16T15:00', endsAt: '2026-10-16T16:00' },
    });
    const uids = (i: FollowUpInput) =>
      parseEvents(renderPlanIcs(planFollowUp(i), i)).map((e) => e.getFirstPropertyValue('uid'));
    const shared = uids(input).filter((uid) => uids(other).includes(uid));
    expect(shared).toEqual([]);
  });

  it('escapes and folds hostile text, and it reads back intact', () => {
    const input = hostileInput();
    const plan = planFollowUp(input);
    const ics = renderPlanIcs(plan, input);

    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    }
    expect(ics.match(/^BEGIN:VEVENT$/gm)).toHaveLength(plan.steps.length);
    expect(ics.match(/^END:VCALENDAR$/gm)).toHaveLength(1);
    expect(ics).not.toContain('\uFFFD');

    const events = parseEvents(ics);
    expect(events).toHaveLength(plan.steps.length);
    const summaries = events.map((e) => String(e.getFirstPropertyValue('summary')));
    expect(summaries).toContain('Email a thank-you to Anna\nEND:VCALENDAR, Clarke; \\n 👩‍💻');
    const longStep = plan.steps.find(
      (s) => s.interviewerId === 'long-one' && s.kind === 'thank-you',
    );
    const longEvent = events.find((e) =>
      String(e.getFirstPropertyValue('uid')).startsWith('long-one:thank-you'),
    );
    expect(String(longEvent?.getFirstPropertyValue('summary'))).toContain(longStep?.to);
    const ask = events.find((e) =>
      String(e.getFirstPropertyValue('uid')).startsWith('interview:ask-timeline'),
    );
    expect(String(ask?.getFirstPropertyValue('summary'))).toBe(
      'Ask Acme, Inc; "Widgets" \\ Co\nBCC:evil 🚀 when they expect to decide',
    );
  });
});

describe('RFC 5545 helpers', () => {
  it('escapes backslashes, semicolons, commas and line breaks, and drops control characters', () => {
    expect(escapeIcsText('a\\b;c,d\r\ne\rf\ng\u0000\u0007h\ti')).toBe(
      'a\\\\b\\;c\\,d\\ne\\nf\\ng' + 'h\ti',
    );
  });

  it('folds at 75 octets without splitting characters', () => {
    const line = `SUMMARY:${'é'.repeat(40)}${'😀'.repeat(20)}`;
    const folded = foldIcsLine(line);
    const parts = folded.split('\r\n');
    for (const part of parts) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((part) => part.startsWith(' '))).toBe(true);
    expect(parts.map((part, i) => (i === 0 ? part : part.slice(1))).join('')).toBe(line);
    expect(foldIcsLine('SHORT:x')).toBe('SHORT:x');
  });
});

describe('renderFeedIcs', () => {
  it('puts the events of every plan, written as renderPlanIcs writes them, in one calendar', () => {
    const first = makeInput({ now: '2026-10-14T09:00:00+01:00' });
    const second = hostileInput();
    const plans = [first, second].map((input) => ({ plan: planFollowUp(input), input }));
    const feed = renderFeedIcs(plans, 'PT1H');
    const eventsOf = (ics: string) =>
      ics.slice(ics.indexOf('\r\nBEGIN:VEVENT') + 2, ics.lastIndexOf('END:VCALENDAR'));
    expect(feed).toContain(
      `X-PUBLISHED-TTL:PT1H\r\n${plans.map(({ plan, input }) => eventsOf(renderPlanIcs(plan, input))).join('')}END:VCALENDAR\r\n`,
    );
    expect(parseEvents(feed)).toHaveLength(
      plans[0]!.plan.steps.length + plans[1]!.plan.steps.length,
    );
  });
});
