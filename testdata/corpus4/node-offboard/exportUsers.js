'use strict';
const superagent = require('superagent');
const express = require('express');

const LMS = process.env.LMS_HOST || 'https://acme.360learning.com';
const auth = { company: process.env.LMS_COMPANY, apiKey: process.env.LMS_API_KEY };

async function exportAll() {
  const res = await superagent
    .get(`${LMS}/api/v1/users`)
    .query(auth)
    .query({ deleted: true });
  return res.body;
}

async function resetPassword(email, password) {
  await superagent
    .put(`${LMS}/api/v1/users/${encodeURIComponent(email)}`)
    .query(auth)
    .send({ password });
}

async function leave(groupId, email) {
  await superagent
    .delete(`${LMS}/api/v1/groups/${groupId}/users/${encodeURIComponent(email)}`)
    .type('form')
    .send({ ...auth, group_id: groupId, deleteFromPrivateSubgroups: true });
  await superagent
    .put(`${LMS}/api/v1/users/${encodeURIComponent(email)}/pseudonymize`)
    .query(auth);
}

async function exportV2(token) {
  return superagent
    .get(`${LMS}/api/v2/users`)
    .set('Authorization', `Bearer ${token}`)
    .set('360-api-version', 'v2.0');
}

async function hubLeavers() {
  return superagent.get('https://api.peoplehub.example/api/v1/users').query({ deleted: true });
}

// A tiny mock of the old LMS API for local tests.
const app = express();
app.get('/api/v1/users', (req, res) => res.json([]));
app.delete('/api/v1/groups/:groupId/users/:email', (req, res) => res.sendStatus(204));

module.exports = { exportAll, resetPassword, leave, exportV2, hubLeavers, app };
