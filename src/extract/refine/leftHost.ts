// People of one nationality who leave another country go home: "230,000 Afghans left Iran in June",
// "12,000 Syrians left Lebanon", "40 000 Afghans ont quitté le Pakistan". A refugee link read from
// leaving a named country (refugees:left-country) whose people's demonym names another country
// (their origin, refugeeOrigin.ts) counts returns to that country; leaving their own country
// ("12,000 Syrians left Syria") stays a count of refugees, and so does leaving "the country" or going
// abroad (refugees:left-own-country): the country left is theirs, whatever place the sentence names.
import type { Fact } from '../../types.js';

/** The reason of a trigger of leaving a named country ("left Lebanon", "ont quitté le Pakistan"). */
export const LEFT_COUNTRY = 'refugees:left-country';

export function leftHostCountry(fact: Fact): void {
  if (fact.term !== 'refugees' || !fact.reason.startsWith(LEFT_COUNTRY)) return;
  const home = fact.origin;
  const host = fact.country;
  if (!home || !host || home === host) return;
  fact.term = 'returns';
  fact.country = home;
  fact.origin = host;
}
