import type { ValidityRule } from './rules/validity.ts';

/** One field printed on a certificate: its label and the form data element it is taken from. */
export interface CertificateField {
  key: string;
  name: string;
  nameEn: string;
  /** The data element of the application form (`enterprise.business_scope`). */
  element: string;
  /** Appended to the value when printed (万元, m²). */
  unit?: string;
}

/**
 * A catalogue entry of a certificate type (GB/T 36902: 电子证照目录): its code, who may hold it,
 * its fields and how long it is valid.
 */
export interface CertificateType {
  key: string;
  /** Four letters, the first of the identifier (YYZZ for 营业执照). */
  code: string;
  name: string;
  nameEn: string;
  holderKind: 'person' | 'enterprise' | 'either';
  validity: ValidityRule;
  fields: CertificateField[];
}

const f = (key: string, name: string, nameEn: string, element: string, unit?: string) => ({
  key,
  name,
  nameEn,
  element,
  ...(unit ? { unit } : {}),
});

export const CERTIFICATE_TYPES: readonly CertificateType[] = [
  {
    key: 'business-licence',
    code: 'YYZZ',
    name: '营业执照',
    nameEn: 'Business licence',
    holderKind: 'enterprise',
    validity: { longTerm: true },
    fields: [
      f('entityType', '类型', 'Type', 'enterprise.type'),
      f(
        'legalRepresentative',
        '法定代表人',
        'Legal representative',
        'enterprise.legal_representative',
      ),
      f(
        'registeredCapital',
        '注册资本',
        'Registered capital',
        'enterprise.registered_capital_wan',
        '万元',
      ),
      f('businessScope', '经营范围', 'Business scope', 'enterprise.business_scope'),
      f('address', '住所', 'Address', 'premises.address'),
    ],
  },
  {
    key: 'food-business-permit',
    code: 'SPJY',
    name: '食品经营许可证',
    nameEn: 'Food business permit',
    holderKind: 'enterprise',
    validity: { years: 5 },
    fields: [
      f('businessType', '主体业态', 'Kind of food business', 'food.business_type'),
      f('address', '经营场所', 'Premises', 'premises.address'),
      f('area', '经营面积', 'Floor area', 'premises.area_m2', '平方米'),
    ],
  },
  {
    key: 'birth-medical-certificate',
    code: 'CSYX',
    name: '出生医学证明',
    nameEn: 'Medical certificate of birth',
    holderKind: 'person',
    validity: { longTerm: true },
    fields: [
      f('childName', '新生儿姓名', "Child's name", 'child.name'),
      f('birthDate', '出生日期', 'Date of birth', 'child.birth_date'),
      f('sex', '性别', 'Sex', 'child.sex'),
      f('hospital', '出生地点', 'Place of birth', 'child.birth_hospital'),
    ],
  },
  {
    key: 'hukou-registration',
    code: 'HKDJ',
    name: '户口登记',
    nameEn: 'Household registration',
    holderKind: 'person',
    validity: { longTerm: true },
    fields: [f('address', '住址', 'Address', 'applicant.address')],
  },
  {
    key: 'social-security-card',
    code: 'SBKA',
    name: '社会保障卡',
    nameEn: 'Social security card',
    holderKind: 'person',
    validity: { years: 10 },
    fields: [],
  },
  {
    key: 'real-estate-certificate',
    code: 'BDCQ',
    name: '不动产权证书',
    nameEn: 'Real estate certificate',
    holderKind: 'either',
    validity: { longTerm: true },
    fields: [
      f('location', '坐落', 'Location', 'property.address'),
      f('area', '建筑面积', 'Floor area', 'property.area_m2', '平方米'),
      f('use', '用途', 'Use', 'property.use'),
    ],
  },
  {
    key: 'resident-id-card',
    code: 'JMSF',
    name: '居民身份证（电子证照）',
    nameEn: 'Resident ID card (electronic)',
    holderKind: 'person',
    validity: { years: 20 },
    fields: [],
  },
  {
    key: 'public-place-hygiene-permit',
    code: 'GGWS',
    name: '公共场所卫生许可证',
    nameEn: 'Public place hygiene permit',
    holderKind: 'enterprise',
    validity: { years: 4 },
    fields: [f('address', '经营场所', 'Premises', 'premises.address')],
  },
];

const BY_KEY = new Map(CERTIFICATE_TYPES.map((t) => [t.key, t]));

/**
 * The type of a key. A type the catalogue names but this list does not describe yet gets a
 * generic entry: its name from the item that issues it, long-term, no fields of its own.
 */
export function certificateType(key: string, fallbackName?: string): CertificateType {
  return (
    BY_KEY.get(key) ?? {
      key,
      code: 'QTZZ',
      name: fallbackName ?? key,
      nameEn: key,
      holderKind: 'either',
      validity: { longTerm: true },
      fields: [],
    }
  );
}
