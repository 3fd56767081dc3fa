import { eventStoreContract, skippedContract } from '../testing/event-store.contract';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

if (connectionString) {
  eventStoreContract({
    name: `EventStoreDB adapter (${connectionString.replace(/\/\/[^@]*@/, '//')})`,
    open: async ({ upcasters }) => EventStoreDbEventStore.connect(connectionString, { upcasters }),
  });
} else {
  skippedContract('EventStoreDB adapter', 'EVENTSTORE_CONNECTION_STRING is not set');
}
