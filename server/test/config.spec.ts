import { ConfigError, loadConfig } from '../src/config/config';

describe('configuration is validated at start', () => {
  const prod = {
    NODE_ENV: 'production',
    DATABASE_URL: 'mysql://shop:pw@db:3306/shop',
    JWT_SECRET: 'x'.repeat(40),
    WECHAT_SIM: '1',
  };

  it('has demo defaults: embedded database, port 3000, seeded', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ production: false, port: 3000, databaseUrl: null, seedDemo: true, devTools: false, migrationsRun: true });
  });

  it.each([
    [{ JWT_SECRET: undefined }, /JWT_SECRET/],
    [{ JWT_SECRET: 'short' }, /JWT_SECRET/],
    [{ DATABASE_URL: undefined }, /DATABASE_URL/],
    [{ DATABASE_URL: 'postgres://x' }, /DATABASE_URL/],
    [{ PORT: 'abc' }, /PORT/],
    [{ DEV_TOOLS: 'maybe' }, /DEV_TOOLS/],
    [{ WECHAT_SIM: '0' }, /WECHAT_APPID/],
    [{ WECHAT_SIM: '0', WECHAT_APPID: 'wx1', WECHAT_SECRET: 's', WECHATPAY_MCHID: '1', WECHATPAY_SERIAL: 's', WECHATPAY_PRIVATE_KEY: '/nonexistent.pem' }, /WECHATPAY_PRIVATE_KEY/],
  ])('refuses a bad production setting %#, naming the variable', (override, message) => {
    const env: Record<string, string | undefined> = { ...prod, ...override };
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('accepts a complete production configuration', () => {
    expect(loadConfig(prod)).toMatchObject({ production: true, wechatSim: true, seedDemo: false });
  });
});
