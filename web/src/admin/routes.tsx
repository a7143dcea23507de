import { Outlet, type RouteObject } from 'react-router';
import { RequireAuth } from '../auth/RequireAuth';

export const adminRoutes: RouteObject[] = [
  {
    element: <RequireAuth roles={['Admin']}><Outlet /></RequireAuth>,
    children: [
      { path: 'admin', lazy: () => import('./HealthPage').then((m) => ({ Component: m.HealthPage })) },
      { path: 'admin/users', lazy: () => import('./UsersPage').then((m) => ({ Component: m.UsersPage })) },
      { path: 'admin/users/:id', lazy: () => import('./UserPage').then((m) => ({ Component: m.UserPage })) },
      { path: 'admin/institutions', lazy: () => import('./InstitutionsPage').then((m) => ({ Component: m.InstitutionsPage })) },
      { path: 'admin/institutions/:id', lazy: () => import('./InstitutionPage').then((m) => ({ Component: m.InstitutionPage })) },
      { path: 'admin/companies', lazy: () => import('./CompaniesPage').then((m) => ({ Component: m.CompaniesPage })) },
      { path: 'admin/companies/:id', lazy: () => import('./CompanyPage').then((m) => ({ Component: m.CompanyPage })) },
      { path: 'admin/audit', lazy: () => import('./AuditPage').then((m) => ({ Component: m.AuditPage })) },
      { path: 'admin/teachback', lazy: () => import('./CatalogPage').then((m) => ({ Component: m.CatalogPage })) },
    ],
  },
];
