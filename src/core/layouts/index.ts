/**
 * The layouts the core reads, in the order they are asked: when two recognise the same grid equally well, the
 * earlier one reads it. A new layout is a folder beside guangdong-string/ and a line here.
 */
import { departmentColumns } from "./department-columns";
import { guangdongString } from "./guangdong-string";
import { indicatorSegments } from "./indicator-segments";
import type { RegisteredLayout } from "./layout";
import { projectForm } from "./project-form";
import { selfEvaluationForm } from "./self-evaluation-form";

export const LAYOUTS: readonly RegisteredLayout[] = [
  guangdongString,
  indicatorSegments,
  departmentColumns,
  projectForm,
  selfEvaluationForm,
];
