import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { sw } from './sw.ts';
import { interpolate } from './interpolate.ts';

const placeholdersOf = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('Swahili has exactly the keys of English', () => {
    expect(Object.keys(sw).sort()).toEqual(Object.keys(en).sort());
  });

  it.each([
    ['en', en],
    ['sw', sw],
  ] as const)('%s has no empty message', (_name, catalogue) => {
    const empty = Object.entries(catalogue).filter(([, message]) => message.trim() === '');
    expect(empty).toEqual([]);
  });

  it('each Swahili message has the same placeholders as the English one', () => {
    const mismatched = Object.entries(en)
      .filter(([key, message]) => {
        const other = sw[key as keyof typeof en];
        return JSON.stringify(placeholdersOf(message)) !== JSON.stringify(placeholdersOf(other));
      })
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it('Swahili is translated, not copied, for the navigation', () => {
    expect(sw['signIn.submit']).toBe('Ingia');
    expect(sw['shell.signOut']).toBe('Toka');
    expect(sw['nav.agencies']).toBe('Mashirika');
    expect(sw['nav.users']).toBe('Watumiaji');
    expect(sw['nav.audit']).toBe('Kumbukumbu za ukaguzi');
    expect(sw['nav.profile']).toBe('Wasifu');
  });
});

describe('interpolate', () => {
  it('fills known placeholders and leaves unknown ones visible', () => {
    expect(interpolate('Try again in {minutes} minutes, {who}', { minutes: 5 })).toBe('Try again in 5 minutes, {who}');
  });
});
