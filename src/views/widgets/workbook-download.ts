import type {WorkbookModel} from "../../workbook/index.js";
import {writeXlsx, type ExcelLibrary} from "../../workbook/xlsx.js";

/**
 * "Download workbook": the view as an .xlsx whose model is live formulas. The workbook is
 * made on click, not on every input (it is a few hundred rows of formulas), and exceljs's
 * browser build is loaded then too, so the page does not pay for it until asked.
 */
export function workbookDownload(makeModel: () => WorkbookModel, fileName: string): HTMLElement {
  const box = document.createElement("p");
  box.className = "workbook-download";
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = "Download workbook (.xlsx, live formulas)";
  const status = document.createElement("span");
  status.setAttribute("role", "status");
  button.addEventListener("click", async () => {
    button.disabled = true;
    status.textContent = " Making the workbook…";
    try {
      const excel = (await import("exceljs/dist/exceljs.bare.min.js")).default as ExcelLibrary;
      const bytes = await writeXlsx(makeModel(), excel);
      const link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([bytes as BlobPart], {type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}));
      link.download = fileName;
      link.className = "download-workbook";
      box.append(link);
      link.click();
      // The one object URL of this click, let go once the download has started.
      setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 60_000);
      status.textContent = ` ${fileName}: ${(bytes.length / 1024).toFixed(0)} kB. Open it in Excel, LibreOffice or Google Sheets; change a blue input and the model recomputes.`;
    } catch (error) {
      status.textContent = ` The workbook could not be made: ${(error as Error).message}`;
    } finally {
      button.disabled = false;
    }
  });
  box.append(button, status);
  return box;
}
