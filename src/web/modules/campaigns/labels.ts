import type { CampaignDto, CampaignStatus } from '../../../shared/contracts/campaigns.ts';
import { plural } from '../goals/parts.tsx';

export const statusLabels: Record<CampaignStatus, string> = { upcoming: 'Upcoming', current: 'Current', past: 'Past' };

/** "4 of 6 departments engaged", or a note that it targets none. */
export const reachText = (r: CampaignDto['reach']) => (r.targeted ? `${r.engaged} of ${plural(r.targeted, 'department')} engaged` : 'No target departments');
