import type { applyZhCN } from './apply.zh-CN';

export const applyEnUS: Record<keyof typeof applyZhCN, string> = {
  'apply.backToPortal': 'Back to the online service hall',
  'apply.backToMine': 'My cases',
  'apply.backToGuide': 'See the service guide',
  'apply.staffOnly': 'This page is for applicants. Staff handle cases in their workbenches.',
  'apply.staffOnly.counter': 'Counter workbench',
  'apply.staffOnly.review': 'Review workbench',

  'apply.starting.title': 'Start an application',
  'apply.starting.body': 'Creating your draft application…',
  'apply.starting.notFound': 'This service was not found; it may have changed or been withdrawn.',
  'apply.started':
    'Your draft is created and kept on the server. Come back to it at any time, or continue on mobile, at a kiosk or at a counter.',

  'apply.mine.title': 'My cases',
  'apply.mine.intro':
    'All your applications, newest first. Open a draft or a case awaiting correction to continue.',
  'apply.mine.caption': 'My cases',
  'apply.mine.empty': 'You have no cases yet.',
  'apply.mine.findService': 'Find a service',
  'apply.mine.continueDraft': 'Draft: open to continue',
  'apply.mine.toCorrect': 'Please make the corrections asked for',
  'apply.inbox.title': 'Messages',
  'apply.inbox.unread': '(unread)',

  'apply.case.notFound': 'This case was not found, or you may not see it.',
  'apply.case.number': 'Case number {number}',

  'apply.form.title': 'Application form (one form for everything)',
  'apply.form.requiredNote':
    'Fields marked * are required. Each detail is asked once and used for every service of this application.',
  'apply.form.draftNote':
    'Save the draft to keep your answers on the server and continue from any channel. Submitting lists everything still missing at once.',
  'apply.form.partWhen': 'This part is needed only when: {when}.',
  'apply.form.partSkipped':
    'From your answers, this part is not needed for now (only when: {when}).',
  'apply.form.choose': 'Choose',
  'apply.form.pattern': 'The format is not right; please check',
  'apply.form.pattern.phone': 'Enter an 11-digit mobile number',
  'apply.form.pattern.residentId': 'Enter the 18-character resident ID number (the last may be X)',
  'apply.form.pattern.uscc': 'Enter the 18-character unified social credit code',
  'apply.form.save': 'Save draft',
  'apply.form.saved': 'Draft saved ({time}).',
  'apply.form.submit': 'Submit application',
  'apply.form.submitCorrection': 'Submit corrections',
  'apply.form.reload': 'Reload',
  'apply.problems.format':
    '{n} answer(s) are not in the right format; correct them, then submit (the draft is saved)',
  'apply.submitted.new':
    'Application submitted; it now waits for intake at a window. Once accepted it gets a case number and a promised date.',
  'apply.submitted.correction': 'Corrections submitted; the time limit runs again.',

  'apply.correction.title': 'Corrections asked for (all at once)',
  'apply.correction.intro':
    'On {date} the window asked you, all at once, to correct everything below. The clock is stopped meanwhile; submit your corrections here, no trip needed.',
  'apply.correction.asked': 'Correction asked: ',

  'apply.autosave.restored': 'What you typed on this device and had not sent is back; saving it…',
  'apply.autosave.saving': 'Saving…',
  'apply.autosave.saved': 'Saved automatically at {time}',
  'apply.autosave.offline':
    'You are offline: what you type is kept on this device and sent when the network is back.',
  'apply.autosave.failed': 'Could not save automatically: {message}',
  'apply.delivery.title': 'How to receive the result',
  'apply.delivery.intro':
    'How the result reaches you once the case is decided. You can change it until you submit.',
  'apply.delivery.hint.pickup': 'Collect it at a service point window with your ID card',
  'apply.delivery.hint.post': 'Sent free by EMS to the address you give',
  'apply.delivery.hint.electronic': 'E-certificates and decisions delivered online, no trip',
  'apply.delivery.point': 'Pick-up point',
  'apply.delivery.pointHint':
    'If you choose none, collect it at the window that accepts your application.',
  'apply.delivery.pointDefault': 'The accepting window’s service point',
  'apply.delivery.recipient': 'Recipient',
  'apply.delivery.phone': 'Recipient’s mobile number',
  'apply.delivery.address': 'Postal address',
  'apply.delivery.chosen': 'Delivery (applicant’s choice)',
  'apply.delivery.to': 'To: {recipient}, {phone}, {address}',
  'apply.delivery.at': 'Pick-up point: {point}',
  'apply.delivery.atWindow': 'At the accepting window',

  'apply.materials.title': 'Materials',
  'apply.materials.uploadNote':
    'A file is uploaded as soon as you choose it: PDF, JPG, PNG or OFD, recognised by its content, whatever its extension.',
  'apply.materials.pick': 'Choose a file',
  'apply.materials.change': 'Choose another file',
  'apply.materials.later': 'Not needed from your answers so far ({n})',
  'apply.materials.noFile': 'No file chosen yet',
  'apply.materials.recorded': 'File recorded: ',
  'apply.materials.uploaded': 'Uploaded: ',
  'apply.materials.uploading': 'Uploading “{name}”… ({percent}%)',
  'apply.materials.uploadFailed': '“{name}” was not uploaded: {reason}',
  'apply.materials.open': 'Open “{name}” in a new tab',
  'apply.materials.remove': 'Remove',
  'apply.materials.removeNamed': 'Remove the file of “{name}”',
  'apply.materials.how': 'How to provide “{name}”',
  'apply.materials.useCertificate': 'Use my electronic certificate (nothing to hand in)',
  'apply.materials.useSharedData': 'Fetch from shared data (nothing to hand in)',
  'apply.materials.useFile': 'Provide a file myself',
  'apply.materials.needNow': 'From your answers, this is needed.',
  'apply.materials.notNow': 'From your answers, this is not needed for now.',
  'apply.materials.partSkipped':
    'Needed only for “{parts}”; from your answers, not needed for now.',

  'apply.withdraw.title': 'Withdraw the application',
  'apply.withdraw.hint':
    'Until a decision is made you may withdraw at any time. To go on later, you would apply again.',
  'apply.withdraw.button': 'Withdraw application',
  'apply.withdraw.confirmTitle': 'Withdraw this application?',
  'apply.withdraw.confirmBody':
    'If you withdraw “{title}”, every department stops handling it. This cannot be undone.',
  'apply.withdraw.confirm': 'Withdraw',
  'apply.withdraw.cancel': 'Keep it',
  'apply.withdraw.done': 'Application withdrawn.',

  'apply.view.submitted':
    'Submitted; waiting for intake at a window. Once accepted it gets a case number and a promised date.',
  'apply.view.in_review': 'Accepted; the departments are reviewing it. Promised by {date}.',
  'apply.view.delivering': 'All decisions are made; the result is being delivered.',
  'apply.view.closed': 'Completed. Please tell us how it went.',
  'apply.view.declined': 'The window declined the application; see the notice of decline.',
  'apply.view.withdrawn': 'The application was withdrawn.',
  'apply.view.declineReason': 'Reason for declining: {reason}',
  'apply.view.declineBasis': 'Legal basis: {basis}',
  'apply.view.application': 'What you applied with',
  'apply.view.applyAgain': 'Apply for this again',

  'apply.rating.title': 'Rate this service',
  'apply.rating.intro':
    'Please rate how this case was handled. A case is rated once; you may add one later review.',
  'apply.rating.score': 'Rating',
  'apply.rating.scoreValue': '{n} · {label}',
  'apply.rating.score1': 'Very dissatisfied',
  'apply.rating.score2': 'Dissatisfied',
  'apply.rating.score3': 'Fairly satisfied',
  'apply.rating.score4': 'Satisfied',
  'apply.rating.score5': 'Very satisfied',
  'apply.rating.scoreRequired': 'Choose a rating',
  'apply.rating.tags': 'Impressions',
  'apply.rating.tag.oneTrip': 'Done in one go',
  'apply.rating.tag.fewMaterials': 'Few materials',
  'apply.rating.tag.fast': 'Quick',
  'apply.rating.tag.friendly': 'Friendly service',
  'apply.rating.tag.unclear': 'Unclear requirements',
  'apply.rating.tag.slow': 'Long wait',
  'apply.rating.text': 'Comments and suggestions (optional)',
  'apply.rating.textGiven': 'Comments and suggestions',
  'apply.rating.submit': 'Submit rating',
  'apply.rating.at': 'Rated on',
  'apply.rating.thanks': 'Thank you for your rating.',
  'apply.rating.followUpOpened':
    'Your rating has gone to the department concerned to put things right; you will be told what they do.',
  'apply.rating.followUpLink': 'See what is being done',
  'apply.rating.followUpTitle': 'Later review',
  'apply.rating.followUpIntro': 'After rating a case you may add one later review.',
  'apply.rating.followUpText': 'Your later review',
  'apply.rating.followUpRequired': 'Write your later review',
  'apply.rating.followUpSubmit': 'Submit later review',
  'apply.rating.followUpSaved': 'Later review submitted.',

  // Messages about my cases, worded by their kind in the page's language; new ones marked so.
  'apply.inbox.kind.case.accept':
    'Your application has been accepted. Follow its progress under “My cases”.',
  'apply.inbox.kind.case.request_correction':
    'Some of your application needs correcting. Please correct everything the notice lists, then submit again.',
  'apply.inbox.kind.case.decline':
    'Your application was not accepted. Please read the notice of non-acceptance.',
  'apply.inbox.kind.case.reject': 'Your application did not pass review. Please read the decision.',
  'apply.inbox.kind.case.deliver':
    'Your case is completed and the result delivered. Please tell us how we did.',
  'apply.inbox.new': 'New',
  'apply.inbox.markAllRead': 'Mark all as read',
};
