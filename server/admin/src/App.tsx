import type { ReactNode } from 'react';
import { App as AntApp, Button, ConfigProvider, Result, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { AuthProvider, useAuth } from './auth';
import AdminLayout from './layout/AdminLayout';
import { ALL_PAGES, canAccess, type NavPage } from './nav';
import ForbiddenPage from './pages/ForbiddenPage';
import LoginPage from './pages/LoginPage';
import NotFoundPage from './pages/NotFoundPage';

/** Signed-in staff only: restores the session, else sends to /login (and back afterwards). */
function RequireAuth({ children }: { children: ReactNode }) {
  const { status, error, reload, logout } = useAuth();
  const location = useLocation();
  if (status === 'loading') {
    return (
      <div className="app-loading">
        <Spin size="large" />
      </div>
    );
  }
  if (status === 'error') {
    return (
      <Result
        status="warning"
        title="无法连接服务器"
        subTitle={error ?? undefined}
        extra={[
          <Button key="retry" type="primary" onClick={reload}>
            重试
          </Button>,
          <Button key="login" onClick={logout}>
            重新登录
          </Button>,
        ]}
      />
    );
  }
  if (status !== 'authenticated') return <Navigate to="/login" replace state={{ from: location }} />;
  return <>{children}</>;
}

function RequireRole({ page }: { page: NavPage }) {
  const { staff } = useAuth();
  if (!staff || !canAccess(staff.role, page)) return <ForbiddenPage />;
  const Page = page.component;
  return <Page />;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <AdminLayout />
          </RequireAuth>
        }
      >
        {ALL_PAGES.map((page) =>
          page.path === '/' ? (
            <Route key={page.path} index element={<RequireRole page={page} />} />
          ) : (
            // `/*`: a page may add its own sub-routes (e.g. /products/12) with nested <Routes>.
            <Route key={page.path} path={`${page.path.slice(1)}/*`} element={<RequireRole page={page} />} />
          ),
        )}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

/** Everything but the router, so tests can wrap it in a MemoryRouter. */
export default function Root() {
  return (
    <ConfigProvider locale={zhCN}>
      <AntApp>
        <AuthProvider>
          <AppRoutes />
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}
