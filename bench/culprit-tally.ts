/**
 * The "culprit named" figure of bench:faults, for the sample and for the columnar layouts alike: of the seeded
 * total faults (one or two changed cells), those whose smallest explanation is unique, and of those the share
 * whose error marks on amount cells are exactly the changed cells (the target is 1.0). The faults with several
 * equally small explanations (ambiguous), or none of three cells or fewer (too-many), are counted apart.
 */
import type { Analysis } from "../src/core/model/analysis";
import { buildPlan } from "../src/core/plan/build-plan";

interface KindTally {
  faults: number;
  unique: number;
  named: number;
  ambiguous: number;
}

export class CulpritTally {
  private faults = 0;
  private unique = 0;
  private named = 0;
  private ambiguous = 0;
  private tooMany = 0;
  private readonly byKind: Record<string, KindTally> = {};
  private readonly misses: string[] = [];

  /** One seeded total fault: the analysis of the changed table, the cells changed, which cells are amounts. */
  add(
    kind: string,
    analysis: Analysis,
    seeded: readonly string[],
    isAmount: (cell: string) => boolean,
  ): void {
    const k = (this.byKind[kind] ??= { faults: 0, unique: 0, named: 0, ambiguous: 0 });
    this.faults++;
    k.faults++;
    const verdicts = new Set(analysis.issues.map((i) => i.details.culprits?.verdict).filter(Boolean));
    if (verdicts.has("too-many")) {
      this.tooMany++;
      return;
    }
    if (verdicts.has("ambiguous")) {
      this.ambiguous++;
      k.ambiguous++;
      return;
    }
    this.unique++;
    k.unique++;
    const plan = buildPlan(analysis, { sourceSheet: "Sheet1", locale: "zh-CN" });
    const marked = plan.marks
      .filter((m) => m.severity === "error" && isAmount(m.cell))
      .map((m) => m.cell)
      .sort();
    if (marked.join() === [...seeded].sort().join()) {
      this.named++;
      k.named++;
    } else if (this.misses.length < 5) {
      this.misses.push(`${kind} ${seeded.join(",")}: marked ${marked.join(",")}`);
    }
  }

  figures(): unknown {
    return {
      faults: this.faults,
      unique: this.unique,
      named: this.named,
      share: this.unique === 0 ? null : Number((this.named / this.unique).toFixed(4)),
      ambiguous: this.ambiguous,
      tooMany: this.tooMany,
      byKind: this.byKind,
      misses: this.misses,
    };
  }
}
