import fc from 'fast-check';
import { fitKeywordValue, keywordMaxLength, typedValueProblems, MESSAGE_FIELDS, MESSAGE_KINDS, messageAmount, messageDate, messageTime, SCENE_KINDS, templateData, templateSettingProblems, type TemplateSetting } from '../src';

const setting = (s: Partial<TemplateSetting> = {}): TemplateSetting => ({ templateId: 'tmpl-Ship_01', fields: { character_string1: 'orderNo', thing2: 'goods', time3: 'shippedAt' }, page: null, enabled: true, ...s });
const fields = (s: Partial<TemplateSetting>) => templateSettingProblems('ORDER_SHIPPED', setting(s)).map((p) => p.field);

describe('subscription message templates', () => {
  it('accepts a well-formed mapping', () => {
    expect(templateSettingProblems('ORDER_SHIPPED', setting())).toEqual([]);
    expect(templateSettingProblems('COMMISSION_SETTLED', setting({ fields: { amount1: 'amount', time2: 'settledAt', thing3: 'amount' } }))).toEqual([]);
  });

  it('refuses what WeChat would refuse or we cannot fill', () => {
    expect(fields({ templateId: 'has space' })).toEqual(['templateId']);
    expect(fields({ templateId: '' })).toEqual(['templateId']);
    expect(fields({ templateId: '', enabled: false })).toEqual([]);
    expect(fields({ fields: {} })).toEqual(['fields']);
    expect(fields({ fields: { colour1: 'goods' } })).toEqual(['fields.colour1']);
    expect(fields({ fields: { thing: 'goods' } })).toEqual(['fields.thing']);
    expect(fields({ fields: { thing1: 'nope' } })).toEqual(['fields.thing1']);
    expect(fields({ fields: { amount1: 'goods' } })).toEqual(['fields.amount1']);
    expect(fields({ fields: { time1: 'orderNo' } })).toEqual(['fields.time1']);
    expect(fields({ page: '/pages/x' })).toEqual(['page']);
    expect(fields({ page: 'order/pages/detail/index?id=1' })).toEqual([]);
    const many = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`thing${i + 1}`, 'goods']));
    expect(fields({ fields: many })).toEqual(['fields']);
  });

  it('every kind has fields and is asked for in one scene; campaign messages in two (member day, 积分中心)', () => {
    for (const kind of MESSAGE_KINDS) {
      expect(MESSAGE_FIELDS[kind].length).toBeGreaterThan(0);
      expect(Object.values(SCENE_KINDS).filter((ks) => ks.includes(kind))).toHaveLength(kind === 'CAMPAIGN' ? 2 : 1);
    }
    // WeChat asks for at most three templates at once
    for (const ks of Object.values(SCENE_KINDS)) expect(ks.length).toBeLessThanOrEqual(3);
  });

  it('refuses typed values longer than the keywords they fill, as typed', () => {
    expect(keywordMaxLength('thing1')).toBe(20);
    expect(keywordMaxLength('phrase2')).toBe(5);
    expect(keywordMaxLength('time3')).toBeNull();
    const map = { thing1: 'title', thing2: 'content', phrase3: 'content', time4: 'sentAt' };
    expect(typedValueProblems(map, { title: '一'.repeat(20), content: '五个字以内' })).toEqual([]);
    expect(typedValueProblems(map, { title: '一'.repeat(21), content: '六个字的内容' })).toEqual([
      { field: 'title', problem: '模板关键词最多 20 个字' },
      { field: 'content', problem: '模板关键词最多 5 个字' },
    ]);
    expect(typedValueProblems(map, { title: '  ', content: 'x' })).toEqual([{ field: 'title', problem: '不能为空' }]);
    // a field no keyword shows has no limit of its own here (the DTO caps it)
    expect(typedValueProblems({ thing1: 'title' }, { title: 'x', content: 'y'.repeat(30) })).toEqual([]);
    fc.assert(
      fc.property(fc.constantFrom('thing1', 'phrase2', 'name3'), fc.string({ minLength: 1, maxLength: 40 }), (key, v) => {
        const ok = typedValueProblems({ [key]: 'title' }, { title: v }).length === 0;
        // accepted exactly when WeChat would take it unchanged
        return !ok || fitKeywordValue(key, v) === v.trim();
      }),
    );
  });

  it('fits values to the keyword limits, never empty', () => {
    expect(fitKeywordValue('thing1', '一二三四五六七八九十一二三四五六七八九十')).toHaveLength(20);
    expect(fitKeywordValue('thing1', '一二三四五六七八九十一二三四五六七八九十多')).toBe('一二三四五六七八九十一二三四五六七八九…');
    expect(fitKeywordValue('phrase3', '已发货了的')).toBe('已发货了的');
    expect(fitKeywordValue('phrase3', '已经发货了的')).toBe('已经发货了');
    expect(fitKeywordValue('time2', '2027年3月4日 09:30')).toBe('2027年3月4日 09:30');
    expect(fitKeywordValue('thing1', '  ')).toBe('-');
    fc.assert(
      fc.property(fc.constantFrom('thing1', 'character_string2', 'phrase3', 'name4', 'symbol5', 'number6'), fc.string({ maxLength: 80 }), (key, v) => {
        const out = Array.from(fitKeywordValue(key, v));
        const max = { thing: 20, character_string: 32, phrase: 5, name: 10, symbol: 5, number: 32 }[key.replace(/\d+$/, '')]!;
        return out.length >= 1 && out.length <= max;
      }),
    );
  });

  it('builds the data of a send from the mapping', () => {
    expect(templateData({ character_string1: 'orderNo', thing2: 'goods' }, { orderNo: 'M2027', goods: '龙井', carrier: '顺丰' })).toEqual({ character_string1: { value: 'M2027' }, thing2: { value: '龙井' } });
  });

  it('writes times, dates and money the way messages show them', () => {
    expect(messageTime('Asia/Shanghai', new Date('2027-03-04T01:30:00Z'))).toBe('2027年3月4日 09:30');
    expect(messageTime('Asia/Shanghai', new Date('2027-03-04T16:05:00Z'))).toBe('2027年3月5日 00:05');
    expect(messageDate('2027-03-04')).toBe('2027年3月4日');
    expect(messageAmount(1230)).toBe('12.30元');
  });
});
