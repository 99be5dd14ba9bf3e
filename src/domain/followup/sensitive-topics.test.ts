import { describe, expect, it } from 'vitest';
import { findNegativeSentence, findSalaryPhrase } from './sensitive-topics.js';

describe('findSalaryPhrase', () => {
  it.each([
    ['whether £45k is possible', '£45k'],
    ['salary band?', 'salary'],
    ['good pension', 'pension'],
    ['my notice period is three months', 'notice period'],
    ['How many days of annual leave?', 'annual leave'],
  ])('%s', (text, phrase) => {
    expect(findSalaryPhrase(text)).toBe(phrase);
  });

  it.each([
    ['the Payroll Officer role', ['Payroll Officer']],
    ['your work as Reward & Benefits Analyst', ['Reward & Benefits Analyst']],
    ['I pay attention to detail', []],
    ['the Department for Work and Pensions', []],
  ])('exempts %s', (text, exempt) => {
    expect(findSalaryPhrase(text, exempt)).toBeNull();
  });
});

describe('findNegativeSentence', () => {
  it('finds a complaint about an employer, not a neutral mention', () => {
    expect(findNegativeSentence('Thanks. My current employer is a nightmare.')).toBe(
      'My current employer is a nightmare.',
    );
    expect(findNegativeSentence('My current employer has taught me a lot.')).toBeNull();
  });
});
