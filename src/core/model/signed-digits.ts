/**
 * Exact integers of any size as decimal text ("-12345678901234567890"), for the few amounts a double cannot hold
 * (beyond 2^53, or seven and more decimals read from a cell's text). Plain string arithmetic rather than BigInt:
 * Internet Explorer 11 and EdgeHTML, where volume-licensed Office runs the add-in, have no BigInt, and the
 * answer must not depend on the engine. Only exact-decimal.ts uses it, and only for sums that need it, so
 * schoolbook addition is fast enough (a total has tens of addends of at most ~40 digits).
 *
 * The form is canonical: no leading zeros, "0" for zero (never "-0"), a leading "-" for negatives.
 */
export type SignedDigits = string;

/** "-000120" → "-120"; "-0" → "0". `digits` holds only 0-9. */
export function signedDigits(negative: boolean, digits: string): SignedDigits {
  let start = 0;
  while (start < digits.length - 1 && digits.charCodeAt(start) === 48) start++;
  const magnitude = digits.slice(start) || "0";
  return negative && magnitude !== "0" ? `-${magnitude}` : magnitude;
}

/** A safe integer as digits: 9007199254740991 → "9007199254740991" (no exponent below 1e21). */
export function digitsOfSafeInteger(n: number): SignedDigits {
  return signedDigits(n < 0, String(Math.abs(n)));
}

function isNegative(a: SignedDigits): boolean {
  return a.charCodeAt(0) === 45;
}

function magnitudeOf(a: SignedDigits): string {
  return isNegative(a) ? a.slice(1) : a;
}

export function negateDigits(a: SignedDigits): SignedDigits {
  return isNegative(a) ? a.slice(1) : a === "0" ? a : `-${a}`;
}

/** a × 10^k: "18" at k = 2 → "1800". */
export function shiftDigits(a: SignedDigits, k: number): SignedDigits {
  if (a === "0" || k <= 0) return a;
  let zeros = "";
  for (let i = 0; i < k; i++) zeros += "0";
  return a + zeros;
}

/** Compares two magnitudes (no sign, canonical): -1, 0 or 1. */
function compareMagnitudes(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** a - b for magnitudes with a ≥ b. */
function subtractMagnitudes(a: string, b: string): string {
  let out = "";
  let borrow = 0;
  for (let i = a.length - 1, j = b.length - 1; i >= 0; i--, j--) {
    let digit = a.charCodeAt(i) - 48 - borrow - (j >= 0 ? b.charCodeAt(j) - 48 : 0);
    borrow = digit < 0 ? 1 : 0;
    if (digit < 0) digit += 10;
    out = String(digit) + out;
  }
  return signedDigits(false, out);
}

function addMagnitudes(a: string, b: string): string {
  let out = "";
  let carry = 0;
  for (let i = a.length - 1, j = b.length - 1; i >= 0 || j >= 0; i--, j--) {
    const digit = (i >= 0 ? a.charCodeAt(i) - 48 : 0) + (j >= 0 ? b.charCodeAt(j) - 48 : 0) + carry;
    carry = digit >= 10 ? 1 : 0;
    out = String(digit - carry * 10) + out;
  }
  return carry ? `1${out}` : out;
}

export function addDigits(a: SignedDigits, b: SignedDigits): SignedDigits {
  const negA = isNegative(a);
  const negB = isNegative(b);
  const ma = magnitudeOf(a);
  const mb = magnitudeOf(b);
  if (negA === negB) return signedDigits(negA, addMagnitudes(ma, mb));
  const order = compareMagnitudes(ma, mb);
  if (order === 0) return "0";
  return order > 0
    ? signedDigits(negA, subtractMagnitudes(ma, mb))
    : signedDigits(negB, subtractMagnitudes(mb, ma));
}

export function subtractDigits(a: SignedDigits, b: SignedDigits): SignedDigits {
  return addDigits(a, negateDigits(b));
}

/** -1, 0 or 1 as a < b, a = b, a > b. */
export function compareDigits(a: SignedDigits, b: SignedDigits): number {
  const negA = isNegative(a);
  if (negA !== isNegative(b)) return negA ? -1 : 1;
  const order = compareMagnitudes(magnitudeOf(a), magnitudeOf(b));
  // Two equal negatives are 0, not -0 (a caller's `=== 0` holds either way, Object.is and sorting keys do not).
  return negA && order !== 0 ? -order : order;
}

export function absDigits(a: SignedDigits): SignedDigits {
  return magnitudeOf(a);
}

/** The nearest double (correctly rounded by the engine's own number parsing). */
export function digitsToNumber(a: SignedDigits): number {
  return Number(a);
}

/** The digits as a safe integer, or null when a double cannot hold them exactly. */
export function digitsToSafeInteger(a: SignedDigits): number | null {
  const n = Number(a);
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * ⌊x × 10^k⌋ for a finite x ≥ 0, exactly from x's shortest decimal text (0.01 at k = 2 → "1", where the float
 * product 0.01 × 100 is 1.0000000000000002): the tolerance of a big sum in units of its last digit.
 * Examples of the text the pattern reads: "0.5", "1e-7", "2.5e+21".
 */
export function floorShiftedDigits(x: number, k: number): SignedDigits {
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(String(x));
  if (!match || x < 0) return "0";
  const whole = match[1]!;
  const fraction = match[2] ?? "";
  const shift = k + Number(match[3] ?? 0);
  const digits = whole + fraction;
  // The decimal point sits after whole.length digits; moving it right by `shift` keeps this many digits.
  const kept = whole.length + shift;
  if (kept <= 0) return "0";
  if (kept >= digits.length) return shiftDigits(signedDigits(false, digits), kept - digits.length);
  return signedDigits(false, digits.slice(0, kept));
}
