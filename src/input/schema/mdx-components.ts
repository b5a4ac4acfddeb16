/**
 * The components editors may write in an MDX story, and the props each takes (README.md's table).
 * src/pages/stories/[id].astro passes exactly these (DataTable and charts/index.ts); the MDX check
 * refuses any other component or prop. A prop's kind says which literal it takes:
 * number year={2019}, text enterprise="…", list columns={['…']} (a list of texts and numbers, or of such lists).
 */
export type PropKind = 'number' | 'text' | 'list';

export interface ComponentProps {
  readonly [prop: string]: { kind: PropKind; required?: boolean };
}

const year = { kind: 'number', required: true } as const;

export const MDX_COMPONENTS: Readonly<Record<string, ComponentProps>> = {
  DataTable: { caption: { kind: 'text', required: true }, columns: { kind: 'list', required: true }, rows: { kind: 'list', required: true } },
  AwardDistributionChart: { year },
  EnterpriseEnergyChart: { enterprise: { kind: 'text', required: true } },
  LeaderboardChart: { year, sector: { kind: 'text', required: true }, metric: { kind: 'text' }, pollutant: { kind: 'text' } },
  QuotaChart: { year },
  QuotaSplitChart: { year },
  RegistrationChart: { year },
};
