import type { SubscriptionConsentsResponse, SubscriptionScene, SubscriptionTemplatesResponse } from '@mc/shared'
import { get, post } from './request'

export type { SubscriptionScene, SubscriptionTemplatesResponse }

/** The enabled templates to ask consent for at this moment of the shop (none: ask nothing). */
export const getSubscriptionTemplates = (scene: SubscriptionScene) => get<SubscriptionTemplatesResponse>('/api/subscriptions/templates', { scene })

/** What the consent sheet answered, per template id; each accept lets the store send one message. */
export const postConsents = (results: Record<string, string>) => post<SubscriptionConsentsResponse>('/api/subscriptions/consents', { results })
