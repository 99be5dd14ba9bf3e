/** The enquiries specs send: a job seeker's short message, and an employer's job specification. */
export const JANE_ASKS = Object.freeze({
  audience: 'candidate',
  name: 'Jane Doe',
  email: 'jane@example.com',
  message: 'Hello',
});

export const SAM_HIRES = Object.freeze({
  audience: 'employer',
  name: 'Sam Lee',
  email: 'sam@brightfoods.example',
  phone: '01632 960 001',
  company: 'Bright Foods Ltd',
  jobTitle: 'Warehouse operative',
  employmentType: 'temporary',
  message: 'Two operatives for nights, from Monday.',
});
