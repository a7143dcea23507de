import createClient from 'openapi-fetch';
import type { paths as IdentityPaths } from './generated/identity';
import type { paths as InstitutionPaths } from './generated/institution';
import type { paths as CompanyPaths } from './generated/company';
import type { paths as StudentPaths } from './generated/student';
import type { paths as ContentPaths } from './generated/content';
import type { paths as LivePaths } from './generated/live';
import type { paths as BoardPaths } from './generated/board';
import { sessionFetch } from './session';

// Paths in the documents carry the service prefix, and the gateway serves the app on the API's origin.
const options = { baseUrl: '', fetch: sessionFetch, credentials: 'same-origin' as const };

export const api = {
  identity: createClient<IdentityPaths>(options),
  institution: createClient<InstitutionPaths>(options),
  company: createClient<CompanyPaths>(options),
  student: createClient<StudentPaths>(options),
  content: createClient<ContentPaths>(options),
  live: createClient<LivePaths>(options),
  board: createClient<BoardPaths>(options),
};
