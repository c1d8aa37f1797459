import { describe, expect, it } from 'vitest';
import { formFieldFor, normaliseField, toFormErrors } from './errors';

const fields = new Set(['title', 'code', 'start', 'participants[0].actorId', 'participants[0].role', 'sources', 'eventId', 'speakerId']);

describe('gateway errors on a form', () => {
  it('puts each violation next to the input named by its field path', () => {
    const errors = toFormErrors({
      graphQLErrors: [{
        message: 'title: must not be blank; code: unknown CAMEO code',
        extensions: { code: 'BAD_USER_INPUT', violations: [
          { field: 'title', message: 'must not be blank' },
          { field: 'code', message: 'unknown CAMEO code' },
          { field: 'participants[0].actorId', message: 'no such actor' },
        ] },
      }],
    }, fields);
    expect(errors.code).toBe('BAD_USER_INPUT');
    expect(errors.fields).toEqual({
      title: ['must not be blank'], code: ['unknown CAMEO code'], 'participants[0].actorId': ['no such actor'],
    });
    expect(errors.general).toEqual([]);
    expect(errors.conflict).toBe(false);
  });

  it("drops the gateway's argument prefix so its own checks land on the same inputs", () => {
    expect(normaliseField('input.speakerId')).toBe('speakerId');
    const errors = toFormErrors({ graphQLErrors: [{ message: 'x', extensions: { code: 'BAD_USER_INPUT', violations: [{ field: 'input.speakerId', message: 'unknown actor' }] } }] }, fields);
    expect(errors.fields).toEqual({ speakerId: ['unknown actor'] });
  });

  it('falls back to the nearest parent field, then to the general area', () => {
    expect(formFieldFor('sources[2].url', fields)).toBe('sources');
    expect(formFieldFor('participants[0].actorId', fields)).toBe('participants[0].actorId');
    expect(formFieldFor('body', fields)).toBeUndefined();
    const errors = toFormErrors({ graphQLErrors: [{ message: 'x', extensions: { code: 'BAD_USER_INPUT', violations: [{ field: 'body', message: 'unreadable' }] } }] }, fields);
    expect(errors.general).toEqual(['body: unreadable']);
  });

  it('shows errors without violations in the general area with their code', () => {
    const errors = toFormErrors({ graphQLErrors: [{ message: 'A token with the editor role is needed', extensions: { code: 'UNAUTHENTICATED' } }] }, fields);
    expect(errors).toEqual({ code: 'UNAUTHENTICATED', general: ['A token with the editor role is needed'], fields: {}, conflict: false });
  });

  it('marks a version conflict so the form can offer reload-and-retry', () => {
    const errors = toFormErrors({ graphQLErrors: [{ message: 'version 3 is stale', extensions: { code: 'CONFLICT' } }] }, fields);
    expect(errors.conflict).toBe(true);
    expect(errors.code).toBe('CONFLICT');
  });

  it('says when the request failed without a GraphQL answer', () => {
    const errors = toFormErrors({ networkError: { message: 'Failed to fetch' }, graphQLErrors: [] }, fields);
    expect(errors.code).toBe('NETWORK');
    expect(errors.general[0]).toContain('Failed to fetch');
  });

  it('has nothing to show without an error', () => {
    expect(toFormErrors(undefined, fields)).toEqual({ general: [], fields: {}, conflict: false });
  });
});
