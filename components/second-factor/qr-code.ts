import "server-only";
import QRCode from "qrcode";

/** The enrolment QR code as a data: URL, drawn on the server (no third-party image service sees the secret). */
export function qrDataUrl(uri: string): Promise<string> {
  return QRCode.toDataURL(uri, { errorCorrectionLevel: "M", margin: 2, width: 220 });
}
