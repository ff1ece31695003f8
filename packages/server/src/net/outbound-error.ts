/** Why an outbound request was not made or not finished, in words a person can act on. */
export type OutboundFailure =
  | 'bad_url' // not http(s), credentials in the URL, unparsable
  | 'blocked_address' // resolved to a refused address (loopback, private, metadata, …)
  | 'dns' // the name did not resolve
  | 'timeout'
  | 'too_large'
  | 'too_many_redirects'
  | 'content_type' // a type the caller does not accept
  | 'network'; // refused, reset, TLS failure, …

export class OutboundError extends Error {
  override name = 'OutboundError';
  constructor(
    readonly reason: OutboundFailure,
    message: string,
    /** The URL of the hop that failed (after redirects). */
    readonly url?: string,
  ) {
    super(message);
  }
}
