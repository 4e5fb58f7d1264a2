import { Alert, Button, Form, Input, Layout } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { homePathFor } from '../auth/roles';
import { useSession } from '../auth/session';
import { useT } from '../i18n';
import { LocaleSwitch } from '../i18n/LocaleSwitch';
import { PRODUCT_NAME } from '../shell/channels';
import { safeNext } from './safeNext';

interface Credentials {
  username: string;
  password: string;
}

export default function LoginPage() {
  const t = useT();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Credentials>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    document.title = `${t('login.title')} · ${PRODUCT_NAME}`;
  }, [t]);

  const submit = async ({ username, password }: Credentials) => {
    setSubmitting(true);
    setError(null);
    try {
      const me = await signIn(username, password);
      navigate(safeNext(params.get('next')) ?? homePathFor(me.roles), { replace: true });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      form.setFieldValue('password', '');
      setSubmitting(false);
    }
  };

  return (
    <Layout className="ot-shell">
      <Layout.Header className="ot-header">
        <div className="ot-brand">
          <span className="ot-product">{PRODUCT_NAME}</span>
        </div>
        <div className="ot-header-tools">
          <LocaleSwitch />
        </div>
      </Layout.Header>
      <Layout.Content className="ot-main ot-login">
        {/* A plain section: antd Card bundles Tabs and Skeleton, tripling this chunk. */}
        <section className="ot-login-card" aria-labelledby="login-title">
          <h1 id="login-title" className="ot-login-title">
            {t('login.title')}
          </h1>
          {error && <Alert type="error" showIcon title={error} className="ot-alert" />}
          <Form<Credentials>
            form={form}
            name="login"
            layout="vertical"
            requiredMark={false}
            onFinish={submit}
          >
            <Form.Item
              label={t('login.username')}
              name="username"
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item
              label={t('login.password')}
              name="password"
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={submitting}>
              {t('login.submit')}
            </Button>
          </Form>
          <p className="ot-login-back">
            <Link to="/">{t('login.backToPortal')}</Link>
          </p>
        </section>
      </Layout.Content>
    </Layout>
  );
}
