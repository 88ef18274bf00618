import { Form, Input, type FormRule } from 'antd';
import type { ReactNode } from 'react';
import { api, errorMessage } from '../../api';
import FormModal from '../../components/FormModal';

const REASON_RULES: FormRule[] = [
  { required: true, whitespace: true, message: '请填写原因' },
  { max: 200, message: '最多 200 个字符' },
];

interface Props {
  title: string;
  /** `POST path {reason}` */
  path: string;
  intro: ReactNode;
  /** The ok button's class. */
  submitClassName: string;
  placeholder: string;
  done: string;
  onClose: () => void;
  onDone: () => void;
}

/** A refusal with a reason the other side will read (a distributor's application, a withdrawal). */
export default function ReasonModal({ title, path, intro, submitClassName, placeholder, done, onClose, onDone }: Props) {
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <FormModal
      form={form}
      name="reason"
      title={title}
      okText="确认拒绝"
      danger
      submitClassName={submitClassName}
      intro={intro}
      onSubmit={async ({ reason }) => {
        await api.post(path, { reason: reason.trim() });
        return done;
      }}
      onDone={onDone}
      onClose={onClose}
      errorText={(e) => errorMessage(e)}
    >
      <Form.Item name="reason" label="拒绝原因" rules={REASON_RULES}>
        <Input.TextArea rows={3} placeholder={placeholder} />
      </Form.Item>
    </FormModal>
  );
}
