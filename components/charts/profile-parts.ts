import { CHART_COLOURS } from "./chart-parts";

/*
 * What the profile's charts (profile-charts.tsx, loaded on demand) and their legends and
 * placeholders (profile-figures.tsx, with the page) share. No Recharts here.
 */

/** The group: a pale outlined band (its middle half) and a dashed median; the council solid. */
export const GROUP_COLOURS = {
  band: CHART_COLOURS.forecastBackground,
  line: CHART_COLOURS.forecast,
  council: CHART_COLOURS.actual,
};

/** Height of one measure's chart, and of the chart of years, in pixels. */
export const PROFILE_RANGE_HEIGHT = 64;
export const PROFILE_YEARS_HEIGHT = 320;
