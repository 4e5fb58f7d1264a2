import { Alert, Button, Modal, Select, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, ApiError } from '../../../api';
import { useLoad } from '../../../catalogue/useLoad';
import { useT } from '../../../i18n';
import { usePageTitle } from '../../../shell/pageTitle';
import { Shell } from '../../../shell/Shell';
import { STATUS_COLOR, shanghaiTime, type Certificate } from './model';

/** /certificates: 我的证照, the applicant's wallet, with PDF, verify and share links. */
export default function Wallet() {
  return (
    <Shell channel="portal" requireAuth>
      <WalletPage />
    </Shell>
  );
}

function WalletPage() {
  const t = useT();
  usePageTitle(t('cert.wallet.title'));
  const path = '/api/v1/certificates/mine';
  const [state] = useLoad(path, (signal) =>
    api.get<{ data: Certificate[]; total: number }>(path, signal),
  );
  const [sharing, setSharing] = useState<Certificate | null>(null);

  const columns: TableColumnsType<Certificate> = [
    {
      title: t('cert.col.type'),
      key: 'type',
      render: (_, c) => (
        <>
          <strong>{c.typeName}</strong>
          <div className="ot-note">{c.holderName}</div>
        </>
      ),
    },
    { title: t('cert.col.number'), dataIndex: 'number', key: 'number' },
    { title: t('cert.col.issuer'), dataIndex: 'issuerName', key: 'issuer' },
    {
      title: t('cert.col.validity'),
      key: 'validity',
      render: (_, c) =>
        c.validUntil
          ? t('cert.range', { from: c.validFrom, until: c.validUntil })
          : t('cert.longTerm', { from: c.validFrom }),
    },
    {
      title: t('cert.col.status'),
      key: 'status',
      render: (_, c) => (
        <Tag color={STATUS_COLOR[c.status]} data-testid={`status-${c.number}`}>
          {t(`cert.status.${c.status}`)}
        </Tag>
      ),
    },
    {
      title: t('cert.col.actions'),
      key: 'actions',
      render: (_, c) => (
        <span className="ot-inline-actions">
          <a href={`/api/v1/certificates/${c.id}/pdf`} target="_blank" rel="noreferrer">
            {t('cert.pdf')}
          </a>{' '}
          · <Link to={`/verify?c=${c.compact}`}>{t('cert.verifyLink')}</Link> ·{' '}
          <Button
            type="link"
            size="small"
            disabled={c.status !== 'valid'}
            title={c.status !== 'valid' ? t('cert.share.onlyValid') : undefined}
            onClick={() => setSharing(c)}
          >
            {t('cert.share')}
          </Button>
        </span>
      ),
    },
  ];

  return (
    <section aria-labelledby="wallet-title" style={{ padding: '16px 24px' }}>
      <h2 id="wallet-title">{t('cert.wallet.title')}</h2>
      <p className="ot-note">{t('cert.wallet.intro')}</p>
      {state.status === 'error' && (
        <Alert className="ot-alert" type="error" showIcon title={state.error.message} />
      )}
      {state.status === 'ready' && state.data.total === 0 ? (
        <p>{t('cert.wallet.empty')}</p>
      ) : (
        <Table
          rowKey="id"
          columns={columns}
          dataSource={state.status === 'ready' ? state.data.data : []}
          loading={state.status === 'loading'}
          pagination={false}
        />
      )}
      {sharing && <ShareDialog certificate={sharing} onClose={() => setSharing(null)} />}
    </section>
  );
}

function ShareDialog({ certificate, onClose }: { certificate: Certificate; onClose: () => void }) {
  const t = useT();
  const [hours, setHours] = useState(24);
  const [link, setLink] = useState<{ url: string; expiresAt: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const create = async () => {
    try {
      const r = await api.post<{ path: string; expiresAt: string }>(
        `/api/v1/certificates/${certificate.id}/shares`,
        { hours },
      );
      setLink({ url: `${window.location.origin}${r.path}`, expiresAt: r.expiresAt });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <Modal
      open
      title={t('cert.share.title', { name: certificate.typeName })}
      onCancel={onClose}
      footer={null}
    >
      <p>
        {t('cert.share.hours')}{' '}
        <Select
          value={hours}
          onChange={setHours}
          options={[1, 24, 72, 168].map((n) => ({
            value: n,
            label: t('cert.share.hoursOption', { n }),
          }))}
          style={{ width: 140 }}
        />{' '}
        <Button type="primary" onClick={() => void create()}>
          {t('cert.share.create')}
        </Button>
      </p>
      {error && <Alert type="error" showIcon title={error} />}
      {link && (
        <p data-testid="share-link">
          {t('cert.share.link', { time: shanghaiTime(link.expiresAt) })}
          <br />
          <a href={link.url}>{link.url}</a>
        </p>
      )}
    </Modal>
  );
}
