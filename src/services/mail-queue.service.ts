/**
 * The one delivery loop for every outgoing email. A request only enqueues (the row names what to
 * send); an attempt claims the row for a lease (so several processes never send one email at
 * once), composes the email then (a reset's token is made at this moment), sends it with the same
 * Message-ID on every attempt, and records the outcome. Delivery is at least once: a row is
 * marked sent as soon as the server accepts (250), and a sent row is never claimed again.
 */
import { RETRY_DELAYS_MINUTES } from '../domain/enquiry/delivery-schedule.js';
import type {
  Clock,
  MailAddress,
  MailKind,
  MailQueueStore,
  MailStatus,
  Mailer,
  OutgoingMail,
  QueuedMail,
} from './ports.js';

/** Minutes to wait after the 1st, 2nd... failed attempt, per kind; then the email is given up. */
const MAIL_RETRY_MINUTES: Readonly<Record<MailKind, readonly number[]>> = Object.freeze({
  enquiry: RETRY_DELAYS_MINUTES,
  'password-reset': Object.freeze([1, 5, 15]),
});

/** What a given-up email becomes: an enquiry `failed` (kept, visible), a reset link `expired`. */
const GIVE_UP_STATUS: Readonly<Record<MailKind, 'failed' | 'expired'>> = Object.freeze({
  enquiry: 'failed',
  'password-reset': 'expired',
});

// Longer than any one SMTP attempt can take (SMTP_TIMEOUT_SECONDS bounds each stage).
const CLAIM_LEASE_MS = 5 * 60_000;
const DUE_BATCH = 20;

/** Logs ids, statuses and error texts only: never anything a person typed. */
interface MailLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** How one kind of email is made and what its outcome changes elsewhere. */
export interface MailKindHandler {
  /** The email for this row, with this Message-ID; null when its subject is gone (expired). */
  compose(mail: QueuedMail, messageId: string): Promise<OutgoingMail | null>;
  /** Told of each outcome (an enquiry mirrors it into its own status). */
  onSent?(mail: QueuedMail, at: string, messageId: string): Promise<void>;
  onFailure?(
    mail: QueuedMail,
    failure: { at: string; error: string; nextAttemptAt: string | null },
  ): Promise<void>;
}

export interface MailQueueDeps {
  mailQueue: MailQueueStore;
  mailer: Mailer;
  clock: Clock;
  mailFrom: MailAddress;
  handlers: Partial<Record<MailKind, MailKindHandler>>;
  /** Tests only (MAIL_RETRY_SECONDS): the waits between attempts of every kind, in seconds. */
  retrySeconds?: readonly number[] | null;
  logger?: MailLogger;
}

/** The Message-ID of a queued email: the same on every attempt, from its row id. */
export function queuedMessageId(mail: Pick<QueuedMail, 'id' | 'kind'>, from: MailAddress): string {
  const domain = /@([A-Za-z0-9.-]+)$/.exec(from.address)?.[1] ?? 'shortlist.invalid';
  return `<${mail.kind}-${mail.id.replace(/[^A-Za-z0-9-]/g, '')}@${domain}>`;
}

/** When the attempt after `attempts` failed ones is due, or null when the email is given up. */
export function nextMailAttemptAt(
  kind: MailKind,
  attempts: number,
  now: Date,
  retrySeconds?: readonly number[] | null,
): Date | null {
  const seconds = retrySeconds
    ? retrySeconds[attempts - 1]
    : (() => {
        const minutes = MAIL_RETRY_MINUTES[kind][attempts - 1];
        return minutes === undefined ? undefined : minutes * 60;
      })();
  return seconds === undefined ? null : new Date(now.getTime() + seconds * 1000);
}

/** The error text kept with a failed attempt: the code, the SMTP status and the message. */
function describeMailError(error: unknown): string {
  if (!(error instanceof Error)) return 'Unknown delivery error';
  const { code, responseCode } = error as { code?: unknown; responseCode?: unknown };
  const prefix = [
    typeof code === 'string' ? code : '',
    typeof responseCode === 'number' ? String(responseCode) : '',
  ]
    .filter((p) => p !== '')
    .join(' ');
  return `${prefix ? `${prefix}: ` : ''}${error.message}`.replace(/\s+/g, ' ').trim();
}

/**
 * Makes one attempt at a queued email when it is due and no other process holds it; returns its
 * status after the attempt, or null when it was not due, not found, or of a kind this process
 * does not handle.
 */
export async function deliverMail(deps: MailQueueDeps, id: string): Promise<MailStatus | null> {
  const found = await deps.mailQueue.findMail(id);
  if (!found) return null;
  const handler = deps.handlers[found.kind];
  if (!handler) return null;
  const started = deps.clock.now();
  const leaseUntil = new Date(started.getTime() + CLAIM_LEASE_MS).toISOString();
  if (!(await deps.mailQueue.claimMail(id, started.toISOString(), leaseUntil))) return null;
  const mail = (await deps.mailQueue.findMail(id)) ?? found;
  const messageId = queuedMessageId(mail, deps.mailFrom);
  try {
    const outgoing = await handler.compose(mail, messageId);
    if (!outgoing) {
      await deps.mailQueue.expireMail(id, deps.clock.now().toISOString(), 'Nothing to send');
      deps.logger?.info({ mailId: id, kind: mail.kind }, 'queued email has nothing to send');
      return 'expired';
    }
    await deps.mailer.send(outgoing);
  } catch (error) {
    const at = deps.clock.now();
    const attempts = mail.attempts + 1;
    const next = nextMailAttemptAt(mail.kind, attempts, at, deps.retrySeconds);
    const failure = {
      at: at.toISOString(),
      error: describeMailError(error),
      nextAttemptAt: next?.toISOString() ?? null,
    };
    await deps.mailQueue.recordMailFailure(id, {
      ...failure,
      giveUpStatus: GIVE_UP_STATUS[mail.kind],
    });
    await handler.onFailure?.(mail, failure);
    const status: MailStatus = next ? 'retrying' : GIVE_UP_STATUS[mail.kind];
    const log = { mailId: id, kind: mail.kind, attempts, status, error: failure.error };
    if (next) deps.logger?.warn(log, 'email delivery failed; will retry');
    else deps.logger?.error(log, 'email delivery failed; no more attempts');
    return status;
  }
  // Accepted (250): recorded at once, so no later round sends it again. A failed write is tried
  // again (a database blip must not turn into a second send once the lease runs out).
  const at = deps.clock.now().toISOString();
  await recordSentPersistently(deps, id, at, messageId);
  await handler.onSent?.(mail, at, messageId);
  deps.logger?.info({ mailId: id, kind: mail.kind, attempts: mail.attempts + 1 }, 'email sent');
  return 'sent';
}

const RECORD_SENT_WAITS_MS = [0, 250, 1000, 4000];

async function recordSentPersistently(
  deps: MailQueueDeps,
  id: string,
  at: string,
  messageId: string,
): Promise<void> {
  for (const [index, waitMs] of RECORD_SENT_WAITS_MS.entries()) {
    if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
    try {
      await deps.mailQueue.recordMailSent(id, at, messageId);
      return;
    } catch (error) {
      if (index === RECORD_SENT_WAITS_MS.length - 1) {
        deps.logger?.error(
          { mailId: id, error: describeMailError(error) },
          'email sent but not recorded; it may be sent again after its lease',
        );
        throw error;
      }
    }
  }
}

export type MailRoundOutcome = Record<'sent' | 'retrying' | 'failed' | 'expired', number>;

/**
 * Delivers every email due now of the kinds this process handles, the longest-waiting first, one
 * at a time; returns how each ended this round.
 */
export async function deliverDueMail(deps: MailQueueDeps): Promise<MailRoundOutcome> {
  const outcome: MailRoundOutcome = { sent: 0, retrying: 0, failed: 0, expired: 0 };
  const kinds = Object.keys(deps.handlers) as MailKind[];
  const ids = await deps.mailQueue.listDueMailIds(deps.clock.now().toISOString(), DUE_BATCH, kinds);
  for (const id of ids) {
    const status = await deliverMail(deps, id);
    if (status && status !== 'pending') outcome[status] += 1;
  }
  return outcome;
}

/**
 * Starts an attempt at a newly queued email without making the request wait for it (a reset
 * request answers in the same time whether or not it queued anything). `settled` waits for the
 * attempts started so far: for tests, and for a clean stop.
 */
export class BackgroundMail {
  private readonly pending = new Set<Promise<unknown>>();

  constructor(private readonly deps: MailQueueDeps) {}

  kick(id: string): void {
    const attempt = deliverMail(this.deps, id).catch((error: unknown) => {
      this.deps.logger?.error(
        { mailId: id, error: describeMailError(error) },
        'email attempt failed',
      );
    });
    this.pending.add(attempt);
    void attempt.finally(() => this.pending.delete(attempt));
  }

  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }
}
