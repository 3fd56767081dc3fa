import autocannon from 'autocannon';
import { HttpFigures, loadHttp } from './http-load';
import { HttpQueryFigures, loadCustomerFile, loadRegisterCustomer } from './bare-api';

export interface HttpStageFigures {
  registerCustomer: HttpQueryFigures;
  subscriptionStateChange: HttpFigures;
  customerFile: HttpQueryFigures;
}

export interface HttpStageOptions {
  seconds: number;
  customerIds: readonly string[];
  subscriptionIds: readonly string[];
  /** The API process, whose CPU per registration and per customer-file request is measured. */
  apiPid: number;
}

/**
 * Commands and the customer-file query over loopback against the API process. Each
 * connection suspends then resumes its own subscription, so every state change is legal;
 * each registration has an e-mail of its own (rule R2).
 */
export async function httpStages(
  url: string,
  options: HttpStageOptions,
): Promise<HttpStageFigures> {
  const registerCustomer = await loadRegisterCustomer(
    url,
    options.apiPid,
    options.seconds,
    'HTTP Bench',
  );
  let nextSubscription = 0;
  const bySubscription = (action: string) => ({
    method: 'POST' as const,
    setupRequest: (request: autocannon.Request, context: object) => {
      const connection = context as { subscriptionId?: string };
      // Each suspend-then-resume cycle takes the next subscription; past the last, the first
      // again (resumed by then: 8 connections never share one while the list is longer).
      connection.subscriptionId ??=
        options.subscriptionIds[nextSubscription++ % options.subscriptionIds.length];
      return {
        ...request,
        path: `/api/subscriptions/${connection.subscriptionId}/${action}`,
        body: JSON.stringify(action === 'suspend' ? { reason: 'bench' } : {}),
      };
    },
  });
  const subscriptionStateChange = await loadHttp(url, 8, options.seconds, [
    bySubscription('suspend'),
    bySubscription('resume'),
  ]);
  const customerFile = await loadCustomerFile(
    url,
    options.apiPid,
    options.customerIds,
    options.seconds,
  );
  return { registerCustomer, subscriptionStateChange, customerFile };
}
