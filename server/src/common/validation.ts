import { applyDecorators, ValidationError, ValidationPipe } from '@nestjs/common';
import { IsInt, Max, Min, ValidateBy, type ValidationOptions } from 'class-validator';
import { formatYuan, isStoreDay } from '@mc/shared';
import { AppError } from './errors';

/**
 * A DTO's own message that is a whole Chinese sentence naming the field for people
 * ('库存须为 0 到 1000000000 之间的整数'): the response's message says it as it is, without the
 * field path in front; `details.fields` still names the field.
 */
export const sentence = (message: string, options?: ValidationOptions): ValidationOptions => ({ ...options, message, context: { sentence: true } });

/**
 * A whole number in [min, max]; anything else (a fraction, a text, out of range) is refused with
 * one sentence: `IntBetween('库存', 0, 1e9)` → '库存须为 0 到 1000000000 之间的整数'. `message`
 * replaces the sentence (a price said in yuan).
 */
export function IntBetween(label: string, min: number, max: number, message = `${label}须为 ${min} 到 ${max} 之间的整数`) {
  const o = sentence(message);
  return applyDecorators(IsInt(o), Min(min, o), Max(max, o));
}

/** 10000000 fen → '100000', 1990 → '19.9', 1 → '0.01' (an amount in the sentence of a price field): formatYuan without trailing zeros. */
const yuan = (cents: number) => formatYuan(cents).replace(/\.?0+$/, '');

/** An amount of fen in [min, max], refused with '售价须为 0 到 100000 元之间，最多两位小数'. */
export const CentsBetween = (label: string, min: number, max: number) => IntBetween(label, min, max, `${label}须为 ${yuan(min)} 到 ${yuan(max)} 元之间，最多两位小数`);

/** A real calendar date written YYYY-MM-DD (a store day): `IsStoreDay('开始日期')` → '开始日期须为 YYYY-MM-DD 格式的日期'. */
export const IsStoreDay = (label: string) =>
  ValidateBy({ name: 'isStoreDay', validator: { validate: (v: unknown) => isStoreDay(v) } }, sentence(`${label}须为 YYYY-MM-DD 格式的日期`));

/**
 * class-validator's built-in English messages said in Chinese, by constraint name. The English
 * default is matched exactly, so a DTO's own `message` passes through unchanged. The field path
 * is not part of the text: the message and `details.fields` name the field beside it.
 */
const ZH: Record<string, { en: RegExp; zh: (m: RegExpExecArray) => string }> = {
  isInt: { en: / must be an integer number$/, zh: () => '须为整数' },
  isString: { en: / must be a string$/, zh: () => '须为文本' },
  isBoolean: { en: / must be a boolean value$/, zh: () => '须为 true 或 false' },
  isArray: { en: / must be an array$/, zh: () => '须为数组' },
  isObject: { en: / must be an object$/, zh: () => '须为对象' },
  isNotEmpty: { en: / should not be empty$/, zh: () => '不能为空' },
  isDefined: { en: / should not be null or undefined$/, zh: () => '不能为空' },
  isDateString: { en: / must be a valid ISO 8601 date string$/, zh: () => '须为 ISO 8601 格式的日期时间' },
  min: { en: / must not be less than (.+)$/, zh: (m) => `不能小于 ${m[1]}` },
  max: { en: / must not be greater than (.+)$/, zh: (m) => `不能大于 ${m[1]}` },
  minLength: { en: / must be longer than or equal to (\d+) characters$/, zh: (m) => `至少 ${m[1]} 个字符` },
  maxLength: { en: / must be shorter than or equal to (\d+) characters$/, zh: (m) => `最多 ${m[1]} 个字符` },
  arrayMinSize: { en: / must contain at least (\d+) elements$/, zh: (m) => `至少 ${m[1]} 项` },
  arrayMaxSize: { en: / must contain no more than (\d+) elements$/, zh: (m) => `最多 ${m[1]} 项` },
  isIn: { en: / must be one of the following values: (.*)$/s, zh: (m) => `须为以下值之一：${m[1]}` },
  matches: { en: / must match .* regular expression$/s, zh: () => '格式不正确' },
  nestedValidation: { en: / must be either object or array$/, zh: () => '须为对象或数组' },
  whitelistValidation: { en: /^property .* should not exist$/s, zh: () => '不允许提交此字段' },
};

function inChinese(constraint: string, message: string): string {
  const rule = ZH[constraint];
  const m = rule?.en.exec(message);
  if (!rule || !m) return message;
  return (message.startsWith('each value in ') ? '每一项' : '') + rule.zh(m);
}

interface FieldProblems {
  field: string;
  problems: string[];
  /** Every problem is a sentence (see `sentence`): the message says them without the field path. */
  sentences: boolean;
}

function flatten(errors: ValidationError[], parent = ''): FieldProblems[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const names = Object.keys(e.constraints ?? {});
    const isSentence = (name: string) => (e.contexts?.[name] as { sentence?: boolean } | undefined)?.sentence === true;
    // IsInt, Min and Max of one field share one sentence: said once
    const problems = [...new Set(names.map((name) => inChinese(name, e.constraints![name])))];
    const own = names.length ? [{ field, problems, sentences: names.every(isSentence) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Whitelists DTO fields, rejects unknown ones, and answers 400 VALIDATION_FAILED naming each field. */
export const validationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  exceptionFactory: (errors) => {
    const all = flatten(errors);
    const message = all.map((f) => (f.sentences ? f.problems.join('；') : `${f.field}: ${f.problems.join('，')}`)).join('；');
    const fields = all.map(({ field, problems }) => ({ field, problems }));
    return new AppError(400, 'VALIDATION_FAILED', message || '请求参数有误', { fields });
  },
});
