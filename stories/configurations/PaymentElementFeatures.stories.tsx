import type { Meta, StoryObj } from '@storybook/react-vite';
import { storefrontLoaded } from '../support/loadStorefront';
import { expectFeature, expectPaymentElementSecret, expectStatus, lastSecret } from '../support/play';
import type { StorefrontArgs } from '../support/storefrontArgs';
import { storefrontMeta } from '../support/storefrontMeta';

/**
 * Every `components.payment_element.features` setting of `POST /v1/customer_sessions`, one per story.
 * The policy comes from the controls; the real server handler asks the emulator for the session and the
 * Payment Element stand-in shows what Stripe.js would have received.
 */
const meta = {
  ...storefrontMeta,
  title: 'Scenarios/Payment Element features',
} satisfies Meta<StorefrontArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Play: the session is ready, its secret reached the Payment Element, and the feature row reads `on`/`off`. */
function showsFeature(label: string, on = true): Story['play'] {
  return async ({ canvas, loaded }) => {
    const data = storefrontLoaded(loaded);
    await expectStatus(canvas, 'ready');
    await expectPaymentElementSecret(canvas, data, lastSecret(data));
    await expectFeature(canvas, label, on);
  };
}

export const RedisplayEnabled: Story = {
  name: 'payment_method_redisplay: enabled',
  args: { redisplay: 'enabled' },
  play: showsFeature('Shows saved payment methods (up to 3)'),
};

export const RedisplayDisabled: Story = {
  name: 'payment_method_redisplay: disabled',
  args: { redisplay: 'disabled' },
  play: showsFeature('Shows saved payment methods (up to 3)', false),
};

export const RedisplayLimit1: Story = {
  name: 'payment_method_redisplay_limit: 1',
  args: { redisplayLimit: 1 },
  play: showsFeature('Shows saved payment methods (up to 1)'),
};

export const RedisplayLimit3: Story = {
  name: 'payment_method_redisplay_limit: 3',
  args: { redisplayLimit: 3 },
  play: showsFeature('Shows saved payment methods (up to 3)'),
};

export const RedisplayLimit10: Story = {
  name: 'payment_method_redisplay_limit: 10',
  args: { redisplayLimit: 10 },
  play: showsFeature('Shows saved payment methods (up to 10)'),
};

export const SaveOffSession: Story = {
  name: 'payment_method_save: off_session',
  args: { save: 'enabled', saveUsage: 'off_session' },
  play: showsFeature('Offers to save new payment methods (off_session)'),
};

export const SaveOnSession: Story = {
  name: 'payment_method_save: on_session',
  args: { save: 'enabled', saveUsage: 'on_session' },
  play: showsFeature('Offers to save new payment methods (on_session)'),
};

export const RemoveEnabled: Story = {
  name: 'payment_method_remove: enabled',
  args: { remove: 'enabled' },
  play: showsFeature('Lets the customer remove saved payment methods'),
};

export const FilterAlways: Story = {
  name: 'allow_redisplay_filters: always',
  args: { allowRedisplayFilters: ['always'] },
  play: showsFeature('Redisplays allow_redisplay: always'),
};

export const FilterLimited: Story = {
  name: 'allow_redisplay_filters: limited',
  args: { allowRedisplayFilters: ['limited'] },
  play: showsFeature('Redisplays allow_redisplay: limited'),
};

export const FilterUnspecified: Story = {
  name: 'allow_redisplay_filters: unspecified',
  args: { allowRedisplayFilters: ['unspecified'] },
  play: showsFeature('Redisplays allow_redisplay: unspecified'),
};

export const FilterAlwaysLimited: Story = {
  name: 'allow_redisplay_filters: always + limited',
  args: { allowRedisplayFilters: ['always', 'limited'] },
  play: showsFeature('Redisplays allow_redisplay: always, limited'),
};

export const FilterAlwaysUnspecified: Story = {
  name: 'allow_redisplay_filters: always + unspecified',
  args: { allowRedisplayFilters: ['always', 'unspecified'] },
  play: showsFeature('Redisplays allow_redisplay: always, unspecified'),
};

export const FilterLimitedUnspecified: Story = {
  name: 'allow_redisplay_filters: limited + unspecified',
  args: { allowRedisplayFilters: ['limited', 'unspecified'] },
  play: showsFeature('Redisplays allow_redisplay: limited, unspecified'),
};

export const FilterAll: Story = {
  name: 'allow_redisplay_filters: all three',
  args: { allowRedisplayFilters: ['always', 'limited', 'unspecified'] },
  play: showsFeature('Redisplays allow_redisplay: always, limited, unspecified'),
};
