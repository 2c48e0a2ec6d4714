import type { Preset } from '../schemas/preset.ts'

/**
 * The Default preset: the Datafly Signal Loops integration's table, exactly. It reproduces the seed's worked
 * example (contact properties nested under `contactProperties`, as the Datafly document shows).
 */
export const defaultPreset: Preset = {
  name: 'Default',
  events: {
    page: 'page_view',
    'Signed Up': 'signed_up',
    'Logged In': 'logged_in',
    'Product Viewed': 'product_viewed',
    'Product Added': 'product_added_to_cart',
    'Checkout Started': 'checkout_started',
    'Order Completed': 'order_completed',
  },
  unmappedEvents: 'snake_case',
  identity: { emailTraits: ['email'] },
  routes: [
    { from: 'traits.first_name', to: 'contactProperties.firstName' },
    { from: 'traits.firstName', to: 'contactProperties.firstName' },
    { from: 'traits.last_name', to: 'contactProperties.lastName' },
    { from: 'traits.lastName', to: 'contactProperties.lastName' },
    { from: 'traits.user_group', to: 'contactProperties.userGroup' },
    { from: 'traits.userGroup', to: 'contactProperties.userGroup' },
  ],
  pageProperties: ['name', 'url', 'path', 'title', 'referrer'],
  consent: {
    subscribeWhenGranted: 'marketing',
    requirePurpose: null,
    categoryMap: {
      essential: 'essential',
      functional: 'functional',
      analytics: 'analytics',
      marketing: 'marketing',
      personalization: 'personalization',
      // OneTrust
      C0001: 'essential',
      C0002: 'analytics',
      C0003: 'functional',
      C0004: 'marketing',
      C0005: 'marketing',
      // Cookiebot
      necessary: 'essential',
      preferences: 'functional',
      statistics: 'analytics',
    },
  },
  identify: 'resolve-only',
  contactProperties: 'nested',
  nonScalarValues: 'drop',
}
