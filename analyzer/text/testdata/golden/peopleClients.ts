// Two HTTP clients for the onboarding service: the LMS and the HR directory.
import axios from 'axios';

export const endpoints = {
  lms: { root: process.env.LMS_ROOT ?? 'https://app.360learning.com/api/v1' },
  directory: { root: process.env.DIRECTORY_ROOT ?? 'https://directory.example.net/api/v1' },
};

const creds = { company: process.env.LMS_COMPANY, apiKey: process.env.LMS_API_KEY };

interface Learner { _id: string; mail: string }

const learning = axios.create({ baseURL: 'https://app.360learning.com/api/v1' });

export async function learners(withDeleted: boolean): Promise<Learner[]> {
  const { data } = await learning.get<Learner[]>('/users', { params: { ...creds, deleted: withDeleted } });
  return data;
}

export async function setPassword(mail: string, pw: string) {
  const change: Record<string, unknown> = { ...creds };
  change.password = pw;
  await learning.put<void>(`/users/${encodeURIComponent(mail)}`, change);
}

export async function leaveGroup(gid: string, mail: string) {
  await learning.delete(`/groups/${gid}/users/${mail}`, {
    data: Object.assign({}, creds, { deleteFromPrivateSubgroups: false }),
  });
}
