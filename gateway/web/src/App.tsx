import { App as AntApp, Button, ConfigProvider, Layout, Menu, Space, Spin, Tag } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Link, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { AuthGate, useAuth } from './auth.js';
import { DirectoryProvider } from './directory.js';
import { setLanguage } from './i18n/index.js';

// One chunk per screen: the fleet table does not download ECharts.
const FleetTable = lazy(() => import('./pages/FleetTable.js').then((m) => ({ default: m.FleetTable })));
const DevicePage = lazy(() => import('./pages/DevicePage.js').then((m) => ({ default: m.DevicePage })));
const Provisioning = lazy(() => import('./pages/Provisioning.js').then((m) => ({ default: m.Provisioning })));
const Rollouts = lazy(() => import('./pages/Rollouts.js').then((m) => ({ default: m.Rollouts })));
const ConfigProfiles = lazy(() => import('./pages/ConfigProfiles.js').then((m) => ({ default: m.ConfigProfiles })));
const Alerts = lazy(() => import('./pages/Alerts.js').then((m) => ({ default: m.Alerts })));
const Users = lazy(() => import('./pages/Users.js').then((m) => ({ default: m.Users })));
const Audit = lazy(() => import('./pages/Audit.js').then((m) => ({ default: m.Audit })));

const SECTIONS = ['devices', 'provisioning', 'config', 'rollouts', 'alerts', 'audit', 'users'] as const;

function Shell() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const { user, can, signOut } = useAuth();
  const section = SECTIONS.find((s) => location.pathname.startsWith(`/${s}`)) ?? 'devices';
  const visible = SECTIONS.filter((s) => (s !== 'audit' || can('audit:read')) && (s !== 'users' || can('users:manage')));
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="header">
        <div className="brand">{t('app.title')}</div>
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={[section]}
          style={{ flex: 1 }}
          items={visible.map((s) => ({ key: s, label: <Link to={`/${s}`} data-testid={`nav-${s}`}>{t(`app.${s}`)}</Link> }))}
        />
        <Space>
          <span className="user-label" data-testid="signed-in-user">
            {user.userId ?? user.actor}
          </span>
          <Tag color={can('fleet:write') ? 'blue' : 'default'} data-testid="signed-in-role">
            {t(`role.${user.role}`)}
          </Tag>
          <Button size="small" data-testid="sign-out" onClick={() => void signOut()}>
            {t('app.signOut')}
          </Button>
          <Button size="small" data-testid="language" onClick={() => void setLanguage(i18n.language === 'en' ? 'zh-CN' : 'en')}>
            {t('app.language')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content className="content">
        <Suspense fallback={<Spin />}>
          <Routes>
            <Route path="/" element={<Navigate to="/devices" replace />} />
            <Route path="/devices" element={<FleetTable />} />
            <Route path="/devices/:id" element={<DevicePage />} />
            <Route path="/provisioning" element={<Provisioning />} />
            <Route path="/config" element={<ConfigProfiles />} />
            <Route path="/rollouts" element={<Rollouts />} />
            <Route path="/alerts" element={<Alerts />} />
            <Route path="/audit" element={<Audit />} />
            <Route path="/users" element={<Users />} />
            <Route path="*" element={<Navigate to="/devices" replace />} />
          </Routes>
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}

export function App() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  dayjs.locale(en ? 'en' : 'zh-cn');
  return (
    <ConfigProvider locale={en ? enUS : zhCN}>
      <AntApp>
        <AuthGate>
          <DirectoryProvider>
            <BrowserRouter basename={import.meta.env.BASE_URL.replace(/\/$/, '')}>
              <Shell />
            </BrowserRouter>
          </DirectoryProvider>
        </AuthGate>
      </AntApp>
    </ConfigProvider>
  );
}
