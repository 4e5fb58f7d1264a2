import { Alert, Button, Checkbox, Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, ApiError } from '../../../api';
import { useFormatters } from '../../../cases/labels';
import { casePath, type CaseDetail } from '../../../cases/model';
import { translate, useT, type MessageKey } from '../../../i18n';
import { useCaseRoutes } from './paths';
import styles from './portal-cases.module.css';

export const SCORES = [5, 4, 3, 2, 1] as const;
const SCORE_LABEL: Record<number, MessageKey> = {
  1: 'apply.rating.score1',
  2: 'apply.rating.score2',
  3: 'apply.rating.score3',
  4: 'apply.rating.score4',
  5: 'apply.rating.score5',
};
const TAGS: MessageKey[] = [
  'apply.rating.tag.oneTrip',
  'apply.rating.tag.fewMaterials',
  'apply.rating.tag.fast',
  'apply.rating.tag.friendly',
  'apply.rating.tag.unclear',
  'apply.rating.tag.slow',
];

/** A score in words: 5 非常满意 … 1 非常不满意. */
export function scoreLabel(t: (key: MessageKey) => string, score: number): string {
  const key = SCORE_LABEL[score];
  return key ? t(key) : String(score);
}

// Tags are stored in the district's working language, whatever the applicant's UI language,
// so that the departments' statistics count one tag once.
const storedTag = (key: MessageKey) => translate('zh-CN', key);
const tagKeyOf = (stored: string) => TAGS.find((k) => storedTag(k) === stored);

interface RatingValues {
  score?: number;
  text?: string;
  tags?: MessageKey[];
}

/** 好差评 after delivery, once; then the one later review (追评). */
export function Rating({
  detail,
  refresh,
}: {
  detail: CaseDetail;
  /** Fetches the case again, and says what happened. */
  refresh: (message: string) => void;
}) {
  const t = useT();
  const routes = useCaseRoutes();
  const f = useFormatters();
  const rating = detail.rating;
  const [followUp, setFollowUp] = useState<string | null>(null);

  return (
    <section className={styles.section} aria-labelledby="rating-title" data-testid="rating">
      <h3 id="rating-title">{t('apply.rating.title')}</h3>
      {followUp && (
        <Alert
          className="ot-alert"
          type="info"
          showIcon
          title={t('apply.rating.followUpOpened')}
          description={<Link to={routes.case(followUp)}>{t('apply.rating.followUpLink')}</Link>}
        />
      )}
      {!rating ? (
        <RatingForm
          detail={detail}
          onRated={(followUpCaseId) => {
            setFollowUp(followUpCaseId);
            refresh(t('apply.rating.thanks'));
          }}
        />
      ) : (
        <>
          <dl className="ot-facts" data-testid="rating-given">
            <dt>{t('apply.rating.score')}</dt>
            <dd>
              {t('apply.rating.scoreValue', {
                n: rating.score,
                label: scoreLabel(t, rating.score),
              })}
            </dd>
            {rating.tags.length > 0 && (
              <>
                <dt>{t('apply.rating.tags')}</dt>
                <dd>
                  {rating.tags
                    .map((tag) => {
                      const key = tagKeyOf(tag);
                      return key ? t(key) : tag;
                    })
                    .join(t('user.listSeparator'))}
                </dd>
              </>
            )}
            {rating.text && (
              <>
                <dt>{t('apply.rating.textGiven')}</dt>
                <dd className="ot-prewrap">{rating.text}</dd>
              </>
            )}
            <dt>{t('apply.rating.at')}</dt>
            <dd>{f.dateTime(rating.at)}</dd>
            {rating.followUpText && (
              <>
                <dt>{t('apply.rating.followUpText')}</dt>
                <dd className="ot-prewrap">{rating.followUpText}</dd>
              </>
            )}
          </dl>
          {rating.followUpCaseId && !followUp && (
            <p>
              <Link to={routes.case(rating.followUpCaseId)}>{t('apply.rating.followUpLink')}</Link>
            </p>
          )}
          {!rating.followUpText && (
            <FollowUpForm detail={detail} onDone={() => refresh(t('apply.rating.followUpSaved'))} />
          )}
        </>
      )}
    </section>
  );
}

function RatingForm({
  detail,
  onRated,
}: {
  detail: CaseDetail;
  onRated: (followUpCaseId: string | null) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<RatingValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const send = async (values: RatingValues) => {
    setBusy(true);
    setError(null);
    try {
      const text = values.text?.trim();
      const answer = await api.post<{ followUpCaseId: string | null }>(
        `${casePath(detail.id)}/rating`,
        {
          score: values.score,
          ...(text ? { text } : {}),
          ...(values.tags?.length ? { tags: values.tags.map(storedTag) } : {}),
        },
      );
      onRated(answer.followUpCaseId);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} name="rating" layout="vertical" onFinish={send}>
      <p className="ot-note">{t('apply.rating.intro')}</p>
      {error && <Alert className="ot-alert" type="error" showIcon title={error} />}
      <Form.Item
        name="score"
        label={<span id="rating-score-label">{t('apply.rating.score')}</span>}
        rules={[{ required: true, message: t('apply.rating.scoreRequired') }]}
      >
        <Radio.Group
          aria-labelledby="rating-score-label"
          optionType="button"
          className={styles.ratingScores}
          options={SCORES.map((n) => ({
            value: n,
            label: t('apply.rating.scoreValue', { n, label: scoreLabel(t, n) }),
          }))}
        />
      </Form.Item>
      <Form.Item name="tags" label={<span id="rating-tags-label">{t('apply.rating.tags')}</span>}>
        <Checkbox.Group
          aria-labelledby="rating-tags-label"
          options={TAGS.map((key) => ({ value: key, label: t(key) }))}
        />
      </Form.Item>
      <Form.Item name="text" label={t('apply.rating.text')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} showCount />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('apply.rating.submit')}
      </Button>
    </Form>
  );
}

function FollowUpForm({ detail, onDone }: { detail: CaseDetail; onDone: () => void }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const send = async ({ text }: { text: string }) => {
    setBusy(true);
    setError(null);
    try {
      await api.post<void>(`${casePath(detail.id)}/rating/follow-up`, { text: text.trim() });
      onDone();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form name="followUp" layout="vertical" onFinish={send} style={{ marginTop: 16 }}>
      <h4 style={{ margin: '0 0 4px', fontSize: 16 }}>{t('apply.rating.followUpTitle')}</h4>
      <p className="ot-note">{t('apply.rating.followUpIntro')}</p>
      {error && <Alert className="ot-alert" type="error" showIcon title={error} />}
      <Form.Item
        name="text"
        label={t('apply.rating.followUpText')}
        rules={[{ required: true, whitespace: true, message: t('apply.rating.followUpRequired') }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} showCount />
      </Form.Item>
      <Button htmlType="submit" loading={busy}>
        {t('apply.rating.followUpSubmit')}
      </Button>
    </Form>
  );
}
