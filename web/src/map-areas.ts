/**
 * Where each of the scenario's territories lies, as an approximation drawn from Natural Earth
 * (public domain, 1:50m admin-0, via the world-atlas package): the union of present-day countries
 * (ISO 3166-1 numeric codes, or Natural Earth's name where it has no code), cut where a territory
 * is only part of them by a rough outline in degrees (lon, lat) traced by hand from the interwar
 * frontiers the territory's own source names (Versailles, Saint-Germain, Trianon, Riga, Munich, the
 * Vienna Award, the partition line of 28 September 1939 …). The outlines are coarse — tens of
 * kilometres — and say so on the map; they place a holder's colour, they do not settle a frontier.
 *
 * The table is drawn in order: a later entry is painted over an earlier one, so a piece (the
 * Sudetenland, Memel, the Rhineland …) comes after the country it is cut from.
 */

export interface Area {
  /** The scenario's territory id. */
  territory: string;
  /** Natural Earth countries whose union holds the territory (ISO numeric code, or the name for the few without). */
  countries: string[];
  /** The rough outline that cuts the territory out of those countries; none when it is all of them. */
  within?: [number, number][];
}

export const AREAS: Area[] = [
  // ── whole present-day countries ──
  { territory: 'united-kingdom', countries: ['826', '833', '832', '831'] },
  { territory: 'ireland', countries: ['372'] },
  { territory: 'france', countries: ['250', '492'] },
  { territory: 'belgium', countries: ['056'] },
  { territory: 'netherlands', countries: ['528'] },
  { territory: 'luxembourg', countries: ['442'] },
  { territory: 'switzerland', countries: ['756', '438'] },
  { territory: 'spain', countries: ['724', '020'] },
  { territory: 'portugal', countries: ['620'] },
  { territory: 'malta', countries: ['470'] },
  { territory: 'hungary', countries: ['348'] },
  { territory: 'italy', countries: ['380', '674', '336'] },
  { territory: 'yugoslavia', countries: ['688', '191', '705', '070', '499', '807', 'Kosovo'] },
  // Istria, Fiume and Zara: Italian by the Treaties of Rapallo (1920) and Rome (1924).
  { territory: 'italy', countries: ['705', '191'], within: [[13.3, 46.6], [13.75, 46.5], [14.55, 45.55], [14.5, 45.3], [14.0, 44.75], [13.4, 45.0]] },
  { territory: 'albania', countries: ['008'] },
  { territory: 'greece', countries: ['300'] },
  { territory: 'dodecanese', countries: ['300'], within: [[26.5, 36.2], [26.9, 37.3], [27.5, 37.05], [28.5, 36.5], [28.3, 35.7], [27.0, 35.3], [26.5, 35.5]] },
  { territory: 'bulgaria', countries: ['100'] },
  { territory: 'romania', countries: ['642'] },
  { territory: 'turkey', countries: ['792'] },
  { territory: 'syria', countries: ['760', '422'] },
  { territory: 'hatay', countries: ['792'], within: [[35.75, 36.0], [35.9, 35.75], [36.25, 35.75], [36.65, 36.2], [36.75, 36.8], [36.4, 37.05], [35.95, 36.95], [35.7, 36.6]] },
  { territory: 'soviet-union', countries: ['643', '804', '112', '268', '051', '031', '398', '860', '795', '417', '762', '498'] },
  { territory: 'finland', countries: ['246', '248'] },
  // The Karelian isthmus and Ladoga Karelia: Finnish by the Treaty of Tartu (1920).
  { territory: 'finland', countries: ['643'], within: [[27.7, 60.55], [29.3, 60.2], [29.95, 60.15], [30.6, 60.6], [31.3, 61.0], [32.9, 61.6], [31.6, 62.95], [30.2, 62.1], [28.9, 61.3]] },
  { territory: 'estonia', countries: ['233'] },
  { territory: 'latvia', countries: ['428'] },
  { territory: 'lithuania', countries: ['440'] },
  { territory: 'sweden', countries: ['752'] },
  { territory: 'norway', countries: ['578'] },
  { territory: 'denmark', countries: ['208'] },
  { territory: 'persia', countries: ['364'] },
  { territory: 'afghanistan', countries: ['004'] },
  { territory: 'mongolia', countries: ['496'] },
  { territory: 'china', countries: ['156'] },
  { territory: 'korea', countries: ['408', '410'] },
  { territory: 'japan', countries: ['392'] },
  { territory: 'taiwan', countries: ['158'] },
  { territory: 'south-sakhalin', countries: ['643'], within: [[141.6, 50.0], [144.8, 50.0], [144.8, 45.8], [141.6, 45.8]] },
  { territory: 'ethiopia', countries: ['231'] },
  { territory: 'eritrea', countries: ['232'] },
  { territory: 'italian-somaliland', countries: ['706'] },
  { territory: 'british-somaliland', countries: ['Somaliland'] },
  { territory: 'french-somaliland', countries: ['262'] },
  { territory: 'kenya', countries: ['404'] },
  { territory: 'sudan', countries: ['729', '728'] },
  { territory: 'united-states', countries: ['840'] },
  // ── Germany and its changes, over Poland's present-day land ──
  { territory: 'poland', countries: ['616'] },
  { territory: 'germany', countries: ['276'] },
  // Pomerania, the Neumark and Silesia: German until 1945 (Versailles, Part II; the Upper Silesian partition of 1922).
  { territory: 'germany', countries: ['616'], within: [[13.5, 55.0], [17.6, 54.85], [17.3, 53.9], [16.6, 53.3], [16.1, 52.9], [15.85, 52.4], [16.3, 51.95], [17.1, 51.45], [17.75, 51.2], [18.2, 51.1], [18.6, 50.6], [18.75, 50.3], [18.55, 49.95], [17.5, 50.0], [13.5, 50.8]] },
  { territory: 'rhineland', countries: ['276'], within: [[5.8, 47.5], [8.6, 47.55], [8.9, 49.0], [8.9, 50.2], [8.1, 51.0], [7.6, 51.95], [6.0, 51.95], [5.8, 50.7]] },
  { territory: 'saar', countries: ['276'], within: [[6.35, 49.45], [6.6, 49.65], [7.05, 49.65], [7.4, 49.45], [7.35, 49.15], [6.9, 49.1], [6.5, 49.15]] },
  { territory: 'austria', countries: ['040'] },
  { territory: 'east-prussia', countries: ['616', '643', '440'], within: [[19.3, 54.6], [19.3, 53.9], [19.8, 53.45], [20.5, 53.2], [21.6, 53.3], [22.6, 53.45], [22.9, 54.35], [22.8, 54.9], [22.0, 55.05], [21.2, 55.25], [20.9, 55.3], [19.9, 54.95]] },
  { territory: 'memel', countries: ['440'], within: [[20.95, 55.3], [21.3, 55.25], [21.9, 55.07], [22.15, 55.05], [22.0, 55.5], [21.6, 55.75], [21.2, 55.95], [20.95, 55.95]] },
  { territory: 'danzig', countries: ['616'], within: [[18.35, 54.45], [18.6, 54.6], [19.0, 54.4], [19.35, 54.35], [19.25, 54.1], [18.9, 54.05], [18.45, 54.2]] },
  // ── Poland, as the Treaty of Riga (1921) drew it, split on the partition line of 28 September 1939 ──
  {
    territory: 'eastern-poland',
    countries: ['616', '112', '804', '440'],
    within: [
      [22.0, 53.45], [21.9, 53.2], [22.4, 52.75], [23.2, 52.3], [23.6, 52.0], [23.65, 51.5], [24.1, 50.85], [24.2, 50.5], [23.4, 50.3], [22.7, 50.05], [22.3, 49.6], [22.6, 49.1],
      [24.0, 48.2], [25.5, 48.35], [26.3, 48.5], [26.0, 49.4], [26.2, 49.9], [27.2, 50.6], [27.6, 51.3], [27.5, 51.95], [26.9, 52.6], [26.7, 53.4], [27.1, 53.7], [27.4, 54.2], [27.2, 54.8], [28.2, 55.6], [26.6, 55.7],
      [25.8, 55.4], [25.0, 55.05], [24.5, 54.6], [23.5, 54.15], [22.9, 54.0], [22.4, 53.75],
    ],
  },
  { territory: 'vilnius', countries: ['440', '112'], within: [[24.4, 54.3], [24.9, 54.1], [25.8, 54.3], [26.1, 54.8], [25.8, 55.1], [25.0, 55.1], [24.5, 54.8]] },
  // ── Czechoslovakia, cut as Munich, the Vienna Award and March 1939 cut it ──
  { territory: 'sudetenland', countries: ['203'] },
  {
    territory: 'bohemia-moravia',
    countries: ['203'],
    within: [[13.65, 49.25], [13.95, 49.75], [13.55, 50.1], [14.05, 50.35], [14.6, 50.45], [15.2, 50.35], [15.9, 50.3], [16.2, 50.0], [16.8, 49.85], [17.4, 49.8], [18.0, 49.6], [18.55, 49.5], [18.3, 49.1], [17.6, 48.95], [17.0, 49.0], [16.2, 49.15], [15.3, 49.0], [14.6, 49.0], [13.95, 49.15]],
  },
  { territory: 'teschen', countries: ['203'], within: [[18.45, 49.95], [18.85, 49.97], [18.95, 49.55], [18.6, 49.5], [18.4, 49.7]] },
  { territory: 'slovakia', countries: ['703'] },
  { territory: 'ruthenia', countries: ['804'], within: [[22.15, 48.95], [22.55, 49.1], [23.4, 48.95], [24.1, 48.6], [24.7, 48.05], [24.0, 47.9], [23.2, 47.95], [22.85, 47.95], [22.15, 48.1]] },
  { territory: 'southern-slovakia', countries: ['703', '804'], within: [[17.1, 48.05], [17.8, 48.15], [18.6, 48.3], [19.5, 48.4], [20.4, 48.65], [21.3, 48.78], [22.2, 48.65], [22.75, 48.5], [22.95, 48.2], [22.6, 47.9], [17.1, 47.7]] },
  // ── Romania's borderlands, over the Soviet republics they now belong to ──
  { territory: 'romania', countries: ['804'], within: [[24.9, 47.75], [24.9, 48.05], [25.6, 48.45], [26.3, 48.45], [26.9, 48.35], [26.6, 48.0], [26.0, 47.9]] },
  { territory: 'bessarabia', countries: ['498', '804'], within: [[26.6, 48.45], [27.5, 48.5], [28.4, 48.1], [29.2, 47.5], [29.6, 47.0], [30.0, 46.6], [30.3, 46.1], [30.0, 45.8], [29.7, 45.2], [28.2, 45.45], [28.1, 45.9], [28.2, 46.5], [28.0, 47.0], [27.3, 47.6], [26.6, 48.25]] },
  // ── China, cut into the pieces Japan took ──
  {
    territory: 'manchuria',
    countries: ['156'],
    within: [[115.5, 47.3], [117.8, 49.5], [119.2, 50.3], [120.5, 52.5], [122.5, 53.5], [126.0, 53.7], [127.5, 50.3], [130.6, 48.9], [134.8, 48.5], [133.0, 45.0], [131.0, 42.8], [129.5, 42.4], [128.0, 41.5], [126.0, 40.0], [124.3, 39.5], [121.5, 38.5], [120.5, 39.8], [119.8, 40.0], [120.2, 41.5], [121.0, 44.5], [119.5, 46.5], [117.5, 46.6]],
  },
  { territory: 'jehol', countries: ['156'], within: [[115.8, 40.6], [117.2, 40.5], [118.8, 40.2], [119.8, 40.05], [120.4, 41.0], [120.8, 42.4], [119.5, 43.0], [117.5, 43.4], [116.2, 42.3]] },
  { territory: 'kwantung', countries: ['156'], within: [[120.9, 38.6], [122.1, 38.8], [122.3, 39.35], [121.4, 39.6], [121.0, 39.2]] },
  { territory: 'north-china', countries: ['156'], within: [[113.6, 37.5], [114.0, 34.4], [116.4, 34.4], [118.5, 34.4], [119.3, 35.0], [123.0, 36.8], [122.5, 38.0], [119.0, 37.6], [118.0, 38.4], [117.7, 38.9], [119.0, 39.2], [119.8, 40.0], [118.8, 40.2], [117.2, 40.5], [115.4, 40.5], [114.1, 40.5], [114.0, 39.0]] },
  { territory: 'east-china', countries: ['156'], within: [[116.4, 34.4], [118.5, 34.4], [120.5, 34.5], [122.5, 31.5], [122.0, 29.8], [120.5, 29.8], [118.5, 30.2], [117.0, 30.5], [116.4, 31.5]] },
  { territory: 'central-china', countries: ['156'], within: [[112.5, 29.8], [113.0, 31.5], [114.5, 31.8], [116.4, 31.5], [116.6, 30.0], [115.5, 29.4], [113.5, 29.3]] },
  { territory: 'south-china', countries: ['156'], within: [[112.5, 22.2], [112.6, 23.8], [113.8, 24.0], [114.5, 23.2], [114.3, 22.5], [113.5, 22.2]] },
];
