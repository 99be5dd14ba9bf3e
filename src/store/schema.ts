/** Kysely table types. Booleans are booleans on both dialects (SqliteBooleans converts on SQLite). */
import type { Generated } from 'kysely';

interface BrandsTable {
  slug: string;
  name: string;
}

interface ListingsTable {
  slug: string;
  brand_slug: string;
  name: string;
  description: string;
  website: string | null;
  verified: boolean;
  listed_since: string;
  national: boolean;
}

interface ListingIndustriesTable {
  listing_slug: string;
  industry: string;
}
interface ListingSubsectorsTable {
  listing_slug: string;
  subsector: string;
}
interface ListingEmploymentTypesTable {
  listing_slug: string;
  employment_type: string;
}
interface ListingPurposesTable {
  listing_slug: string;
  purpose: string;
}
interface ListingCoverageTable {
  listing_slug: string;
  place_id: string;
}

interface BranchesTable {
  id: string;
  listing_slug: string;
  name: string;
  address: string;
  town: string;
  postcode: string;
  lat: number;
  lon: number;
  candidate_phone: string | null;
  candidate_email: string | null;
  employer_phone: string | null;
  employer_email: string | null;
}

interface DirectoryStateTable {
  id: Generated<number>;
  version: number;
  demo: boolean;
  changed_at: string;
}

interface RevealsTable {
  id: string;
  listing_slug: string;
  branch_id: string | null;
  kind: string;
  company_name: string | null;
  created_at: string;
}

export interface AttachmentsTable {
  id: string;
  stored_name: string;
  file_name: string;
  kind: string;
  content_type: string;
  size_bytes: number;
  created_at: string;
  deleted_at: string | null;
}

export interface EnquiriesTable {
  id: string;
  listing_slug: string;
  branch_id: string;
  audience: string;
  agency_name: string;
  recipient: string;
  sender_name: string;
  sender_email: string;
  sender_phone: string | null;
  company_name: string | null;
  job_title: string | null;
  employment_type: string | null;
  message: string;
  attachment_id: string | null;
  consent_at: string | null;
  status: string;
  attempts: number;
  created_at: string;
  next_attempt_at: string | null;
  last_attempt_at: string | null;
  sent_at: string | null;
  failed_at: string | null;
  last_error: string | null;
  message_id: string | null;
}

interface UsersTable {
  id: string;
  email: string;
  password_hash: string;
  created_at: string;
  password_changed_at: string;
}

interface SessionsTable {
  id_hash: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
}

interface PasswordResetsTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

interface CalendarFeedsTable {
  user_id: string;
  token_hash: string;
  created_at: string;
}

interface FavouritesTable {
  user_id: string;
  listing_slug: string;
  created_at: string;
}

interface InterviewsTable {
  id: string;
  user_id: string;
  input_json: string;
  starts_at: string;
  agency: string | null;
  outcome: string;
  outcome_at: string | null;
  created_at: string;
  updated_at: string;
}

interface InterviewStepsTable {
  interview_id: string;
  step_id: string;
  status: string;
  done_at: string | null;
  draft_subject: string | null;
  draft_body: string | null;
  updated_at: string;
}

interface InterviewRepliesTable {
  id: string;
  interview_id: string;
  at: string;
  from_name: string | null;
  recorded_at: string;
}

interface RateLimitsTable {
  key: string;
  count: number;
  reset_at: string;
}

interface PendingInterviewSavesTable {
  key_hash: string;
  /** The /follow-up form's carried fields, as JSON. */
  fields: string;
  expires_at: string;
}

export interface MailQueueTable {
  id: string;
  kind: string;
  subject_id: string;
  status: string;
  attempts: Generated<number>;
  created_at: string;
  next_attempt_at: string | null;
  last_attempt_at: string | null;
  sent_at: string | null;
  given_up_at: string | null;
  last_error: string | null;
  message_id: string | null;
}

export interface Database {
  brands: BrandsTable;
  listings: ListingsTable;
  listing_industries: ListingIndustriesTable;
  listing_subsectors: ListingSubsectorsTable;
  listing_employment_types: ListingEmploymentTypesTable;
  listing_purposes: ListingPurposesTable;
  listing_coverage: ListingCoverageTable;
  branches: BranchesTable;
  directory_state: DirectoryStateTable;
  reveals: RevealsTable;
  attachments: AttachmentsTable;
  enquiries: EnquiriesTable;
  mail_queue: MailQueueTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  password_resets: PasswordResetsTable;
  calendar_feeds: CalendarFeedsTable;
  favourites: FavouritesTable;
  interviews: InterviewsTable;
  interview_steps: InterviewStepsTable;
  interview_replies: InterviewRepliesTable;
  rate_limits: RateLimitsTable;
  pending_interview_saves: PendingInterviewSavesTable;
}
