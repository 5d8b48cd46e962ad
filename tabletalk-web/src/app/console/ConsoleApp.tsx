// The restaurant console: loaded only when someone opens /console (see App.tsx), never by a diner.
import { Navigate, Route, Routes, useParams, useSearchParams } from 'react-router';
import { isAdmin } from '@/features/account/api/account-api';
import { InvitePage } from '@/features/account/components/InvitePage';
import { PasswordResetPage, PasswordResetRequestPage } from '@/features/account/components/PasswordResetPages';
import { SignInPage } from '@/features/account/components/SignInPage';
import { InsightDashboard } from '@/features/insight/components/InsightDashboard';
import { PlatformInsightsPage } from '@/features/insight/components/PlatformInsightsPage';
import { NewQuestionPage } from '@/features/question/components/NewQuestionPage';
import { QuestionEditPage } from '@/features/question/components/QuestionEditPage';
import { QuestionsPage } from '@/features/question/components/QuestionsPage';
import { AuditLogPage } from '@/features/restaurant/components/AuditLogPage';
import { ManagersPage } from '@/features/restaurant/components/ManagersPage';
import { RestaurantListPage } from '@/features/restaurant/components/RestaurantListPage';
import { RestaurantSection } from '@/features/restaurant/components/RestaurantSection';
import { SettingsPage } from '@/features/restaurant/components/SettingsPage';
import { TablesPage } from '@/features/restaurant/components/TablesPage';
import { consolePaths, nextAfterSignIn } from '@/lib/console/paths';
import { ConsoleNotFound } from './ConsoleNotFound';
import { SignedInLayout, SignedOutLayout, useSignedInUser } from './ConsoleLayout';

function SignInRoute() {
  const [search] = useSearchParams();
  return <SignInPage next={nextAfterSignIn(search.get('next'))} />;
}

function InviteRoute() {
  const { token = '' } = useParams();
  return <InvitePage key={token} token={token} />;
}

function ResetRoute() {
  const { token = '' } = useParams();
  return <PasswordResetPage key={token} token={token} />;
}

/** A manager of exactly one restaurant starts on its tables; everyone else on the list. */
function StartRoute() {
  const user = useSignedInUser();
  const only = user.restaurants.length === 1 ? user.restaurants[0] : undefined;
  if (!isAdmin(user) && only) return <Navigate to={consolePaths.tables(only.slug)} replace />;
  return <Navigate to={consolePaths.restaurants()} replace />;
}

function RestaurantsRoute() {
  return <RestaurantListPage admin={isAdmin(useSignedInUser())} />;
}

function AuditRoute() {
  return isAdmin(useSignedInUser()) ? <AuditLogPage /> : <ConsoleNotFound />;
}

function PlatformInsightsRoute() {
  return isAdmin(useSignedInUser()) ? <PlatformInsightsPage /> : <ConsoleNotFound />;
}

/** The question library is for admins; anyone else finds nothing here. */
function QuestionsRoute({ page }: { page: 'list' | 'new' | 'edit' }) {
  const { id = '' } = useParams();
  if (!isAdmin(useSignedInUser())) return <ConsoleNotFound />;
  if (page === 'list') return <QuestionsPage />;
  if (page === 'new') return <NewQuestionPage />;
  return /^[1-9]\d{0,8}$/.test(id) ? <QuestionEditPage key={id} id={Number(id)} /> : <ConsoleNotFound />;
}

function RestaurantRoute({ page }: { page: 'tables' | 'insights' | 'managers' | 'settings' }) {
  const { slug = '' } = useParams();
  switch (page) {
    case 'tables':
      return <TablesPage key={slug} slug={slug} />;
    case 'insights':
      // The restaurant's page frame (name, tabs) around the dashboard, whose "today" is the restaurant's.
      return (
        <RestaurantSection key={slug} slug={slug} title="Insights">
          {(restaurant) => <InsightDashboard slug={slug} timeZone={restaurant.timeZone} />}
        </RestaurantSection>
      );
    case 'managers':
      return <ManagersPage key={slug} slug={slug} />;
    case 'settings':
      return <SettingsPage key={slug} slug={slug} />;
  }
}

/** Routes relative to /console. */
export default function ConsoleApp() {
  return (
    <Routes>
      <Route element={<SignedOutLayout />}>
        <Route path="sign-in" element={<SignInRoute />} />
        <Route path="invite/:token" element={<InviteRoute />} />
        <Route path="reset" element={<PasswordResetRequestPage />} />
        <Route path="reset/:token" element={<ResetRoute />} />
      </Route>
      <Route element={<SignedInLayout />}>
        <Route index element={<StartRoute />} />
        <Route path="restaurants" element={<RestaurantsRoute />} />
        <Route path="audit" element={<AuditRoute />} />
        <Route path="insights" element={<PlatformInsightsRoute />} />
        <Route path="questions" element={<QuestionsRoute page="list" />} />
        <Route path="questions/new" element={<QuestionsRoute page="new" />} />
        <Route path="questions/:id" element={<QuestionsRoute page="edit" />} />
        <Route path="restaurants/:slug" element={<RestaurantRoute page="tables" />} />
        <Route path="restaurants/:slug/insights" element={<RestaurantRoute page="insights" />} />
        <Route path="restaurants/:slug/managers" element={<RestaurantRoute page="managers" />} />
        <Route path="restaurants/:slug/settings" element={<RestaurantRoute page="settings" />} />
        <Route path="*" element={<ConsoleNotFound />} />
      </Route>
    </Routes>
  );
}
