import { Form, Input } from 'antd';
import { api, setToken } from '../api';
import FormModal from '../components/FormModal';
import { passwordRules } from '../pages/StaffPage';

interface Values {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

/** Changes the signed-in staff member's password: other sessions end, this one carries on with the new token. */
export default function ChangePasswordModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  return (
    <FormModal<Values>
      form={form}
      name="own-password"
      title="修改密码"
      submitClassName="own-password-submit"
      onSubmit={async ({ oldPassword, newPassword }) => {
        const { token } = await api.post<{ token: string }>('/api/admin/me/password', { oldPassword, newPassword });
        setToken(token);
        return '密码已修改，其他设备需重新登录';
      }}
      onClose={onClose}
      onDone={onClose}
    >
      <Form.Item name="oldPassword" label="原密码" rules={[{ required: true, message: '请填写原密码' }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item name="newPassword" label="新密码" rules={passwordRules}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label="确认新密码"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再填一次新密码' },
          ({ getFieldValue }) => ({
            validator: (_, v) => (v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次填写的新密码不一致'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
