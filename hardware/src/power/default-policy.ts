/**
 * The firmware's default upload policy, as chosen by the power model
 * (recommendUploadPolicy on the badge board). Plain constants so the device
 * bundle carries two numbers, not the model; test/power.test.ts fails if
 * they drift from the model's recommendation.
 */
/** badge.proto UploadPolicy: UPLOAD_POLICY_BATCHED. */
export const DEFAULT_UPLOAD_POLICY = 1;
/** Minutes between uploads (radio off in between). */
export const DEFAULT_BATCH_INTERVAL_MIN = 2;
/** Opus bitrate the budget was computed for (bits per second). */
export const DEFAULT_BITRATE_BPS = 16000;
