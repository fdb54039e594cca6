/**
 * Where the site layout leaves room for the cookie banner. Public pages are
 * rendered once and cached (the policy page per version), so the banner, which
 * differs per visitor, is filled in per response by `honourCookieChoice`.
 */
export const cookieBannerSlot = '<!--jikim:cookie-banner-->';
