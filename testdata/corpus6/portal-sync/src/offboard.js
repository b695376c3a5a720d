// Offboarding webhook: PeopleHub calls us when an employee leaves.
// PORTAL-88
const express = require('express');
const axios = require('axios');

const router = express.Router();
const LMS = 'https://acme.360learning.com';
const creds = `company=${process.env.LMS_COMPANY}&apiKey=${process.env.LMS_API_KEY}`;

// Our own endpoint (the portal's API), not an LMS call.
router.put('/api/v1/users/:id', async (req, res) => {
  res.status(202).json({ queued: req.params.id });
});

router.post('/hooks/peoplehub/leaver', async (req, res) => {
  const { email, lmsGroupId } = req.body;

  await axios.delete(`${LMS}/api/v1/groups/${lmsGroupId}/users/${email}?${creds}`, {
    data: { deleteFromPrivateSubgroups: false, group_id: lmsGroupId },
  });

  await fetch(`${LMS}/api/v1/users/${email}/pseudonymize?${creds}`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${req.app.locals.lmsToken}` },
  });

  res.sendStatus(204);
});

module.exports = router;
