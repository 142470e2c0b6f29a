/**
 * Every command's arguments and one-line summary, in the order `net --help` lists them: the day's work first. The
 * overview help is made from this list alone, so that `net --help` loads no command's code; each command's own
 * --help uses the same summary.
 */
export const COMMAND_LIST = {
  add: { args: '[options] [name]', summary: 'add a contact (on a terminal, with no name: asks for the details)' },
  log: { args: '[options] [name]', summary: 'record what happened: a touchpoint, a give, something received, a follow-up (guided with no name)' },
  due: { args: '[options]', summary: 'whom to reach out to today, most urgent first: the reason and one next step for each' },
  check: { args: '[options] <name>', summary: 'before you ask: is the relationship ready? Reasons, and what to do first (exit 0 ready, 3 premature)' },
  ask: { args: '[options] <name>', summary: 'record an ask (checked first, like net check), or its outcome with --outcome' },
  ideas: { args: '[options] [name]', summary: 'who can I help? Ways to give to one contact, or the best introductions across your network' },
  intro: { args: '[options] <a> <b>', summary: 'record an introduction between two contacts: one give to each, linked (checked first, like net check --to-refer)' },
  show: { args: '[options] <name>', summary: "a contact's profile and the relationship's timeline, newest first (the latest 20 events; JSON has all)" },
  list: { args: '[options]', summary: 'list contacts in name order: role and company, tags, last touch' },
  edit: { args: '[options] <name>', summary: 'change a contact: set fields, add or remove tags and facts, clear fields' },
  deepen: { args: '[options] <name>', summary: 'answer the checklist points only you can: how deep the relationship is (a checklist on a terminal)' },
  balance: { args: '[options]', summary: 'every contact with balance, depth, stage, last touch and their investment in you; and the shape of your network' },
  snooze: { args: '[options] <name> [until]', summary: 'keep a contact off net due until a day (a date such as "next monday", or an interval such as 2w)' },
  referral: { args: '[options] <name>', summary: "record how a referral went: the contact's latest open one, or the one --id picks" },
  referrals: { args: '[options]', summary: 'the referrals you gave and received, newest first: status, age and the business they closed' },
  report: { args: '[options]', summary: 'look back: gives, touchpoints and asks per week, referrals won, relationships that grew or cooled, the network' },
  rm: { args: '[options] <name>', summary: 'remove a contact and everything logged with them (asks first; --yes when not at a terminal)' },
  import: { args: '[options] <file>', summary: 'bring contacts in from vCard (.vcf), LinkedIn Connections.csv or a spreadsheet (CSV); merge a net JSON export' },
  export: { args: '[options] [file]', summary: 'write the whole journal as JSON (lossless, for net import), or the contacts as CSV or vCard 4.0; prints it without a file' },
  backup: { args: '[options] [file]', summary: 'copy the journal file safely, even while another net writes (default: net-backup-YYYY-MM-DD.db here)' },
  config: { args: '[options] [key] [value]', summary: 'show or change the journal settings (half-life: how fast investments fade; date-window: how early dates show; date-order: how 04/12 reads; synonyms: words net ideas treats as one)' },
  doctor: { args: '[options]', summary: 'check the journal file: damage, schema version, permissions, orphan rows, summaries (exit 5 when something is wrong)' },
  where: { args: '', summary: 'print which journal file is in use' },
} as const satisfies Record<string, { args: string; summary: string }>;

export type CommandName = keyof typeof COMMAND_LIST;
