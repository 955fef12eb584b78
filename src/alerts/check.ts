// One pass of the alert rules over the store: read the inputs, run the rules, store the alerts
// whose keys are new, and (optionally) send them to the webhooks. Safe to run again at any
// time: an alert already raised is never raised twice.
import type { AlertView, Store } from '../store/index.js';
import { countryHighAlerts } from './countryHigh.js';
import { deliverPending, type DeliveryOptions } from './deliver.js';
import { figureJumpAlerts } from './figureJump.js';
import { newEventAlerts } from './newEvent.js';
import { EVENT_DEFAULTS, type EventRuleOptions } from './rules.js';

export interface CheckOptions {
  /** Send pending alerts to the webhooks after raising them (default true). */
  deliver?: boolean;
  delivery?: DeliveryOptions;
  /** The new-event size and the jump factor (EVENT_DEFAULTS otherwise). */
  events?: Partial<EventRuleOptions>;
}

export interface CheckResult {
  raised: AlertView[];
  delivered: number;
  failed: number;
}

export async function checkAlerts(store: Store, options: CheckOptions = {}): Promise<CheckResult> {
  const raised = await store.alerts.raised();
  const rules = { ...EVENT_DEFAULTS, ...options.events };
  const events = await store.alerts.events();
  const candidates = [
    ...countryHighAlerts(await store.alerts.dailyFlows(), raised),
    ...newEventAlerts(events, rules),
    ...figureJumpAlerts(events, rules),
  ];
  const stored = await store.alerts.add(candidates);
  const sent =
    options.deliver === false ? { delivered: 0, failed: 0 } : await deliverPending(store, options.delivery);
  return { raised: stored, ...sent };
}
