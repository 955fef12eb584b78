// One pass of the alert rules over the store: read the inputs, run the rules, store the alerts
// whose keys are new, and (optionally) send them to the webhooks. Safe to run again at any
// time: an alert already raised is never raised twice.
import type { AlertView, Store } from '../store/index.js';
import { countryHighAlerts } from './countryHigh.js';
import { deliverPending, type DeliveryOptions } from './deliver.js';

export interface CheckOptions {
  /** Send pending alerts to the webhooks after raising them (default true). */
  deliver?: boolean;
  delivery?: DeliveryOptions;
}

export interface CheckResult {
  raised: AlertView[];
  delivered: number;
  failed: number;
}

export async function checkAlerts(store: Store, options: CheckOptions = {}): Promise<CheckResult> {
  const raised = await store.alerts.raised();
  const candidates = countryHighAlerts(await store.alerts.dailyFlows(), raised);
  const stored = await store.alerts.add(candidates);
  const sent =
    options.deliver === false ? { delivered: 0, failed: 0 } : await deliverPending(store, options.delivery);
  return { raised: stored, ...sent };
}
