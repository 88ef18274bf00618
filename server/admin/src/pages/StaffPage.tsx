import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Select, Switch, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { STAFF_PASSWORD_MAX, STAFF_PASSWORD_MIN, STAFF_USERNAME_PATTERN, type StaffAccount, type StaffRoleValue } from '@mc/shared';
import { api, errorMessage, type Page } from '../api';
import { useStaff } from '../auth';
import FormModal from '../components/FormModal';
import { formatDateTime } from '../format';
import { ROLE_LABELS } from '../nav';
import { useFetch } from '../useFetch';

const ROLE_OPTIONS = (Object.keys(ROLE_LABELS) as StaffRoleValue[]).map((value) => ({ value, label: ROLE_LABELS[value] }));
/** What each role may do (docs/domain.md); the server checks every route. */
const ROLE_HINT = '店主：全部；运营：商品、订单发货、会员日、积分、分销员；财务：退款、提现、报表、审计日志';

export const passwordRules = [
  { required: true, message: '请填写密码' },
  { min: STAFF_PASSWORD_MIN, max: STAFF_PASSWORD_MAX, message: `密码须为 ${STAFF_PASSWORD_MIN} 到 ${STAFF_PASSWORD_MAX} 个字符` },
];

interface CreateValues {
  username: string;
  password: string;
  role: StaffRoleValue;
}

function CreateStaffModal({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<CreateValues>();
  return (
    <FormModal<CreateValues>
      form={form}
      name="staff-create"
      title="新建员工账号"
      submitClassName="staff-create-submit"
      initialValues={{ role: 'operator' }}
      onSubmit={async (v) => {
        await api.post('/api/admin/staff', v);
        return `已创建「${v.username}」`;
      }}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item
        name="username"
        label="用户名"
        rules={[
          { required: true, message: '请填写用户名' },
          { pattern: STAFF_USERNAME_PATTERN, message: '用户名须为 3 到 32 位字母、数字或 _ . -' },
        ]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="password" label="初始密码" rules={passwordRules}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="role" label="角色" extra={ROLE_HINT}>
        <Select options={ROLE_OPTIONS} />
      </Form.Item>
    </FormModal>
  );
}

function ResetPasswordModal({ account, onClose }: { account: StaffAccount; onClose: () => void }) {
  const [form] = Form.useForm<{ password: string }>();
  return (
    <FormModal<{ password: string }>
      form={form}
      name="staff-reset"
      title={`重置「${account.username}」的密码`}
      submitClassName="staff-reset-submit"
      intro={<Alert type="info" showIcon title="重置后该账号在所有设备上退出登录，需用新密码登录。" style={{ marginBottom: 16 }} />}
      onSubmit={async (v) => {
        await api.post(`/api/admin/staff/${account.id}/password`, v);
        return '密码已重置';
      }}
      onClose={onClose}
      onDone={onClose}
    >
      <Form.Item name="password" label="新密码" rules={passwordRules}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}

/** 员工管理 (owner): accounts, roles, disable / enable, password resets. */
export default function StaffPage() {
  const me = useStaff();
  const { message } = App.useApp();
  const { data, loading, error, reload } = useFetch<Page<StaffAccount>>('/api/admin/staff');
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<StaffAccount | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);

  const change = async (account: StaffAccount, body: { role?: StaffRoleValue; active?: boolean }, done: string) => {
    setBusyId(account.id);
    try {
      await api.patch(`/api/admin/staff/${account.id}`, body);
      message.success(done);
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusyId(null);
    }
  };

  const columns: TableColumnsType<StaffAccount> = [
    {
      title: '用户名',
      dataIndex: 'username',
      render: (name: string, a) => (
        <>
          {name} {a.id === me.id && <Tag>我</Tag>}
        </>
      ),
    },
    {
      title: '角色',
      dataIndex: 'role',
      width: 160,
      render: (role: StaffRoleValue, a) => (
        <Select
          className="staff-role"
          style={{ width: 120 }}
          value={role}
          options={ROLE_OPTIONS}
          disabled={a.id === me.id || busyId === a.id}
          onChange={(next) => change(a, { role: next }, `「${a.username}」已改为${ROLE_LABELS[next]}`)}
        />
      ),
    },
    {
      title: '启用',
      dataIndex: 'active',
      width: 90,
      render: (active: boolean, a) => (
        <Switch
          className="staff-active"
          checked={active}
          disabled={a.id === me.id}
          loading={busyId === a.id}
          onChange={(on) => change(a, { active: on }, on ? `「${a.username}」已启用` : `「${a.username}」已停用并退出登录`)}
        />
      ),
    },
    { title: '创建时间', dataIndex: 'createdAt', width: 160, render: formatDateTime },
    {
      title: '操作',
      key: 'actions',
      width: 120,
      render: (_, a) => (
        <Button type="link" className="staff-reset" onClick={() => setResetting(a)}>
          重置密码
        </Button>
      ),
    },
  ];

  return (
    <Card
      title="员工管理"
      extra={
        <Button type="primary" icon={<PlusOutlined />} className="staff-create" onClick={() => setCreating(true)}>
          新建账号
        </Button>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<StaffAccount> rowKey="id" rowClassName="staff-row" columns={columns} dataSource={data?.items ?? []} loading={loading} pagination={false} />
      {creating && (
        <CreateStaffModal
          onClose={() => setCreating(false)}
          onDone={() => {
            setCreating(false);
            reload();
          }}
        />
      )}
      {resetting && <ResetPasswordModal account={resetting} onClose={() => setResetting(null)} />}
    </Card>
  );
}
