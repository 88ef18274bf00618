import { Suspense, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Avatar, Badge, Button, Layout, Menu, Space, Spin, Tag, Typography, type MenuProps } from 'antd';
import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useStaff, useAuth } from '../auth';
import { ROLE_LABELS, groupOf, isGroup, navFor, pageForPath, type NavPage } from '../nav';
import ErrorBoundary from '../components/ErrorBoundary';
import ChangePasswordModal from './ChangePasswordModal';
import { useAdminBadges } from '../badges';

const { Header, Sider, Content } = Layout;

const APP_TITLE = '会员商城 · 商家后台';

/** A menu label with its count beside it (nothing when 0). */
const withCount = (label: string, n: number, className: string): ReactNode =>
  n > 0 ? (
    <span>
      {label} <Badge className={`nav-badge ${className}`} count={n} overflowCount={99} size="small" />
    </span>
  ) : (
    label
  );

export default function AdminLayout() {
  const staff = useStaff();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const [changingPassword, setChangingPassword] = useState(false);

  const entries = useMemo(() => navFor(staff.role), [staff.role]);
  const badges = useAdminBadges(location.pathname);
  const items: MenuProps['items'] = useMemo(() => {
    const count = (p: NavPage) => (p.badge && badges ? badges[p.badge] : 0);
    return entries.map((e) =>
      isGroup(e)
        ? {
            key: e.key,
            icon: e.icon,
            label: withCount(e.label, e.children.reduce((n, p) => n + count(p), 0), `nav-badge-group-${e.key}`),
            children: e.children.map((p) => ({ key: p.path, label: withCount(p.label, count(p), `nav-badge-${p.path.slice(1)}`) })),
          }
        : { key: e.path, icon: e.icon, label: withCount(e.label, count(e), `nav-badge-${e.path.slice(1)}`) },
    );
  }, [entries, badges]);

  const current = pageForPath(location.pathname);
  const selectedKeys = current ? [current.path] : [];
  const [openKeys, setOpenKeys] = useState<string[]>(() => {
    const group = current && groupOf(current.path);
    return group ? [group.key] : [];
  });

  // Keep the current page's group open when navigating from elsewhere (links, back button).
  useEffect(() => {
    const group = current && groupOf(current.path);
    if (group) setOpenKeys((keys) => (keys.includes(group.key) ? keys : [...keys, group.key]));
  }, [current]);

  useEffect(() => {
    document.title = current ? `${current.label} - ${APP_TITLE}` : APP_TITLE;
  }, [current]);

  const onLogout = () => {
    logout();
    navigate('/login', { replace: true });
  };

  return (
    <Layout className="admin-layout" style={{ minHeight: '100vh' }}>
      <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={208} breakpoint="lg">
        <div className="admin-logo">{collapsed ? '商城' : '会员商城后台'}</div>
        <Menu
          className="admin-menu"
          theme="dark"
          mode="inline"
          items={items}
          selectedKeys={selectedKeys}
          openKeys={openKeys}
          onOpenChange={(keys) => setOpenKeys(keys as string[])}
          onClick={({ key }) => navigate(String(key))}
          forceSubMenuRender
        />
      </Sider>
      <Layout>
        <Header className="admin-header">
          <Typography.Text strong className="admin-header-title">
            {current?.label ?? ''}
          </Typography.Text>
          <Space size="middle">
            <Space size="small" className="admin-staff">
              <Avatar size="small" icon={<UserOutlined />} />
              <span className="admin-staff-name">{staff.username}</span>
              <Tag className="admin-staff-role" color="blue">
                {ROLE_LABELS[staff.role]}
              </Tag>
            </Space>
            <Button className="admin-password" icon={<KeyOutlined />} onClick={() => setChangingPassword(true)}>
              修改密码
            </Button>
            <Button className="admin-logout" icon={<LogoutOutlined />} onClick={onLogout}>
              退出登录
            </Button>
          </Space>
        </Header>
        {changingPassword && <ChangePasswordModal onClose={() => setChangingPassword(false)} />}
        <Content className="admin-content">
          <ErrorBoundary key={location.pathname}>
            <Suspense
              fallback={
                <div className="page-loading">
                  <Spin />
                </div>
              }
            >
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Content>
      </Layout>
    </Layout>
  );
}
