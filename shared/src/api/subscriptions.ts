import type { MessageField, MessageKind, SubscriptionScene, TemplateSetting } from '../subscription';
import type { Id, IsoDateTime } from './common';

/** `GET /api/subscriptions/templates?scene=`: the enabled templates to ask consent for at that moment (empty: ask nothing). */
export interface SubscriptionTemplatesResponse {
  scene: SubscriptionScene;
  templates: { kind: MessageKind; templateId: string; title: string }[];
}

/** `POST /api/subscriptions/consents`: what `requestSubscribeMessage` answered, per template id. */
export interface SubscriptionConsentsRequest {
  results: Record<string, 'accept' | 'reject'>;
}

/** The customer's messages still allowed, per template id of the request (one accepted consent = one message). */
export interface SubscriptionConsentsResponse {
  credits: Record<string, number>;
}

/** `GET /api/admin/subscription-templates`: one entry per kind, configured or not. */
export interface AdminSubscriptionTemplate extends TemplateSetting {
  kind: MessageKind;
  title: string;
  /** The fields this kind fills, for the keyword mapping. */
  availableFields: readonly MessageField[];
  updatedAt: IsoDateTime | null;
}

export type SubscriptionMessageStatus = 'SENDING' | 'SENT' | 'FAILED' | 'SKIPPED';

export const SUBSCRIPTION_MESSAGE_STATUS_LABEL: Readonly<Record<SubscriptionMessageStatus, string>> = {
  SENDING: '发送中',
  SENT: '已发送',
  FAILED: '发送失败',
  SKIPPED: '未发送',
};

/** An item of `GET /api/admin/subscription-messages` (newest first). */
export interface SubscriptionMessageRecord {
  id: Id;
  customerId: Id;
  customerNickname: string;
  /** A kind, or 'TEMPLATE' for a send named by template id (campaigns). */
  kind: MessageKind | 'TEMPLATE';
  templateId: string;
  dedupeKey: string;
  status: SubscriptionMessageStatus;
  data: Record<string, { value: string }>;
  error: string | null;
  createdAt: IsoDateTime;
}
