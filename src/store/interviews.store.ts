/**
 * Saved interviews in SQL, with their step states and replies. Every read and write names the
 * owner: another user's interview is simply not found.
 */
import type { Kysely, Transaction } from 'kysely';
import type {
  InterviewOutcome,
  InterviewReply,
  SettableStepStatus,
  StepState,
} from '../domain/followup/interview-progress.js';
import type { FollowUpInput } from '../domain/followup/types.js';
import type { InterviewRecord, InterviewStore, InterviewWithProgress } from '../services/ports.js';
import type { Database } from './schema.js';
import { SqlStore } from './sql-store.js';

type Executor = Kysely<Database> | Transaction<Database>;

function toInterview(row: Database['interviews']): InterviewRecord {
  return {
    id: row.id,
    userId: row.user_id,
    input: JSON.parse(row.input_json) as FollowUpInput,
    agency: row.agency,
    outcome: row.outcome as InterviewOutcome,
    outcomeAt: row.outcome_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toStepState(row: Database['interview_steps']): StepState {
  return {
    stepId: row.step_id,
    status: row.status as SettableStepStatus,
    doneAt: row.done_at,
    draft:
      row.draft_body === null
        ? null
        : row.draft_subject === null
          ? { body: row.draft_body }
          : { subject: row.draft_subject, body: row.draft_body },
  };
}

function toRow(interview: InterviewRecord): Database['interviews'] {
  return {
    id: interview.id,
    user_id: interview.userId,
    input_json: JSON.stringify(interview.input),
    starts_at: new Date(interview.input.interview.startsAt).toISOString(),
    agency: interview.agency,
    outcome: interview.outcome,
    outcome_at: interview.outcomeAt,
    created_at: interview.createdAt,
    updated_at: interview.updatedAt,
  };
}

async function isOwnedBy(db: Executor, userId: string, interviewId: string): Promise<boolean> {
  const row = await db
    .selectFrom('interviews')
    .select('id')
    .where('id', '=', interviewId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

export class SqlInterviewStore extends SqlStore implements InterviewStore {
  async createInterview(interview: InterviewRecord): Promise<void> {
    await this.db.insertInto('interviews').values(toRow(interview)).execute();
  }

  private async loadProgress(rows: Database['interviews'][]): Promise<InterviewWithProgress[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const [steps, replies] = await Promise.all([
      this.db
        .selectFrom('interview_steps')
        .selectAll()
        .where('interview_id', 'in', ids)
        .orderBy('interview_id')
        .orderBy('step_id')
        .execute(),
      this.db
        .selectFrom('interview_replies')
        .selectAll()
        .where('interview_id', 'in', ids)
        .orderBy('at')
        .orderBy('id')
        .execute(),
    ]);
    return rows.map((row) => ({
      interview: toInterview(row),
      states: steps.filter((step) => step.interview_id === row.id).map(toStepState),
      replies: replies
        .filter((reply) => reply.interview_id === row.id)
        .map((reply) => ({
          id: reply.id,
          at: reply.at,
          from: reply.from_name,
          recordedAt: reply.recorded_at,
        })),
    }));
  }

  async listInterviews(userId: string): Promise<InterviewWithProgress[]> {
    const rows = await this.db
      .selectFrom('interviews')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('starts_at')
      .orderBy('id')
      .execute();
    return this.loadProgress(rows);
  }

  async findInterview(userId: string, id: string): Promise<InterviewWithProgress | undefined> {
    const row = await this.db
      .selectFrom('interviews')
      .selectAll()
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (!row) return undefined;
    return (await this.loadProgress([row]))[0];
  }

  async updateInterview(
    interview: InterviewRecord,
    keepStepIds?: readonly string[],
  ): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const row = toRow(interview);
      const result = await trx
        .updateTable('interviews')
        .set({
          input_json: row.input_json,
          starts_at: row.starts_at,
          agency: row.agency,
          outcome: row.outcome,
          outcome_at: row.outcome_at,
          updated_at: row.updated_at,
        })
        .where('id', '=', interview.id)
        .where('user_id', '=', interview.userId)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return false;
      if (keepStepIds) {
        let forget = trx.deleteFrom('interview_steps').where('interview_id', '=', interview.id);
        if (keepStepIds.length > 0) forget = forget.where('step_id', 'not in', [...keepStepIds]);
        await forget.execute();
      }
      return true;
    });
  }

  async deleteInterview(userId: string, id: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      if (!(await isOwnedBy(trx, userId, id))) return false;
      await trx.deleteFrom('interview_steps').where('interview_id', '=', id).execute();
      await trx.deleteFrom('interview_replies').where('interview_id', '=', id).execute();
      await trx.deleteFrom('interviews').where('id', '=', id).execute();
      return true;
    });
  }

  async saveStepState(
    userId: string,
    interviewId: string,
    state: StepState,
    updatedAt: string,
  ): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      if (!(await isOwnedBy(trx, userId, interviewId))) return false;
      const values = {
        status: state.status,
        done_at: state.doneAt,
        draft_subject: state.draft?.subject ?? null,
        draft_body: state.draft?.body ?? null,
        updated_at: updatedAt,
      };
      await trx
        .insertInto('interview_steps')
        .values({ interview_id: interviewId, step_id: state.stepId, ...values })
        .onConflict((oc) => oc.columns(['interview_id', 'step_id']).doUpdateSet(values))
        .execute();
      return true;
    });
  }

  async addReply(
    userId: string,
    interviewId: string,
    reply: InterviewReply & { recordedAt: string },
  ): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      if (!(await isOwnedBy(trx, userId, interviewId))) return false;
      await trx
        .insertInto('interview_replies')
        .values({
          id: reply.id,
          interview_id: interviewId,
          at: reply.at,
          from_name: reply.from,
          recorded_at: reply.recordedAt,
        })
        .execute();
      return true;
    });
  }
  async keepPendingSave(
    keyHash: string,
    fields: string,
    expiresAt: string,
    now: string,
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('pending_interview_saves').where('expires_at', '<=', now).execute();
      await trx
        .insertInto('pending_interview_saves')
        .values({ key_hash: keyHash, fields, expires_at: expiresAt })
        .execute();
    });
  }

  async takePendingSave(keyHash: string, now: string): Promise<string | undefined> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('pending_interview_saves')
        .select(['fields', 'expires_at'])
        .where('key_hash', '=', keyHash)
        .executeTakeFirst();
      if (row === undefined) return undefined;
      await trx.deleteFrom('pending_interview_saves').where('key_hash', '=', keyHash).execute();
      return row.expires_at > now ? row.fields : undefined;
    });
  }
}
