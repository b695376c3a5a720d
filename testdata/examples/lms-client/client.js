// Small client the intranet uses to show team members and manage groups.
const axios = require("axios");

const LMS = process.env.LMS_URL || "https://acme.360learning.com";
const auth = { company: process.env.LMS_COMPANY, apiKey: process.env.LMS_API_KEY };

async function listUsers() {
  const res = await axios.get(`${LMS}/api/v1/users`, { params: auth });
  return res.data;
}

async function removeFromGroup(groupId, email) {
  await axios.delete(`${LMS}/api/v1/groups/${groupId}/users/${email}`, { params: auth });
}

module.exports = { listUsers, removeFromGroup };
