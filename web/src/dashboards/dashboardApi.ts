import createClient from 'openapi-fetch';
import type { components as Company, paths as CompanyPaths } from '../api/generated/company';
import type { components as Institution, paths as InstitutionPaths } from '../api/generated/institution';
import { sessionFetch } from '../api/session';

// The dashboards' 200s list text/csv beside the JSON (?format=csv). The pages read the JSON, and the CSV is
// downloaded as bytes (csvDownload.ts), so these clients type each answer as its JSON alone.
const options = { baseUrl: '', fetch: sessionFetch, credentials: 'same-origin' as const };

export const dashboardApi = {
  institution: createClient<InstitutionPaths, `${string}/json`>(options),
  company: createClient<CompanyPaths, `${string}/json`>(options),
};

type I = Institution['schemas'];
type C = Company['schemas'];
export type Summary = I['DashboardSummary'];
export type MonthlyRow = I['MonthlyRow'];
export type QuarterlyRow = I['QuarterlyRow'];
export type PopularCourseRow = I['PopularCourseRow'];
export type AttendanceRow = I['CompanyAttendanceRow'];
export type ContractedCompanyRow = I['ContractedCompanyRow'];
export type RunningProvisionRow = I['RunningProvisionRow'];
export type RatingsView = I['RatingsView'];
export type TrainingRecordRow = I['TrainingRecordRow'];
export type CourseSummary = I['CourseSummary'];
export type ProvisionSummary = I['InstitutionProvisionSummary'];
export type CompanyDashboard = C['CompanyDashboard'];
export type CompanyProvisionRow = C['CompanyProvisionRow'];
export type EmployeeProgressRow = C['EmployeeProgressRow'];
export type CompanyTrainingRecordRow = C['CompanyTrainingRecordRow'];
