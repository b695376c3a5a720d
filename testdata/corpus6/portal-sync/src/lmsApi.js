// LMS API helpers for the portal sync worker.
// Token comes from the platform team's OAuth service (PLAT-311); company/apiKey are still
// needed by the v1 endpoints until the migration is done.
const axios = require('axios');

const LMS_HOST = process.env.LMS_HOST || 'acme.360learning.com';
const { LMS_COMPANY, LMS_API_KEY } = process.env;

async function updateUserProfile(token, userId, profile) {
  const res = await fetch(
    `https://${LMS_HOST}/api/v1/users/${userId}?company=${LMS_COMPANY}&apiKey=${LMS_API_KEY}`,
    {
      method: 'PUT',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ firstName: profile.firstName, lastName: profile.lastName, job: profile.job }),
    },
  );
  if (!res.ok) {
    throw new Error(`LMS update failed for ${userId}: ${res.status}`);
  }
}

async function listUsers() {
  const { data } = await axios.get(`https://${LMS_HOST}/api/v1/users`, {
    params: { company: LMS_COMPANY, apiKey: LMS_API_KEY },
  });
  return data.map((u) => ({ id: u._id, email: u.mail, group: u.primaryGroupId }));
}

async function pseudonymizeById(token, userId) {
  await axios.put(
    `https://${LMS_HOST}/api/v1/users/${userId}/pseudonymize?company=${LMS_COMPANY}&apiKey=${LMS_API_KEY}`,
    null,
    { headers: { Authorization: `Bearer ${token}` } },
  );
}

// PeopleHub (HRIS) is not the LMS: its v1 API stays.
async function peoplehubEmployee(id) {
  const res = await fetch(`https://api.peoplehub.example/api/v1/employees/${id}`);
  return res.json();
}

module.exports = { updateUserProfile, listUsers, pseudonymizeById, peoplehubEmployee };
