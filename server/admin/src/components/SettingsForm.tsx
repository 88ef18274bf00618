import { useState, type ReactNode } from 'react';
import { App, Button, Card, Result, Spin, type FormInstance } from 'antd';
import { api, errorMessage, isApiError } from '../api';
import { useFetch } from '../useFetch';

/**
 * A page holding one settings object (`GET/PUT path`, the PUT takes the whole object): loads it,
 * offers a retry when that fails, then renders the form with what was saved.
 */
export function SettingsLoader<T>({ title, path, retryClassName, children }: { title: string; path: string; retryClassName: string; children: (saved: T) => ReactNode }) {
  const { data, error, reload } = useFetch<T>(path);
  if (error && !data) {
    return (
      <Card title={title}>
        <Result
          status="warning"
          title={`${title}加载失败`}
          subTitle={error}
          extra={
            <Button className={retryClassName} onClick={reload}>
              重试
            </Button>
          }
        />
      </Card>
    );
  }
  if (!data) {
    return (
      <div className="page-loading">
        <Spin />
      </div>
    );
  }
  return <>{children(data)}</>;
}

/**
 * Saves a settings object with `PUT path`: `saving` meanwhile, the success message, or the error
 * with the server's field messages put on the form's fields (`formField` maps a server field path
 * such as 'milestones.2.day' to the form's name, null when the form has no such field).
 */
export function useSaveSettings<V>(form: FormInstance<V>, path: string, success: string, formField: (path: string) => (string | number)[] | null) {
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  /** Resolves to true once the server took the body. */
  const save = async (body: unknown): Promise<boolean> => {
    setSaving(true);
    setError(null);
    try {
      await api.put(path, body);
      message.success(success);
      return true;
    } catch (e) {
      setError(errorMessage(e, '保存失败'));
      const fields = isApiError(e) ? (e.details as { fields?: { field: string; problems: string[] }[] } | undefined)?.fields : undefined;
      form.setFields(
        (fields ?? []).flatMap((f) => {
          const name = formField(f.field);
          return name ? [{ name, errors: f.problems }] : [];
        }) as Parameters<FormInstance<V>['setFields']>[0],
      );
      return false;
    } finally {
      setSaving(false);
    }
  };
  return { saving, error, save };
}
