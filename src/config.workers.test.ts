import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const load = (env: Record<string, string>, cores: number) =>
  loadConfig(env, '/srv/shortlist', cores);

describe('configuration of HTTP workers', () => {
  it('defaults to one worker per core, at most 4', () => {
    expect(load({}, 1).workers).toBe(1);
    expect(load({}, 2).workers).toBe(2);
    expect(load({}, 16).workers).toBe(4);
    expect(load({ WORKERS: 'auto' }, 2).workers).toBe(2);
    expect(load({ WORKERS: ' AUTO ' }, 3).workers).toBe(3);
  });

  it('takes a number from 1 to 64 whatever the core count', () => {
    expect(load({ WORKERS: '1' }, 8).workers).toBe(1);
    expect(load({ WORKERS: '6' }, 2).workers).toBe(6);
  });

  it('names WORKERS and the value when it is neither auto nor a number from 1 to 64', () => {
    for (const bad of ['0', '65', 'two', '1.5', '-1']) {
      let error: unknown;
      try {
        load({ WORKERS: bad }, 2);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([
        `WORKERS must be auto or a whole number from 1 to 64 (it is "${bad}")`,
      ]);
    }
  });

  it('knows a worker by the index its supervisor gave it', () => {
    expect(load({}, 2).workerIndex).toBeNull();
    expect(load({ SHORTLIST_WORKER_INDEX: '0' }, 2).workerIndex).toBe(0);
    expect(load({ SHORTLIST_WORKER_INDEX: '3' }, 2).workerIndex).toBe(3);
  });

  it('waits SHUTDOWN_GRACE_SECONDS (default 8) for requests to finish on SIGTERM', () => {
    expect(load({}, 2).shutdownGraceSeconds).toBe(8);
    expect(load({ SHUTDOWN_GRACE_SECONDS: '30' }, 2).shutdownGraceSeconds).toBe(30);
    expect(() => load({ SHUTDOWN_GRACE_SECONDS: '0' }, 2)).toThrow(
      'SHUTDOWN_GRACE_SECONDS must be a whole number from 1 to 300 (it is "0")',
    );
  });

  it("bounds each worker's heap at 768 MB unless WORKER_HEAP_MB says otherwise", () => {
    expect(load({}, 2).workerHeapMb).toBe(768);
    expect(load({ WORKER_HEAP_MB: '2048' }, 2).workerHeapMb).toBe(2048);
    expect(() => load({ WORKER_HEAP_MB: '64' }, 2)).toThrow(
      'WORKER_HEAP_MB must be a whole number from 128 to 65536 (it is "64")',
    );
  });
});
