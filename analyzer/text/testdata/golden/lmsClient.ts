import axios, { AxiosInstance } from 'axios';
import express from 'express';

// Legacy v1 calls: see https://acme.360learning.com/api/v1/users (a comment, not a call)
const config = {
  lmsBaseUrl: process.env.LMS_BASE_URL ?? 'https://acme.360learning.com/api/v1',
  peopleHubUrl: 'https://api.peoplehub.example/v2',
};

export class LmsClient {
  private http: AxiosInstance;

  constructor(private company: string, private apiKey: string) {
    this.http = axios.create({ baseURL: config.lmsBaseUrl, timeout: 10000 });
  }

  async updateUser(email: string, primaryGroupId: string, password?: string) {
    try {
      const res = await this.http.put(`/users/${encodeURIComponent(email)}`, {
        primaryGroupId,
        password,
        company: this.company,
        apiKey: this.apiKey,
      });
      if (res.status !== 200 || res.data.status !== 'user_updated') {
        throw new Error('update failed');
      }
    } catch (err: any) {
      if (err.response?.data?.error === 'mail_already_exists') {
        return 'duplicate';
      }
      throw err;
    }
  }

  async listUsers() {
    return this.http.get('/users', { params: { deleted: false, company: this.company, apiKey: this.apiKey } });
  }

  async removeFromGroup(groupId: string, email: string) {
    return this.http.delete(`/groups/${groupId}/users/${email}`, {
      data: { deleteFromPrivateSubgroups: true },
    });
  }
}

export async function pseudonymize(email: string) {
  const url = `${config.lmsBaseUrl}/users/${email}/pseudonymize`;
  const resp = await fetch(url, { method: 'PUT', headers: { 'Content-Type': 'application/json' } });
  return resp.json();
}

export async function lookupExternal(id: string) {
  const r = await fetch(`https://acme.360learning.com/api/v1/users/getUserByExternalId/${id}/workday`);
  const user = await r.json();
  return { id: user._id, mail: user.mail, group: user.primaryGroupId };
}

// Already migrated: v2 with a bearer token.
export async function listUsersV2(token: string) {
  return axios.get('https://acme.360learning.com/api/v2/users', {
    headers: { Authorization: `Bearer ${token}`, '360-api-version': 'v2.0' },
  });
}

// Decoys: other hosts.
export async function syncPeopleHub(email: string) {
  await axios.put(`${config.peopleHubUrl}/users/${email}`, { active: false });
  await fetch('http://localhost:8080/api/v1/users/test@example.com', { method: 'PUT' });
}

// Our own webhook receiver: these are routes we serve, not calls.
const app = express();
app.put('/api/v1/users/:email', (req, res) => res.sendStatus(204));
app.get('/api/v1/users', async (req, res) => { res.json([]); });
app.post('/webhooks/lms/users', handleWebhook);

function handleWebhook(req: any, res: any) {
  res.sendStatus(200);
}
