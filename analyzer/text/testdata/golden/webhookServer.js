// Webhook receiver for the LMS: it SERVES routes, it does not call 360Learning.
// Old docs: PUT https://acme.360learning.com/api/v1/users/:email (comment only)
const express = require('express');
const router = express.Router();
const cache = new Map();

/* A block comment with a URL: https://app.360learning.com/api/v1/groups/1/users/a@b.c */
router.put('/api/v1/users/:email', async (req, res) => {
  cache.get('/users/' + req.params.email);
  console.log(`updating /users/${req.params.email}`);
  res.sendStatus(204);
});
router.delete('/api/v1/groups/:groupId/users/:email', removeMembership);

const pattern = /"\/api\/v1\/users\/([^"]+)"/;
const localApi = 'http://localhost:3000/api/v1/users';
const partner = `https://api.peoplehub.example/api/v1/users/${42}`;

async function callPartner(email) {
  await fetch(`${'https://api.peoplehub.example'}/api/v1/users/${email}`, { method: 'DELETE' });
  return axios.put(localApi + '/' + email, { primaryGroupId: 'x' });
}

async function migrated(userId, token) {
  return axios.patch(`https://acme.360learning.com/api/v2/users/${userId}`, { firstName: 'A' }, {
    headers: { Authorization: `Bearer ${token}`, '360-api-version': 'v2.0' },
  });
}

module.exports = { router, pattern, partner, callPartner, migrated };
