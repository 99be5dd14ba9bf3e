import { parseFollowUpInput, planFollowUp } from '../src/domain/followup/index.js';
const raw = {
  interview: { startsAt: '2026-10-15T15:00', endsAt: '2026-10-15T16:00', timeZone: 'Europe/London', format: 'in-person', nation: 'england' },
  employer: { name: 'Hartley & Wood LLP', style: 'traditional' },
  role: 'Trainee Solicitor',
  candidate: { name: 'Sam Patel', linkedin: 'free' },
  interviewers: [
    { name: 'Dr Jane Hartley', title: 'Senior Partner', email: 'jane@hw.example', postalAddress: '1 Law St\nLondon EC1', onLinkedIn: true, contact: true, notes: 'the firm’s pro bono work with local charities' },
    { name: 'Tom Wood', title: 'Associate', onLinkedIn: true },
    { name: 'Priya Shah', email: 'priya@hw.example', channel: 'email' },
  ],
  decisionExpectedOn: '2026-10-19',
  notes: { liked: 'The mentoring scheme for trainees and the seat rotation', fit: 'my two years as a paralegal in commercial property', questions: ['How are seats allocated in the second year?', 'Is there a chance to spend a seat in the Leeds office?'] },
  now: '2026-10-15T12:00:00+01:00',
};
const input = parseFollowUpInput(raw, '2026-10-15T12:00:00Z');
const plan = planFollowUp(input);
console.log(JSON.stringify(plan, null, 2));
