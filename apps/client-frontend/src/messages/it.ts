import type { Messages } from '.';

export const it: Messages = {
  appName: 'Documento protetto',
  skipToContent: 'Vai al contenuto',
  loading: 'Caricamento…',
  offline: 'Il server non è raggiungibile. Verifichi la connessione e riprovi.',
  genericError: 'Si è verificato un errore. Riprovi tra un momento.',
  retry: 'Riprova',
  language: 'Lingua',

  homeTitle: 'Documenti protetti',
  homeText: 'Apra il link contenuto nell’e-mail ricevuta per vedere il documento che Le è stato inviato.',

  unknownTitle: 'Questo link è sconosciuto',
  unknownText:
    'Verifichi di aver aperto il link completo contenuto nell’e-mail. Se ancora non funziona, chieda al mittente di inviarLe di nuovo il documento.',
  expiredTitle: 'Questo link è scaduto',
  expiredText: 'Il documento non è più disponibile tramite questo link. Chieda al mittente di condividerlo di nuovo.',
  revokedTitle: 'Questo link è stato ritirato',
  revokedText: 'Il mittente ha ritirato questo documento. Lo contatti se ne ha ancora bisogno.',
  lockedTitle: 'Questo link è bloccato',
  lockedText:
    'Il codice d’accesso è stato inserito in modo errato troppe volte. Chieda al mittente un nuovo codice d’accesso; il link rimane lo stesso.',

  unlockTitle: 'Le è stato inviato un documento',
  unlockIntro:
    'Inserisca il codice d’accesso ricevuto dal mittente. Le è arrivato separatamente dal link – per telefono, SMS o di persona.',
  unlockCode: 'Codice d’accesso',
  unlockCodeHint: 'Dieci lettere e cifre, per esempio ABCDE-23456. Maiuscole o minuscole vanno bene entrambe.',
  unlockSubmit: 'Apri il documento',
  unlockBusy: 'Verifica in corso…',
  unlockAttemptsLeft: '{count, plural, one {Le resta # tentativo.} other {Le restano # tentativi.}}',
  unlockWrongCode:
    'Questo codice d’accesso non è corretto. {count, plural, one {Le resta # tentativo prima che il link venga bloccato.} other {Le restano # tentativi prima che il link venga bloccato.}}',
  unlockTooMany: 'Troppi tentativi dalla Sua rete. Attenda un minuto e riprovi.',
  errCodeRequired: 'Inserisca il codice d’accesso.',

  docFrom: 'Da {provider}',
  docAvailableUntil: 'Disponibile fino al {date}',
  docMessage: 'Messaggio',
  docFiles: 'File',
  docNoFiles: 'Questo documento non contiene file.',
  docPreview: 'Anteprima',
  docPreviewLabel: 'Anteprima di {name}',
  docHidePreview: 'Chiudi anteprima',
  docDownload: 'Scarica',
  docDownloadLabel: 'Scarica {name}',
  docPreviewTitle: 'Anteprima di {name}',
  docPreviewFallback: 'Se l’anteprima resta vuota, scarichi invece il file.',
  docSessionEnded:
    'Per la Sua sicurezza, il documento è stato chiuso dopo un certo tempo. Inserisca di nuovo il codice d’accesso.',
  typePdf: 'Documento PDF',
  typeImage: 'Immagine ({subtype})',
  typeWord: 'Documento Word',
  typeExcel: 'Foglio di calcolo Excel',
  typePowerPoint: 'Presentazione PowerPoint',
  typeText: 'File di testo',
  typeCsv: 'Tabella CSV',
  typeZip: 'Archivio ZIP',
  typeOther: 'File ({type})',
};
