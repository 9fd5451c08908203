/** Battery and charger, shaped after Espruino's `E.getBattery()`, `analogRead(pin)` and a charger status pin. */
export interface Battery {
  percent(): number;
  millivolts(): number;
  charging(): boolean;
}
