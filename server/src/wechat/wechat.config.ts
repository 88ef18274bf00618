import type { WechatSettings } from '../config/config';

/** Everything the WeChat clients need: the settings plus where WeChat Pay sends its notifications. */
export interface WechatConfig extends WechatSettings {
  notifyUrl: string;
  refundNotifyUrl: string;
  transferNotifyUrl: string;
}
