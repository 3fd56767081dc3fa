/** Raises an event's data from `fromVersion` to `fromVersion + 1`. Pure. */
export type Upcaster = (data: unknown) => unknown;

export interface UpcastableEvent {
  type: string;
  data: unknown;
  schemaVersion: number;
}

/**
 * Upcasters registered per event type and schema version, applied on read: an event
 * stored at v1 is raised through v1→v2→v3… until no upcaster remains. The log itself is
 * never rewritten.
 */
export class UpcasterRegistry {
  private readonly upcasters = new Map<string, Map<number, Upcaster>>();

  /** A registry holding every upcaster of a list such as the domain's `eventUpcasters`. */
  static of(
    list: Iterable<{ eventType: string; fromVersion: number; upcast: Upcaster }>,
  ): UpcasterRegistry {
    const registry = new UpcasterRegistry();
    for (const { eventType, fromVersion, upcast } of list)
      registry.register(eventType, fromVersion, upcast);
    return registry;
  }

  register(eventType: string, fromVersion: number, upcaster: Upcaster): this {
    const byVersion = this.upcasters.get(eventType) ?? new Map<number, Upcaster>();
    if (byVersion.has(fromVersion)) {
      throw new Error(`An upcaster for ${eventType} v${fromVersion} is already registered`);
    }
    byVersion.set(fromVersion, upcaster);
    this.upcasters.set(eventType, byVersion);
    return this;
  }

  /** The version new events of this type are written at: one past the last upcaster. */
  currentVersion(eventType: string): number {
    const byVersion = this.upcasters.get(eventType);
    return byVersion && byVersion.size > 0 ? Math.max(...byVersion.keys()) + 1 : 1;
  }

  upcast<E extends UpcastableEvent>(event: E): E {
    const byVersion = this.upcasters.get(event.type);
    if (!byVersion) return event;
    let { data, schemaVersion } = event;
    for (
      let upcaster = byVersion.get(schemaVersion);
      upcaster;
      upcaster = byVersion.get(schemaVersion)
    ) {
      data = upcaster(data);
      schemaVersion += 1;
    }
    return { ...event, data, schemaVersion };
  }
}
