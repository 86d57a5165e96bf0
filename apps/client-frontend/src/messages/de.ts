import type { Messages } from '.';

export const de: Messages = {
  appName: 'Sicheres Dokument',
  skipToContent: 'Zum Inhalt springen',
  loading: 'Wird geladen …',
  offline: 'Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  genericError: 'Etwas ist schiefgelaufen. Bitte versuchen Sie es in einem Moment erneut.',
  retry: 'Erneut versuchen',
  language: 'Sprache',

  homeTitle: 'Sichere Dokumente',
  homeText:
    'Öffnen Sie den Link aus der E-Mail, die Sie erhalten haben, um das Dokument zu sehen, das Ihnen gesendet wurde.',

  unknownTitle: 'Dieser Link ist unbekannt',
  unknownText:
    'Prüfen Sie, ob Sie den ganzen Link aus der E-Mail geöffnet haben. Funktioniert er trotzdem nicht, bitten Sie den Absender, das Dokument erneut zu senden.',
  expiredTitle: 'Dieser Link ist abgelaufen',
  expiredText:
    'Das Dokument ist über diesen Link nicht mehr verfügbar. Bitten Sie den Absender, es erneut freizugeben.',
  revokedTitle: 'Dieser Link wurde zurückgezogen',
  revokedText: 'Der Absender hat dieses Dokument zurückgezogen. Wenden Sie sich an ihn, falls Sie es noch benötigen.',
  lockedTitle: 'Dieser Link ist gesperrt',
  lockedText:
    'Der Zugangscode wurde zu oft falsch eingegeben. Bitten Sie den Absender um einen neuen Zugangscode; der Link bleibt derselbe.',

  unlockTitle: 'Ihnen wurde ein Dokument gesendet',
  unlockIntro:
    'Geben Sie den Zugangscode ein, den Sie vom Absender erhalten haben. Er kam getrennt vom Link – per Telefon, SMS oder persönlich.',
  unlockCode: 'Zugangscode',
  unlockCodeHint:
    'Zehn Buchstaben und Ziffern, zum Beispiel ABCDE-23456. Gross- oder Kleinschreibung spielt keine Rolle.',
  unlockSubmit: 'Dokument öffnen',
  unlockBusy: 'Wird geprüft …',
  unlockAttemptsLeft: '{count, plural, one {Sie haben noch # Versuch.} other {Sie haben noch # Versuche.}}',
  unlockWrongCode:
    'Dieser Zugangscode ist nicht korrekt. {count, plural, one {Sie haben noch # Versuch, bevor der Link gesperrt wird.} other {Sie haben noch # Versuche, bevor der Link gesperrt wird.}}',
  unlockTooMany: 'Zu viele Versuche aus Ihrem Netzwerk. Bitte warten Sie eine Minute und versuchen Sie es dann erneut.',
  errCodeRequired: 'Bitte geben Sie den Zugangscode ein.',

  docFrom: 'Von {provider}',
  docAvailableUntil: 'Verfügbar bis {date}',
  docMessage: 'Nachricht',
  docFiles: 'Dateien',
  docNoFiles: 'Dieses Dokument enthält keine Dateien.',
  docPreview: 'Vorschau',
  docPreviewLabel: 'Vorschau von {name}',
  docHidePreview: 'Vorschau schliessen',
  docDownload: 'Herunterladen',
  docDownloadLabel: '{name} herunterladen',
  docPreviewTitle: 'Vorschau von {name}',
  docPreviewFallback: 'Bleibt die Vorschau leer, laden Sie die Datei stattdessen herunter.',
  docSessionEnded:
    'Zu Ihrer Sicherheit wurde das Dokument nach einer Weile geschlossen. Geben Sie den Zugangscode erneut ein.',
  typePdf: 'PDF-Dokument',
  typeImage: 'Bild ({subtype})',
  typeWord: 'Word-Dokument',
  typeExcel: 'Excel-Tabelle',
  typePowerPoint: 'PowerPoint-Präsentation',
  typeText: 'Textdatei',
  typeCsv: 'CSV-Tabelle',
  typeZip: 'ZIP-Archiv',
  typeOther: 'Datei ({type})',
};
