import { Result } from 'antd';
import { useEffect } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../i18n';
import { PRODUCT_NAME } from './channels';

export default function NotFound() {
  const t = useT();
  useEffect(() => {
    document.title = `${t('notFound.title')} · ${PRODUCT_NAME}`;
  }, [t]);
  return (
    <main className="ot-main">
      <Result
        status="404"
        title={t('notFound.title')}
        extra={<Link to="/">{t('notFound.back')}</Link>}
      />
    </main>
  );
}
