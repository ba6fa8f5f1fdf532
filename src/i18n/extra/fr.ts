import { addLanguage } from '../registry.js';
import type { FolioStrings } from '../strings.js';

/**
 * French, with French typography: a narrow no-break space (U+202F) before `;`, `?` and `!`, a
 * no-break space (U+00A0) before `:`. Importing this module adds it to Folio (`addLanguage('fr', fr)`).
 */
export const fr: FolioStrings = {
  loading: 'Chargement…',
  by: 'Par',
  and: 'et',
  published: 'Publié le',
  updated: 'Mis à jour le',
  footerBefore: 'Pour proposer une correction ou une précision, ',
  footerLink: 'écrivez-nous ici',
  footerAfter: '.',
  footerKeys: 'Vous pouvez aussi sélectionner le texte et appuyer sur ',
  footerEnd: '.',
  keysCtrl: 'Ctrl + Entrée',
  keysMac: '⌘ + Entrée',
  errorTitle: 'Impossible de charger cet article.',
  errorNetwork: 'La connexion a échoué. Vérifiez que vous êtes en ligne, puis réessayez.',
  errorHttp: 'Erreur du serveur ({status}).',
  errorFormat: 'L’article est dans un format que Folio ne sait pas lire.',
  errorReadOriginal: 'Le lire sur le site de l’éditeur',
  errorRetry: 'Réessayer',
  photo: 'Photo',
  source: 'Source',
  originalStory: 'Lire l’article original',
  advertisement: 'Publicité',
  otherTopics: 'Autres sujets qui pourraient vous intéresser',
  suggestCorrection: 'Proposer une correction',
  correctionQuote: 'Votre sélection',
  correctionSuggestion: 'Texte corrigé',
  correctionSuggestionGeneral: 'Que devons-nous corriger\u202f?',
  correctionComment: 'Commentaire (facultatif)',
  correctionEmail: 'E-mail (facultatif, pour une réponse)',
  correctionEmailError: 'Saisissez une adresse comme name@example.com, ou laissez le champ vide.',
  correctionEmpty: 'Modifiez le texte ou ajoutez un commentaire avant d’envoyer.',
  correctionSend: 'Envoyer',
  correctionClose: 'Fermer',
  correctionSending: 'Envoi…',
  correctionSent: 'Merci\u202f! La rédaction a bien reçu votre correction.',
  correctionQueued: 'Enregistrée\u202f; elle sera envoyée dès que vous serez de nouveau en ligne.',
  correctionRefused: 'La rédaction n’a pas pu accepter cette correction\u00a0: {reason}',
  correctionNotice: 'Rectificatif',
  correctionWords: 'Mots de l’article (facultatif)',
  correctionWordsNone: 'Ces mots ne figurent pas dans l’article.',
  correctionThanks: 'Merci',
};

addLanguage('fr', fr);
