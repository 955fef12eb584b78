// Gate rule for names that belong to a river, lake or mountain ("Niger River", "Nuba
// Mountains", "Lake Victoria", "Gulf of Mexico", "lac Tchad"): the gazetteer holds towns,
// areas and countries, not landforms, so any of its entries for the name is another place
// (Victoria in Australia, the country Niger, Mexico), and it gives the document no context either.
import type { GateRule } from './types.js';

export const landformName: GateRule = {
  name: 'landformName',
  gate: (m) => (m.landform && !m.demonym ? 'river, lake or mountain' : null),
};
