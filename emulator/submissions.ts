/** Counts submissions by the UserData they carry, so tests can prove a marker was never submitted twice. */
export class SubmissionLog {
  readonly byUserData = new Map<string, number>();
  /** Every submission that created a job, with or without UserData. */
  total = 0;

  record(userData: string | undefined): void {
    this.total++;
    if (userData) this.byUserData.set(userData, (this.byUserData.get(userData) ?? 0) + 1);
  }
}
