/**
 * Who runs this Shortlist: the details the Electronic Commerce (EC Directive) Regulations 2002
 * (reg. 6) ask a site to show, and the controller named by the privacy notice. Set them with
 * OPERATOR_NAME, OPERATOR_ADDRESS, OPERATOR_EMAIL and OPERATOR_COMPANY_NUMBER; the defaults say
 * plainly that this is a demo installation, with an example domain that reaches nobody.
 */
export interface OperatorDetails {
  name: string;
  /** A geographic address, lines separated by commas or new lines. */
  address: string;
  email: string;
  /** Companies House number, when the operator is a company. */
  companyNumber: string | null;
  /** True while every detail is the demo default (pages say so). */
  demo: boolean;
}

export const DEMO_OPERATOR: OperatorDetails = Object.freeze({
  name: 'Shortlist demo installation',
  address: 'No address given: this is a demonstration installation of Shortlist',
  email: 'privacy@shortlist.example',
  companyNumber: null,
  demo: true,
});

/** How long things are kept, as the operator configured it (read by the privacy notice). */
export interface RetentionSettings {
  attachmentDays: number;
  enquiryDays: number;
  sessionIdleDays: number;
}

export const DEFAULT_RETENTION: RetentionSettings = Object.freeze({
  attachmentDays: 90,
  enquiryDays: 400,
  sessionIdleDays: 14,
});
