import { roleLabel } from '../auth/roles';
import type { Me } from '../auth/session';
import { useLocale, useT } from '../i18n';

export function UserSummary({ me }: { me: Me }) {
  const t = useT();
  const { locale } = useLocale();
  // Citizens and enterprises have no org unit of their own; staff fall back to where their first
  // role is held.
  const orgUnit = me.orgUnit ?? me.roles[0]?.orgUnit ?? null;
  const orgName = orgUnit && (locale === 'en-US' ? orgUnit.nameEn || orgUnit.name : orgUnit.name);
  const roles = [...new Set(me.roles.map((r) => roleLabel(t, r.role)))];

  return (
    <div className="ot-user">
      <span className="ot-user-name" data-testid="user-name">
        {me.displayName}
      </span>
      {orgName && (
        <span>
          <span className="ot-visually-hidden">{t('user.orgUnitLabel')}</span>
          <span data-testid="user-org-unit">{orgName}</span>
        </span>
      )}
      {roles.length > 0 && (
        <span>
          <span className="ot-visually-hidden">{t('user.rolesLabel')}</span>
          <span data-testid="user-roles">{roles.join(t('user.listSeparator'))}</span>
        </span>
      )}
    </div>
  );
}
