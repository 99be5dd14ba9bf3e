import { planFollowUp } from '../src/domain/followup/index.js';
import { makeInput } from '../src/domain/followup/test-support.js';
const v = process.argv[2];
const variants: Record<string, unknown> = {
  team: { interviewers: [], notes: { liked: 'I loved how openly the team talked about failed experiments.', fit: 'I have run A/B tests at scale for three years, mostly on pricing pages.', questions: ['is the team planning to hire more engineers next year', 'When will I hear back?'] } },
  uni: { interviewers: [{ name: 'Prof. Mary-Jane O’Neill', title: 'Director of Research', onLinkedIn: true, notes: 'We talked about her paper on causal inference.' }, { name: 'Dr Ravi Kumar', onLinkedIn: true, notes: 'cricket' }], candidate: { linkedin: 'premium' }, employer: { style: 'unknown', sector: 'education' , name: 'University of Barchester'}, role: 'Research Associate position' },
  many: { employer: { style: 'traditional' }, interview: { startsAt: '2026-10-15T11:00', endsAt: '2026-10-15T12:00' }, interviewers: Array.from({ length: 6 }, (_, i) => ({ name: `Person ${String.fromCharCode(65 + i)} Jones`, onLinkedIn: true, postalAddress: '1 St', email: `p${i}@x.example` })) },
};
const plan = planFollowUp(makeInput(variants[v] as never));
for (const s of plan.steps) if (s.draft) console.log(`--- ${s.id}\n${s.draft.subject ?? ''}\n${s.draft.body}\n`);
