import { autoDetect } from '@serialport/bindings-cpp';
import { SerialPortStream } from '@serialport/stream';

/** Espruino's USB console speed (ignored by USB CDC and by pseudo-terminals, used by USB-UART bridges). */
export const ESPRUINO_BAUD = 115200;

/**
 * Opens a serial device (a badge on /dev/ttyUSB0, or the emulator's pty)
 * with the platform's native binding. Rejects with the binding's error
 * (ENOENT, EACCES, ...) when the device cannot be opened.
 */
export async function openSerialPort(path: string, baudRate = ESPRUINO_BAUD): Promise<SerialPortStream> {
  const port = new SerialPortStream({ binding: autoDetect(), path, baudRate, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
  return port;
}

export async function closeSerialPort(port: SerialPortStream): Promise<void> {
  if (!port.isOpen) return;
  await new Promise<void>((resolve) => port.close(() => resolve()));
}
