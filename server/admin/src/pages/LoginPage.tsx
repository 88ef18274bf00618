import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { errorMessage } from '../api';
import { useAuth } from '../auth';

interface LoginValues {
  username: string;
  password: string;
}

/** Where to go after login: the page the guard sent us from, else the dashboard. */
function targetOf(state: unknown): string {
  const from = (state as { from?: { pathname?: string; search?: string } } | null)?.from;
  if (from?.pathname && from.pathname !== '/login') return `${from.pathname}${from.search ?? ''}`;
  return '/';
}

export default function LoginPage() {
  const { status, login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (status === 'authenticated' && !submitting) return <Navigate to={targetOf(location.state)} replace />;

  const onFinish = async ({ username, password }: LoginValues) => {
    setSubmitting(true);
    setError(null);
    try {
      await login(username.trim(), password);
      navigate(targetOf(location.state), { replace: true });
    } catch (e) {
      setError(errorMessage(e, '登录失败，请稍后重试'));
      setSubmitting(false);
    }
  };

  return (
    <div className="login-page">
      <Card className="login-card">
        <Typography.Title level={3} className="login-title">
          会员商城 · 商家后台
        </Typography.Title>
        {error && <Alert className="login-error" type="error" showIcon title={error} style={{ marginBottom: 24 }} />}
        <Form<LoginValues> size="large" onFinish={onFinish} autoComplete="on" requiredMark={false}>
          <Form.Item
            name="username"
            rules={[
              { required: true, whitespace: true, message: '请输入用户名' },
              { max: 64, message: '用户名最多 64 个字符' },
            ]}
          >
            <Input prefix={<UserOutlined />} placeholder="用户名" autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            rules={[
              { required: true, message: '请输入密码' },
              { max: 128, message: '密码最多 128 个字符' },
            ]}
          >
            <Input.Password prefix={<LockOutlined />} placeholder="密码" autoComplete="current-password" />
          </Form.Item>
          <Form.Item style={{ marginBottom: 0 }}>
            <Button className="login-submit" type="primary" htmlType="submit" block loading={submitting}>
              登录
            </Button>
          </Form.Item>
        </Form>
      </Card>
    </div>
  );
}
