import axios from 'axios';
import { config } from './config';

// One axios instance for the LMS. v1 authenticates with company + apiKey on
// every request, so they ride along as default query parameters.
export const lms = axios.create({
  baseURL: config.lms.baseURL,
  timeout: 15000,
  params: {
    company: config.lms.company,
    apiKey: config.lms.apiKey,
  },
});

lms.interceptors.response.use(undefined, (err) => {
  // Old API errors come back as {"error": "user_not_found"} with a 400.
  if (err.response?.status === 400) {
    err.message = `LMS: ${err.response.data?.error ?? 'bad request'}`;
  }
  return Promise.reject(err);
});
