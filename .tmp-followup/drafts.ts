import { checkDraft, planFollowUp } from '../src/domain/followup/index.js';
import { makeInput } from '../src/domain/followup/test-support.js';
const variants = [
  {},
  { employer: { style: 'traditional' }, interview: { startsAt: '2026-10-15T11:00', endsAt: '2026-10-15T12:00' }, interviewers: Array.from({ length: 20 }, (_, i) => ({ name: `Person ${String.fromCharCode(65 + i)} Jones`, onLinkedIn: true, postalAddress: '1 St', email: `p${i}@x.example` })) },
  { interviewers: [], notes: { liked: 'I loved how openly the team talked about failed experiments.', fit: 'I have run A/B tests at scale for three years, mostly on pricing pages.', questions: ['is the team planning to hire more engineers next year', 'When will I hear back?'] } },
  { interviewers: [{ name: 'Prof. Mary-Jane O’Neill', title: 'Director of Research', onLinkedIn: true, notes: 'We talked about her paper on causal inference.' }, { name: 'Dr Ravi Kumar', onLinkedIn: true, notes: 'cricket' }], candidate: { linkedin: 'premium' }, employer: { style: 'unknown', sector: 'education' , name: 'University of Barchester'}, role: 'Research Associate position' },
  { notes: { liked: 'a', fit: 'b', questions: [] } },
  { notes: { liked: "The way they " + "really carefully think about all they build, ".repeat(10), fit: 'My experience, ' + "and more experience, ".repeat(20), questions: [] } , role: 'R'.repeat(200), employer: { name: 'E '.repeat(100) } },
];
for (const v of variants) {
  const input = makeInput(v as never);
  const plan = planFollowUp(input);
  for (const step of plan.steps) {
    if (!step.draft) continue;
    const f = checkDraft(step.draft, { input, stepId: step.id, plan });
    if (f.length || process.env.SHOW) console.log('---', step.id, f.map(x => x.code + ':' + x.message), '\n', step.draft.subject ?? '', '\n', step.draft.body);
  }
}
