import type { Attribution, EvidenceKind } from '../../../shared/contracts/evidence.ts';
import { evidenceKindLabels, evidenceKinds } from '../../../shared/contracts/evidence.ts';

export const kindLabels = evidenceKindLabels;

export const kindOptions = evidenceKinds.map((k) => ({ value: k, label: kindLabels[k] }));

/** Outline badges in a 9 shade: the kind is in words, the colour only repeats it. */
export const kindColors: Record<EvidenceKind, string> = {
  quote: 'indigo.9',
  feedback: 'teal.9',
  observation: 'gray.8',
  external_examiner: 'grape.9',
  student_comment: 'cyan.9',
  survey_result: 'orange.9',
  figure: 'blue.9',
};

export const attributionLabels: Record<Attribution, string> = { named: 'Named', anonymous: 'Anonymous' };

/** What the text box asks for, by kind: a figure is a number with its meaning, a quote someone's words. */
export const textLabels: Record<EvidenceKind, string> = {
  quote: 'What they said',
  feedback: 'The feedback',
  observation: 'What you saw',
  external_examiner: "The examiner's comment",
  student_comment: "The student's comment",
  survey_result: 'The result',
  figure: 'The figure and what it measures',
};
