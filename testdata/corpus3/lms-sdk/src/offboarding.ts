import { LearningApiV1 } from "./generated/LearningApiV1";
import { HttpRequest } from "./request";

const api = new LearningApiV1(new HttpRequest());

export async function offboard(email: string, groups: string[]): Promise<void> {
  for (const g of groups) {
    await api.deleteUserFromGroup(g, email, { deleteFromPrivateSubgroups: true });
  }
  await api.updateUser(email, { primaryGroupId: "alumni", password: undefined });
  await api.pseudonymizeUser(email);
}
