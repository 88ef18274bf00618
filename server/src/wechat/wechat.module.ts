import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/config';
import type { WechatConfig } from './wechat.config';
import { WechatApiClient } from './wechat-api.client';
import { WechatPayClient } from './wechat-pay.client';

export function wechatConfigFrom(config: AppConfig): WechatConfig {
  return {
    ...config.wechat,
    notifyUrl: `${config.publicBaseUrl}/api/payments/wechat/notify`,
    refundNotifyUrl: `${config.publicBaseUrl}/api/payments/wechat/refund-notify`,
    transferNotifyUrl: `${config.publicBaseUrl}/api/payments/wechat/transfer-notify`,
  };
}

/** The WeChat HTTP clients, configured from AppConfig (real WeChat or the simulator). */
@Global()
@Module({
  providers: [
    { provide: WechatApiClient, inject: [APP_CONFIG], useFactory: (c: AppConfig) => new WechatApiClient(wechatConfigFrom(c)) },
    // Signature freshness is checked against the real time, not the (dev-movable) business clock.
    { provide: WechatPayClient, inject: [APP_CONFIG], useFactory: (c: AppConfig) => new WechatPayClient(wechatConfigFrom(c)) },
  ],
  exports: [WechatApiClient, WechatPayClient],
})
export class WechatModule {}
