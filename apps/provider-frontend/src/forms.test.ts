import { describe, expect, it } from 'vitest';
import { validateSignUp } from './auth';
import { validateClient } from './clients';
import { validateDocument } from './editor';
import { en } from './messages/en';
import { MAX_EXPIRY_DAYS, sendRequest } from './send';

describe('provider forms', () => {
  it('asks for a 12-character password, an e-mail and an organisation at sign-up', () => {
    expect(validateSignUp({ email: 'a@b.ch', password: 'correct horse battery', organisation: 'Treuhand AG' })).toEqual(
      {},
    );
    const errors = validateSignUp({ email: 'a@b', password: 'short', organisation: ' ' });
    expect(errors.email).toBe(en.errEmail);
    expect(errors.password).toBe(en.errPasswordShort);
    expect(errors.organisation).toBe(en.errRequired);
  });

  it('needs a name and a valid e-mail for a client', () => {
    expect(validateClient({ name: 'Anna', email: 'anna@example.ch' })).toEqual({});
    expect(validateClient({ name: '', email: 'anna' })).toEqual({ name: en.errRequired, email: en.errEmail });
  });

  it('needs a title for a document; the message is optional', () => {
    expect(validateDocument({ title: 'Tax return 2025', message: '' })).toEqual({});
    expect(validateDocument({ title: '  ', message: 'x' }).title).toBe(en.errRequired);
  });
});

describe('the send form', () => {
  const today = new Date(2026, 10, 26, 9, 30);

  it('sends to a chosen client until the end of the chosen day', () => {
    const { request, errors } = sendRequest(
      { mode: 'client', clientId: 'c-1', email: 'ignored@x.ch', expiry: '2026-12-10' },
      today,
    );
    expect(errors).toEqual({});
    expect(request?.clientId).toBe('c-1');
    expect(request?.email).toBeUndefined();
    const expires = new Date(request!.expiresAt);
    expect([expires.getFullYear(), expires.getMonth(), expires.getDate(), expires.getHours()]).toEqual([
      2026, 11, 10, 23,
    ]);
  });

  it('sends to a typed e-mail address', () => {
    const { request } = sendRequest(
      { mode: 'email', clientId: '', email: ' new@client.ch ', expiry: '2026-11-27', language: 'fr' },
      today,
    );
    expect(request).toMatchObject({ email: 'new@client.ch', language: 'fr' });
    expect(request?.clientId).toBeUndefined();
  });

  it('refuses a missing recipient and an expiry that is past or too far', () => {
    expect(sendRequest({ mode: 'client', clientId: '', email: '', expiry: '2026-12-10' }, today).errors.clientId).toBe(
      en.errChooseClient,
    );
    expect(sendRequest({ mode: 'email', clientId: '', email: 'nope', expiry: '2026-12-10' }, today).errors.email).toBe(
      en.errEmail,
    );
    expect(
      sendRequest({ mode: 'client', clientId: 'c', email: '', expiry: '2026-11-26' }, today).errors.expiry,
    ).toMatch(String(MAX_EXPIRY_DAYS));
    expect(
      sendRequest({ mode: 'client', clientId: 'c', email: '', expiry: '2027-11-27' }, today).request,
    ).toBeUndefined();
  });
});
