import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../i18n';
import { mobileSearchPath } from './routes';

// The server caps a query at 50 characters.
const MAX_QUERY = 50;

/** The search field of the phone: a plain form, so the phone's own keyboard shows 搜索. */
export function SearchBox({ initial = '' }: { initial?: string }) {
  const t = useT();
  const navigate = useNavigate();
  const [text, setText] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim()) void navigate(mobileSearchPath(text.trim()));
  };
  return (
    <form role="search" className="ot-m-search" onSubmit={submit}>
      <label htmlFor="m-search">{t('portal.search.label')}</label>
      <div className="ot-m-search-row">
        <input
          id="m-search"
          type="search"
          enterKeyHint="search"
          value={text}
          maxLength={MAX_QUERY}
          autoComplete="off"
          placeholder={t('portal.search.placeholder')}
          onChange={(event) => setText(event.target.value)}
        />
        <button type="submit" className="ot-m-button ot-m-primary">
          {t('portal.search.submit')}
        </button>
      </div>
    </form>
  );
}
