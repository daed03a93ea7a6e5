// Fuzzes recordRetrospective and generateReview through dist/Code.js: every answer is a success or a readable error that changed nothing.
import { describe, expect, it } from 'vitest';
import { FUZZ_TIMEOUT_MS, fuzz, PAYLOADS_PER_FUNCTION } from '../helpers/fuzz';

describe.each(['recordRetrospective', 'generateReview'])('fuzzing %s', (fn) => {
  it(
    `answers ${PAYLOADS_PER_FUNCTION} random and hostile payloads with success or a readable error`,
    () => {
      const { successes, refusals } = fuzz(fn);
      expect(successes + refusals).toBe(PAYLOADS_PER_FUNCTION);
      expect(refusals).toBeGreaterThan(0);
      expect(successes).toBeGreaterThan(0);
    },
    FUZZ_TIMEOUT_MS,
  );
});
