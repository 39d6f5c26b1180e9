import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate, Outlet, RouterProvider, useLocation } from 'react-router';
import { useSession } from './auth/SessionContext';
import { Layout } from './components/Layout';
import { Loading } from './components/Notice';
import { AuditPage } from './pages/Audit';
import { CalendarPage } from './pages/Calendar';
import { CommitteePage } from './pages/Committee';
import { PoliciesPage } from './pages/Policies';
import { ComplaintDetailPage } from './pages/ComplaintDetail';
import { ComplaintNewPage } from './pages/ComplaintNew';
import { ComplaintsPage } from './pages/Complaints';
import { InboxPage } from './pages/Inbox';
import { IncidentDetailPage } from './pages/IncidentDetail';
import { IncidentsPage } from './pages/Incidents';
import { ImprovementDetailPage } from './pages/ImprovementDetail';
import { FollowUpDetailPage } from './pages/FollowUpDetail';
import { DepartmentsPage } from './pages/Departments';
import { ImprovementNewPage } from './pages/ImprovementNew';
import { ImprovementsPage } from './pages/Improvements';
import { FeedbackListPage } from './pages/FeedbackList';
import { FeedbackNewPage } from './pages/FeedbackNew';
import { FeedbackDetailPage } from './pages/FeedbackDetail';
import { ErasuresPage } from './pages/Erasures';
import { ErasureDetailPage } from './pages/ErasureDetail';
import { MeetingDetailPage } from './pages/MeetingDetail';
import { MeetingsPage } from './pages/Meetings';
import { InitiativeDetailPage } from './pages/InitiativeDetail';
import { InitiativeNewPage } from './pages/InitiativeNew';
import { InitiativesPage } from './pages/Initiatives';
import { NotFoundPage } from './pages/NotFound';
import { NotificationsPage } from './pages/Notifications';
import { SignInPage } from './pages/SignIn';
import { SurveyPage } from './pages/Survey';
import { TargetsPage } from './pages/Targets';

// ECharts is large: the reports page loads it only when opened.
const ReportsPage = lazy(() => import('./pages/Reports').then((m) => ({ default: m.ReportsPage })));
const HotIssuesPage = lazy(() => import('./pages/HotIssues').then((m) => ({ default: m.HotIssuesPage })));

/** Pages behind sign-in; others are sent to /signin and come back afterwards. */
function RequireUser() {
  const { user } = useSession();
  const location = useLocation();
  if (!user) return <Navigate to="/signin" replace state={{ from: location.pathname + location.search }} />;
  return <Outlet />;
}

const router = createBrowserRouter([
  { path: '/signin', element: <SignInPage /> },
  // The customer's satisfaction survey: public (the link is the credential), outside the staff layout.
  { path: '/survey/:token', element: <SurveyPage /> },
  {
    element: <RequireUser />,
    children: [
      {
        element: <Layout />,
        children: [
          { index: true, element: <Navigate to="/inbox" replace /> },
          { path: 'inbox', element: <InboxPage /> },
          { path: 'initiatives', element: <InitiativesPage /> },
          { path: 'initiatives/new', element: <InitiativeNewPage /> },
          { path: 'initiatives/:id', element: <InitiativeDetailPage /> },
          { path: 'complaints', element: <ComplaintsPage /> },
          { path: 'complaints/new', element: <ComplaintNewPage /> },
          { path: 'complaints/:id', element: <ComplaintDetailPage /> },
          { path: 'follow-ups/:id', element: <FollowUpDetailPage /> },
          { path: 'audit', element: <AuditPage /> },
          { path: 'calendar', element: <CalendarPage /> },
          { path: 'admin/committee', element: <CommitteePage /> },
          { path: 'admin/policies', element: <PoliciesPage /> },
          { path: 'admin/departments', element: <DepartmentsPage /> },
          { path: 'notifications', element: <NotificationsPage /> },
          {
            path: 'reports',
            element: (
              <Suspense fallback={<Loading />}>
                <ReportsPage />
              </Suspense>
            ),
          },
          {
            path: 'hot-issues',
            element: (
              <Suspense fallback={<Loading />}>
                <HotIssuesPage />
              </Suspense>
            ),
          },
          { path: 'incidents', element: <IncidentsPage /> },
          { path: 'incidents/:id', element: <IncidentDetailPage /> },
          { path: 'improvements', element: <ImprovementsPage /> },
          { path: 'improvements/new', element: <ImprovementNewPage /> },
          { path: 'improvements/:id', element: <ImprovementDetailPage /> },
          { path: 'feedback', element: <FeedbackListPage /> },
          { path: 'feedback/new', element: <FeedbackNewPage /> },
          { path: 'feedback/:id', element: <FeedbackDetailPage /> },
          { path: 'targets', element: <TargetsPage /> },
          { path: 'erasures', element: <ErasuresPage /> },
          { path: 'erasures/:id', element: <ErasureDetailPage /> },
          { path: 'meetings', element: <MeetingsPage /> },
          { path: 'meetings/:id', element: <MeetingDetailPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
