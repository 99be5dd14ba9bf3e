/**
 * One interview as a client would send it: the API document's example, and the base the
 * planner's own specs vary (domain/followup/test-support.ts), so both describe the same day.
 */
export const SAMPLE_FOLLOW_UP_INPUT = {
  interview: {
    startsAt: '2026-10-15T15:00',
    endsAt: '2026-10-15T16:00',
    timeZone: 'Europe/London',
    format: 'in-person',
    nation: 'england',
  },
  employer: { name: 'Brightwater Analytics Ltd', style: 'fast-moving', sector: 'IT' },
  role: 'Data Analyst',
  candidate: { name: 'Sam Patel', linkedin: 'free' },
  interviewers: [
    {
      name: 'Anna Clarke',
      title: 'Head of Data',
      email: 'anna.clarke@brightwater.example',
      onLinkedIn: true,
      contact: true,
      notes: 'the move of the reporting stack to dbt and Snowflake',
    },
    { name: 'Ben Okafor', title: 'Senior Analyst', email: 'ben@brightwater.example' },
  ],
  decisionExpectedOn: '2026-10-22',
  notes: {
    liked: 'the weekly show-and-tell where analysts present their work to the board',
    fit: 'three years building retail dashboards in SQL and Python',
    questions: ['How do analysts split their time between projects and ad-hoc requests?'],
  },
};
