import type { Lang } from '../platform/i18n.ts';
import type { PolicyDeps, PolicyVersion } from './versions.ts';
import { getVersion, listVersions } from './versions.ts';

interface ScheduledVersion {
  id: string;
  effectiveAt: Date;
}

/**
 * Serves the published policy without a database round trip per request.
 * Announced versions never change, so their rendering is cached per version
 * and language. The schedule of announced versions is re-read every few
 * seconds; since a change is announced days before it takes effect, every node
 * already knows the next version when its effective instant arrives, and the
 * page in force switches exactly then, by the injected clock, with no restart.
 */
export class PolicyPublisher {
  #schedule: ScheduledVersion[] | undefined;
  #loadedAt = 0;
  #versions = new Map<string, Promise<PolicyVersion>>();
  #pages = new Map<string, Promise<unknown>>();

  constructor(
    private readonly deps: PolicyDeps,
    private readonly scheduleTtlMs = 5_000,
  ) {}

  /** Forget the schedule (after an announcement in this process). */
  invalidate(): void {
    this.#schedule = undefined;
  }

  async versionIdInForce(at: Date): Promise<string | undefined> {
    const schedule = await this.#currentSchedule();
    // The schedule is sorted latest first.
    return schedule.find((v) => v.effectiveAt.getTime() <= at.getTime())?.id;
  }

  /** The version in force at `at`; every installation has one from the seed on. */
  async inForce(at: Date): Promise<PolicyVersion> {
    const id = await this.versionIdInForce(at);
    if (!id) throw new Error('no policy version in force');
    return this.version(id);
  }

  async version(id: string): Promise<PolicyVersion> {
    let cached = this.#versions.get(id);
    if (!cached) {
      cached = getVersion(this.deps, id);
      this.#versions.set(id, cached);
      // A failed read must not stay cached.
      cached.catch(() => this.#versions.delete(id));
    }
    const version = await cached;
    // Drafts can still be replaced; only announced versions are cached for good.
    if (version.status !== 'announced') this.#versions.delete(id);
    return version;
  }

  /** A rendered page for an announced version; `render` runs once per version and language. */
  page<T>(id: string, lang: Lang, render: () => Promise<T>): Promise<T> {
    const key = `${id}:${lang}`;
    let cached = this.#pages.get(key) as Promise<T> | undefined;
    if (!cached) {
      cached = render();
      this.#pages.set(key, cached);
      cached.catch(() => this.#pages.delete(key));
    }
    return cached;
  }

  async #currentSchedule(): Promise<ScheduledVersion[]> {
    const now = Date.now();
    if (!this.#schedule || now - this.#loadedAt > this.scheduleTtlMs) {
      const versions = await listVersions(this.deps);
      this.#schedule = versions
        .filter((v) => v.status === 'announced' && v.effectiveAt)
        .map((v) => ({ id: v.id, effectiveAt: v.effectiveAt as Date }))
        .sort((a, b) => b.effectiveAt.getTime() - a.effectiveAt.getTime());
      this.#loadedAt = now;
    }
    return this.#schedule;
  }
}
