/**
 * Every length and count limit on what people send, in one table. The validators and the API's
 * schemas both read it, so /api/openapi.json states the limits the code enforces. Lengths count
 * characters (code points) after the text is cleaned, unless a section says otherwise.
 */
export const LIMITS = Object.freeze({
  /** RFC 5321's limit on a whole address. */
  email: 254,
  followUp: Object.freeze({
    nameLength: 200,
    titleLength: 200,
    sectorLength: 200,
    notesLength: 1000,
    questionLength: 300,
    questions: 10,
    postalAddressLength: 500,
    phoneLength: 40,
    listingLength: 200,
    timeZoneLength: 64,
    dateTimeLength: 40,
    interviewers: 20,
    maxInterviewHours: 24,
    maxMinGapHours: 12,
    maxDecisionDays: 366,
    firstYear: 1970,
    lastYear: 2100,
  }),
  /**
   * A draft the user edits: checked ("check my edits") and saved with the same limits, so a
   * draft the checker accepted can always be saved.
   */
  draft: Object.freeze({ subjectLength: 300, bodyLength: 10_000 }),
  enquiry: Object.freeze({
    nameLength: 100,
    phoneLength: 30,
    companyLength: 200,
    jobTitleLength: 200,
    messageLength: 5000,
    fileBytes: 5 * 1024 * 1024,
    fileNameLength: 120,
    branchIdLength: 100,
    slugLength: 100,
  }),
  /** A directory import; lengths here count UTF-16 units of the trimmed text. */
  directory: Object.freeze({
    slug: 100,
    name: 200,
    description: 2000,
    address: 500,
    website: 500,
    town: 200,
    postcode: 10,
    phone: 30,
    date: 10,
  }),
  search: Object.freeze({
    locationLength: 100,
    qLength: 200,
    qWords: 10,
    radiusMiles: Object.freeze({ min: 1, max: 500 }),
    pageSize: Object.freeze({ min: 1, max: 100, default: 20 }),
    page: Object.freeze({ min: 1, max: 10_000 }),
  }),
  places: Object.freeze({ queryLength: 100 }),
});
