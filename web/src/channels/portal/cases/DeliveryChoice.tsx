import { Form, Input, Radio } from 'antd';
import { deliveryMethodLabel } from '../../../cases/labels';
import { DELIVERY_METHODS, type DeliveryChoice } from '../../../cases/model';
import { ServicePointSelect } from '../../../cases/ServicePointSelect';
import { useT, type MessageKey } from '../../../i18n';
import { deliveryId } from './problems';
import styles from './portal-cases.module.css';

export const POST_FIELDS = ['recipient', 'phone', 'address'] as const;
type PostField = (typeof POST_FIELDS)[number];

const POST_LABELS: Record<PostField, MessageKey> = {
  recipient: 'apply.delivery.recipient',
  phone: 'apply.delivery.phone',
  address: 'apply.delivery.address',
};

/** The name the applicant sees for a part of the choice ('post.phone' → 收件人手机). */
export function deliveryPartLabel(t: ReturnType<typeof useT>, key: string): string {
  const post = key.startsWith('post.') ? (key.slice(5) as PostField) : null;
  if (post && POST_LABELS[post]) return t(POST_LABELS[post]);
  return key === 'servicePoint' ? t('apply.delivery.point') : t('apply.delivery.title');
}

/** A choice the server will take as it is: post needs every part of the address. */
export function deliveryComplete(choice: DeliveryChoice): boolean {
  return choice.method !== 'post' || POST_FIELDS.every((f) => choice.post?.[f]?.trim());
}

export interface DeliveryChoiceProps {
  value: DeliveryChoice;
  onChange: (value: DeliveryChoice) => void;
  /** Problems from the last save or submission, keyed 'delivery:<part>'. */
  problems: Map<string, string>;
}

/**
 * 领取方式: how the result reaches the applicant once the case is decided. Pick-up names a
 * service point (none: the window that accepts the case); post asks for a recipient, a mobile
 * number and an address; electronic needs nothing more.
 */
export function DeliveryChoiceSection({ value, onChange, problems }: DeliveryChoiceProps) {
  const t = useT();
  const post = value.post ?? { recipient: '', phone: '', address: '' };
  const setPost = (key: PostField, text: string) =>
    onChange({ ...value, post: { ...post, [key]: text } });
  const status = (key: string) => {
    const problem = problems.get(`delivery:${key}`);
    return { help: problem, validateStatus: problem ? ('error' as const) : undefined };
  };
  return (
    <section
      className={styles.section}
      aria-labelledby="delivery-title"
      data-testid="delivery-choice"
    >
      <h3 id="delivery-title">{t('apply.delivery.title')}</h3>
      <p className="ot-note">{t('apply.delivery.intro')}</p>
      <Form layout="vertical" component="div">
        <Form.Item {...status('method')}>
          <Radio.Group
            id={deliveryId('method')}
            aria-labelledby="delivery-title"
            value={value.method}
            onChange={(e) => onChange({ ...value, method: e.target.value })}
            className={styles.deliveryMethods}
            options={DELIVERY_METHODS.map((m) => ({
              value: m,
              label: (
                <span>
                  <strong>{deliveryMethodLabel(t, m)}</strong>
                  <span className={styles.deliveryHint}>{t(`apply.delivery.hint.${m}`)}</span>
                </span>
              ),
            }))}
          />
        </Form.Item>
        {value.method === 'pickup' && (
          <Form.Item
            label={t('apply.delivery.point')}
            htmlFor={deliveryId('servicePoint')}
            extra={t('apply.delivery.pointHint')}
            {...status('servicePoint')}
          >
            <ServicePointSelect
              id={deliveryId('servicePoint')}
              value={value.servicePoint}
              remember={false}
              allowClear
              placeholder={t('apply.delivery.pointDefault')}
              onChange={(key) => onChange({ ...value, servicePoint: key || undefined })}
            />
          </Form.Item>
        )}
        {value.method === 'post' && (
          <div className={styles.grid}>
            {POST_FIELDS.map((key) => (
              <Form.Item
                key={key}
                required
                label={t(POST_LABELS[key])}
                htmlFor={deliveryId(`post.${key}`)}
                className={key === 'address' ? styles.wide : undefined}
                {...status(`post.${key}`)}
              >
                <Input
                  id={deliveryId(`post.${key}`)}
                  value={post[key]}
                  maxLength={key === 'address' ? 200 : key === 'phone' ? 20 : 40}
                  type={key === 'phone' ? 'tel' : 'text'}
                  inputMode={key === 'phone' ? 'numeric' : undefined}
                  autoComplete={
                    key === 'phone' ? 'tel' : key === 'recipient' ? 'name' : 'street-address'
                  }
                  onChange={(e) => setPost(key, e.target.value)}
                />
              </Form.Item>
            ))}
          </div>
        )}
      </Form>
    </section>
  );
}
