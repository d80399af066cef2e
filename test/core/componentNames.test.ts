import { componentNames, isComponentName } from '../../src/core/componentNames';

describe('isComponentName', () => {
  it('accepts each listed component and rejects anything else', () => {
    for (const name of componentNames) expect(isComponentName(name)).toBe(true);
    expect(isComponentName('customer_portal')).toBe(true);
    expect(isComponentName('customer_session')).toBe(false);
    expect(isComponentName(undefined)).toBe(false);
    expect(isComponentName(['payment_element'])).toBe(false);
  });
});
