import { planFollowUp } from '../src/domain/followup/index.js';
import { measureDraftSimilarity } from '../src/domain/followup/draft-findings.js';
import { collectInterviewerNameWords } from '../src/domain/followup/drafts.js';
import { makeInput } from '../src/domain/followup/test-support.js';
for (const style of ['traditional', 'fast-moving']) {
const input = makeInput({ employer: { style }, interview: { startsAt: '2026-10-15T11:00', endsAt: '2026-10-15T12:00' }, interviewers: Array.from({ length: 20 }, (_, i) => ({ name: `Person ${String.fromCharCode(65 + i)} Jones`, onLinkedIn: true, postalAddress: '1 St', email: `p${i}@x.example` })) } as never);
const plan = planFollowUp(input);
const names = collectInterviewerNameWords(input);
for (const ch of ['handwritten', 'email', 'linkedin']) {
  const ds = plan.steps.filter(s => s.channel === ch && s.draft && (s.kind === 'thank-you' || s.kind === 'linkedin-invite'));
  let max = 0; const all: number[] = [];
  for (let i = 0; i < ds.length; i++) for (let j = i + 1; j < ds.length; j++) { const v = measureDraftSimilarity(ds[i]!.draft!, ds[j]!.draft!, names); all.push(v); max = Math.max(max, v); }
  all.sort(); console.log(style, ch, ds.length, 'max', max.toFixed(2), 'median', (all[Math.floor(all.length/2)] ?? 0).toFixed(2));
}}
{
const input = makeInput({ employer: { style: 'traditional' }, interview: { startsAt: '2026-10-15T11:00', endsAt: '2026-10-15T12:00' }, interviewers: Array.from({ length: 20 }, (_, i) => ({ name: `Person ${String.fromCharCode(65 + i)} Jones`, onLinkedIn: true, postalAddress: '1 St', email: `p${i}@x.example` })) } as never);
const plan = planFollowUp(input);
const names = collectInterviewerNameWords(input);
const ds = plan.steps.filter(s => s.channel === 'handwritten');
for (let i = 0; i < ds.length; i++) for (let j = i + 1; j < ds.length; j++) { const v = measureDraftSimilarity(ds[i]!.draft!, ds[j]!.draft!, names); if (v >= 0.6) console.log(ds[i]!.id, ds[j]!.id, v.toFixed(2), '\n', ds[i]!.draft!.body, '\n', ds[j]!.draft!.body); }
}
