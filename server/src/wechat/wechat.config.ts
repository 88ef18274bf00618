/** Everything the WeChat clients need; real WeChat or the simulator (`@mc/wechat-sim`). */
export interface WechatConfig {
  /** https://api.weixin.qq.com (mini-program server APIs). */
  apiBase: string;
  appId: string;
  appSecret: string;
  /** https://api.mch.weixin.qq.com (WeChat Pay v3). */
  payApiBase: string;
  mchId: string;
  /** Serial number of the merchant API certificate (the key below). */
  merchantSerial: string;
  /** PKCS#8 PEM (apiclient_key.pem). */
  merchantPrivateKeyPem: string;
  /** WeChat Pay public key ID (PUB_KEY_ID_…) or platform certificate serial. */
  platformSerial: string;
  /** SPKI PEM of the WeChat Pay public key (or the platform certificate's key). */
  platformPublicKeyPem: string;
  /** 32-character APIv3 key. */
  apiV3Key: string;
  notifyUrl: string;
  refundNotifyUrl: string;
  transferNotifyUrl: string;
}
