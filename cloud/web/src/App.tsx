import { App as AntApp, Button, ConfigProvider, Input, Layout, Menu, Space, Spin } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Suspense, lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Link, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { AppDataProvider } from './app-data.js';
import { AuthGate, useAuth } from './auth.js';
import { setLanguage } from './i18n/index.js';
import { reviewerName, setReviewerName } from './reviewer.js';

// One chunk per screen: the list does not download ECharts or wavesurfer.
const ConversationList = lazy(() => import('./pages/ConversationList.js').then((m) => ({ default: m.ConversationList })));
const ConversationPage = lazy(() => import('./pages/ConversationPage.js').then((m) => ({ default: m.ConversationPage })));
const KeyPointDashboard = lazy(() => import('./pages/KeyPointDashboard.js').then((m) => ({ default: m.KeyPointDashboard })));
const OverviewDashboard = lazy(() => import('./pages/OverviewDashboard.js').then((m) => ({ default: m.OverviewDashboard })));
const ComplianceDashboard = lazy(() => import('./pages/ComplianceDashboard.js').then((m) => ({ default: m.ComplianceDashboard })));
const VoiceOfCustomer = lazy(() => import('./pages/VoiceOfCustomer.js').then((m) => ({ default: m.VoiceOfCustomer })));
const CustomerInsight = lazy(() => import('./pages/CustomerInsight.js').then((m) => ({ default: m.CustomerInsight })));
const CustomerPage = lazy(() => import('./pages/CustomerPage.js').then((m) => ({ default: m.CustomerPage })));
const RulesPage = lazy(() => import('./pages/RulesPage.js').then((m) => ({ default: m.RulesPage })));
const RuleEditorPage = lazy(() => import('./pages/RuleEditorPage.js').then((m) => ({ default: m.RuleEditorPage })));
/** Menu key of the screen at a path (dashboards and customers each have their own entry). */
const SECTIONS: Array<[string, string]> = [
  ['/dashboards/overview', 'overview'],
  ['/dashboards/key-points', 'key-points'],
  ['/dashboards/compliance', 'compliance'],
  ['/dashboards/voc', 'voc'],
  ['/customers', 'customers'],
  ['/rules', 'rules'],
];

function Shell() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const { user, signOut } = useAuth();
  const [reviewer, setReviewer] = useState(reviewerName());
  const section = SECTIONS.find(([prefix]) => location.pathname.startsWith(prefix))?.[1] ?? 'conversations';
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="header">
        <div className="brand">{t('app.title')}</div>
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={[section]}
          style={{ flex: 1 }}
          items={[
            { key: 'conversations', label: <Link to="/conversations">{t('app.conversations')}</Link> },
            { key: 'overview', label: <Link to="/dashboards/overview" data-testid="nav-overview">{t('nav.overview')}</Link> },
            { key: 'key-points', label: <Link to="/dashboards/key-points" data-testid="nav-key-points">{t('app.keyPoints')}</Link> },
            { key: 'compliance', label: <Link to="/dashboards/compliance" data-testid="nav-compliance">{t('nav.compliance')}</Link> },
            { key: 'voc', label: <Link to="/dashboards/voc" data-testid="nav-voc">{t('nav.voc')}</Link> },
            { key: 'customers', label: <Link to="/customers" data-testid="nav-customers">{t('nav.customers')}</Link> },
            { key: 'rules', label: <Link to="/rules" data-testid="nav-rules">{t('rules.menu')}</Link> },
          ]}
        />
        <Space>
          {user ? (
            <>
              <span className="reviewer-label" data-testid="signed-in-user">
                {t('app.reviewer')}：{user.userId ?? user.actor}
              </span>
              <Button size="small" data-testid="sign-out" onClick={() => void signOut()}>
                {t('app.signOut')}
              </Button>
            </>
          ) : (
            <Input
              size="small"
              style={{ width: 220 }}
              prefix={<span className="reviewer-label">{t('app.reviewer')}：</span>}
              value={reviewer}
              onChange={(e) => {
                setReviewer(e.target.value);
                setReviewerName(e.target.value);
              }}
            />
          )}
          <Button size="small" data-testid="language" onClick={() => void setLanguage(i18n.language === 'en' ? 'zh-CN' : 'en')}>
            {t('app.language')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content className="content">
        <Suspense fallback={<Spin />}>
        <Routes>
          <Route path="/" element={<Navigate to="/conversations" replace />} />
          <Route path="/conversations" element={<ConversationList />} />
          <Route path="/conversations/:id" element={<ConversationPage />} />
          <Route path="/dashboards/key-points" element={<KeyPointDashboard />} />
          <Route path="/dashboards/overview" element={<OverviewDashboard />} />
          <Route path="/dashboards/compliance" element={<ComplianceDashboard />} />
          <Route path="/dashboards/voc" element={<VoiceOfCustomer />} />
          <Route path="/customers" element={<CustomerInsight />} />
          <Route path="/customers/:id" element={<CustomerPage />} />
          <Route path="/rules" element={<RulesPage />} />
          <Route path="/rules/new" element={<RuleEditorPage />} />
          <Route path="/rules/edit/:ruleId" element={<RuleEditorPage />} />
          <Route path="*" element={<Navigate to="/conversations" replace />} />
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
          <AppDataProvider>
            <BrowserRouter basename={import.meta.env.BASE_URL.replace(/\/$/, '')}>
              <Shell />
            </BrowserRouter>
          </AppDataProvider>
        </AuthGate>
      </AntApp>
    </ConfigProvider>
  );
}
