import { Alert, Button } from 'antd';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { audienceLabel, useLocalName } from '../../catalogue/labels';
import { guidePath, type List, type SearchHit } from '../../catalogue/model';
import { query, useApi, type Loadable } from '../../catalogue/useLoad';
import { useT } from '../../i18n';

// The server caps a query at 50 characters.
const MAX_QUERY = 50;

/** The portal's search. The query lives in the URL so results survive Back and can be shared. */
export function Search() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const [text, setText] = useState(q);
  const [results] = useApi<List<SearchHit>>(q ? `/api/v1/search${query({ q, limit: 20 })}` : null);

  // Back and Forward change the query under the box.
  useEffect(() => setText(q), [q]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams(params);
    if (text.trim()) next.set('q', text.trim());
    else next.delete('q');
    setParams(next);
  };

  return (
    <div className="ot-search">
      <form role="search" className="ot-search-form" onSubmit={submit}>
        <label htmlFor="portal-search" className="ot-search-label">
          {t('portal.search.label')}
        </label>
        <div className="ot-search-row">
          <input
            id="portal-search"
            type="search"
            className="ot-search-input"
            value={text}
            maxLength={MAX_QUERY}
            autoComplete="off"
            placeholder={t('portal.search.placeholder')}
            onChange={(event) => setText(event.target.value)}
          />
          <Button type="primary" size="large" htmlType="submit">
            {t('portal.search.submit')}
          </Button>
        </div>
      </form>
      {q && <SearchResults q={q} results={results} />}
    </div>
  );
}

function SearchResults({ q, results }: { q: string; results: Loadable<List<SearchHit>> }) {
  const t = useT();
  const name = useLocalName();
  // One window for a whole life event beats the single items it is made of, so bundles lead.
  const hits =
    results.status === 'ready'
      ? [...results.data.data].sort(
          (a, b) => Number(b.kind === 'bundle') - Number(a.kind === 'bundle'),
        )
      : [];

  return (
    <section className="ot-results" aria-labelledby="search-results-heading">
      <h2 id="search-results-heading">{t('portal.search.results')}</h2>
      <p role="status" className="ot-status">
        {results.status === 'loading' && t('app.loading')}
        {results.status === 'ready' &&
          (hits.length
            ? t('portal.search.count', { n: hits.length, q })
            : t('portal.search.none', { q }))}
      </p>
      {results.status === 'error' && <Alert type="error" showIcon title={results.error.message} />}
      {hits.length > 0 && (
        <ul className="ot-result-list">
          {hits.map((hit) => (
            <li key={`${hit.kind}:${hit.key}`}>
              <Link className="ot-result-name" to={guidePath(hit.kind, hit.key)}>
                {name(hit)}
              </Link>
              {hit.kind === 'bundle' && <span className="ot-tag">{t('catalogue.bundleTag')}</span>}
              <span className="ot-result-meta">
                {hit.kind === 'bundle'
                  ? hit.audience && audienceLabel(t, hit.audience)
                  : hit.department && name(hit.department)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
