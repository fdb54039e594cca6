export { type DeliveryDeps, type DeliveryReport, deliverDue, RETRY_DELAYS_MS } from './deliver.ts';
export { type DevInboxMessage, readDevInbox } from './dev-inbox.ts';
export {
  type AddressItem,
  addressColumns,
  type CancelFilter,
  type Channel,
  cancelMessagesFor,
  enqueueMessage,
  forgetMessagesOf,
  type MessageToEnqueue,
  type OutboxDeps,
} from './enqueue.ts';
export { transportsFromConfig } from './from-config.ts';
export { type SmtpSettings, SmtpTransport } from './smtp.ts';
export { type OutboxTables, outboxColumns } from './tables.ts';
export {
  DEV_EMAIL_LABEL,
  DEV_SMS_LABEL,
  DeliveryFailed,
  DevEmailTransport,
  DevSmsTransport,
  type EmailTransport,
  type OutgoingEmail,
  type SmsTransport,
  type Transports,
} from './transports.ts';
