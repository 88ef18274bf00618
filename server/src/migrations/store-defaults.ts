import { QueryRunner } from 'typeorm';

/** What a new store starts with (domain.md defaults); plain SQL that MySQL and SQLite both read. */
export async function insertStoreDefaults(q: QueryRunner): Promise<void> {
  await q.query(
    `INSERT INTO tier (name, growthThreshold, discountBp, pointsMultiplierBp, perks) VALUES
      ('普通', 0, 10000, 10000, ''),
      ('银卡', 500, 9800, 12000, '9.8 折 · 1.2 倍积分'),
      ('金卡', 2000, 9500, 15000, '9.5 折 · 1.5 倍积分 · 生日礼'),
      ('黑金', 8000, 9000, 20000, '9 折 · 2 倍积分 · 专属客服')`,
  );
  await q.query(
    `INSERT INTO membership_plan (name, priceCents, days, benefits, onSale, sort, createdAt) VALUES
      ('月卡', 1990, 30, '会员价 · 全场包邮 · 积分加速', 1, 10, '2026-01-01 00:00:00.000'),
      ('年卡', 16800, 365, '会员价 · 全场包邮 · 积分加速 · 生日礼', 1, 20, '2026-01-01 00:00:00.000')`,
  );
}

export async function deleteStoreDefaults(q: QueryRunner): Promise<void> {
  await q.query(`DELETE FROM membership_plan WHERE name IN ('月卡', '年卡') AND createdAt = '2026-01-01 00:00:00.000'`);
}
