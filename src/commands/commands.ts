/**
 * The ribbon's one-click 规范化指标: the same run as the pane's button, on the active sheet, in the user's
 * language. Excel shows the sheet the plan chooses (校验结果 when there are errors, else 指标明细). The event is
 * completed on every path, or Excel would keep the button busy.
 */
import { resolveLocale } from "../core/messages";
import { runNormalizer } from "../excel/run-normalizer";

export async function normalizeIndicators(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await runNormalizer({ locale: resolveLocale(Office.context.displayLanguage) });
  } catch (error) {
    // No pane is open to show it; the console is where support looks. The pane's Run shows the same in words.
    console.error("normalizeIndicators failed", error);
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  // The name is manifest.xml's FunctionName (test/manifest checks they match).
  Office.actions.associate("normalizeIndicators", normalizeIndicators);
});
