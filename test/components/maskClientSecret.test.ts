import { describe, expect, it } from 'vitest';
import { maskClientSecret } from '../../src/testing/maskClientSecret';

describe('maskClientSecret', () => {
  it('keeps the kind prefix and the last four characters', () => {
    expect(maskClientSecret('cuss_secret_QXhWeUEtZoDV8FHnNbPiBHmAkXKnqYLGMGq7LLf8ODSQ8gL')).toBe('cuss_secret_…Q8gL');
    expect(maskClientSecret('pi_3Nq_secret_abcdefghijkl')).toBe('…ijkl');
  });

  it('reveals nothing of short or unprefixed-short secrets', () => {
    expect(maskClientSecret('cuss_secret_abcd')).toBe('cuss_secret_…');
    expect(maskClientSecret('short')).toBe('…');
    expect(maskClientSecret('')).toBe('…');
  });

  it('never contains more than four characters of the secret body', () => {
    const body = 'ZZZZZYYYYYXXXXXWWWWW';
    const masked = maskClientSecret(`cuss_secret_${body}`);
    expect(masked.replace('cuss_secret_…', '')).toHaveLength(4);
    expect(masked).not.toContain(body.slice(-5));
  });
});
