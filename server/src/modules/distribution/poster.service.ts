import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { notFound } from '../../common/errors';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { WechatApiClient } from '../../wechat';
import { Product } from '../catalog/entities/product.entity';
import { Customer } from '../customer/entities/customer.entity';
import { Distributor } from './entities/distributor.entity';
import { composePoster } from './poster';
import { ShareService } from './share.service';

const CACHE_TTL_MS = 10 * 60_000;
const CACHE_MAX = 200;
const FETCH_TIMEOUT_MS = 3_000;

/**
 * Share posters: the scene's page (product picture, title, price) with the distributor's nickname
 * and the unlimited mini-program code whose scene is the scene code, composed into one PNG and kept
 * in memory for 10 minutes (a poster is the same for every viewer; prices may change, so not longer).
 */
@Injectable()
export class PosterService {
  private readonly logger = new Logger('Posters');
  private readonly cache = new Map<string, { png: Buffer; until: number }>();

  constructor(
    private readonly ds: DataSource,
    private readonly shares: ShareService,
    private readonly wechat: WechatApiClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async poster(sceneCode: string): Promise<Buffer> {
    const hit = this.cache.get(sceneCode);
    if (hit && hit.until > Date.now()) return hit.png;
    const scene = await this.shares.scene(sceneCode);
    const d = await this.ds.getRepository(Distributor).findOneByOrFail({ id: scene.distributorId });
    const nickname = (await this.ds.getRepository(Customer).findOneBy({ id: d.customerId }))?.nickname ?? '';
    const page = scene.path.split('?')[0];
    const qrCode = await this.wechat.getUnlimitedQrCode({ scene: sceneCode, page, checkPath: false, width: 430 });
    let input = { title: '会员商城 · 好物推荐', priceCents: null as number | null, memberPriceCents: null as number | null, tagline: '每日签到领积分，会员日专享价', cover: null as Buffer | null };
    if (scene.target.startsWith('product:')) {
      const p = await this.ds.getRepository(Product).findOneBy({ id: Number(scene.target.slice('product:'.length)) });
      if (!p) throw notFound('商品');
      input = { title: p.title, priceCents: p.priceCents, memberPriceCents: p.memberPriceCents, tagline: '', cover: await this.fetchImage(p.coverUrl) };
    } else if (scene.target === 'card') {
      input = { ...input, title: '开通会员卡', tagline: '会员价 · 全场包邮 · 积分加速' };
    }
    const png = await composePoster({ ...input, nickname, qrCode });
    if (this.cache.size >= CACHE_MAX) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(sceneCode, { png, until: Date.now() + CACHE_TTL_MS });
    return png;
  }

  /** The product picture (relative URLs are this server's own media); null when it cannot be had in time. */
  private async fetchImage(url: string): Promise<Buffer | null> {
    if (!url) return null;
    try {
      const res = await fetch(new URL(url, this.config.publicBaseUrl), { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
      return res.ok ? Buffer.from(await res.arrayBuffer()) : null;
    } catch (err) {
      this.logger.warn({ err, url }, 'poster picture not fetched');
      return null;
    }
  }
}
