import { createContext, useContext } from 'react';

export interface QuickLogPrefill {
  orgUnitId?: string;
  personIds?: string[];
}

type Named = { id: string; name: string };

/** What "Capture evidence" starts with: what is in view, or the engagement it comes from. */
export interface EvidencePrefill {
  orgUnitIds?: string[];
  sourcePersonId?: string;
  /** people who could have said it (an engagement's), offered as one-click sources */
  sourceCandidates?: Named[];
  occurredOn?: string;
  themeIds?: string[];
  goalIds?: string[];
  campaignIds?: string[];
  /** the engagement it was captured from, linked */
  engagement?: { id: string; occurredOn: string; summary: string };
  /** labels for the ids above, so the pickers need not look them up */
  known?: { orgUnits?: Named[]; campaigns?: Named[] };
}

/** App-wide actions any page can trigger: quick log, capture evidence and the search palette. */
export interface AppActions {
  openQuickLog(prefill?: QuickLogPrefill): void;
  /** optional so that pages' tests may provide the other actions alone */
  openCaptureEvidence?(prefill?: EvidencePrefill): void;
  openSearch(): void;
}

export const AppActionsContext = createContext<AppActions>({ openQuickLog: () => undefined, openCaptureEvidence: () => undefined, openSearch: () => undefined });
export const useAppActions = () => useContext(AppActionsContext);
