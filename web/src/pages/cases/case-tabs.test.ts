import { describe, expect, it } from 'vitest';
import { visibleTabs } from './case-tabs.ts';

describe('visibleTabs', () => {
  it('offers every tab to the owning agency', () => {
    expect(
      visibleTabs({
        view: 'full',
        sections: ['identity', 'contact', 'victim', 'route', 'screening', 'services'],
        canRevealIdentity: true,
      }),
    ).toEqual([
      'overview',
      'person',
      'route',
      'screening',
      'consent',
      'services',
      'referrals',
      'notes',
      'attachments',
      'history',
    ]);
  });

  it('offers a referral view only the consented sections, never notes, attachments or history', () => {
    expect(visibleTabs({ view: 'referral', sections: ['identity', 'services'], canRevealIdentity: true })).toEqual([
      'overview',
      'person',
      'services',
    ]);
  });

  it('never offers identifying details in a de-identified view, even if asked to', () => {
    const tabs = visibleTabs({
      view: 'deidentified',
      sections: ['victim', 'route', 'screening', 'services'],
      canRevealIdentity: true,
    });
    expect(tabs).toEqual(['overview', 'route', 'screening', 'services']);
  });

  it('hides the person tab when there is nothing to reveal', () => {
    expect(visibleTabs({ view: 'full', sections: ['route'], canRevealIdentity: false })).not.toContain('person');
  });
});
