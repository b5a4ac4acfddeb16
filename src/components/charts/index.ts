/**
 * The charts editors may put in an MDX story, e.g. <QuotaChart year={2019} />. Pages pass these to
 * <Content components={{ ...charts }} />.
 */
export { default as AwardDistributionChart } from './AwardDistributionChart.astro';
export { default as EnterpriseEnergyChart } from './EnterpriseEnergyChart.astro';
export { default as LeaderboardChart } from './LeaderboardChart.astro';
export { default as QuotaChart } from './QuotaChart.astro';
export { default as QuotaSplitChart } from './QuotaSplitChart.astro';
export { default as RegistrationChart } from './RegistrationChart.astro';
