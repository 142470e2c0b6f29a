/** Asked once, the first time a calendar or a mailbox is imported: which addresses are the user's (net config me). */
import { parseMyAddress } from '../../core/touchpoints.js';
import { askText } from '../prompts.js';

export async function askMyAddresses(): Promise<string[]> {
  const validate = (text: string): string | true => {
    try {
      text.split(/[\s,;]+/).filter(Boolean).forEach(parseMyAddress);
      return true;
    } catch (err) {
      return (err as Error).message;
    }
  };
  const answer = await askText('Your own email addresses, all of them (net tells you from the people you meet and write to):', { required: true, validate });
  return (answer ?? '').split(/[\s,;]+/).filter(Boolean);
}
