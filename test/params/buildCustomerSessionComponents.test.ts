import fixture from '../emulator/fixtures/customer-session-object.fixture.json';
import { buildCustomerSessionComponents } from '../../src/params/components';
import { componentNames } from '../../src/core/componentNames';

describe('buildCustomerSessionComponents', () => {
  it('returns every component, disabled with default features when not requested', () => {
    expect(buildCustomerSessionComponents({ pricing_table: { enabled: true } })).toEqual({
      active_entitlements: { enabled: false },
      buy_button: { enabled: false },
      customer_portal: { enabled: false },
      customer_sheet: { enabled: false, features: { payment_method_allow_redisplay_filters: null, payment_method_remove: null } },
      mobile_payment_element: {
        enabled: false,
        features: {
          payment_method_allow_redisplay_filters: null,
          payment_method_redisplay: null,
          payment_method_remove: null,
          payment_method_save: null,
          payment_method_save_allow_redisplay_override: null,
        },
      },
      payment_element: {
        enabled: false,
        features: {
          payment_method_allow_redisplay_filters: ['always'],
          payment_method_redisplay: 'disabled',
          payment_method_redisplay_limit: 3,
          payment_method_remove: 'disabled',
          payment_method_save: 'disabled',
          payment_method_save_usage: null,
        },
      },
      pricing_table: { enabled: true },
    });
  });

  it('fills the reference defaults around the payment element features that are sent', () => {
    const { payment_element } = buildCustomerSessionComponents({
      payment_element: { enabled: true, features: { payment_method_redisplay: 'enabled', payment_method_save: 'enabled', payment_method_save_usage: 'on_session' } },
    });
    expect(payment_element).toEqual({
      enabled: true,
      features: {
        payment_method_allow_redisplay_filters: ['always'],
        payment_method_redisplay: 'enabled',
        payment_method_redisplay_limit: 3,
        payment_method_remove: 'disabled',
        payment_method_save: 'enabled',
        payment_method_save_usage: 'on_session',
      },
    });
  });

  it('echoes every feature that is sent and leaves the rest of customer_sheet and mobile_payment_element null', () => {
    const filters = ['limited', 'unspecified'] as const;
    const components = buildCustomerSessionComponents({
      customer_sheet: { enabled: true, features: { payment_method_allow_redisplay_filters: [...filters] } },
      mobile_payment_element: { enabled: true, features: { payment_method_save: 'enabled', payment_method_save_allow_redisplay_override: 'always' } },
      payment_element: { enabled: false, features: { payment_method_redisplay_limit: 9, payment_method_remove: 'enabled' } },
    });
    expect(components.customer_sheet).toEqual({
      enabled: true,
      features: { payment_method_allow_redisplay_filters: ['limited', 'unspecified'], payment_method_remove: null },
    });
    expect(components.mobile_payment_element.features).toEqual({
      payment_method_allow_redisplay_filters: null,
      payment_method_redisplay: null,
      payment_method_remove: null,
      payment_method_save: 'enabled',
      payment_method_save_allow_redisplay_override: 'always',
    });
    expect(components.payment_element.features?.payment_method_redisplay_limit).toBe(9);
    expect(components.payment_element.features?.payment_method_remove).toBe('enabled');
  });

  it('copies arrays, so changing the params later does not change the session', () => {
    const sent: Array<'always' | 'limited'> = ['always'];
    const components = buildCustomerSessionComponents({ payment_element: { enabled: true, features: { payment_method_allow_redisplay_filters: sent } } });
    sent.push('limited');
    expect(components.payment_element.features?.payment_method_allow_redisplay_filters).toEqual(['always']);
  });

  it('echoes the two components stripe 23 adds, enabled as requested', () => {
    const components = buildCustomerSessionComponents({ active_entitlements: { enabled: true }, customer_portal: { enabled: false } });
    expect(components.active_entitlements).toEqual({ enabled: true });
    expect(components.customer_portal).toEqual({ enabled: false });
    expect(buildCustomerSessionComponents({ customer_portal: { enabled: true } }).customer_portal).toEqual({ enabled: true });
  });

  it('has the fixture\'s component and feature keys, plus the two components stripe 23 adds', () => {
    const built = buildCustomerSessionComponents({ buy_button: { enabled: true } }) as unknown as Record<string, Record<string, unknown>>;
    const expected = fixture.components as unknown as Record<string, Record<string, unknown>>;
    expect(Object.keys(built).sort()).toEqual([...Object.keys(expected), 'active_entitlements', 'customer_portal'].sort());
    expect(Object.keys(built)).toEqual([...componentNames]);
    for (const name of componentNames) {
      // The fixture predates the two new components; stripe 23 types them as `{ enabled }`.
      expect(Object.keys(built[name] ?? {}).sort()).toEqual(Object.keys(expected[name] ?? { enabled: false }).sort());
      const features = built[name]?.features as Record<string, unknown> | undefined;
      const fixtureFeatures = expected[name]?.features as Record<string, unknown> | undefined;
      expect(Object.keys(features ?? {}).sort()).toEqual(Object.keys(fixtureFeatures ?? {}).sort());
    }
  });
});
