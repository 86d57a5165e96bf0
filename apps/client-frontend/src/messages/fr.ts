import type { Messages } from '.';

export const fr: Messages = {
  appName: 'Document sécurisé',
  skipToContent: 'Aller au contenu',
  loading: 'Chargement…',
  offline: 'Le serveur est injoignable. Vérifiez votre connexion et réessayez.',
  genericError: 'Une erreur s’est produite. Veuillez réessayer dans un instant.',
  retry: 'Réessayer',
  language: 'Langue',

  homeTitle: 'Documents sécurisés',
  homeText:
    'Ouvrez le lien figurant dans l’e-mail que vous avez reçu pour consulter le document qui vous a été envoyé.',

  unknownTitle: 'Ce lien est inconnu',
  unknownText:
    'Vérifiez que vous avez ouvert le lien complet figurant dans l’e-mail. S’il ne fonctionne toujours pas, demandez à l’expéditeur de vous renvoyer le document.',
  expiredTitle: 'Ce lien a expiré',
  expiredText: 'Le document n’est plus disponible par ce lien. Demandez à l’expéditeur de le partager à nouveau.',
  revokedTitle: 'Ce lien a été retiré',
  revokedText: 'L’expéditeur a retiré ce document. Contactez-le si vous en avez encore besoin.',
  lockedTitle: 'Ce lien est bloqué',
  lockedText:
    'Le code d’accès a été saisi de manière erronée trop souvent. Demandez un nouveau code d’accès à l’expéditeur; le lien reste le même.',

  unlockTitle: 'Un document vous a été envoyé',
  unlockIntro:
    'Saisissez le code d’accès que l’expéditeur vous a transmis. Il vous est parvenu séparément du lien – par téléphone, SMS ou en personne.',
  unlockCode: 'Code d’accès',
  unlockCodeHint: 'Dix lettres et chiffres, par exemple ABCDE-23456. Majuscules ou minuscules, les deux conviennent.',
  unlockSubmit: 'Ouvrir le document',
  unlockBusy: 'Vérification…',
  unlockAttemptsLeft: '{count, plural, one {Il vous reste # essai.} other {Il vous reste # essais.}}',
  unlockWrongCode:
    'Ce code d’accès est incorrect. {count, plural, one {Il vous reste # essai avant que le lien soit bloqué.} other {Il vous reste # essais avant que le lien soit bloqué.}}',
  unlockTooMany: 'Trop de tentatives depuis votre réseau. Veuillez patienter une minute, puis réessayer.',
  errCodeRequired: 'Veuillez saisir le code d’accès.',

  docFrom: 'De {provider}',
  docAvailableUntil: 'Disponible jusqu’au {date}',
  docMessage: 'Message',
  docFiles: 'Fichiers',
  docNoFiles: 'Ce document ne contient aucun fichier.',
  docPreview: 'Aperçu',
  docPreviewLabel: 'Aperçu de {name}',
  docHidePreview: 'Fermer l’aperçu',
  docDownload: 'Télécharger',
  docDownloadLabel: 'Télécharger {name}',
  docPreviewTitle: 'Aperçu de {name}',
  docPreviewFallback: 'Si l’aperçu reste vide, téléchargez plutôt le fichier.',
  docSessionEnded:
    'Pour votre sécurité, le document a été fermé après un certain temps. Saisissez à nouveau le code d’accès.',
  typePdf: 'Document PDF',
  typeImage: 'Image ({subtype})',
  typeWord: 'Document Word',
  typeExcel: 'Tableur Excel',
  typePowerPoint: 'Présentation PowerPoint',
  typeText: 'Fichier texte',
  typeCsv: 'Tableau CSV',
  typeZip: 'Archive ZIP',
  typeOther: 'Fichier ({type})',
};
