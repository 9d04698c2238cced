/**
 * The bundled sample as a clerk's workbook: the table pasted at A1 of a sheet named baiyun-2024, every cell as the
 * text the paste put there, written by ExcelJS (another program's package, as a clerk's file would be).
 */
import ExcelJS from "exceljs";
import { loadSampleGrid } from "./sample";

export async function writeSampleWorkbook(path: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("baiyun-2024");
  loadSampleGrid().forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== null) sheet.getCell(r + 1, c + 1).value = value;
    }),
  );
  await book.xlsx.writeFile(path);
}
