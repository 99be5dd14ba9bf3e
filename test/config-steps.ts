import { expect } from 'vitest';
import { ConfigError } from '../src/config.js';

/** The error `load` throws, which must be a ConfigError (its `problems` name every bad value). */
export function configErrorOf(load: () => unknown): ConfigError {
  let error: unknown;
  try {
    load();
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}
