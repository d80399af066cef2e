import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { AllowRedisplay } from '../../src/core/types';
import { savedCardName } from '../../src/testing/savedPaymentMethods';
import { storefrontLoaded, type StorefrontLoaded } from '../support/loadStorefront';
import { expectPaymentElementSecret, expectSaveCheckbox, expectSavedCards, expectStatus, removeButtons, savedCardsShown } from '../support/play';
import type { StorefrontArgs } from '../support/storefrontArgs';
import { storefrontMeta } from '../support/storefrontMeta';

/**
 * Every `components.payment_element.features` setting of `POST /v1/customer_sessions`, one per story,
 * as the customer sees it. Jenny Rosen has 12 saved cards in the emulator; the real server handler asks
 * the emulator for the session, and the Payment Element stand-in shows what the real one would:
 * the saved cards the features allow, "Remove" buttons, the save checkbox.
 */
const meta = {
  ...storefrontMeta,
  title: 'Scenarios/Payment Element features',
} satisfies Meta<StorefrontArgs>;

export default meta;
type Story = StoryObj<typeof meta>;
type Play = NonNullable<Story['play']>;

/** The cards the Payment Element should list: newest first, `allow_redisplay` among `filters`, at most `limit`. */
function expectedCards(data: StorefrontLoaded, filters: readonly AllowRedisplay[], limit: number): string[] {
  return data.backend.savedCards.filter((card) => filters.includes(card.allow_redisplay)).reverse().slice(0, limit).map(savedCardName);
}

/** Play: the customer's session reached the Payment Element, which lists exactly `count` saved cards, the right ones. */
function listsSavedCards(count: number, then?: Play): Play {
  return async (context) => {
    const { canvas, loaded, args } = context;
    const data = storefrontLoaded(loaded);
    await expectStatus(canvas, 'ready');
    await expectPaymentElementSecret(canvas, data);
    await expectSavedCards(canvas, expectedCards(data, args.allowRedisplayFilters, args.redisplayLimit));
    expect(await savedCardsShown(canvas)).toHaveLength(count);
    await then?.(context);
  };
}

const noRemoveNoSave: Play = async ({ canvas }) => {
  expect(await removeButtons(canvas)).toHaveLength(0);
  await expectSaveCheckbox(canvas, null);
};

export const RedisplayEnabled: Story = {
  name: 'payment_method_redisplay: enabled',
  args: { redisplay: 'enabled' },
  parameters: { docs: { description: { story: 'Saved cards are listed (3, the default limit); remove and save stay disabled, so no Remove button and no save checkbox.' } } },
  play: listsSavedCards(3, noRemoveNoSave),
};

export const RedisplayDisabled: Story = {
  name: 'payment_method_redisplay: disabled',
  args: { redisplay: 'disabled' },
  parameters: { docs: { description: { story: 'Stripe\'s default: the customer has 12 saved cards, and the Payment Element lists none.' } } },
  play: async ({ canvas, loaded }) => {
    const data = storefrontLoaded(loaded);
    await expectStatus(canvas, 'ready');
    await expectPaymentElementSecret(canvas, data);
    expect(await savedCardsShown(canvas)).toEqual([]);
    await expectSaveCheckbox(canvas, null);
  },
};

export const RedisplayLimit1: Story = {
  name: 'payment_method_redisplay_limit: 1',
  args: { redisplayLimit: 1 },
  play: listsSavedCards(1),
};

export const RedisplayLimit3: Story = {
  name: 'payment_method_redisplay_limit: 3',
  args: { redisplayLimit: 3 },
  play: listsSavedCards(3),
};

export const RedisplayLimit10: Story = {
  name: 'payment_method_redisplay_limit: 10',
  args: { redisplayLimit: 10 },
  play: listsSavedCards(10),
};

export const SaveOffSession: Story = {
  name: 'payment_method_save: off_session',
  args: { save: 'enabled', saveUsage: 'off_session' },
  play: listsSavedCards(3, ({ canvas }) => expectSaveCheckbox(canvas, 'off_session')),
};

export const SaveOnSession: Story = {
  name: 'payment_method_save: on_session',
  args: { save: 'enabled', saveUsage: 'on_session' },
  play: listsSavedCards(3, ({ canvas }) => expectSaveCheckbox(canvas, 'on_session')),
};

export const RemoveEnabled: Story = {
  name: 'payment_method_remove: enabled',
  args: { remove: 'enabled' },
  parameters: { docs: { description: { story: 'A Remove button per listed card. Removing detaches the card from the customer in the emulator; the next saved card moves up.' } } },
  play: listsSavedCards(3, async ({ canvas, loaded, args }) => {
    const data = storefrontLoaded(loaded);
    const before = await savedCardsShown(canvas);
    const buttons = await removeButtons(canvas);
    expect(buttons).toHaveLength(before.length);
    await expectSaveCheckbox(canvas, null);
    await userEvent.click(buttons[0] as HTMLElement);
    await waitFor(async () => expect(await savedCardsShown(canvas)).not.toContain(before[0]));
    const detached = data.backend.emulator.requests.filter((request) => request.path.endsWith('/detach'));
    expect(detached.map((request) => request.path)).toEqual([`/v1/payment_methods/${data.backend.savedCards.at(-1)?.id}/detach`]);
    const remaining = data.backend.savedCards.slice(0, -1).reverse().slice(0, args.redisplayLimit).map(savedCardName);
    expect(await savedCardsShown(canvas)).toEqual(remaining);
  }),
};

/**
 * Filter stories: 12 mixed cards (5 always, 4 limited, 3 unspecified) and a limit of 10, so each set differs.
 * Each `name` is a literal in its story: Storybook's sidebar reads names without running the file.
 */
function filterStory(filters: AllowRedisplay[], count: number): Omit<Story, 'name'> {
  return {
    args: { allowRedisplayFilters: filters, savedCards: '12 mixed', redisplayLimit: 10 },
    play: listsSavedCards(count),
  };
}

export const FilterAlways: Story = { name: 'payment_method_allow_redisplay_filters: always', ...filterStory(['always'], 5) };
export const FilterLimited: Story = { name: 'payment_method_allow_redisplay_filters: limited', ...filterStory(['limited'], 4) };
export const FilterUnspecified: Story = { name: 'payment_method_allow_redisplay_filters: unspecified', ...filterStory(['unspecified'], 3) };
export const FilterAlwaysLimited: Story = { name: 'payment_method_allow_redisplay_filters: always + limited', ...filterStory(['always', 'limited'], 9) };
export const FilterAlwaysUnspecified: Story = { name: 'payment_method_allow_redisplay_filters: always + unspecified', ...filterStory(['always', 'unspecified'], 8) };
export const FilterLimitedUnspecified: Story = { name: 'payment_method_allow_redisplay_filters: limited + unspecified', ...filterStory(['limited', 'unspecified'], 7) };
export const FilterAll: Story = { name: 'payment_method_allow_redisplay_filters: all three', ...filterStory(['always', 'limited', 'unspecified'], 10) };
