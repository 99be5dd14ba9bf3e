/** Kysely table types. Booleans come back as 0/1 from SQLite and true/false from PostgreSQL. */
import type { Generated } from 'kysely';

type Bool = boolean | number;

export interface BrandsTable {
  slug: string;
  name: string;
}

export interface ListingsTable {
  slug: string;
  brand_slug: string;
  name: string;
  description: string;
  website: string | null;
  verified: Bool;
  listed_since: string;
  national: Bool;
}

export interface ListingIndustriesTable {
  listing_slug: string;
  industry: string;
}
export interface ListingSubsectorsTable {
  listing_slug: string;
  subsector: string;
}
export interface ListingEmploymentTypesTable {
  listing_slug: string;
  employment_type: string;
}
export interface ListingPurposesTable {
  listing_slug: string;
  purpose: string;
}
export interface ListingCoverageTable {
  listing_slug: string;
  place_id: string;
}

export interface BranchesTable {
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

export interface DirectoryStateTable {
  id: Generated<number>;
  version: number;
  demo: Bool;
  changed_at: string;
}

export interface RevealsTable {
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
}
