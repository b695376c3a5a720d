import { lms } from '../lmsClient';

export async function removeFromGroup(groupId: string, email: string, privateToo = true) {
  return lms.delete(`/groups/${groupId}/users/${email}`, {
    data: {
      group_id: groupId,
      deleteFromPrivateSubgroups: privateToo,
    },
  });
}

export async function listGroups() {
  const { data } = await lms.get('/groups');
  return data as Array<{ _id: string; name: string }>;
}

export async function membersOf(groupId: string) {
  const { data } = await lms.get(`/groups/${groupId}/users`);
  return data;
}
