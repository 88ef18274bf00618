import { startSimulator, type RunningSimulator } from '@mc/wechat-sim';
import {
  WechatPayClient,
  WechatPayError,
  type WechatConfig,
  type WechatRefundNotice,
  type WechatTransferBill,
} from '../../src/wechat';
import { simPost, startNotifyTarget, uniqueNo, wechatConfig, type NotifyTarget } from './sim-helpers';

describe('WeChat Pay refunds and merchant transfers against the simulator', () => {
  let sim: RunningSimulator;
  let target: NotifyTarget;
  let cfg: WechatConfig;
  let pay: WechatPayClient;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    target = await startNotifyTarget(() => ({ status: 200, body: { code: 'SUCCESS' } }));
    cfg = wechatConfig(sim, target.url);
    pay = new WechatPayClient(cfg);
  });
  afterAll(async () => {
    await target.close();
    await sim.close();
  });
  beforeEach(() => {
    target.received.length = 0;
  });

  async function paidOrder(totalCents: number) {
    const outTradeNo = uniqueNo('T');
    const { prepayId } = await pay.jsapiPrepay({ outTradeNo, description: '测试', totalCents, openid: 'oRefund' });
    await simPost(sim, '/_sim/pay', { prepayId });
    target.received.length = 0;
    return outTradeNo;
  }

  it('refunds in parts, is idempotent on out_refund_no, refuses more than was paid (NOT_ENOUGH), and notifies REFUND.SUCCESS', async () => {
    const outTradeNo = await paidOrder(1000);
    const outRefundNo = uniqueNo('R');
    const r = await pay.refund({ outTradeNo, outRefundNo, refundCents: 600, totalCents: 1000, reason: '不想要了' });
    expect(r).toMatchObject({
      out_refund_no: outRefundNo,
      out_trade_no: outTradeNo,
      status: 'PROCESSING',
      amount: { refund: 600, total: 1000, currency: 'CNY' },
    });
    expect(r.refund_id).toEqual(expect.any(String));

    const same = await pay.refund({ outTradeNo, outRefundNo, refundCents: 600, totalCents: 1000, reason: '不想要了' });
    expect(same.refund_id).toBe(r.refund_id);

    const err = await pay
      .refund({ outTradeNo, outRefundNo: uniqueNo('R'), refundCents: 401, totalCents: 1000, reason: 'x' })
      .catch((e) => e);
    expect(err).toBeInstanceOf(WechatPayError);
    expect(err).toMatchObject({ status: 400, code: 'NOT_ENOUGH' });

    // the notification arrives shortly after, and the refund is SUCCESS by then
    const [got] = await target.waitFor(1);
    expect(got.path).toBe('/refund');
    const n = pay.parseNotification<WechatRefundNotice>(got.headers, got.body);
    expect(n.eventType).toBe('REFUND.SUCCESS');
    expect(n.resource).toMatchObject({
      mchid: cfg.mchId,
      out_trade_no: outTradeNo,
      out_refund_no: outRefundNo,
      refund_id: r.refund_id,
      refund_status: 'SUCCESS',
      amount: { total: 1000, refund: 600 },
    });
    expect(JSON.parse(got.body).resource.associated_data).toBe('refund');
    expect(await pay.queryRefund(outRefundNo)).toMatchObject({ status: 'SUCCESS', refund_id: r.refund_id });
    expect((await pay.queryByOutTradeNo(outTradeNo))!.trade_state).toBe('REFUND');

    // the rest (400) can still be refunded
    const rest = await pay.refund({ outTradeNo, outRefundNo: uniqueNo('R'), refundCents: 400, totalCents: 1000, reason: 'x' });
    expect(rest.status).toBe('PROCESSING');
    await target.waitFor(2);
    await expect(
      pay.refund({ outTradeNo, outRefundNo: uniqueNo('R'), refundCents: 1, totalCents: 1000, reason: 'x' }),
    ).rejects.toMatchObject({ code: 'NOT_ENOUGH' });
  });

  it('refuses to refund an unpaid order, an unknown order, or a wrong total', async () => {
    const outTradeNo = uniqueNo('T');
    await pay.jsapiPrepay({ outTradeNo, description: 'x', totalCents: 100, openid: 'o' });
    await expect(pay.refund({ outTradeNo, outRefundNo: uniqueNo('R'), refundCents: 100, totalCents: 100 })).rejects.toMatchObject({
      status: 400,
    });
    await expect(
      pay.refund({ outTradeNo: 'UNKNOWN123', outRefundNo: uniqueNo('R'), refundCents: 1, totalCents: 1 }),
    ).rejects.toMatchObject({ status: 404 });
    const paid = await paidOrder(300);
    await expect(
      pay.refund({ outTradeNo: paid, outRefundNo: uniqueNo('R'), refundCents: 100, totalCents: 999 }),
    ).rejects.toMatchObject({ status: 400, code: 'PARAM_ERROR' });
    expect(await pay.queryRefund('NO_SUCH_REFUND')).toBeNull();
  });

  it('a refund without notify_url sends nothing but still completes', async () => {
    const client = new WechatPayClient({ ...cfg, refundNotifyUrl: '' });
    const outTradeNo = await paidOrder(200);
    const outRefundNo = uniqueNo('R');
    await client.refund({ outTradeNo, outRefundNo, refundCents: 200, totalCents: 200 });
    await new Promise((r) => setTimeout(r, 100));
    expect(target.received).toHaveLength(0);
    expect((await client.queryRefund(outRefundNo))!.status).toBe('SUCCESS');
  });

  it('transfers money to a user (SUCCESS), idempotently on out_bill_no', async () => {
    const outBillNo = uniqueNo('B');
    const bill = await pay.transfer({ outBillNo, openid: 'oDistributor', amountCents: 1288, remark: '佣金提现' });
    expect(bill).toMatchObject({ out_bill_no: outBillNo, state: 'SUCCESS' });
    expect(bill.transfer_bill_no).toEqual(expect.any(String));
    expect(bill.create_time).toEqual(expect.any(String));

    const again = await pay.transfer({ outBillNo, openid: 'oDistributor', amountCents: 1288, remark: '佣金提现' });
    expect(again.transfer_bill_no).toBe(bill.transfer_bill_no);

    expect(await pay.queryTransfer(outBillNo)).toMatchObject({
      out_bill_no: outBillNo,
      transfer_bill_no: bill.transfer_bill_no,
      state: 'SUCCESS',
      transfer_amount: 1288,
      openid: 'oDistributor',
      mch_id: cfg.mchId,
    });
    expect(await pay.queryTransfer('NOSUCHBILL1')).toBeNull();

    const [got] = await target.waitFor(1);
    expect(got.path).toBe('/transfer');
    const n = pay.parseNotification<WechatTransferBill>(got.headers, got.body);
    expect(n.eventType).toBe('MCHTRANSFER.BILL.FINISHED');
    expect(n.resource).toMatchObject({ out_bill_no: outBillNo, state: 'SUCCESS' });
  });

  it('/_sim/transfers/fail-next makes the next transfers FAIL, then they succeed again', async () => {
    const ctl = await simPost(sim, '/_sim/transfers/fail-next', { count: 2 });
    expect(ctl.body.failNext).toBe(2);
    const a = await pay.transfer({ outBillNo: uniqueNo('B'), openid: 'o1', amountCents: 100, remark: '佣金提现' });
    const aAgain = await pay.transfer({ outBillNo: a.out_bill_no, openid: 'o1', amountCents: 100, remark: '佣金提现' });
    const b = await pay.transfer({ outBillNo: uniqueNo('B'), openid: 'o1', amountCents: 100, remark: '佣金提现' });
    const c = await pay.transfer({ outBillNo: uniqueNo('B'), openid: 'o1', amountCents: 100, remark: '佣金提现' });
    expect([a.state, aAgain.state, b.state, c.state]).toEqual(['FAIL', 'FAIL', 'FAIL', 'SUCCESS']);
    expect(aAgain.transfer_bill_no).toBe(a.transfer_bill_no);
    const q = await pay.queryTransfer(a.out_bill_no);
    expect(q).toMatchObject({ state: 'FAIL', fail_reason: expect.any(String) });
  });

  it('validates transfers (PARAM_ERROR)', async () => {
    await expect(pay.transfer({ outBillNo: 'bad-no_1', openid: 'o', amountCents: 100, remark: 'x' })).rejects.toMatchObject({
      status: 400,
      code: 'PARAM_ERROR',
    });
    await expect(pay.transfer({ outBillNo: uniqueNo('B'), openid: 'o', amountCents: -5, remark: 'x' })).rejects.toMatchObject({
      code: 'PARAM_ERROR',
    });
  });
});
