import { Router } from "express";

// The SDK's mock server for local tests: routes we serve, not calls.
export const mock = Router();

mock.get("/api/v1/users", (_req, res) => res.json([]));
mock.put("/api/v1/users/:email/pseudonymize", (_req, res) =>
  res.json({ message: "user_personal_data_removed_successfully" }),
);
mock.delete("/api/v1/groups/:groupId/users/:email", (_req, res) => res.sendStatus(204));
