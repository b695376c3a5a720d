// node src/legacy/exportCsv.js > users.csv
const axios = require('axios');

const LMS = process.env.LMS_BASE || 'https://acme.360learning.com';

async function main() {
  const { data: users } = await axios({
    method: 'get',
    url: `${LMS}/api/v1/users`,
    params: {
      company: process.env.LMS_COMPANY,
      apiKey: process.env.LMS_API_KEY,
      deleted: true,
    },
  });
  console.log('_id,mail,firstName,lastName');
  for (const u of users) console.log([u._id, u.mail, u.firstName, u.lastName].join(','));

  if (process.argv.includes('--erase-test-accounts')) {
    for (const u of users.filter((x) => x.mail.endsWith('@test.acme.com'))) {
      await axios({
        url: `${LMS}/api/v1/users/${u.mail}/pseudonymize`,
        method: 'PUT',
        params: { company: process.env.LMS_COMPANY, apiKey: process.env.LMS_API_KEY },
      });
    }
  }
}

main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
