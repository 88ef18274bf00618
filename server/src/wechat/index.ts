export * from './wechat.config';
export * from './wechat.errors';
export * from './wechat-pay.crypto';
export * from './wechat-api.client';
export * from './wechat-pay.client';
