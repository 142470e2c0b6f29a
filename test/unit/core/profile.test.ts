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
    ['1-800-FLOWERS', '1-800-FLOWERS'],
    ['+1 800 GO FEDEX', '+1 800 GO FEDEX'],
    ['555-CALL', '555-CALL'],
    ['+1 555 123 4567,,102#', '+1 555 123 4567,,102#'],
    ['5551234;9', '5551234;9'],
    ['+1-418-555-0100 ext. 102', '+1-418-555-0100 ext. 102'],
    ['555 1234 x 7', '555 1234 x 7'],
    ['+49 (0)30 1234-56', '+49 (0)30 1234-56'],
    ['*21#', undefined],
    ['07700 900111', '07700 900111'],
  ])('reads %j', (text, phone) => {
    if (phone === undefined) expect(() => parsePhone(text)).toThrow('is not a phone number');
    else expect(parsePhone(text)).toBe(phone);
  });

  it.each(['12', 'call me', '1-800-flowers', '123 Main Street', '+', '', '1'.repeat(21), 'ext. 12'])('refuses %j', (text) => {
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
