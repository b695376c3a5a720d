'use strict';
// Offboards leavers from 360Learning. Run by the HR ops team after the Workday export.
const request = require('request');

const LMS = process.env.LMS_HOST || 'https://acme.360learning.com';
const auth = { company: process.env.LMS_COMPANY, apiKey: process.env.LMS_API_KEY };

function removeFromGroup(groupId, email, cb) {
  request({
    method: 'DELETE',
    url: `${LMS}/api/v1/groups/${groupId}/users/${encodeURIComponent(email)}`,
    qs: auth,
    json: { deleteFromPrivateSubgroups: true },
  }, cb);
}

function pseudonymize(email, cb) {
  request.put(LMS + '/api/v1/users/' + encodeURIComponent(email) + '/pseudonymize', { qs: auth, json: true }, cb);
}

function lookup(workerId, cb) {
  request.get({
    uri: `${LMS}/api/v1/users/getUserByExternalId/${workerId}/Workday`,
    qs: auth,
    json: true,
  }, cb);
}

function createAccount(user, cb) {
  request.post({ url: `${LMS}/api/v1/users`, qs: auth, json: user }, cb);
}

// PeopleHub keeps its own v1 API; not 360Learning.
function closeWorker(workerId, cb) {
  request.del(`https://api.peoplehub.example/api/v1/users/${workerId}`, cb);
}

module.exports = { createAccount, removeFromGroup, pseudonymize, lookup, closeWorker };
