// HR offboarding worker: consumes "employee.left" events from the people hub
// and anonymises the learner in 360Learning.
const axios = require('axios');
const { getAccessToken } = require('./lmsToken');

const LMS_HOST = process.env.LMS_HOST || 'https://acme.360learning.com';
const HUB = 'https://api.peoplehub.example/v1';

async function pseudonymize(userId) {
  const token = await getAccessToken();
  const res = await fetch(`${LMS_HOST}/api/v2/users/${userId}/pseudonymize`, {
    method: 'PUT',
    headers: {
      'Authorization': `Bearer ${token}`,
      'Accept': 'application/json',
      '360-api-version': 'v2.0',
    },
  });
  if (!res.ok) throw new Error(`pseudonymize failed: ${res.status}`);
}

async function renameUser(userId, firstName, lastName) {
  const token = await getAccessToken();
  await axios.patch(`${LMS_HOST}/api/v2/users/${userId}`, { firstName, lastName }, {
    headers: { Authorization: `Bearer ${token}`, '360-api-version': 'v2.0' }
  });
}

async function updateNames(userId, names) {
  const token = await getAccessToken();
  await fetch(`${LMS_HOST}/api/v2/users/${userId}`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, '360-api-version': 'v2.0' },
    body: JSON.stringify({ firstName: names.first, lastName: names.last }),
  });
}

async function leaveTeam(groupId, userId, token) {
  return axios({
    url: `${LMS_HOST}/api/v2/groups/${groupId}/learner/${userId}`,
    method: 'delete',
    headers: {
      Authorization: `Bearer ${token}`,
      '360-api-version': 'v2.0'
    },
  });
}

async function legacyPseudonymize(userId) {
  // still on the v1 credentials
  await fetch(`${LMS_HOST}/api/v1/users/${userId}/pseudonymize?company=${process.env.LMS_COMPANY}&apiKey=${process.env.LMS_API_KEY}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
  });
}

async function pseudonymizeByMail(email) {
  const token = await getAccessToken();
  await fetch(`${LMS_HOST}/api/v1/users/${email}/pseudonymize`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${token}` },
  });
}

async function leaversFromHub() {
  const res = await fetch(`${HUB}/users?status=terminated`, { headers: { 'X-Hub-Key': process.env.HUB_KEY } });
  return res.json();
}

module.exports = { pseudonymize, renameUser, updateNames, leaveTeam, legacyPseudonymize, pseudonymizeByMail, leaversFromHub };
