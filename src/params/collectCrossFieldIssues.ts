import type { ParamIssue } from '../core/types';
import { componentNames } from '../core/componentNames';
import { isRecord } from '../core/isRecord';
import { paramIssues } from './paramIssues';

/**
 * Rules that span several params (run on coerced params after the schema walk): at least one
 * component enabled, `payment_method_save_usage` when saving is enabled, and someone to act for.
 */
export function collectCrossFieldIssues(params: Record<string, unknown>, issues: ParamIssue[]): void {
  const { components } = params;
  if (isRecord(components)) {
    const anyEnabled = componentNames.some((name) => {
      const config = components[name];
      return isRecord(config) && config.enabled === true;
    });
    if (!anyEnabled) issues.push(paramIssues.noComponentEnabled());

    const paymentElement = components.payment_element;
    const features = isRecord(paymentElement) ? paymentElement.features : undefined;
    if (isRecord(features) && features.payment_method_save === 'enabled' && features.payment_method_save_usage === undefined) {
      issues.push(
        paramIssues.missing(
          'components[payment_element][features][payment_method_save_usage]',
          'It is required when payment_method_save is enabled.',
        ),
      );
    }
  }
  if (params.customer === undefined && params.customer_account === undefined) issues.push(paramIssues.noCustomer());
}
