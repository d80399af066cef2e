import type { Meta } from '@storybook/react-vite';
import { loadStorefront, storefrontLoaded } from './loadStorefront';
import { Storefront } from './Storefront';
import { defaultStorefrontArgs, storefrontArgTypes, type StorefrontArgs } from './storefrontArgs';

/** The shared part of every configuration story: args → backend (loader) → storefront (render). */
export const storefrontMeta = {
  loaders: [loadStorefront],
  args: defaultStorefrontArgs,
  argTypes: storefrontArgTypes,
  render: (args, { loaded }) => <Storefront args={args} loaded={storefrontLoaded(loaded)} />,
} satisfies Partial<Meta<StorefrontArgs>>;
