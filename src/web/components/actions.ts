import { createContext, useContext } from 'react';

export interface QuickLogPrefill {
  orgUnitId?: string;
  personIds?: string[];
}

/** App-wide actions any page can trigger: quick log and the search palette. */
export interface AppActions {
  openQuickLog(prefill?: QuickLogPrefill): void;
  openSearch(): void;
}

export const AppActionsContext = createContext<AppActions>({ openQuickLog: () => undefined, openSearch: () => undefined });
export const useAppActions = () => useContext(AppActionsContext);
