import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { findDeliveryDate, findLastCollection, isPostDay } from './post.js';
import { DEFAULT_SETTINGS } from './settings.js';
import {
  addWorkingDays,
  isWorkingDay,
  listBankHolidays,
  listUkWideBankHolidays,
} from './working-days.js';

const day = (text: string) => Temporal.PlainDate.from(text);

describe('bank holidays by nation', () => {
  it('has the 2026 Christmas holidays, with Monday 28 December as the Boxing Day substitute', () => {
    for (const nation of ['england', 'wales', 'scotland', 'northern-ireland'] as const) {
      const days = listBankHolidays(nation, 2026);
      expect(days.has('2026-12-25')).toBe(true);
      expect(days.has('2026-12-28')).toBe(true);
    }
  });

  it('knows the holidays that differ between nations', () => {
    expect(listBankHolidays('scotland', 2026).has('2026-01-02')).toBe(true);
    expect(listBankHolidays('england', 2026).has('2026-01-02')).toBe(false);
    expect(listBankHolidays('scotland', 2026).has('2026-08-03')).toBe(true);
    expect(listBankHolidays('england', 2026).has('2026-08-31')).toBe(true);
    expect(listBankHolidays('scotland', 2026).has('2026-08-31')).toBe(false);
    expect(listBankHolidays('northern-ireland', 2026).has('2026-03-17')).toBe(true);
    expect(listBankHolidays('northern-ireland', 2026).has('2026-07-13')).toBe(true);
    expect(listBankHolidays('scotland', 2027).has('2027-01-04')).toBe(true);
    expect(listBankHolidays('wales', 2026)).toEqual(listBankHolidays('england', 2026));
  });

  it('leaves out observances such as Mother’s Day', () => {
    expect(listBankHolidays('england', 2026).has('2026-03-15')).toBe(false);
  });

  it('finds the holidays common to the whole UK', () => {
    const shared = listUkWideBankHolidays(2026);
    expect(shared.has('2026-12-25')).toBe(true);
    expect(shared.has('2026-01-01')).toBe(true);
    expect(shared.has('2026-08-31')).toBe(false);
    expect(shared.has('2026-04-06')).toBe(false);
  });
});

describe('working days', () => {
  it('skips weekends and the nation’s bank holidays', () => {
    expect(isWorkingDay(day('2026-10-17'), 'england')).toBe(false);
    expect(isWorkingDay(day('2026-12-25'), 'england')).toBe(false);
    expect(isWorkingDay(day('2026-08-03'), 'scotland')).toBe(false);
  });

  it('skips the bank holidays all four nations share when no nation is given', () => {
    expect(isWorkingDay(day('2026-12-25'), undefined)).toBe(false);
    expect(isWorkingDay(day('2026-12-28'), undefined)).toBe(false);
    expect(isWorkingDay(day('2027-01-01'), undefined)).toBe(false);
    expect(isWorkingDay(day('2026-04-03'), undefined)).toBe(false);
    // Holidays of only some nations are working days.
    expect(isWorkingDay(day('2026-08-03'), undefined)).toBe(true);
    expect(isWorkingDay(day('2026-08-31'), undefined)).toBe(true);
    expect(isWorkingDay(day('2026-03-17'), undefined)).toBe(true);
    expect(addWorkingDays(day('2026-12-23'), 2, undefined).toString()).toBe('2026-12-29');
  });

  it('counts working days strictly after the date', () => {
    expect(addWorkingDays(day('2026-10-14'), 2, 'england').toString()).toBe('2026-10-16');
    expect(addWorkingDays(day('2026-11-02'), 5, 'england').toString()).toBe('2026-11-09');
    expect(addWorkingDays(day('2026-05-22'), 2, 'england').toString()).toBe('2026-05-27');
    expect(addWorkingDays(day('2026-07-31'), 2, 'scotland').toString()).toBe('2026-08-05');
    expect(addWorkingDays(day('2026-07-31'), 2, 'england').toString()).toBe('2026-08-04');
    expect(addWorkingDays(day('2026-10-17'), 0, 'england').toString()).toBe('2026-10-17');
  });
});

describe('post', () => {
  it('collects Monday to Saturday, never on Sundays or bank holidays', () => {
    expect(isPostDay(day('2026-10-17'), 'england')).toBe(true);
    expect(isPostDay(day('2026-10-18'), 'england')).toBe(false);
    expect(isPostDay(day('2026-12-28'), 'england')).toBe(false);
    expect(isPostDay(day('2026-12-25'), undefined)).toBe(false);
    expect(isPostDay(day('2026-08-31'), undefined)).toBe(true);
  });

  it('finds the last collection inside a window and the next delivery day', () => {
    const from = Temporal.Instant.from('2026-10-16T17:00:00Z');
    const to = Temporal.Instant.from('2026-10-17T15:00:00Z');
    const collection = findLastCollection(from, to, 'Europe/London', 'england', DEFAULT_SETTINGS);
    expect(collection?.toString({ timeZoneName: 'never' })).toBe('2026-10-17T12:00:00+01:00');
    expect(collection && findDeliveryDate(collection, 'england').toString()).toBe('2026-10-19');
  });
});
