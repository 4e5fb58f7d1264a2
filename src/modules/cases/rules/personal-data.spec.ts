import { describe, expect, it } from 'vitest';

import {
  keepMaskedDeliveryPhone,
  keepMaskedValues,
  maskDeliveryChoice,
  maskFormData,
  personalDataKind,
  personalFields,
  stillMasked,
} from './personal-data.ts';

const form = {
  'applicant.name': '张三',
  'applicant.resident_id': '330106199003071236',
  'applicant.phone': '13800138000',
  'mother.resident_id': '330106199205061248',
  'business.address': '文三路 1 号',
  'applicant.needs_new_id_card': true,
};

describe('personalDataKind', () => {
  it('knows resident IDs and phone numbers by their data element, whoever they belong to', () => {
    expect(personalDataKind('spouse.resident_id')).toBe('resident_id');
    expect(personalDataKind('applicant.phone')).toBe('phone');
    expect(personalDataKind('applicant.needs_new_id_card')).toBeNull();
    expect(personalDataKind('utility.account_no')).toBeNull();
  });
});

describe('maskFormData', () => {
  it('masks every resident ID and phone number and leaves the rest as it is', () => {
    expect(maskFormData(form)).toEqual({
      'applicant.name': '张三',
      'applicant.resident_id': '330106********1236',
      'applicant.phone': '138****8000',
      'mother.resident_id': '330106********1248',
      'business.address': '文三路 1 号',
      'applicant.needs_new_id_card': true,
    });
  });
});

describe('personalFields', () => {
  it('gives only the masked fields, in full', () => {
    expect(personalFields(form)).toEqual({
      'applicant.resident_id': '330106199003071236',
      'applicant.phone': '13800138000',
      'mother.resident_id': '330106199205061248',
    });
  });
});

describe('keepMaskedValues', () => {
  it('keeps the stored value where the form came back with its masked form', () => {
    const back = { ...maskFormData(form), 'business.address': '文三路 2 号' };
    expect(keepMaskedValues(form, back)).toEqual({ ...form, 'business.address': '文三路 2 号' });
  });

  it('takes a new value, and a masked value that does not match what is stored, as given', () => {
    const back = {
      'applicant.phone': '13900139000',
      'mother.resident_id': '330106********9999',
      'father.resident_id': '330106********1236',
    };
    expect(keepMaskedValues(form, back)).toEqual(back);
  });
});

describe('stillMasked', () => {
  it('finds a personal field whose mask was edited rather than replaced', () => {
    const edited = { 'mother.resident_id': '330106********1249' };
    expect(stillMasked(keepMaskedValues(form, edited))).toBe('mother.resident_id');
    expect(stillMasked(keepMaskedValues(form, maskFormData(form)))).toBeNull();
    // Stars elsewhere are the applicant's own business.
    expect(stillMasked({ 'business.address': '文三路 * 号' })).toBeNull();
  });
});

describe('the delivery choice', () => {
  const post = {
    method: 'post',
    post: { recipient: '张三', phone: '13805710000', address: '文三路 1 号' },
  };

  it('masks a postal choice’s phone and leaves a pick-up as it is', () => {
    expect(maskDeliveryChoice(post)?.post?.phone).toBe('138****0000');
    const pickup: { method: string; post?: { phone: string } } = { method: 'pickup' };
    expect(maskDeliveryChoice(pickup)).toEqual({ method: 'pickup' });
    expect(maskDeliveryChoice(null)).toBeNull();
  });

  it('keeps the stored phone when the choice comes back masked, and takes a new one', () => {
    expect(keepMaskedDeliveryPhone(post, maskDeliveryChoice(post)!)).toEqual(post);
    const moved = { ...post, post: { ...post.post, phone: '13900139000' } };
    expect(keepMaskedDeliveryPhone(post, moved)).toEqual(moved);
    expect(keepMaskedDeliveryPhone(null, maskDeliveryChoice(post)!).post?.phone).toBe(
      '138****0000',
    );
  });
});
