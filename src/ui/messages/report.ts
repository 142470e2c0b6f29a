/** The network's shape in words, for `net report` (text and HTML): "a mile wide and an inch deep", or "deep". */
import { NETWORK_SHAPE, type NetworkShape } from '../../core/capital.js';
import { toWord } from './words.js';

export const SHAPE_WORDS: Record<NetworkShape, string> = {
  empty: 'no contacts yet',
  'wide-shallow': `a mile wide and an inch deep: fewer than 1 in ${NETWORK_SHAPE.closeOneIn} relationships are growing or deep`,
  deep: `deep: ${toWord(NETWORK_SHAPE.deepFrom)} or more deep referral relationships`,
  growing: `still growing: fewer than ${toWord(NETWORK_SHAPE.deepFrom)} deep referral relationships`,
};
