import { ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError } from './errors';

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

function flatten(errors: ValidationError[], parent = ''): { field: string; problems: string[] }[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, problems: Object.entries(e.constraints).map(([name, text]) => inChinese(name, text)) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Whitelists DTO fields, rejects unknown ones, and answers 400 VALIDATION_FAILED naming each field. */
export const validationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  exceptionFactory: (errors) => {
    const fields = flatten(errors);
    const message = fields.map((f) => `${f.field}: ${f.problems.join('，')}`).join('；');
    return new AppError(400, 'VALIDATION_FAILED', message || '请求参数有误', { fields });
  },
});
