import axios from 'axios';
import { config } from './config';

// PeopleHub's own API happens to be versioned /api/v1 too. Not the LMS.
const ph = axios.create({
  baseURL: config.peoplehub.baseURL,
  headers: { Authorization: `Bearer ${config.peoplehub.token}` },
});

export async function employees(includeDeleted: boolean) {
  const { data } = await ph.get('/users', { params: { deleted: includeDeleted } });
  return data;
}

export async function closeEmployee(id: string) {
  await ph.put(`/users/${id}`, { status: 'closed', password: null });
}

export async function fetchDirect() {
  const res = await axios.get('https://api.peoplehub.example/api/v1/users?deleted=false');
  return res.data;
}
