'use strict';

// Webhook relay: HR events in, 360Learning updates out.
const axios = require('axios');
const express = require('express');

const lms = axios.create({
  baseURL: process.env.LMS_API || 'https://soylent.360learning.com/api/v1',
  timeout: 10000,
});

lms.interceptors.request.use((config) => {
  config.params = { ...config.params, company: process.env.LMS_COMPANY, apiKey: process.env.LMS_API_KEY };
  return config;
});

const app = express();
app.use(express.json());

// Our own webhook endpoint (served here, not an LMS call).
app.post('/api/v1/users/:email/events', async (req, res) => {
  const { email } = req.params;
  const event = req.body;
  try {
    switch (event.type) {
      case 'department.changed':
        await lms.put(`/users/${email}`, { primaryGroupId: event.lmsGroupId });
        break;
      case 'team.left':
        await lms.request({
          method: 'delete',
          url: `/groups/${event.lmsGroupId}/users/${email}`,
          data: { group_id: event.lmsGroupId, deleteFromPrivateSubgroups: true },
        });
        break;
      case 'employee.erased':
        await lms.put(`/users/${encodeURIComponent(email)}/pseudonymize`);
        break;
      default:
        break;
    }
    res.sendStatus(204);
  } catch (err) {
    res.status(502).json({ error: err.message });
  }
});

app.get('/api/v1/users', async (_req, res) => {
  // Proxy for the intranet: v2 already, paginated.
  const { data } = await axios.get('https://soylent.360learning.com/api/v2/users', {
    headers: { '360-api-version': 'v2.0', authorization: `Bearer ${process.env.LMS_TOKEN}` },
  });
  res.json(data);
});

module.exports = app;
