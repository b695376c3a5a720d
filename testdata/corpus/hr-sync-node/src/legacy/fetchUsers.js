// Pre-TypeScript helpers, still used by the CSV export script.
const fetch = require('node-fetch');

const LMS = process.env.LMS_BASE || 'https://acme.360learning.com';
const AUTH = `company=${process.env.LMS_COMPANY}&apiKey=${process.env.LMS_API_KEY}`;

async function allUsers(includeDeleted) {
  const url = `${LMS}/api/v1/users?${AUTH}` + (includeDeleted ? '&deleted=true' : '');
  const res = await fetch(url);
  return res.json();
}

async function setPassword(email, password) {
  const res = await fetch(LMS + '/api/v1/users/' + encodeURIComponent(email) + '?' + AUTH, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ password: password }),
  });
  if (!res.ok) throw new Error(`LMS ${res.status}`);
}

async function kick(groupId, email) {
  await fetch(
    `${LMS}/api/v1/groups/${groupId}/users/${email}`,
    {
      method: 'DELETE',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        company: process.env.LMS_COMPANY,
        apiKey: process.env.LMS_API_KEY,
        deleteFromPrivateSubgroups: 'false',
      }),
    },
  );
}

// Our own mock for local runs: http://localhost:3001/api/v1/users
async function mockUsers() {
  return (await fetch('http://localhost:3001/api/v1/users')).json();
}

module.exports = { allUsers, setPassword, kick, mockUsers };
