/** Replays opened at a struggle start this long before it, so the viewer sees it happen. */
export const STRUGGLE_LEAD_IN_MS = 2_000;
/** How often the install page asks whether the first event has arrived. */
export const INSTALL_CHECK_INTERVAL_MS = 3_000;
/** Hotspots per page of the friction report. */
export const HOTSPOTS_PER_PAGE = 20;
/** Sessions per page of the search. */
export const SESSIONS_PER_PAGE = 50;
