import { useT } from '../i18n';
import { fileUrl, formatSize, isFileId, useFileInfo } from './files';

/**
 * An uploaded file by its id: the name opens it in a new tab, the size beside it. Any page that
 * lists a case's materials can show a reference with it (see MaterialReference).
 */
export function UploadedFileName({ id, className }: { id: string; className?: string }) {
  const t = useT();
  const info = useFileInfo(id);
  return (
    <>
      <span className={className} data-testid="material-file">
        {info.status === 'ready' ? (
          <a
            href={fileUrl(id)}
            target="_blank"
            rel="noopener noreferrer"
            title={t('apply.materials.open', { name: info.file.name })}
          >
            {info.file.name}
          </a>
        ) : info.status === 'failed' ? (
          info.message
        ) : (
          '…'
        )}
      </span>
      {info.status === 'ready' && (
        <span data-testid="material-file-size"> ({formatSize(info.file.size)})</span>
      )}
    </>
  );
}

/** A material's reference: an upload shown by name with its link, anything else as written. */
export function MaterialReference({ reference }: { reference: string | null }) {
  if (!reference) return <>—</>;
  return isFileId(reference) ? <UploadedFileName id={reference} /> : <>{reference}</>;
}
