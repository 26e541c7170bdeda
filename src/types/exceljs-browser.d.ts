// exceljs's browser build (UMD): the same API as the package's own types.
declare module "exceljs/dist/exceljs.bare.min.js" {
  import ExcelJS from "exceljs";
  export default ExcelJS;
}
