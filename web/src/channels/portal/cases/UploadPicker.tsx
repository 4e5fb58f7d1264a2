import { Button } from 'antd';
import { useState } from 'react';
import { useSession } from '../../../auth/session';
import { ACCEPTED_FILES, isFileId, uploadFile } from '../../../files/files';
import { UploadedFileName } from '../../../files/UploadedFileName';
import { useT, type MessageKey } from '../../../i18n';
import styles from './portal-cases.module.css';

type Upload =
  | { status: 'idle' }
  | { status: 'uploading'; name: string; percent: number }
  | { status: 'failed'; name: string; message: string };

export interface UploadPickerProps {
  /** The file input's id: a problem in the summary leads here. */
  id: string;
  /** The material's name, for the button's accessible name and the remove button. */
  name: string;
  nameId: string;
  describedBy: string;
  invalid: boolean;
  /** The upload's id (or an older draft's file name) given for the material, if any. */
  given: string | null;
  onGiven: (reference: string | null) => void;
  /** Words of the button before a file is given: 选择文件 online, 扫描上传 at the counter. */
  pickLabel?: MessageKey;
}

/**
 * One material's file: chosen, uploaded at once with its progress, named when stored, refused
 * with the server's reason (type, size) before anything is kept. The file given before stays
 * when a new one fails.
 */
export function UploadPicker({
  id,
  name,
  nameId,
  describedBy,
  invalid,
  given,
  onGiven,
  pickLabel = 'apply.materials.pick',
}: UploadPickerProps) {
  const t = useT();
  const { session } = useSession();
  const csrfToken = session.status === 'signedIn' ? session.me.csrfToken : null;
  const [upload, setUpload] = useState<Upload>({ status: 'idle' });
  const errorId = `${id}-upload-error`;
  const described = [upload.status === 'failed' && errorId, describedBy].filter(Boolean).join(' ');
  const send = async (file: File) => {
    setUpload({ status: 'uploading', name: file.name, percent: 0 });
    try {
      const stored = await uploadFile(file, csrfToken, (percent) =>
        setUpload({ status: 'uploading', name: file.name, percent }),
      );
      setUpload({ status: 'idle' });
      onGiven(stored.id);
    } catch (error) {
      setUpload({
        status: 'failed',
        name: file.name,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  };

  return (
    <div className={styles.picker}>
      <input
        type="file"
        id={id}
        className={styles.file}
        accept={ACCEPTED_FILES}
        disabled={upload.status === 'uploading'}
        aria-labelledby={`${id}-pick ${nameId}`}
        aria-describedby={described || undefined}
        aria-invalid={invalid || upload.status === 'failed' ? true : undefined}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void send(file);
          // The same file may be picked again after removing it.
          e.target.value = '';
        }}
      />
      <label htmlFor={id} id={`${id}-pick`} className={styles.pick}>
        {given ? t('apply.materials.change') : t(pickLabel)}
      </label>
      {upload.status === 'uploading' ? (
        <span role="status" data-testid="material-uploading">
          {t('apply.materials.uploading', { name: upload.name, percent: upload.percent })}
        </span>
      ) : given ? (
        <>
          {isFileId(given) ? (
            <span>
              {t('apply.materials.uploaded')}
              <UploadedFileName id={given} className={styles.fileName} />
            </span>
          ) : (
            <span>
              {t('apply.materials.recorded')}
              <span className={styles.fileName} data-testid="material-file">
                {given}
              </span>
            </span>
          )}
          <Button
            size="small"
            onClick={() => onGiven(null)}
            aria-label={t('apply.materials.removeNamed', { name })}
          >
            {t('apply.materials.remove')}
          </Button>
        </>
      ) : (
        <span>{t('apply.materials.noFile')}</span>
      )}
      {upload.status === 'failed' && (
        <span
          className={styles.error}
          id={errorId}
          role="alert"
          data-testid="material-upload-error"
        >
          {t('apply.materials.uploadFailed', { name: upload.name, reason: upload.message })}
        </span>
      )}
    </div>
  );
}
