import { describe, expect, it } from 'vitest';
import { checkDeliveryChoice } from './delivery-choice.ts';

describe('checkDeliveryChoice', () => {
  it('keeps an electronic choice bare, even when an address was left over from post', () => {
    expect(
      checkDeliveryChoice({
        method: 'electronic',
        post: { recipient: '张三', phone: '13800000000', address: '文三路 1 号' },
      }),
    ).toEqual({ ok: true, choice: { method: 'electronic' } });
  });

  it('keeps the chosen pick-up point, and no point means the accepting window', () => {
    expect(checkDeliveryChoice({ method: 'pickup', servicePoint: ' xihu-centre ' })).toEqual({
      ok: true,
      choice: { method: 'pickup', servicePoint: 'xihu-centre' },
    });
    expect(checkDeliveryChoice({ method: 'pickup', servicePoint: '' })).toEqual({
      ok: true,
      choice: { method: 'pickup' },
    });
  });

  it('names every missing part of a postal address at once', () => {
    const r = checkDeliveryChoice({ method: 'post' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.code, p.field])).toEqual([
      ['validation_required', 'deliveryChoice.post.recipient'],
      ['validation_required', 'deliveryChoice.post.phone'],
      ['validation_required', 'deliveryChoice.post.address'],
    ]);
  });

  it('refuses a phone that is not a mobile number and takes one written with spaces', () => {
    const bad = checkDeliveryChoice({
      method: 'post',
      post: { recipient: '张三', phone: '8888', address: '西湖区文三路 1 号' },
    });
    expect(bad.ok ? [] : bad.problems.map((p) => p.code)).toEqual(['phone_format']);
    const spaced = checkDeliveryChoice({
      method: 'post',
      post: { recipient: ' 张三 ', phone: '138 0000 0000', address: '西湖区文三路 1 号' },
    });
    expect(spaced).toEqual({
      ok: true,
      choice: {
        method: 'post',
        post: { recipient: '张三', phone: '13800000000', address: '西湖区文三路 1 号' },
      },
    });
  });
});
