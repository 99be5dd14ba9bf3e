import { it } from 'vitest';
import fs from 'node:fs';
import { buildTestApp } from '../../test/app.js';
it('probe', async () => {
  const t = await buildTestApp(undefined, { clock: { now: () => new Date('2026-10-15T11:00:00Z') } });
  const form = {
    'interview.startsAt': '2026-10-15T15:00', 'interview.endsAt': '2026-10-15T16:00', 'interview.timeZone': 'Europe/London', 'interview.format': 'in-person', 'interview.nation': 'england',
    'employer.name': 'Brightwater <script>alert(1)</script> & Co', 'employer.style': 'traditional', 'employer.sector': 'Legal', role: 'Data Analyst', 'candidate.name': 'Sam Patel', 'candidate.linkedin': 'free',
    interviewerCount: '2', 'interviewers[0].name': 'Anna Clarke', 'interviewers[0].email': 'anna@b.example', 'interviewers[0].postalAddress': '1 High St\nLeeds\nLS1 1AA', 'interviewers[0].onLinkedIn': 'yes', contact: '0',
    'interviewers[1].name': 'Ben', 'decisionNotGiven': 'yes', 'notes.liked': 'the weekly show-and-tell', 'notes.fit': 'three years of SQL dashboards', 'notes.questions': 'One?\nTwo?',
  };
  const res = await t.app.inject({ method: 'POST', url: '/follow-up', payload: new URLSearchParams(form).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  console.log(res.statusCode);
  fs.writeFileSync('/tmp/fu/plan.html', res.body);
  const bad = await t.app.inject({ method: 'POST', url: '/follow-up', payload: new URLSearchParams({ ...form, 'interview.endsAt': '2026-10-15T14:00', 'interviewers[1].email': 'nope', 'decisionNotGiven': '' }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  console.log(bad.statusCode);
  fs.writeFileSync('/tmp/fu/bad.html', bad.body);
  const notes = await t.app.inject({ method: 'POST', url: '/follow-up/notes', payload: new URLSearchParams(form).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  fs.writeFileSync('/tmp/fu/notes.html', notes.body);
  const addr = await t.app.listen({ port: 0, host: '127.0.0.1' });
  fs.writeFileSync('/tmp/fu/addr', addr);
  await new Promise((r) => setTimeout(r, 1));
  await t.close();
});
