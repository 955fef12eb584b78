// Stock or flow: a count of people displaced now ("remain displaced", "IDPs are living in
// camps", "there are 8,400 IDPs") or of new movements ("were evacuated", "fled").
import type { Fact } from '../../types.js';

const STOCK =
  /\b(remain(?:ed|s)?|still|currently|living in|live in|are displaced|were living|there (?:are|were)|total (?:of )?(?:\d|idps)|as of|as at|caseload|hosting|host|stock|idps|internally displaced persons|in camps?|residing|permanecen|siguen|restent|toujours)\b/i;

export function stockOrFlow(sentence: string, fact: Fact): 'stock' | 'flow' {
  if (fact.term === 'destroyed_housing' || fact.term === 'partially_destroyed_housing') return 'flow';
  return STOCK.test(sentence) ? 'stock' : 'flow';
}
