import express from 'express';
import { config } from './config';
import { listUsers } from './services/users';

// The sync exposes a tiny API for the ops dashboard. These are OUR routes,
// served by this process; they only look like the LMS's.
const app = express();
app.use(express.json());

app.get('/api/v1/health', (_req, res) => res.json({ ok: true }));

app.get('/api/v1/users', async (req, res) => {
  const users = await listUsers(req.query.deleted === 'true');
  res.json(users.map((u) => ({ mail: u.mail })));
});

app.put('/api/v1/users/:email', (req, res) => {
  // Accepts {primaryGroupId, password} from the dashboard and queues it.
  res.status(202).json({ queued: req.params.email });
});

app.delete('/api/v1/groups/:groupId/users/:email', (_req, res) => res.sendStatus(204));

app.listen(config.port, () => console.log(`hr-sync listening on ${config.port}`));
