export type ChannelId = 'portal' | 'mobile' | 'kiosk' | 'counter' | 'review' | 'admin' | 'brain';

// Not translated: the brand reads the same in both languages.
export const PRODUCT_NAME = '一次办 · OneTrip';
