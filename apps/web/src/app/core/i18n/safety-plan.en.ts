import type { safetyPlanVi } from './safety-plan.vi';

/** Screen texts for the safety plan (issue 10). */
export const safetyPlanEn: Readonly<Record<keyof typeof safetyPlanVi, string>> = {
  'caseFile.tab.safetyPlan': 'Safety plan',
  'safetyPlan.title': 'Safety plan',
  'safetyPlan.none': 'No safety plan yet.',
  'safetyPlan.create': 'Make a safety plan',
  'safetyPlan.edit': 'Edit the plan',
  'safetyPlan.save': 'Save a new version',
  'safetyPlan.saved': 'Safety plan saved, version {version}.',
  'safetyPlan.version': 'Version {version} · {at} · {name}',
  'safetyPlan.reviewOn': 'Review by {date}',
  'safetyPlan.changed': 'Changed: {sections}',
  'safetyPlan.history': 'Versions',
  'safetyPlan.print': 'Print the plan',
  'safetyPlan.printCodeWord': 'Print the code word too (only if she wants it)',
  'safetyPlan.printHint': 'The printout has no name, case code or identifying detail.',
  'safetyPlan.stale':
    'Someone else just saved version {version}. What you typed is still in the form: look at the new version above, then save again.',
  'safetyPlan.emergency':
    'In danger, call now: Police 113 · Ambulance 115 · Child protection hotline 111',
  'safetyPlan.section.warning_signs': 'Warning signs',
  'safetyPlan.section.safe_places': 'Safe places to go',
  'safetyPlan.section.safe_people': 'Trusted people to ask for help',
  'safetyPlan.section.code_word': 'Code word with trusted people',
  'safetyPlan.section.documents_essentials': 'Documents and essentials to take',
  'safetyPlan.section.children': 'For the children',
  'safetyPlan.section.route_to_help': 'Route to help',
  'safetyPlan.section.hotlines': 'Numbers to remember',
  'field.reviewOn': 'Review date',
  'field.sections': 'Plan contents',
  'field.baseVersion': 'Version',
  'error.stale_version': 'Someone else just saved a new version.',
  'error.empty_plan': 'Fill in at least one section of the plan.',
  'error.unknown_section': '{field}: the plan has no such section.',
  'error.not_after_today': '{field} must be after today.',
  'error.review_too_far': '{field} must be within 180 days.',
};
