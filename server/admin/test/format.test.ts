import { describe, expect, it } from 'vitest';
import { formatCents, formatYuan, parseYuan } from '../src/format';

describe('money format', () => {
  it('parses yuan text to integer fen', () => {
    expect(parseYuan('19.9')).toBe(1990);
    expect(parseYuan('19.90')).toBe(1990);
    expect(parseYuan(' 168 ')).toBe(16800);
    expect(parseYuan('0.01')).toBe(1);
    expect(parseYuan('0.07')).toBe(7);
    expect(parseYuan('1.005')).toBeNull();
    expect(parseYuan('-1')).toBeNull();
    expect(parseYuan('1e3')).toBeNull();
    expect(parseYuan('1,000')).toBeNull();
    expect(parseYuan('')).toBeNull();
    expect(parseYuan('.5')).toBeNull();
  });

  it('formats fen', () => {
    expect(formatCents(1990)).toBe('¥19.90');
    expect(formatCents(5)).toBe('¥0.05');
    expect(formatCents(-390)).toBe('-¥3.90');
    expect(formatCents(null)).toBe('—');
    expect(formatYuan(1705)).toBe('17.05');
  });
});
