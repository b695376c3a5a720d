// Runtime configuration, from the environment (see k8s/configmap-hr-sync.yaml).
export const config = {
  lms: {
    baseURL: process.env.LMS_BASE_URL ?? 'https://acme.360learning.com/api/v1',
    company: process.env.LMS_COMPANY ?? '',
    apiKey: process.env.LMS_API_KEY ?? '',
  },
  peoplehub: {
    baseURL: process.env.PEOPLEHUB_URL ?? 'https://api.peoplehub.example/api/v1',
    token: process.env.PEOPLEHUB_TOKEN ?? '',
  },
  port: Number(process.env.PORT ?? 8080),
};
