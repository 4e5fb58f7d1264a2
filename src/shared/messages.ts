/**
 * Every message a user can get back from the API, in both languages. Keys are the
 * stable `error.code` values clients may branch on; the texts are for people.
 */
export type Locale = 'zh-CN' | 'en-US';

const messages = {
  // generic
  internal: {
    'zh-CN': '服务器内部错误，请稍后重试',
    'en-US': 'Internal server error, please try again later',
  },
  not_found: { 'zh-CN': '未找到{what}', 'en-US': '{what} not found' },
  route_not_found: {
    'zh-CN': '接口不存在：{method} {url}',
    'en-US': 'No such endpoint: {method} {url}',
  },
  forbidden: { 'zh-CN': '没有权限执行此操作', 'en-US': 'You are not allowed to do this' },
  unauthenticated: { 'zh-CN': '请先登录', 'en-US': 'Please sign in first' },
  database_unavailable: {
    'zh-CN': '数据库暂时不可用，请稍后重试',
    'en-US': 'The database is unavailable, please try again shortly',
  },
  payload_too_large: { 'zh-CN': '请求内容过大', 'en-US': 'The request body is too large' },
  unsupported_media_type: {
    'zh-CN': '不支持的内容类型：{type}',
    'en-US': 'Unsupported content type: {type}',
  },
  invalid_json: {
    'zh-CN': '请求内容不是有效的 JSON',
    'en-US': 'The request body is not valid JSON',
  },
  // validation (one per JSON-schema keyword we use)
  validation_required: { 'zh-CN': '缺少必填字段“{field}”', 'en-US': 'Field "{field}" is required' },
  validation_type: {
    'zh-CN': '字段“{field}”类型应为 {type}',
    'en-US': 'Field "{field}" must be of type {type}',
  },
  validation_min_length: {
    'zh-CN': '字段“{field}”至少 {limit} 个字符',
    'en-US': 'Field "{field}" must have at least {limit} characters',
  },
  validation_max_length: {
    'zh-CN': '字段“{field}”最多 {limit} 个字符',
    'en-US': 'Field "{field}" must have at most {limit} characters',
  },
  validation_minimum: {
    'zh-CN': '字段“{field}”不能小于 {limit}',
    'en-US': 'Field "{field}" must be ≥ {limit}',
  },
  validation_maximum: {
    'zh-CN': '字段“{field}”不能大于 {limit}',
    'en-US': 'Field "{field}" must be ≤ {limit}',
  },
  validation_enum: {
    'zh-CN': '字段“{field}”只能取以下值：{allowed}',
    'en-US': 'Field "{field}" must be one of: {allowed}',
  },
  validation_format: {
    'zh-CN': '字段“{field}”格式不正确（应为 {format}）',
    'en-US': 'Field "{field}" is not a valid {format}',
  },
  validation_pattern: {
    'zh-CN': '字段“{field}”格式不正确',
    'en-US': 'Field "{field}" has the wrong format',
  },
  validation_additional: {
    'zh-CN': '不认识的字段“{field}”',
    'en-US': 'Unknown field "{field}"',
  },
  validation_control_character: {
    'zh-CN': '字段“{field}”含有不可见的控制字符（NUL），请删除后重试',
    'en-US': 'Field "{field}" contains a NUL control character; remove it and try again',
  },
  personal_data_masked: {
    'zh-CN': '“{field}”仍是隐去部分数字的号码，请输入完整号码',
    'en-US': 'Field "{field}" still holds a partly hidden number; enter the number in full',
  },
  validation_other: { 'zh-CN': '字段“{field}”不合法', 'en-US': 'Field "{field}" is invalid' },
  // identifiers
  resident_id_length: {
    'zh-CN': '“{field}”应为 18 位居民身份证号码',
    'en-US': '"{field}" must be an 18-character resident ID number',
  },
  resident_id_format: {
    'zh-CN': '“{field}”只能包含数字，最后一位可为 X',
    'en-US': '"{field}" must be digits, with an optional final X',
  },
  phone_format: {
    'zh-CN': '“{field}”应为 11 位手机号码',
    'en-US': '"{field}" must be an 11-digit mobile number',
  },
  service_point_unknown: {
    'zh-CN': '“{field}”不是本区的服务网点',
    'en-US': '"{field}" is not a service point of this district',
  },
  resident_id_division_code: {
    'zh-CN': '“{field}”的前 6 位不是有效的行政区划代码',
    'en-US': '"{field}" does not start with a valid division code',
  },
  resident_id_birth_date: {
    'zh-CN': '“{field}”中的出生日期无效',
    'en-US': '"{field}" contains an invalid birth date',
  },
  resident_id_check_character: {
    'zh-CN': '“{field}”的校验码不正确，请核对号码',
    'en-US': '"{field}" has a wrong check character; please check the number',
  },
  uscc_length: {
    'zh-CN': '“{field}”应为 18 位统一社会信用代码',
    'en-US': '"{field}" must be an 18-character unified social credit code',
  },
  uscc_format: {
    'zh-CN': '“{field}”含有统一社会信用代码不允许的字符（I、O、Z、S、V 不可用）',
    'en-US': '"{field}" contains characters a credit code cannot have (I, O, Z, S, V are not used)',
  },
  uscc_registration_authority: {
    'zh-CN': '“{field}”的登记管理部门码无效',
    'en-US': '"{field}" has an invalid registration-authority character',
  },
  uscc_division_code: {
    'zh-CN': '“{field}”的第 3–8 位应为行政区划代码',
    'en-US': '"{field}" must carry a division code in characters 3–8',
  },
  uscc_check_character: {
    'zh-CN': '“{field}”的校验码不正确，请核对代码',
    'en-US': '"{field}" has a wrong check character; please check the code',
  },
  phone_invalid: {
    'zh-CN': '“{field}”应为 11 位手机号码',
    'en-US': '"{field}" must be an 11-digit mobile number',
  },
  date_invalid: {
    'zh-CN': '“{field}”不是有效日期（YYYY-MM-DD）',
    'en-US': '"{field}" is not a valid date (YYYY-MM-DD)',
  },
  // identity
  login_failed: { 'zh-CN': '用户名或密码错误', 'en-US': 'Wrong username or password' },
  login_throttled: {
    'zh-CN': '登录失败次数过多，请 {minutes} 分钟后再试',
    'en-US': 'Too many failed sign-ins; try again in {minutes} minutes',
  },
  csrf_invalid: {
    'zh-CN': '页面已过期，请刷新后重试',
    'en-US': 'This page has expired; reload it and try again',
  },
  duplicate: { 'zh-CN': '{what}已存在', 'en-US': '{what} already exists' },
  org_unit_parent_invalid: {
    'zh-CN': '上级组织单元不存在或层级不符',
    'en-US': 'The parent org unit does not exist or is at the wrong level',
  },
  // idempotency
  idempotency_key_invalid: {
    'zh-CN': 'Idempotency-Key 应为 8–128 位字母、数字或 -_',
    'en-US': 'Idempotency-Key must be 8–128 letters, digits, - or _',
  },
  idempotency_in_progress: {
    'zh-CN': '相同请求正在处理中，请稍候',
    'en-US': 'The same request is still being processed',
  },
  idempotency_secret_shown_once: {
    'zh-CN':
      '该请求已经办理完成；其中的密钥（或链接）只显示一次，不再重复显示。如未保存，请重新生成',
    'en-US':
      'This request was already carried out; the key (or link) in its answer is shown only once. If it was not kept, create a new one',
  },
  idempotency_key_reused: {
    'zh-CN': '该 Idempotency-Key 已用于另一个请求',
    'en-US': 'This Idempotency-Key was already used for a different request',
  },
  // calendar
  calendar_range_too_long: {
    'zh-CN': '查询范围不能超过 {limit} 天',
    'en-US': 'The range may span at most {limit} days',
  },
  // catalogue
  item_promise_exceeds_statutory: {
    'zh-CN': '承诺时限（{promised} 个工作日）不能长于法定时限（{statutory} 个工作日）',
    'en-US':
      'The promised limit ({promised} working days) cannot exceed the statutory limit ({statutory})',
  },
  item_visit_reason_required: {
    'zh-CN': '到办事现场次数大于 0 时必须说明理由',
    'en-US': 'A reason is required when the item needs an on-site visit',
  },
  item_condition_required: {
    'zh-CN': '“{field}”：有条件提交的材料须写明条件',
    'en-US': '"{field}": a conditional material needs its condition',
  },
  item_unknown_department: {
    'zh-CN': '部门“{department}”不存在',
    'en-US': 'No department "{department}"',
  },
  item_in_use: {
    'zh-CN': '事项“{item}”仍被一件事“{bundle}”使用',
    'en-US': 'Item "{item}" is still used by bundle "{bundle}"',
  },
  bundle_invalid: {
    'zh-CN': '一件事定义有 {count} 处问题',
    'en-US': 'The bundle definition has {count} problem(s)',
  },
  bundle_empty: { 'zh-CN': '一件事至少包含一个事项', 'en-US': 'A bundle needs at least one item' },
  bundle_duplicate_item: {
    'zh-CN': '事项“{item}”重复出现',
    'en-US': 'Item "{item}" appears twice',
  },
  bundle_unknown_item: {
    'zh-CN': '事项“{item}”不在事项目录中',
    'en-US': 'Item "{item}" is not in the catalogue',
  },
  bundle_unknown_dependency: {
    'zh-CN': '前置事项“{dependency}”不在本一件事中',
    'en-US': 'Prerequisite "{dependency}" is not part of this bundle',
  },
  bundle_cycle: {
    'zh-CN': '事项之间存在循环依赖：{cycle}',
    'en-US': 'The items depend on each other in a cycle: {cycle}',
  },
  bundle_element_conflict: {
    'zh-CN': '数据项“{element}”类型冲突：“{itemA}”为 {typeA}，“{itemB}”为 {typeB}',
    'en-US': 'Data element "{element}" conflicts: "{itemA}" has {typeA}, "{itemB}" has {typeB}',
  },
  bundle_bad_condition: {
    'zh-CN': '条件表达式有误：{reason}',
    'en-US': 'The condition is invalid: {reason}',
  },
  bundle_promise_too_short: {
    'zh-CN': '承诺时限 {promised} 个工作日短于关键路径 {critical} 个工作日（{path}）',
    'en-US':
      'The promised {promised} working days are shorter than the critical path of {critical} ({path})',
  },
  import_invalid: {
    'zh-CN': '导入文件有 {count} 处问题，未导入任何内容',
    'en-US': 'The file has {count} problem(s); nothing was imported',
  },
  import_not_xlsx: {
    'zh-CN': '请上传 Excel 文件（.xlsx）',
    'en-US': 'Please upload an Excel file (.xlsx)',
  },
  import_missing_sheet: { 'zh-CN': '缺少工作表“{sheet}”', 'en-US': 'Sheet "{sheet}" is missing' },
  import_missing_column: { 'zh-CN': '缺少列“{column}”', 'en-US': 'Column "{column}" is missing' },
  import_cell: { 'zh-CN': '{reason}', 'en-US': '{reason}' },
  // cases
  version_conflict: {
    'zh-CN': '该{what}刚被他人处理过，请刷新后重试',
    'en-US': 'Someone else just acted on this {what}; reload and try again',
  },
  action_not_allowed: {
    'zh-CN': '环节“{step}”当前不允许“{action}”；可执行：{allowed}',
    'en-US': 'Step "{step}" does not allow "{action}" now; allowed: {allowed}',
  },
  routing_failed: {
    'zh-CN': '无法确定环节“{step}”的办理单位：{reason}',
    'en-US': 'Cannot route step "{step}": {reason}',
  },
  case_not_editable: {
    'zh-CN': '办件当前状态（{state}）不能修改或提交',
    'en-US': 'The case cannot be changed or submitted in its state ({state})',
  },
  case_incomplete: {
    'zh-CN': '申请还缺 {count} 项内容，请一次补齐',
    'en-US': '{count} item(s) are missing from the application; please complete them all',
  },
  material_missing: { 'zh-CN': '缺少材料“{name}”', 'en-US': 'Material "{name}" is missing' },
  case_already_decided: {
    'zh-CN': '办件已作出决定，不能撤回',
    'en-US': 'The case has been decided and cannot be withdrawn',
  },
  cannot_escalate: {
    'zh-CN': '该环节没有上级单位可上报',
    'en-US': 'This step has no higher unit to escalate to',
  },
  cannot_return: {
    'zh-CN': '该环节没有可退回的前一环节',
    'en-US': 'This step has no earlier step to return to',
  },
  rating_not_open: {
    'zh-CN': '办件送达后才能评价（当前：{state}）',
    'en-US': 'A case can be rated once delivered (now: {state})',
  },
  rating_exists: { 'zh-CN': '该办件已评价', 'en-US': 'This case has already been rated' },
  certificate_revoked: {
    'zh-CN': '该证照已于{date}注销',
    'en-US': 'This certificate was revoked on {date}',
  },
  certificate_not_shareable: {
    'zh-CN': '只能分享有效的证照（当前：{status}）',
    'en-US': 'Only a valid certificate can be shared (now: {status})',
  },
  share_expired: {
    'zh-CN': '分享链接已于{date}过期',
    'en-US': 'The share link expired on {date}',
  },
  // self-service kiosk
  kiosk_key_invalid: {
    'zh-CN': '自助终端密钥无效或终端已停用',
    'en-US': 'The kiosk key is wrong or the kiosk is disabled',
  },
  card_expired: {
    'zh-CN': '身份证已过期（有效期限至 {date}），请使用有效期内的身份证',
    'en-US': 'The ID card expired on {date} (its validity period); please use a valid card',
  },
  card_not_yet_valid: {
    'zh-CN': '身份证尚未生效（有效期限自 {date} 起）',
    'en-US': 'The ID card is not valid until {date} (its validity period)',
  },
  card_date_invalid: {
    'zh-CN': '无法读取身份证的有效期限，请重新放置身份证',
    'en-US': 'The ID card’s validity period could not be read; please place the card again',
  },
  card_dates_inverted: {
    'zh-CN': '身份证的有效期限无法识别，请重新放置身份证',
    'en-US': 'The ID card’s validity period makes no sense; please place the card again',
  },
  kiosk_person_unknown: {
    'zh-CN': '未找到该身份证号码的登记信息，请将身份证放在读卡区，或到窗口办理',
    'en-US':
      'No one is on file with this ID number; place the card on the reader, or ask at a window',
  },
  face_verification_unavailable: {
    'zh-CN': '本终端暂未开通刷脸认证，请使用身份证',
    'en-US': 'Face verification is not available in this deployment; please use your ID card',
  },
  // uploaded files (上传材料)
  file_missing: {
    'zh-CN': '请选择要上传的文件（字段 file）',
    'en-US': 'Choose a file to upload (field "file")',
  },
  file_not_multipart: {
    'zh-CN': '请以 multipart/form-data 表单上传文件，字段名为 file',
    'en-US': 'Send the file as multipart/form-data, in a part named "file"',
  },
  file_one_only: {
    'zh-CN': '每次只能上传一个文件',
    'en-US': 'Upload one file at a time',
  },
  file_incomplete: {
    'zh-CN': '文件没有完整上传，请重试',
    'en-US': 'The file did not arrive whole; please try again',
  },
  file_empty: { 'zh-CN': '文件是空的', 'en-US': 'The file is empty' },
  file_too_large: {
    'zh-CN': '文件超过 {limit} 的上限，请压缩或分拆后再上传',
    'en-US': 'The file is larger than the {limit} limit; compress or split it and try again',
  },
  file_type_not_allowed: {
    'zh-CN': '“{name}”的内容不是允许的文件格式（{allowed}），与文件扩展名无关',
    'en-US':
      'The content of "{name}" is not an allowed file type ({allowed}), whatever its extension says',
  },
  file_infected: {
    'zh-CN': '文件未通过病毒检查（{reason}），未保存',
    'en-US': 'The file failed the virus check ({reason}) and was not stored',
  },
  file_reference_invalid: {
    'zh-CN': '“{field}”不是申请人本人或为其办理的窗口人员上传的文件',
    'en-US': '"{field}" is not a file uploaded by the applicant or by the clerk serving them',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type MessageCode = keyof typeof messages;

export function isMessageCode(code: string): code is MessageCode {
  return Object.hasOwn(messages, code);
}

export function renderMessage(
  code: MessageCode,
  locale: Locale,
  params: Record<string, string | number> = {},
): string {
  return messages[code][locale].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Picks the first supported language of an Accept-Language header; Chinese by default. */
export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'zh-CN';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.split('=')[1]) : 1 };
    })
    .filter((x) => x.tag && x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en-US';
  }
  return 'zh-CN';
}
