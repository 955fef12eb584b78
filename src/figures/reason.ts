// The sentence shown with a recommended figure: which rule chose it, how many independent
// sources reported it and when, the household conversion, and what else was kept.
import type { TermClass } from '../claims/types.js';
import type { FigureClaim } from './recommend.js';
import { WELL_CORROBORATED_SOURCES } from './corroboration.js';

const KIND: Record<TermClass, string> = {
  displacement: 'displacement figure',
  evacuation: 'evacuation figure',
  shelter: 'figure of people in shelters or camps',
  homeless: 'figure of people made homeless',
  housing_destroyed: 'figure of homes destroyed',
  housing_damaged: 'figure of homes damaged',
  refugees: 'refugee figure',
  returns: 'returns figure',
};

const STOCK_KIND: Record<TermClass, string> = {
  displacement: 'figure of people still displaced',
  evacuation: 'figure of people still evacuated',
  shelter: 'figure of people in shelters or camps',
  homeless: 'figure of people homeless',
  housing_destroyed: 'figure of homes destroyed',
  housing_damaged: 'figure of homes damaged',
  refugees: 'refugee figure',
  returns: 'returns figure',
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function formatDate(date: string | null): string | null {
  if (!date) return null;
  return `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

export function formatNumber(n: number): string {
  return n.toLocaleString('en-US');
}

export function reasonSentence(
  claim: FigureClaim,
  ctx: { stock: boolean; corroborated: boolean; others: number },
): string {
  const rule = ctx.stock ? `latest ${STOCK_KIND[claim.termClass]}` : `largest ${KIND[claim.termClass]}`;
  const n = claim.independentSources;
  const who = n === 1 ? '1 source' : `${n} independent sources`;
  const when = formatDate(ctx.stock ? claim.lastDate : claim.firstDate);
  let s = `${rule}, reported by ${who}${when ? ` on ${when}` : ''}`;
  if (!ctx.corroborated)
    s += ` (no figure of this kind is reported by ${WELL_CORROBORATED_SOURCES} independent sources yet)`;
  if (claim.unit === 'households' && claim.householdSize !== null && claim.people !== null) {
    const units = claim.termClass.startsWith('housing') ? 'homes' : 'households';
    s += `; ${formatNumber(claim.figure!)} ${units} × ${claim.householdSize} people (average household size) = ${formatNumber(claim.people)} people`;
  }
  if (ctx.others > 0) s += `; ${ctx.others} other claim${ctx.others === 1 ? '' : 's'} kept as triangulation`;
  return s;
}
