import { render, renderHook } from '@testing-library/react';
import { CustomerSessionProvider, customerSessionQueryOptions, useCustomerSession } from '../../src/index';
import { captureConsole } from '../helpers/captureConsole';

// An endpoint read from a missing environment variable, or a typo'd prop: the developer is told which
// prop is wrong, instead of "Invalid value used as weak map key" from deep inside the key builder.
const bad: Array<[string, unknown]> = [
  ['undefined', undefined],
  ['null', null],
  ['an empty string', ''],
  ['a number', 42],
  ['an object', { url: '/api/customer-session' }],
];

describe('an endpoint that is neither a URL nor a function', () => {
  beforeEach(() => void captureConsole());

  it.each(bad)('%s: the provider throws an error naming `endpoint`', (_label, endpoint) => {
    expect(() => render(<CustomerSessionProvider endpoint={endpoint as string}>{null}</CustomerSessionProvider>)).toThrow(/`endpoint` must be/);
  });

  it.each(bad)('%s: useCustomerSession throws an error naming `endpoint`', (_label, endpoint) => {
    expect(() => renderHook(() => useCustomerSession({ endpoint: endpoint as string }))).toThrow(/`endpoint` must be/);
  });

  it.each(bad)('%s: customerSessionQueryOptions throws an error naming `endpoint`', (_label, endpoint) => {
    expect(() => customerSessionQueryOptions({ endpoint: endpoint as string })).toThrow(/`endpoint` must be/);
  });
});
