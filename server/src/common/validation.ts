import { ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError } from './errors';

function flatten(errors: ValidationError[], parent = ''): { field: string; problems: string[] }[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, problems: Object.values(e.constraints) }] : [];
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
    const message = fields.map((f) => `${f.field}: ${f.problems.join(', ')}`).join('; ');
    return new AppError(400, 'VALIDATION_FAILED', message || 'invalid request', { fields });
  },
});
