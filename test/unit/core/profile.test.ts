import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/core/errors.js';
import { parseEmail, parsePhone, parseTag, parseText } from '../../../src/core/profile.js';

describe('parseEmail', () => {
  it.each([
    ['jane@example.com', 'jane@example.com'],
    [' Jane.Doe+net@mail.example.co.uk ', 'Jane.Doe+net@mail.example.co.uk'],
  ])('reads %j', (text, email) => {
    expect(parseEmail(text)).toBe(email);
  });

  it.each(['jane', 'jane@', '@example.com', 'jane@example', 'jane@example.c', 'jane doe@example.com', 'jane@@example.com', '<jane@example.com>', ''])(
    'refuses %j',
    (text) => {
      expect(() => parseEmail(text)).toThrow(UsageError);
      expect(() => parseEmail(text)).toThrow('is not an email address');
    },
  );
});

describe('parsePhone', () => {
  it.each([
    ['+44 20 7946 0958', '+44 20 7946 0958'],
    ['(555) 123-4567', '(555) 123-4567'],
    ['555.123.4567 ext. 12', '555.123.4567 ext. 12'],
    ['  0171   555  ', '0171 555'],
    ['112', '112'],
  ])('reads %j', (text, phone) => {
    expect(parsePhone(text)).toBe(phone);
  });

  it.each(['12', 'call me', '555-CALL', '+', '', '1'.repeat(31)])('refuses %j', (text) => {
    expect(() => parsePhone(text)).toThrow('is not a phone number');
  });
});

describe('parseTag', () => {
  it.each([
    ['bni', 'bni'],
    ['BNI', 'bni'],
    [' estate agent ', 'estate-agent'],
    ['clients/2026', 'clients/2026'],
    ['fotógrafo', 'fotógrafo'],
  ])('reads %j as %j', (text, tag) => {
    expect(parseTag(text)).toBe(tag);
  });

  it.each(['', '#bni', '-bni', 'a,b', 'x'.repeat(41), 'bni!'])('refuses %j', (text) => {
    expect(() => parseTag(text)).toThrow('is not a tag');
  });
});

describe('parseText', () => {
  it('trims and keeps the text', () => {
    expect(parseText('  Acme Homes ', '--company')).toBe('Acme Homes');
  });
  it.each([
    ['   ', /--company is empty/],
    ['x'.repeat(201), /--company is longer than 200 characters/],
  ])('refuses %j', (text, message) => {
    expect(() => parseText(text, '--company', 200)).toThrow(message);
  });
});
