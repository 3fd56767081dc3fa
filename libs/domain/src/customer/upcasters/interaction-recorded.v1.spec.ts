import fc from 'fast-check';
import { eventUpcasters } from '../../upcasters';
import { INTERACTION_DIRECTIONS, INTERACTION_KINDS } from '../customer.interaction';
import { InteractionRecordedV1Data, upcastInteractionRecordedV1 } from './interaction-recorded.v1';
import { INTERACTION_RECORDED_V1_FIXTURES } from './interaction-recorded.v1.fixtures';

const v1 = (kind: string): InteractionRecordedV1Data => ({
  customerId: 'c-1',
  interactionId: 'i-1',
  kind,
  text: 'No signal since Monday',
  recordedAt: '2025-04-01T08:05:00.000Z',
});

describe('InteractionRecorded v1 → v2 upcaster', () => {
  it.each([
    ['call', 'inbound'],
    ['email', 'inbound'],
    ['visit', 'inbound'],
    ['incident', 'inbound'],
    ['note', 'internal'],
  ])('reads a v1 %s as %s, every other field unchanged', (kind, direction) => {
    expect(upcastInteractionRecordedV1(v1(kind))).toEqual({ ...v1(kind), direction });
  });

  it('maps every kind the decider ever accepted', () => {
    expect(
      INTERACTION_KINDS.map((kind) => upcastInteractionRecordedV1(v1(kind)).direction),
    ).toEqual(['inbound', 'inbound', 'inbound', 'inbound', 'internal']);
  });

  it('is total and pure: any v1 payload gets a valid direction and the input is not touched', () => {
    fc.assert(
      fc.property(
        fc.record({
          customerId: fc.uuid(),
          interactionId: fc.uuid(),
          kind: fc.oneof(fc.constantFrom(...INTERACTION_KINDS), fc.string()),
          text: fc.string(),
          recordedAt: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        }),
        (data) => {
          const before = structuredClone(data);
          const upcast = upcastInteractionRecordedV1(data);
          expect(data).toEqual(before);
          expect(INTERACTION_DIRECTIONS).toContain(upcast.direction);
          expect(upcastInteractionRecordedV1(data)).toEqual(upcast);
          const { direction: _direction, ...rest } = upcast;
          expect(rest).toEqual(data);
        },
      ),
    );
  });

  it('still upcasts every v1 fixture kept from the log', () => {
    for (const { data, readsWithDirection } of INTERACTION_RECORDED_V1_FIXTURES)
      expect(upcastInteractionRecordedV1(data)).toEqual({ ...data, direction: readsWithDirection });
  });

  it('is the one upcaster registered for InteractionRecorded, from version 1', () => {
    const registered = eventUpcasters.filter((u) => u.eventType === 'InteractionRecorded');
    expect(registered.map((u) => u.fromVersion)).toEqual([1]);
    const [fixture] = INTERACTION_RECORDED_V1_FIXTURES;
    expect(registered[0].upcast(fixture.data)).toEqual(upcastInteractionRecordedV1(fixture.data));
  });
});
