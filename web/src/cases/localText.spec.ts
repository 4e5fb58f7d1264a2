import { describe, expect, it } from 'vitest';
import { caseTitle, enumLabel, messageText, stepName } from './localText';

const ownership = {
  enum: ['own', 'lease'],
  'x-help': 'own：自有；lease：租赁',
  'x-enum-en': { own: 'Owned', lease: 'Leased' },
};

describe('enumLabel', () => {
  it('reads a code in the page language', () => {
    expect(enumLabel('en-US', ownership, 'lease')).toBe('Leased');
    expect(enumLabel('zh-CN', ownership, 'lease')).toBe('租赁');
  });
  it('gives nothing (the code shows) where the catalogue has no label', () => {
    expect(enumLabel('en-US', { enum: ['own'], 'x-help': 'own：自有' }, 'own')).toBeNull();
    expect(enumLabel('en-US', ownership, 'rent')).toBeNull();
    expect(enumLabel('en-US', ownership, 'toString')).toBeNull();
    expect(enumLabel('zh-CN', { 'x-help': 'own：自有' }, 'own')).toBeNull();
  });
});

describe('caseTitle and stepName', () => {
  it('use the English text on English pages, the Chinese one otherwise or without it', () => {
    const c = { title: '出生一件事', titleEn: 'A baby is born' };
    expect(caseTitle('en-US', c)).toBe('A baby is born');
    expect(caseTitle('zh-CN', c)).toBe('出生一件事');
    expect(caseTitle('en-US', { title: '出生一件事', titleEn: null })).toBe('出生一件事');
    expect(stepName('en-US', { name: '受理', nameEn: 'Intake' })).toBe('Intake');
    expect(stepName('zh-CN', { name: '受理', nameEn: 'Intake' })).toBe('受理');
    expect(stepName('en-US', { name: '受理' })).toBe('受理');
  });
});

describe('messageText', () => {
  const word = (kind: string) => `worded ${kind}`;
  const accepted = {
    kind: 'case.accept',
    title: '出生一件事（330106-20261128-000042）',
    titleEn: 'A baby is born (330106-20261128-000042)',
    body: '已受理，可在“我的办件”查看进度。',
  };
  it('words a known message in English', () => {
    expect(messageText('en-US', accepted, word)).toEqual({
      title: 'A baby is born (330106-20261128-000042)',
      body: 'worded case.accept',
    });
  });
  it('keeps the stored Chinese in Chinese, and for what it cannot word', () => {
    expect(messageText('zh-CN', accepted, word)).toEqual({
      title: accepted.title,
      body: accepted.body,
    });
    expect(messageText('en-US', { ...accepted, kind: null, titleEn: null }, word)).toEqual({
      title: accepted.title,
      body: accepted.body,
    });
    expect(messageText('en-US', { ...accepted, kind: 'case.new_topic' }, word).body).toBe(
      accepted.body,
    );
  });
});
