// Helpers for the surveys screens: question types, chart geometry, and files in and out.
import type { surveys } from '../wailsjs/go/models';

export const KINDS: { value: string; label: string }[] = [
  { value: 'single', label: 'Single choice' },
  { value: 'multiple', label: 'Multiple choice' },
  { value: 'rating', label: 'Rating scale' },
  { value: 'text', label: 'Free text' },
  { value: 'number', label: 'Number' },
  { value: 'date', label: 'Date' },
];

export const FORMATS: { value: string; label: string }[] = [
  { value: '', label: 'Detect from the file' },
  { value: 'surveymonkey', label: 'SurveyMonkey “all responses” (CSV or XLSX)' },
  { value: 'limesurvey', label: 'LimeSurvey CSV' },
  { value: 'csv', label: 'Staffdesk CSV' },
];

/** A question type's name for people. */
export function kindLabel(kind: string): string {
  return KINDS.find((k) => k.value === kind)?.label ?? kind;
}

/** Whether a question's type has options. */
export function hasOptions(kind: string): boolean {
  return kind === 'single' || kind === 'multiple';
}

/** A new, empty question of a type. */
export function blankQuestion(kind = 'single'): surveys.Question {
  return {
    id: '',
    text: '',
    kind,
    options: [],
    allowOther: false,
    scaleMin: kind === 'rating' ? 1 : 0,
    scaleMax: kind === 'rating' ? 5 : 0,
    sensitive: false,
    showIf: { question: '', answer: '' },
  } as unknown as surveys.Question;
}

/** A new survey's details. */
export function blankDetails(owner: string): surveys.Details {
  return {
    title: '',
    purpose: '',
    owner,
    retentionDays: 365,
    sharing: 'none',
    partner: '',
    keepIp: false,
    questions: [blankQuestion()],
  } as unknown as surveys.Details;
}

/** The top of a chart's value axis: a round number at or above max (1, 2, 5 times a power of ten). */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 5, 10]) if (m * p >= max) return m * p;
  return 10 * p;
}

export interface Slice {
  path: string;
  label: string;
  value: number;
  percent: number;
}

/** Pie slices as SVG paths on a circle of radius r centred at (r, r); empty values get no slice. */
export function pieSlices(labels: string[], values: number[], r: number): Slice[] {
  const total = values.reduce((a, b) => a + b, 0);
  if (total === 0) return [];
  const out: Slice[] = [];
  let angle = -Math.PI / 2;
  values.forEach((v, i) => {
    if (v <= 0) return;
    const share = v / total;
    const end = angle + share * 2 * Math.PI;
    const pt = (a: number) => `${(r + r * Math.cos(a)).toFixed(2)} ${(r + r * Math.sin(a)).toFixed(2)}`;
    const path =
      share >= 0.9999
        ? `M ${r} 0 A ${r} ${r} 0 1 1 ${r - 0.01} 0 Z`
        : `M ${r} ${r} L ${pt(angle)} A ${r} ${r} 0 ${share > 0.5 ? 1 : 0} 1 ${pt(end)} Z`;
    out.push({ path, label: labels[i], value: v, percent: Math.round(share * 1000) / 10 });
    angle = end;
  });
  return out;
}

/** A chart's text alternative: the largest values first, as a sentence. */
export function describe(labels: string[], values: number[], unit = 'responses'): string {
  const order = values.map((v, i) => i).sort((a, b) => values[b] - values[a]);
  const top = order.slice(0, 3).map((i) => `${labels[i]}: ${values[i].toLocaleString('en-GB')}`);
  return top.length === 0 ? 'No answers yet.' : `Most ${unit}: ${top.join('; ')}.`;
}

/** Reads a chosen file as base64 for the Go side. */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** Offers base64 content as a file download (browser mode and Wails alike). */
export function saveBase64(name: string, b64: string, type: string): void {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Client-side checks of a survey that mirror Go's, field ids as the editor names them. */
export function detailsErrors(d: surveys.Details): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  if (d.title.trim() === '') out.push({ field: 'survey-title', message: 'Enter a title' });
  if (d.purpose.trim() === '') out.push({ field: 'survey-purpose', message: 'Say what the survey is for' });
  if (d.owner.trim() === '') out.push({ field: 'survey-owner', message: 'Enter the owner' });
  if (!(d.retentionDays >= 1 && d.retentionDays <= 3650))
    out.push({ field: 'survey-retention', message: 'The retention period must be between 1 and 3650 days' });
  if (d.sharing === 'consent' && d.partner.trim() === '')
    out.push({ field: 'survey-partner', message: 'Name the third party answers may be shared with' });
  d.questions.forEach((q, i) => {
    if (q.text.trim() === '') out.push({ field: `q-text-${i}`, message: `Question ${i + 1} has no text` });
    else if (hasOptions(q.kind) && q.options.length === 0)
      out.push({ field: `q-options-${i}`, message: `Question ${i + 1} needs options, one per line` });
  });
  return out;
}
