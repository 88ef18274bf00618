import { useState, type ReactNode } from 'react';
import { Alert, App, Form, Modal, type FormInstance, type ModalProps } from 'antd';
import { errorMessage, isApiError } from '../api';

/**
 * The request of a form: resolves to the success message once the server took it, rejects with what went wrong.
 * null: there is nothing to send (the form closes).
 */
export type SubmitRequest<V> = (values: V) => Promise<string> | null;

interface SubmitOptions {
  /** After the success message: the caller closes the form and reloads. */
  onDone: () => void;
  /** Nothing was sent. */
  onClose: () => void;
  /** The error shown in the form; default: the server's message, else 保存失败. */
  errorText?: (e: unknown) => string;
  /** Also told of the error (FormModal puts the server's field messages on the fields). */
  onError?: (e: unknown) => void;
}

const saveFailed = (e: unknown) => errorMessage(e, '保存失败');

/** Sends a form: `saving` while the request runs, the server's error to show on failure, the success message and onDone on success. */
export function useSubmit<V>(send: SubmitRequest<V>, { onDone, onClose, errorText = saveFailed, onError }: SubmitOptions) {
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (values: V) => {
    const request = send(values);
    if (!request) {
      onClose();
      return;
    }
    setSaving(true);
    setError(null);
    try {
      message.success(await request);
      onDone();
    } catch (e) {
      setError(errorText(e));
      onError?.(e);
      setSaving(false);
    }
  };
  return { saving, error, submit };
}

/**
 * The field messages of a 400 VALIDATION_FAILED (`details.fields`) put on the form's fields: a
 * server field is the form field `fieldNames` maps it to, else the form field of the same name
 * when the form has one.
 */
export function showFieldErrors<V>(form: FormInstance<V>, e: unknown, fieldNames: Record<string, string> = {}) {
  const fields = isApiError(e) ? (e.details as { fields?: { field: string; problems: string[] }[] } | undefined)?.fields : undefined;
  if (!Array.isArray(fields)) return;
  const values = form.getFieldsValue(true) as Record<string, unknown>;
  form.setFields(
    fields.flatMap((f) => {
      const name = fieldNames[f.field] ?? (f.field in values ? f.field : null);
      return name ? [{ name, errors: f.problems }] : [];
    }) as Parameters<FormInstance<V>['setFields']>[0],
  );
}

/** The form's error, where a form shows it. */
export const FormError = ({ error, top }: { error: string | null; top?: boolean }) =>
  error ? <Alert className="form-error" type="error" showIcon title={error} style={top ? { marginBottom: 16 } : undefined} /> : null;

interface Props<V> extends SubmitOptions {
  form: FormInstance<V>;
  /** The form's name (its fields' ids start with it). */
  name: string;
  title: ReactNode;
  /** The ok button's class, for tests and the browser tests. */
  submitClassName: string;
  okText?: string;
  danger?: boolean;
  width?: ModalProps['width'];
  footer?: ModalProps['footer'];
  initialValues?: Partial<V>;
  /** Shown above the error and the fields. */
  intro?: ReactNode;
  /** The error below the fields instead of above them (a long form: next to the buttons). */
  errorBelow?: boolean;
  onSubmit: SubmitRequest<V>;
  /** Server field → form field where the names differ ({ priceCents: 'price' }); the server's field messages show on the fields. */
  serverFields?: Record<string, string>;
  /** The fields. */
  children: ReactNode;
}

/** A modal with one vertical form: 保存 submits it through onSubmit, the server's error shows in the modal. */
export default function FormModal<V>({
  form,
  name,
  title,
  submitClassName,
  okText = '保存',
  danger,
  width,
  footer,
  initialValues,
  intro,
  errorBelow,
  onSubmit,
  onDone,
  onClose,
  errorText,
  serverFields,
  children,
}: Props<V>) {
  const { saving, error, submit } = useSubmit(onSubmit, { onDone, onClose, errorText, onError: (e) => showFieldErrors(form, e, serverFields) });
  return (
    <Modal
      open
      width={width}
      title={title}
      okText={okText}
      okButtonProps={{ className: submitClassName, loading: saving, danger }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      footer={footer}
    >
      {intro}
      {!errorBelow && <FormError error={error} top />}
      <Form<V> form={form} name={name} layout="vertical" onFinish={submit} initialValues={initialValues}>
        {children}
        {errorBelow && <FormError error={error} />}
      </Form>
    </Modal>
  );
}
