/** The peer workflow's one activity: it does nothing but come back. */
export const peerActivities = {
  async touch(id: string): Promise<string> {
    return id;
  },
};
