import request from 'supertest';
import { TestApp } from '../support/test-app';

/** The session cookie of a console login with `key`, and the CSRF token of the page it opens. */
export async function logIn(testApp: TestApp, key: string) {
  const http = request(testApp.app.getHttpServer());
  const login = await http.post('/console/login').type('form').send({ apiKey: key }).expect(303);
  expect(login.headers.location).toBe('/console/customers');
  const setCookie = ([] as string[]).concat(login.headers['set-cookie'] ?? []);
  const cookie = setCookie[0].split(';')[0];
  const page = await http.get('/console/customers').set('Cookie', cookie).expect(200);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1];
  return { cookie, setCookie: setCookie[0], csrf: csrf! };
}
