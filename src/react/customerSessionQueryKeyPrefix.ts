'use client';
/**
 * First element of every Customer Session query key. Exclude these queries from persisters:
 * see `isCustomerSessionQuery`.
 */
export const customerSessionQueryKeyPrefix = 'react-stripe-customer-session';
