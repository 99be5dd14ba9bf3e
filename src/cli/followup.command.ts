/** `shortlist followup plan FILE` and `shortlist followup check DRAFT_FILE --interview FILE --step ID`. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { Temporal } from 'temporal-polyfill';
import { DomainError, ProblemList } from '../domain/errors.js';
import type { Draft } from '../domain/followup/index.js';
import {
  NEVER_CHANNEL_LABELS,
  buildPlanCalendarFile,
  checkPlanDraft,
  describeInterviewTime,
  describePlanSteps,
  getPlanStep,
  planFollowUpFromJson,
  readDraft,
  type PlannedFollowUp,
} from '../services/followup.service.js';
import { summariseStep } from '../services/followup/index.js';
import { SYSTEM_CLOCK } from '../services/ports.js';
import { CliExit, EXIT, badInput, type CliIo } from './io.js';

type PlanFormat = 'text' | 'json' | 'ics';

const ISO_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|z|[+-]\d{2}:?\d{2})?$/;

function parseFormat(value: string): PlanFormat {
  const format = value.trim().toLowerCase();
  if (format !== 'text' && format !== 'json' && format !== 'ics') {
    throw new InvalidArgumentError('must be text, json or ics');
  }
  return format;
}

/** `--now`: an ISO 8601 date-time, with its offset or as local time in the candidate's zone. */
function parseNow(value: string): string {
  const text = value.trim();
  const valid =
    ISO_DATE_TIME.test(text) &&
    (() => {
      try {
        if (/(?:Z|z|[+-]\d{2}:?\d{2})$/.test(text)) {
          Temporal.Instant.from(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
        } else {
          Temporal.PlainDateTime.from(text, { overflow: 'reject' });
        }
        return true;
      } catch {
        return false;
      }
    })();
  if (!valid) {
    throw new InvalidArgumentError(
      'must be an ISO 8601 date-time such as 2026-10-15T12:00:00+01:00 (or 2026-10-15T12:00, your local time)',
    );
  }
  return text;
}

async function readTextFile(io: CliIo, file: string, field: string): Promise<string> {
  try {
    return await fs.readFile(path.resolve(io.cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw badInput(
      field,
      code === 'ENOENT'
        ? `There is no file at ${file}`
        : `The file ${file} could not be read (${code ?? 'error'})`,
      code === 'ENOENT' ? 'not-found' : 'invalid',
    );
  }
}

/** Reads and plans an interview file; `now` (from --now) replaces the file's own. */
async function planFile(
  io: CliIo,
  file: string,
  field: string,
  now: string | undefined,
): Promise<PlannedFollowUp> {
  const text = await readTextFile(io, file, field);
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw badInput(
      field,
      `${file} is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (now !== undefined && typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    raw = { ...raw, now };
  }
  return planFollowUpFromJson({ clock: SYSTEM_CLOCK }, raw);
}

/** A draft file: plain text, with an optional first line `Subject: ...` (a blank line may follow). */
export function parseDraftText(text: string): { subject?: string; body: string } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  const subject = /^subject:[ \t]*(.*)$/i.exec(lines[0] ?? '');
  if (!subject) return { body: lines.join('\n').trim() };
  const rest = lines.slice(1);
  if ((rest[0] ?? '').trim() === '') rest.shift();
  return { subject: (subject[1] ?? '').trim(), body: rest.join('\n').trim() };
}

/** The plan as a readable timeline: each step with when, how, to whom, its window and why. */
function formatPlanText(planned: PlannedFollowUp, options: { drafts?: boolean } = {}): string {
  const { input, plan } = planned;
  const lines: string[] = [
    `Follow-up plan: ${input.role} at ${input.employer.name}`,
    `Interview: ${describeInterviewTime(input)} (${input.interview.timeZone}). Times below are in ${input.candidate.timeZone}.`,
    '',
  ];
  const label = (name: string) => `${name}:`.padEnd(18);
  describePlanSteps(planned).forEach((step, index) => {
    const indent = ' '.repeat(String(index + 1).length + 2);
    lines.push(`${index + 1}. ${step.when}  ${step.title}`);
    lines.push(`${indent}${label('How')}${step.channel}`);
    if (step.to !== undefined) lines.push(`${indent}${label('To')}${step.to}`);
    lines.push(`${indent}${label('When')}${step.window}`);
    if (step.employerWhen !== undefined)
      lines.push(`${indent}${label('Their time')}${step.employerWhen}`);
    if (step.postBy !== undefined)
      lines.push(`${indent}${label('Post by')}${step.postBy}, first class`);
    if (step.arrivesBy !== undefined)
      lines.push(`${indent}${label('Likely to arrive')}${step.arrivesBy}`);
    lines.push(`${indent}${label('Why')}${step.why}`);
    lines.push(`${indent}${label('Reason')}${step.reason}`);
    lines.push(`${indent}${label('Source')}${step.source}`);
    lines.push(`${indent}${label('Step')}${step.id}`);
    const draft = plan.steps[index]?.draft;
    if (options.drafts && draft) {
      lines.push(`${indent}Draft:`);
      if (draft.subject) lines.push(`${indent}  Subject: ${draft.subject}`, '');
      for (const line of draft.body.split('\n'))
        lines.push(line === '' ? '' : `${indent}  ${line}`);
    }
    lines.push('');
  });
  if (plan.warnings.length > 0) {
    lines.push('Warnings');
    for (const warning of plan.warnings) lines.push(`- ${warning.message}`);
    lines.push('');
  }
  lines.push('Never');
  for (const entry of plan.never)
    lines.push(`- ${NEVER_CHANNEL_LABELS[entry.channel]}: ${entry.why}`);
  return `${lines.join('\n')}\n`;
}

export function registerFollowUpCommands(program: Command, io: CliIo): void {
  const followup = program
    .command('followup')
    .description('Plan the follow-up of an interview, and check your drafts');

  followup
    .command('plan')
    .argument('<file>', 'the interview as JSON (the same input as POST /api/followup/plan)')
    .option(
      '--format <format>',
      'text (a readable timeline, the default), json or ics',
      parseFormat,
    )
    .option('--now <iso>', 'plan as at this moment instead of now (ISO 8601)', parseNow)
    .option('--drafts', 'with --format text: print each step’s draft under it')
    .description('Plan the follow-up of one interview: when, how and why to thank and check in')
    .action(
      async (file: string, options: { format?: PlanFormat; now?: string; drafts?: boolean }) => {
        const planned = await planFile(io, file, 'FILE', options.now);
        const format = options.format ?? 'text';
        if (format === 'json') io.stdout(`${JSON.stringify(planned.plan, null, 2)}\n`);
        else if (format === 'ics') io.stdout(String(buildPlanCalendarFile(planned).content));
        else io.stdout(formatPlanText(planned, { drafts: options.drafts === true }));
      },
    );

  followup
    .command('check')
    .argument('<draft-file>', 'the draft as plain text; an optional first line "Subject: ..."')
    .requiredOption('--interview <file>', 'the interview as JSON (as for followup plan)')
    .requiredOption('--step <id>', 'the id of the step the draft is for (see followup plan)')
    .option('--now <iso>', 'plan as at this moment instead of now (ISO 8601)', parseNow)
    .description(
      'Check a draft for a step of the plan: exit 0 when it reads well, 3 with findings (one per line)',
    )
    .action(
      async (draftFile: string, options: { interview: string; step: string; now?: string }) => {
        const planned = await planFile(io, options.interview, '--interview', options.now);
        const step = getPlanStep(planned.plan, options.step, '--step');
        const problems = new ProblemList();
        const draft: Draft | undefined = readDraft(
          parseDraftText(await readTextFile(io, draftFile, 'DRAFT_FILE')),
          'DRAFT_FILE',
          problems,
        );
        problems.throwIfAny();
        if (!draft)
          throw DomainError.single('invalid', 'The draft could not be read.', 'DRAFT_FILE');
        const findings = checkPlanDraft(planned, step.id, draft);
        if (findings.length === 0) {
          io.stdout(
            `No findings: the draft for "${summariseStep(step, planned.input)}" reads well.\n`,
          );
          return;
        }
        for (const finding of findings) io.stdout(`${finding.message} [${finding.code}]\n`);
        throw new CliExit(EXIT.findings);
      },
    );
}
