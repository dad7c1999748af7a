import { CHART_COLOURS } from "./chart-parts";

/** The group: a pale outlined band (its middle half) and a dashed median; the council solid. */
export const GROUP_COLOURS = {
  band: CHART_COLOURS.forecastBackground,
  line: CHART_COLOURS.forecast,
  council: CHART_COLOURS.actual,
};
