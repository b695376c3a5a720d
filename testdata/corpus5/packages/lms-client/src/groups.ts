import { lms, lmsV2 } from './http';

export async function listGroups() {
  return lms.get('groups').json<Array<{ _id: string; name: string }>>();
}

/** Removes a learner from a group (and its private subgroups). */
export async function removeFromGroup(groupId: string, email: string) {
  await lms.delete(`groups/${groupId}/users/${email}`, {
    json: { deleteFromPrivateSubgroups: true },
  });
}

export async function addToGroup(groupId: string, email: string) {
  await lms.put(`groups/${groupId}/users/${email}`);
}

export async function removeLearnerRoleV2(groupId: string, userId: string) {
  await lmsV2.delete(`groups/${groupId}/learner/${userId}`);
}
