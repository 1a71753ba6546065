import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, Outlet, redirect } from '@tanstack/react-router';
import { z } from 'zod';
import { LoginPage } from './modules/identity/LoginPage.tsx';
import { fetchMe, meKey } from './modules/identity/api.ts';
import { AppLayout } from './components/AppLayout.tsx';
import { MyWeekPage } from './modules/home/MyWeekPage.tsx';
import type { MeDto } from '../shared/contracts/identity.ts';

export interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({ component: Outlet });

const loginRoute = createRoute({ getParentRoute: () => rootRoute, path: '/login', component: LoginPage });

/** Public "who is my librarian" page: no session needed. */
const publicRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/p/$institutionId/$orgUnitId',
  component: lazyRouteComponent(() => import('./modules/public/PublicLibrariansPage.tsx'), 'PublicLibrariansPage'),
});

/** An action plan shared with an academic partner: no account, only the token in the link. */
const sharedPlanRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/shared/$token',
  component: lazyRouteComponent(() => import('./modules/share/SharedPlanPage.tsx'), 'SharedPlanPage'),
});

/** An annual report shared with its department: no account, only the token in the link. */
const sharedReportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/shared-report/$token',
  component: lazyRouteComponent(() => import('./modules/reports/SharedReportPage.tsx'), 'SharedReportPage'),
});

const loadMe = (qc: QueryClient): Promise<MeDto | null> => qc.ensureQueryData({ queryKey: meKey, queryFn: fetchMe });

const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  component: AppLayout,
  beforeLoad: async ({ context }) => {
    const me = await loadMe(context.queryClient);
    // TanStack Router's way to redirect is to throw its redirect object
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    if (!me) throw redirect({ to: '/login' });
  },
});

const homeRoute = createRoute({ getParentRoute: () => appRoute, path: '/', component: MyWeekPage });

const departmentsSearch = z.object({
  q: z.string().optional(),
  type: z.string().optional(),
  withinId: z.string().optional(),
  mine: z.boolean().optional(),
  quiet: z.boolean().optional(),
  page: z.number().int().min(1).optional(),
});
const departmentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/departments',
  validateSearch: departmentsSearch,
  component: lazyRouteComponent(() => import('./modules/org/DepartmentsPage.tsx'), 'DepartmentsPage'),
});
const departmentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/departments/$id',
  component: lazyRouteComponent(() => import('./modules/org/DepartmentPage.tsx'), 'DepartmentPage'),
});
const personRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/people/$id',
  component: lazyRouteComponent(() => import('./modules/people/PersonPage.tsx'), 'PersonPage'),
});
const peopleRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/people',
  validateSearch: z.object({ q: z.string().optional(), page: z.number().int().min(1).optional() }),
  component: lazyRouteComponent(() => import('./modules/people/PeoplePage.tsx'), 'PeoplePage'),
});
const engagementsSearch = z.object({
  from: z.string().optional(),
  to: z.string().optional(),
  typeId: z.string().optional(),
  themeId: z.string().optional(),
  orgUnitId: z.string().optional(),
  staffId: z.string().optional(),
  initiatedBy: z.enum(['library', 'partner']).optional(),
  page: z.number().int().min(1).optional(),
});
const engagementsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/engagements',
  validateSearch: engagementsSearch,
  component: lazyRouteComponent(() => import('./modules/engagements/EngagementsPage.tsx'), 'EngagementsPage'),
});
const engagementRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/engagements/$id',
  component: lazyRouteComponent(() => import('./modules/engagements/EngagementPage.tsx'), 'EngagementPage'),
});
const coverageRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/coverage',
  component: lazyRouteComponent(() => import('./modules/coverage/CoveragePage.tsx'), 'CoveragePage'),
});
/**
 * The manager overview: window, faculty and sort live in the URL so that a view can be shared. The page
 * checks `sort` against the contract's list itself, which keeps that contract out of the first page load.
 */
const overviewSearch = z.object({
  window: z.enum(['year', '365']).optional(),
  year: z.number().int().min(1990).max(2100).optional(),
  facultyId: z.string().optional(),
  sort: z.string().optional(),
  order: z.enum(['asc', 'desc']).optional(),
});
const overviewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/overview',
  validateSearch: overviewSearch,
  component: lazyRouteComponent(() => import('./modules/overview/OverviewPage.tsx'), 'OverviewPage'),
});
/** The partnership model editor where managers reach it (the Admin page is for admins only). */
const partnershipRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/overview/partnership',
  component: lazyRouteComponent(() => import('./modules/overview/PartnershipPage.tsx'), 'PartnershipPage'),
});
const opportunitiesSearch = z.object({
  view: z.enum(['board', 'list', 'triage']).optional(),
  stage: z.string().optional(),
  ownerId: z.string().optional(),
  orgUnitId: z.string().optional(),
  goalId: z.string().optional(),
  q: z.string().optional(),
  page: z.number().int().min(1).optional(),
});
const opportunitiesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/opportunities',
  validateSearch: opportunitiesSearch,
  component: lazyRouteComponent(() => import('./modules/opportunities/OpportunitiesPage.tsx'), 'OpportunitiesPage'),
});
/** A new opportunity; `fromEngagement` starts it from an engagement ("we spotted something in this meeting"). */
const newOpportunityRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/opportunities/new',
  validateSearch: z.object({ fromEngagement: z.string().optional(), orgUnitId: z.string().optional() }),
  component: lazyRouteComponent(() => import('./modules/opportunities/NewOpportunityPage.tsx'), 'NewOpportunityPage'),
});
const opportunityRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/opportunities/$id',
  component: lazyRouteComponent(() => import('./modules/opportunities/OpportunityPage.tsx'), 'OpportunityPage'),
});
const plansRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/plans',
  validateSearch: z.object({ year: z.number().int().optional(), status: z.string().optional(), page: z.number().int().min(1).optional() }),
  component: lazyRouteComponent(() => import('./modules/plans/ActionPlansPage.tsx'), 'ActionPlansPage'),
});
const planRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/plans/$id',
  component: lazyRouteComponent(() => import('./modules/plans/ActionPlanPage.tsx'), 'ActionPlanPage'),
});
const campaignsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/campaigns',
  validateSearch: z.object({ status: z.enum(['upcoming', 'current', 'past']).optional(), page: z.number().int().min(1).optional() }),
  component: lazyRouteComponent(() => import('./modules/campaigns/CampaignsPage.tsx'), 'CampaignsPage'),
});
const campaignRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/campaigns/$id',
  component: lazyRouteComponent(() => import('./modules/campaigns/CampaignPage.tsx'), 'CampaignPage'),
});
const goalsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/goals',
  component: lazyRouteComponent(() => import('./modules/goals/GoalsPage.tsx'), 'GoalsPage'),
});
const goalRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/goals/$id',
  component: lazyRouteComponent(() => import('./modules/goals/GoalPage.tsx'), 'GoalPage'),
});
/** For managers: everything incoming and open, by priority, with each person's open load. */
const prioritiesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/overview/priorities',
  component: lazyRouteComponent(() => import('./modules/overview/PrioritiesPage.tsx'), 'PrioritiesPage'),
});
const adminRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin',
  validateSearch: z.object({ tab: z.enum(['users', 'settings', 'lists', 'partnership', 'audit']).optional() }),
  component: lazyRouteComponent(() => import('./modules/admin/AdminPage.tsx'), 'AdminPage'),
});

const evidenceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/evidence',
  component: lazyRouteComponent(() => import('./modules/evidence/EvidencePage.tsx'), 'EvidencePage'),
});
const impactRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/impact',
  component: lazyRouteComponent(() => import('./modules/impact/ImpactPage.tsx'), 'ImpactPage'),
});
const impactEvaluationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/impact/$id',
  component: lazyRouteComponent(() => import('./modules/impact/ImpactEvaluationPage.tsx'), 'ImpactEvaluationPage'),
});
const metricsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/metrics',
  component: lazyRouteComponent(() => import('./modules/metrics/MetricsPage.tsx'), 'MetricsPage'),
});
const importsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/imports',
  component: lazyRouteComponent(() => import('./modules/imports/ImportsPage.tsx'), 'ImportsPage'),
});
const importJobRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/imports/$id',
  component: lazyRouteComponent(() => import('./modules/imports/ImportJobPage.tsx'), 'ImportJobPage'),
});
const reportsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/reports',
  component: lazyRouteComponent(() => import('./modules/reports/ReportsPage.tsx'), 'ReportsPage'),
});
const libraryYearRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/reports/library',
  component: lazyRouteComponent(() => import('./modules/reports/LibraryYearPage.tsx'), 'LibraryYearPage'),
});
const reportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/reports/$orgUnitId/$year',
  component: lazyRouteComponent(() => import('./modules/reports/ReportPage.tsx'), 'ReportPage'),
});
const captureRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/capture',
  component: lazyRouteComponent(() => import('./modules/capture/CapturePage.tsx'), 'CapturePage'),
});
const duplicatesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/people/duplicates',
  component: lazyRouteComponent(() => import('./modules/people/DuplicatesPage.tsx'), 'DuplicatesPage'),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  publicRoute,
  sharedPlanRoute,
  sharedReportRoute,
  appRoute.addChildren([
    homeRoute, departmentsRoute, departmentRoute, peopleRoute, personRoute, engagementsRoute, engagementRoute, coverageRoute,
    overviewRoute, partnershipRoute, prioritiesRoute, adminRoute,
    opportunitiesRoute, newOpportunityRoute, opportunityRoute, plansRoute, planRoute, campaignsRoute, campaignRoute, goalsRoute, goalRoute,
    evidenceRoute, impactRoute, impactEvaluationRoute, metricsRoute, importsRoute, importJobRoute, reportsRoute, libraryYearRoute, reportRoute,
    captureRoute, duplicatesRoute,
  ]),
]);

export function makeRouter(queryClient: QueryClient) {
  return createRouter({ routeTree, context: { queryClient }, defaultPreload: 'intent', scrollRestoration: true });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof makeRouter>;
  }
}
