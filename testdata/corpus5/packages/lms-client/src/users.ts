import { lms, lmsV2, peoplehub } from './http';
import type { LmsUser, Employee } from './types';

export async function listUsers(includeDeleted = false): Promise<LmsUser[]> {
  return lms
    .get('users', {
      searchParams: {
        deleted: includeDeleted,
      },
    })
    .json<LmsUser[]>();
}

export async function getUser(email: string): Promise<LmsUser> {
  return lms.get(`users/${encodeURIComponent(email)}`).json<LmsUser>();
}

export async function updateUser(email: string, patch: Partial<LmsUser> & { groupId?: string }) {
  await lms.put(`users/${encodeURIComponent(email)}`, {
    json: {
      firstName: patch.firstName,
      lastName: patch.lastName,
      primaryGroupId: patch.groupId,
    },
  });
}

export async function findByWorkdayId(workerId: string): Promise<LmsUser | undefined> {
  const res = await lms.get(`users/getUserByExternalId/${workerId}/workday`, { throwHttpErrors: false });
  return res.ok ? res.json<LmsUser>() : undefined;
}

export async function pseudonymize(email: string) {
  await lms.put(`users/${email}/pseudonymize`);
}

// --- not 360Learning v1 ---

export async function listEmployees(): Promise<Employee[]> {
  return peoplehub.get('users', { searchParams: { deleted: false } }).json<Employee[]>();
}

export async function updateEmployee(id: string, body: Partial<Employee>) {
  await peoplehub.put(`users/${id}`, { json: { ...body, password: undefined } });
}

export async function listUsersV2(): Promise<LmsUser[]> {
  return lmsV2.get('users').json<LmsUser[]>();
}

export async function patchUserV2(userId: string, firstName: string) {
  await lmsV2.patch(`users/${userId}`, { json: { firstName } });
}
