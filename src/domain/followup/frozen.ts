/** Freezing for the module-level data (rules, settings) so no caller can change it by accident. */

/** Freezes a value and everything inside it; returns the value. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
