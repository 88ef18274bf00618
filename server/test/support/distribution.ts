import type { Auth } from './shop';
import type { TestApp } from './test-app';

export type Who = { id: number; auth: Auth };
export type ApprovedDistributor = Who & { distributorId: number; ref: string };

/** A WeChat login through the simulator, with a share link's `ref` when given. */
export async function loginWithRef(t: TestApp, openid: string, ref?: string): Promise<Who> {
  const res = await t.http().post('/api/auth/wechat-login').send({ code: `test:${openid}`, ...(ref ? { ref } : {}) }).expect(200);
  return { id: res.body.user.id, auth: { Authorization: `Bearer ${res.body.token}` } };
}

/** A customer (arriving through `ref` if given) who applies and whom staff approve. */
export async function approvedDistributor(t: TestApp, staff: Auth, openid: string, ref?: string): Promise<ApprovedDistributor> {
  const c = await loginWithRef(t, openid, ref);
  await t.http().post('/api/distributors/apply').set(c.auth).send({ reason: '喜欢分享' }).expect(200);
  const pending = (await t.http().get('/api/admin/distributors').query({ status: 'PENDING', pageSize: 100 }).set(staff).expect(200)).body.items;
  const mine = pending.find((d: { customerId: number }) => d.customerId === c.id);
  const approved = (await t.http().post(`/api/admin/distributors/${mine.id}/approve`).set(staff).expect(200)).body;
  return { ...c, distributorId: approved.id, ref: approved.refCode };
}

/** Staff ship a paid goods order and the customer confirms it: it completes. */
export async function shipAndConfirm(t: TestApp, staff: Auth, customer: Auth, orderId: number): Promise<void> {
  await t.http().post(`/api/admin/orders/${orderId}/ship`).set(staff).send({ carrier: '顺丰', trackingNo: `SF${orderId}` }).expect(200);
  await t.http().post(`/api/orders/${orderId}/confirm`).set(customer).expect(201);
}
