// The ordered list of migrations. Add a numbered file and one entry here; never edit a
// migration that has shipped.
import type { Migration, MigrationProvider } from 'kysely';
import type { Engine } from '../engine.js';
import { down001, up001 } from './001_initial.js';
import { down002, up002 } from './002_facet_indexes.js';
import { down004, up004 } from './004_alerts.js';
import { down005, up005 } from './005_claims_events.js';
import { down006, up006 } from './006_reviews.js';
import { down007, up007 } from './007_queue_hosts.js';
import { down008, up008 } from './008_dedup_lookup.js';
import { down009, up009 } from './009_facet_sort_indexes.js';
import { down010, up010 } from './010_aggregate_summary.js';
import { down011, up011 } from './011_cause_hazard_figure_index.js';
import { down012, up012 } from './012_incremental_clustering.js';
import { down013, up013 } from './013_events_recent_index.js';
import { down014, up014 } from './014_articles_status_index.js';
import { down015, up015 } from './015_events_list_indexes.js';
import { down016, up016 } from './016_facts_version.js';
import { down017, up017 } from './017_country_summaries.js';
import { down018, up018 } from './018_summary_batches.js';
import { down019, up019 } from './019_country_batches.js';
import { down020, up020 } from './020_event_checkpoints.js';
import { down021, up021 } from './021_claims_event_places.js';
import { down022, up022 } from './022_cause_days.js';
import { down023, up023 } from './023_cluster_marks.js';
import { down024, up024 } from './024_figure_date_indexes.js';
import { down025, up025 } from './025_cause_country_index.js';
import { down026, up026 } from './026_cause_articles.js';

export function migrationProvider(engine: Engine): MigrationProvider {
  const migrations: Record<string, Migration> = {
    '001_initial': { up: up001(engine), down: down001 },
    '002_facet_indexes': { up: up002, down: down002 },
    '004_alerts': { up: up004(engine), down: down004 },
    '005_claims_events': { up: up005, down: down005 },
    '006_reviews': { up: up006(engine), down: down006 },
    '007_queue_hosts': { up: up007(engine), down: down007(engine) },
    '008_dedup_lookup': { up: up008, down: down008 },
    '009_facet_sort_indexes': { up: up009, down: down009 },
    '010_aggregate_summary': { up: up010(engine), down: down010(engine) },
    '011_cause_hazard_figure_index': { up: up011(engine), down: down011 },
    '012_incremental_clustering': { up: up012, down: down012 },
    '013_events_recent_index': { up: up013, down: down013 },
    '014_articles_status_index': { up: up014, down: down014 },
    '015_events_list_indexes': { up: up015(engine), down: down015 },
    '016_facts_version': { up: up016(engine), down: down016(engine) },
    '017_country_summaries': { up: up017(engine), down: down017(engine) },
    '018_summary_batches': { up: up018(engine), down: down018(engine) },
    '019_country_batches': { up: up019(engine), down: down019(engine) },
    '020_event_checkpoints': { up: up020, down: down020 },
    '021_claims_event_places': { up: up021, down: down021 },
    '022_cause_days': { up: up022(engine), down: down022(engine) },
    '023_cluster_marks': { up: up023(engine), down: down023 },
    '024_figure_date_indexes': { up: up024(engine), down: down024 },
    '025_cause_country_index': { up: up025(engine), down: down025 },
    '026_cause_articles': { up: up026(engine), down: down026(engine) },
  };
  return { getMigrations: async () => migrations };
}
