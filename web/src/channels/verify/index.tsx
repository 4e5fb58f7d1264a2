import { Alert, Button, Descriptions, Input, Result } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, ApiError } from '../../api';
import { useLoad } from '../../catalogue/useLoad';
import { useLocale, useT } from '../../i18n';
import { usePageTitle } from '../../shell/pageTitle';
import { Shell } from '../../shell/Shell';
import {
  shanghaiDate,
  shanghaiTime,
  type Certificate,
  type Payload,
  type Verification,
} from '../portal/certificates/model';

const RESULT_STATUS = {
  valid: 'success',
  revoked: 'error',
  expired: 'warning',
  forged: 'error',
} as const;

/**
 * /verify: anyone, signed in or not, checks an e-certificate. `?c=<compact>` is the link a QR code
 * carries; `?share=<token>` is a holder's time-limited share link.
 */
export default function VerifyPage() {
  return (
    <Shell channel="portal">
      <Verify />
    </Shell>
  );
}

function Verify() {
  const t = useT();
  usePageTitle(t('cert.verify.title'));
  const [params, setParams] = useSearchParams();
  const c = params.get('c');
  const share = params.get('share');
  const [text, setText] = useState(c ?? '');
  const [result, setResult] = useState<Verification | null>(null);
  const [shared, setShared] = useState<{ certificate: Certificate; expiresAt: string } | null>(
    null,
  );
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setError(null);
    setResult(null);
    setShared(null);
    const controller = new AbortController();
    const failed = (e: unknown) => {
      if (!controller.signal.aborted) setError(e instanceof ApiError ? e.message : String(e));
    };
    if (c) {
      setText(c);
      api
        .get<Verification>(
          `/api/v1/certificates/verify?c=${encodeURIComponent(c)}`,
          controller.signal,
        )
        .then(setResult, failed);
    } else if (share) {
      api
        .get<{ certificate: Certificate; expiresAt: string }>(
          `/api/v1/certificates/shared/${encodeURIComponent(share)}`,
          controller.signal,
        )
        .then((s) => {
          setShared(s);
          return api.get<Verification>(
            `/api/v1/certificates/verify?c=${encodeURIComponent(s.certificate.compact)}`,
            controller.signal,
          );
        })
        .then(setResult, failed);
    }
    return () => controller.abort();
  }, [c, share]);

  const submit = () => {
    const value = text.trim();
    if (!value) return;
    // A pasted /verify link keeps only its code.
    let code = value;
    try {
      code = new URL(value).searchParams.get('c') ?? value;
    } catch {
      // not a link
    }
    setParams({ c: code });
  };

  return (
    <section
      aria-labelledby="verify-title"
      style={{ maxWidth: 880, margin: '0 auto', padding: 24 }}
    >
      <h2 id="verify-title">{t('cert.verify.title')}</h2>
      <p className="ot-note">
        {t('cert.verify.intro')}{' '}
        <a href="/api/v1/certificates/keys" target="_blank" rel="noreferrer">
          {t('cert.verify.keys')}
        </a>
      </p>
      <label htmlFor="verify-text">{t('cert.verify.label')}</label>
      <Input.TextArea
        id="verify-text"
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: 3, maxRows: 8 }}
        spellCheck={false}
        style={{ fontFamily: 'monospace', marginTop: 4 }}
      />
      <p style={{ marginTop: 8 }}>
        <Button type="primary" onClick={submit} disabled={!text.trim()}>
          {t('cert.verify.submit')}
        </Button>
      </p>
      {error && <Alert type="error" showIcon title={error} />}
      {shared && (
        <Alert
          type="info"
          showIcon
          title={t('cert.verify.shared', { time: shanghaiTime(shared.expiresAt) })}
        />
      )}
      {result && <Outcome v={result} />}
    </section>
  );
}

function Outcome({ v }: { v: Verification }) {
  const t = useT();
  const p = v.certificate;
  const title =
    v.outcome === 'revoked'
      ? t('cert.verify.result.revoked', { date: v.revokedAt ? shanghaiDate(v.revokedAt) : '—' })
      : v.outcome === 'expired'
        ? t('cert.verify.result.expired', { date: p?.validUntil ?? '—' })
        : t(`cert.verify.result.${v.outcome}`);
  return (
    <div data-testid="verify-result" data-outcome={v.outcome}>
      <Result
        status={RESULT_STATUS[v.outcome]}
        title={<span data-testid="verify-outcome">{title}</span>}
        subTitle={
          v.outcome === 'forged' && v.reason
            ? t('cert.verify.reason', {
                reason: t(`cert.verify.reason.${v.reason}` as 'cert.verify.reason.malformed'),
              })
            : undefined
        }
      />
      {p && v.outcome !== 'forged' && <Facts p={p} v={v} />}
    </div>
  );
}

interface TypeEntry {
  key: string;
  fields: { key: string; name: string; nameEn: string }[];
}

function Facts({ p, v }: { p: Payload; v: Verification }) {
  const t = useT();
  const { locale } = useLocale();
  const [types] = useLoad('/api/v1/certificates/types', (signal) =>
    api.get<TypeEntry[]>('/api/v1/certificates/types', signal),
  );
  const fieldName = (k: string) => {
    const f =
      types.status === 'ready'
        ? types.data.find((x) => x.key === p.type)?.fields.find((x) => x.key === k)
        : undefined;
    return f ? (locale === 'en-US' ? f.nameEn : f.name) : k;
  };
  const items = [
    { key: 'type', label: t('cert.col.type'), children: p.typeName },
    { key: 'number', label: t('cert.col.number'), children: p.id },
    { key: 'holder', label: t('cert.field.holder'), children: p.holder.name },
    { key: 'holderId', label: t('cert.field.holderId'), children: p.holder.id },
    { key: 'issuer', label: t('cert.col.issuer'), children: p.issuer.name },
    { key: 'issuedOn', label: t('cert.field.issuedOn'), children: p.issuedOn },
    {
      key: 'validity',
      label: t('cert.col.validity'),
      children: p.validUntil
        ? t('cert.range', { from: p.validFrom, until: p.validUntil })
        : t('cert.longTerm', { from: p.validFrom }),
    },
    ...(v.revokeReason
      ? [{ key: 'revokeReason', label: t('cert.verify.revokeReason'), children: v.revokeReason }]
      : []),
    ...Object.entries(p.fields).map(([k, value]) => ({
      key: `f-${k}`,
      label: fieldName(k),
      children: String(value),
    })),
  ];
  return <Descriptions bordered size="small" column={1} items={items} />;
}
