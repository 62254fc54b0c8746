import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password-policy.ts';

describe('passwordProblems', () => {
  it.each([
    ['NongTrang@2026', 'tiepnhan', []],
    ['một câu dài dễ nhớ', '025090001234', []],
    ['Tuan@2026!', '025201001122', []],
    ['ngắn', 'tiepnhan', ['too_short']],
    ['Ngắn1!', 'tiepnhan', ['too_short']],
    ['Tám chữ', 'tiepnhan', ['too_short']], // 7 characters in NFC
    ['Tám chữ!', 'tiepnhan', []],
    ['12345678', 'tiepnhan', ['common']],
    ['Mat Khau 123', 'tiepnhan', ['common']],
    ['NONGTRANG123', 'quantri', ['common']],
    ['025090001234', '025090001234', ['contains_login']],
    ['cccd025090001234!', '025090001234', ['contains_login']],
    ['TiepNhan2026', 'tiepnhan', ['contains_login']],
    ['aaaaaaaaaaaa', 'tiepnhan', ['repeated']],
    ['11111111', 'tiepnhan', ['common', 'repeated']],
    ['x'.repeat(201), 'tiepnhan', ['too_long', 'repeated']],
  ])('%j for %s → %j', (password, login, problems) => {
    expect(passwordProblems(password, login)).toEqual(problems);
  });
});
