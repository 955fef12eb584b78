// People of one nationality who cross into their own country come home: "470 Afghan families
// crossed the Torkham border into Afghanistan", "3,000 Syrians crossed into Syria from Lebanon".
// A refugee link whose people's demonym (their origin, refugeeOrigin.ts) names the very country
// the sentence leads them into counts returns to that country; the one other country the
// sentence names, if any, is where they came back from. Only a destination the text names after a
// toward word turns it: a demonym alone ("5,000 Sudanese refugees crossed the border") says
// nothing of where they went.
import type { Fact, Place } from '../../types.js';
import { destinationCountry, sentenceCountries } from './refugeeOrigin.js';

export function enteredHomeCountry(fact: Fact, text: string, places: readonly Place[]): void {
  if (fact.term !== 'refugees' || !fact.origin) return;
  const countries = sentenceCountries(fact, text, places);
  const home = destinationCountry(fact, countries);
  if (!home || home.country !== fact.origin) return;
  fact.term = 'returns';
  fact.reason = `${fact.reason}:entered-home`;
  fact.country = home.country;
  if (!fact.locations.some((p) => p.country === home.country)) fact.locations = [home];
  const others = new Set(countries.map((c) => c.place.country!).filter((c) => c !== home.country));
  fact.origin = others.size === 1 ? [...others][0]! : null;
}
