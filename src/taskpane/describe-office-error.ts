import type { PaneMessages } from "./messages";

/**
 * An Office error in the user's language with what to do next. Office.js rejects with an OfficeExtension.Error
 * whose `code` names the failure ("InvalidOperationInCellEditMode", "AccessDenied", …); anything else is a bug
 * or an outside failure and is shown with its name so support can find it.
 */
export function describeOfficeError(error: unknown, pane: PaneMessages): string {
  const code =
    typeof error === "object" && error !== null && typeof (error as { code?: unknown }).code === "string"
      ? (error as { code: string }).code
      : error instanceof Error
        ? error.name
        : "Error";
  return pane.officeErrors[code] ?? pane.officeErrorUnknown(code);
}
