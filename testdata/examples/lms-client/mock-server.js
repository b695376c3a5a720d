// Local stand-in for the LMS in the intranet's integration tests. It serves
// these routes; it does not call 360Learning.
const express = require("express");

const app = express();

app.get("/api/v1/users", (req, res) => {
  res.json([{ _id: "5b56f4c392af558eb5f1386c", mail: "jane.doe@acme.example" }]);
});

app.delete("/api/v1/groups/:groupId/users/:email", (req, res) => {
  res.json({ status: "ok" });
});

module.exports = app;
