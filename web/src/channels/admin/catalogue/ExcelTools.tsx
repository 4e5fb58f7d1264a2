import { Alert, Button, Modal } from 'antd';
import { useRef, useState } from 'react';
import { api, ApiError } from '../../../api';
import { useT } from '../../../i18n';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface ImportResult {
  items: number;
  bundles: number;
  servicePoints: number;
}

type ImportState =
  | { status: 'idle' }
  | { status: 'confirming'; file: File }
  | { status: 'importing'; file: File }
  | { status: 'done'; result: ImportResult }
  | { status: 'failed'; error: ApiError };

function saveBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next tick: the download has to start from the URL first.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The implementation list as a spreadsheet, out and back in. */
export function ExcelTools({ onImported }: { onImported: () => void }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const [state, setState] = useState<ImportState>({ status: 'idle' });

  const exportFile = async () => {
    setExporting(true);
    setExportError(null);
    try {
      saveBlob(await api.download('/api/v1/catalogue/export', XLSX_TYPE), 'onetrip-catalogue.xlsx');
    } catch (error) {
      setExportError(error instanceof ApiError ? error.message : String(error));
    } finally {
      setExporting(false);
    }
  };

  const importFile = async (file: File) => {
    setState({ status: 'importing', file });
    try {
      const result = await api.upload<ImportResult>('/api/v1/catalogue/import', file, XLSX_TYPE);
      setState({ status: 'done', result });
      onImported();
    } catch (error) {
      const apiError =
        error instanceof ApiError ? error : new ApiError(0, 'unexpected', String(error));
      setState({ status: 'failed', error: apiError });
    }
  };

  const pending = state.status === 'confirming' || state.status === 'importing' ? state : null;
  return (
    <div className="ot-excel">
      <div className="ot-toolbar">
        <Button onClick={exportFile} loading={exporting}>
          {t('admin.excel.export')}
        </Button>
        <Button onClick={() => input.current?.click()} loading={state.status === 'importing'}>
          {t('admin.excel.import')}
        </Button>
        {/* Hidden: the button above is the control people and screen readers use. */}
        <input
          ref={input}
          type="file"
          hidden
          accept={`.xlsx,${XLSX_TYPE}`}
          data-testid="catalogue-import-file"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) setState({ status: 'confirming', file });
          }}
        />
      </div>
      {exportError && <Alert className="ot-alert" type="error" showIcon title={exportError} />}
      {state.status === 'done' && (
        <Alert
          className="ot-alert"
          type="success"
          showIcon
          title={t('admin.excel.imported', {
            items: state.result.items,
            bundles: state.result.bundles,
            points: state.result.servicePoints,
          })}
        />
      )}
      {state.status === 'failed' && <ImportProblems error={state.error} />}
      <Modal
        open={pending !== null}
        title={t('admin.excel.confirmTitle')}
        okText={t('admin.excel.confirmOk')}
        cancelText={t('admin.cancel')}
        confirmLoading={state.status === 'importing'}
        onOk={() => pending && importFile(pending.file)}
        onCancel={() => state.status === 'confirming' && setState({ status: 'idle' })}
      >
        <p>{pending && t('admin.excel.confirm', { name: pending.file.name })}</p>
      </Modal>
    </div>
  );
}

/** A refused file comes back with every problem: one row per cell at fault. */
function ImportProblems({ error }: { error: ApiError }) {
  const t = useT();
  const details = error.details ?? [];
  return (
    <div className="ot-alert">
      <Alert type="error" showIcon title={t('admin.excel.failed', { message: error.message })} />
      {details.length > 0 && (
        <div className="ot-table-wrap">
          <table className="ot-table" data-testid="import-problems">
            <caption>{t('admin.excel.problems', { n: details.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.excel.sheet')}</th>
                <th scope="col">{t('admin.excel.row')}</th>
                <th scope="col">{t('admin.excel.column')}</th>
                <th scope="col">{t('admin.excel.message')}</th>
              </tr>
            </thead>
            <tbody>
              {details.map((d, i) => (
                <tr key={i}>
                  <td>{d.sheet ?? '—'}</td>
                  <td>{d.row ?? '—'}</td>
                  <td>{d.column ?? d.field ?? '—'}</td>
                  <td>{d.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
