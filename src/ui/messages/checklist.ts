/** The deep referral relationship checklist in words: each point as Ivan Misner states it, and why a journal point holds. */
import type { ChecklistId, PointWhy } from '../../core/checklist.js';

export const CHECKLIST_TEXT: Record<ChecklistId, string> = {
  trust: 'You trust them to do a great job and take great care of your referred prospects',
  'known-a-year': 'You have known each other for at least one year',
  'knows-services': 'You understand at least three of their products or services',
  'knows-family': 'You know the names of their family members',
  'asked-how-to-help': 'You have both asked each other how you can help grow your businesses',
  'knows-goals': 'You know at least five of their goals for the year',
  'call-at-night': 'You could call them at 9 at night if you really needed something',
  'ask-for-help': 'You would not feel awkward asking them for help with a personal or business challenge',
  'enjoy-time': 'You enjoy the time you spend together',
  'regular-appointments': 'You have regular appointments scheduled',
  'enjoy-their-success': 'You enjoy seeing them achieve further success',
  'top-of-mind': 'They are "top of mind" regularly',
  'open-talks': 'You have open, honest talks about how you can help each other further',
};

/** "known since 2025-03-01", "1 of 3 services recorded", "touchpoints keep a 21-day cadence". */
export function describePointWhy(w: PointWhy): string {
  switch (w.code) {
    case 'known-since':
      return `known since ${w.since}`;
    case 'not-met':
      return 'not met yet';
    case 'services':
      return `${w.count} of ${w.need} services recorded`;
    case 'family':
      return w.count ? `${w.count} family recorded` : 'no family recorded';
    case 'goals':
      return `${w.count} of ${w.need} goals recorded`;
    case 'follow-up-scheduled':
      return `follow-up scheduled for ${w.on}`;
    case 'keeps-cadence':
      return `touchpoints keep a ${w.days}-day cadence`;
    case 'misses-cadence':
      return `no follow-up scheduled and touchpoints do not keep a ${w.days}-day cadence`;
  }
}
