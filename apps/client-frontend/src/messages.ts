/**
 * Every string of the client app. To add a language, add a catalogue with the same keys
 * (e.g. `de`, `fr`) to `catalogs`; components never change.
 */
export const en = {
  appName: 'Secure document',
  skipToContent: 'Skip to content',
  loading: 'Loading…',
  offline: 'The server cannot be reached. Check your connection and try again.',
  genericError: 'Something went wrong. Please try again in a moment.',
  retry: 'Try again',

  homeTitle: 'Secure documents',
  homeText: 'Open the link from the e-mail you received to see the document that was sent to you.',

  unknownTitle: 'This link is not known',
  unknownText: 'Check that you opened the whole link from the e-mail. If it still does not work, ask the sender to send the document again.',
  expiredTitle: 'This link has expired',
  expiredText: 'The document is no longer available through this link. Ask the sender to share it again.',
  revokedTitle: 'This link was withdrawn',
  revokedText: 'The sender has withdrawn this document. Contact them if you still need it.',
  lockedTitle: 'This link is locked',
  lockedText: 'The access code was entered wrongly too many times. Ask the sender for a new access code; the link stays the same.',

  unlockTitle: 'A document was sent to you',
  unlockIntro: 'Enter the access code you received from the sender. It came separately from the link — by phone, text message or in person.',
  unlockCode: 'Access code',
  unlockCodeHint: 'Ten letters and digits, for example ABCDE-23456. Upper or lower case both work.',
  unlockSubmit: 'Open document',
  unlockBusy: 'Checking…',
  unlockAttemptsLeft: '{count, plural, one {You have # attempt left.} other {You have # attempts left.}}',
  unlockWrongCode: 'This access code is not correct. {count, plural, one {You have # attempt left before the link is locked.} other {You have # attempts left before the link is locked.}}',
  unlockTooMany: 'Too many attempts from your network. Please wait a minute and try again.',
  errCodeRequired: 'Please enter the access code.',

  docFrom: 'From {provider}',
  docAvailableUntil: 'Available until {date}',
  docMessage: 'Message',
  docFiles: 'Files',
  docNoFiles: 'This document has no files.',
  docPreview: 'Preview',
  docPreviewLabel: 'Preview {name}',
  docHidePreview: 'Close preview',
  docDownload: 'Download',
  docDownloadLabel: 'Download {name}',
  docPreviewTitle: 'Preview of {name}',
  docPreviewFallback: 'If the preview stays empty, download the file instead.',
  docSessionEnded: 'For your security, the document was closed after a while. Enter the access code again.',
  typePdf: 'PDF document',
  typeImage: 'Image ({subtype})',
  typeWord: 'Word document',
  typeExcel: 'Excel spreadsheet',
  typePowerPoint: 'PowerPoint presentation',
  typeText: 'Text file',
  typeCsv: 'CSV table',
  typeZip: 'ZIP archive',
  typeOther: 'File ({type})',
};

export type MessageKey = keyof typeof en;

export const catalogs = { en };
