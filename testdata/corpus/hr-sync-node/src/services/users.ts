import { lms } from '../lmsClient';

export interface LmsUser {
  _id: string;
  mail: string;
  firstName?: string;
  lastName?: string;
  primaryGroupId?: string;
}

/** Every user the LMS knows; includeDeleted adds deactivated accounts. */
export async function listUsers(includeDeleted = false): Promise<LmsUser[]> {
  const res = await lms.get<LmsUser[]>('/users', {
    params: { deleted: includeDeleted },
  });
  return res.data;
}

export async function findByWorkdayId(workerId: string): Promise<LmsUser | null> {
  try {
    const res = await lms.get<LmsUser>(`/users/getUserByExternalId/${encodeURIComponent(workerId)}/workday`);
    return res.data;
  } catch (e: any) {
    if (e.response?.status === 404) return null;
    throw e;
  }
}

export async function updateProfile(email: string, changes: Partial<LmsUser>): Promise<void> {
  await lms.put(`/users/${email}`, {
    firstName: changes.firstName,
    lastName: changes.lastName,
    primaryGroupId: changes.primaryGroupId,
  });
}

export async function pseudonymize(email: string): Promise<void> {
  await lms.put(`/users/${encodeURIComponent(email)}/pseudonymize`);
}

// GET /api/v1/users/:email/managers is what the org chart used; kept for reference.
export async function managersOf(email: string): Promise<LmsUser[]> {
  const res = await lms.get(`/users/${email}/managers`);
  return res.data;
}
