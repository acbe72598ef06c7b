/** The media processing in flight, which closing awaits before the data directory goes. */
export class WorkInFlight {
  private readonly working = new Set<Promise<unknown>>();

  /** The processor, with each promise it answers kept until it settles. */
  track<J, R>(processor: (job: J) => Promise<R> | undefined): (job: J) => Promise<R> | undefined {
    return (job) => {
      const p = processor(job);
      if (p) {
        const settled = p.finally(() => this.working.delete(settled));
        this.working.add(settled);
      }
      return p;
    };
  }

  /** Resolves once all the work started so far has ended, however it ended. */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.working]);
  }
}
