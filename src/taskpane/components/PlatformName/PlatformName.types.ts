import { type PlatformNameSource } from '../../../workbook';

/** A one-platform table's platform in 识别结果: its name, and where the name came from. */
export interface PlatformNameProps {
  readonly sheet: string;
  readonly name: string;
  readonly source: PlatformNameSource;
}

export interface PlatformNameState {
  /** The input's id (its label points at it). */
  readonly id: string;
  /** What the input holds now (the name, or what the user is typing). */
  readonly value: string;
  /** Where the name came from, in words. */
  readonly sourceText: string;
  /** The name the recognition gave, when the user's replaces it (null: the name is the recognized one). */
  readonly recognized: string | null;
  /** Why the typed name was refused, or null. */
  readonly problem: string | null;
  /** A warning about the name in use (another platform of the evaluation has it), or null. */
  readonly warning: string | null;
  readonly disabled: boolean;
  readonly change: (value: string) => void;
  /** Applies the typed name (Enter, leaving the input). */
  readonly commit: () => void;
  /** Back to the name in use (Escape). */
  readonly cancel: () => void;
  /** Back to the recognized name: the mapping no longer names the platform. */
  readonly restore: () => void;
}
