// One overview per backend: RED per route, JVM, connection pool, and the backend's own domain panels.
import { assemble } from './layout.js';
import type { Section } from './panels.js';
import { database } from './sections/database.js';
import { outbox, providerActivity } from './sections/delivery.js';
import { requests } from './sections/http.js';
import { jvm } from './sections/jvm.js';
import { clientActivity } from './sections/shares.js';
import * as variables from './variables.js';

function backend(application: string, title: string, description: string, domain: readonly Section[]) {
  return assemble({
    uid: `oc-${application}`,
    title,
    description,
    variables: [
      variables.datasource(),
      variables.application(application),
      variables.namespace('namespace', 'Namespace', application),
      variables.pods(),
    ],
    sections: [requests(), ...domain, jvm(), database()],
  });
}

export function providerBackend() {
  return backend(
    'provider-backend',
    'OC Platform / Provider backend',
    'Requests per route, delivery outbox, mails and sign-ins, JVM and connection pool of the provider backend.',
    [outbox(), providerActivity()],
  );
}

export function clientBackend() {
  return backend(
    'client-backend',
    'OC Platform / Client backend',
    'Requests per route, unlocks, lockouts and downloads, JVM and connection pool of the client backend.',
    [clientActivity()],
  );
}
