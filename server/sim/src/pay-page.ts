import type { Trade } from './state';

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** JSON for embedding inside <script>. */
function js(v: unknown): string {
  return JSON.stringify(v).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The H5 demo's stand-in for the WeChat cashier: 确认支付 calls /_sim/pay, then goes to `redirect`. */
export function payPageHtml(trade: Trade | null, prepayId: string, redirect: string | null): string {
  const safeRedirect = redirect && /^https?:\/\//i.test(redirect) ? redirect : null;
  const payable = trade?.trade_state === 'NOTPAY';
  const status = !trade ? '找不到该支付单' : payable ? '' : trade.trade_state === 'CLOSED' ? '订单已关闭' : '订单已支付';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">
<title>微信支付（模拟）</title>
<link rel="icon" href="data:,">
<style>
  body { margin: 0; font-family: -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; background: #ededed; color: #111; }
  .head { background: #fff; padding: 14px; text-align: center; font-size: 17px; border-bottom: 1px solid #e5e5e5; }
  .card { background: #fff; margin: 16px; border-radius: 8px; padding: 28px 16px; text-align: center; }
  .desc { color: #666; font-size: 15px; }
  .amount { font-size: 40px; font-weight: 600; margin: 12px 0 4px; }
  .amount small { font-size: 24px; margin-right: 2px; }
  .note { color: #fa5151; margin-top: 10px; min-height: 1em; }
  .tip { color: #999; font-size: 12px; margin-top: 6px; }
  .btns { margin: 24px 16px; }
  button { display: block; width: 100%; border: 0; border-radius: 8px; padding: 13px; font-size: 17px; margin-bottom: 12px; }
  #pay { background: #07c160; color: #fff; }
  #pay:disabled { background: #9ed99d; }
  #cancel { background: #f2f2f2; color: #07c160; }
</style>
</head>
<body>
<div class="head">微信支付（模拟）</div>
<div class="card">
  <div class="desc">${esc(trade?.description ?? '')}</div>
  <div class="amount">${trade ? `<small>¥</small>${(trade.total / 100).toFixed(2)}` : '—'}</div>
  <div class="tip">订单号 ${esc(trade?.out_trade_no ?? prepayId)}</div>
  <div class="note" id="note">${esc(status)}</div>
</div>
<div class="btns">
  <button id="pay"${payable ? '' : ' disabled'}>确认支付</button>
  <button id="cancel">取消</button>
</div>
<script>
  var prepayId = ${js(prepayId)};
  var redirect = ${js(safeRedirect)};
  var pay = document.getElementById('pay');
  var note = document.getElementById('note');
  pay.onclick = function () {
    pay.disabled = true;
    note.textContent = '支付中…';
    fetch('/_sim/pay', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ prepayId: prepayId }) })
      .then(function (r) { return r.json().then(function (b) { if (!r.ok) throw new Error(b.message || r.status); }); })
      .then(function () { note.textContent = '支付成功'; if (redirect) location.href = redirect; })
      .catch(function (e) { note.textContent = '支付失败：' + e.message; pay.disabled = false; });
  };
  document.getElementById('cancel').onclick = function () {
    if (history.length > 1) history.back(); else if (redirect) location.href = redirect;
  };
</script>
</body>
</html>
`;
}
