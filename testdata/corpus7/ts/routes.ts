// Routes the store portal itself serves; the shape mirrors the old LMS v1 API so the
// kiosk app did not have to change. These are OUR endpoints, not calls to the LMS.
import { Router } from "express";
import { LmsClient } from "./lmsClient";

export function lmsProxyRoutes(lms: LmsClient): Router {
  const router = Router();

  router.get("/api/v1/users", async (_req, res) => {
    res.json(await lms.listUsers());
  });

  router.put("/api/v1/users/:userId/pseudonymize", async (req, res) => {
    await lms.pseudonymize(req.params.userId);
    res.status(204).end();
  });

  return router;
}
